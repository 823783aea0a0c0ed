import type { Command } from "commander";
import { auditDns } from "../../audit.js";
import { normalizeDomain } from "../../core/domain-name.js";
import { addNetworkOptions, addOutputOptions, contextFrom, emitReport, saveEvidence, type CommonFlags } from "../common.js";

interface DnsFlags extends CommonFlags {
  selector?: string[];
  saveEvidence?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command("dns")
    .description("audit a mail domain's DNS: MX, PTR, SPF, DMARC, DKIM, MTA-STS, TLS-RPT, BIMI, DNSSEC, DANE, DNSBL")
    .argument("<domain>", "the mail domain (IDN allowed)")
    .option("--selector <name>", "DKIM selector to look for (repeatable)", (v: string, p: string[] = []) => [...p, v])
    .option("--save-evidence <file>", "write the gathered evidence to FILE (re-judge it with `mxray report FILE`)");
  addNetworkOptions(addOutputOptions(cmd)).action(async (domain: string, flags: DnsFlags) => {
    normalizeDomain(domain);
    const ctx = contextFrom(flags);
    ctx.dkimSelectors = flags.selector;
    const report = await auditDns(domain, ctx).finally(() => ctx.finish());
    saveEvidence(flags.saveEvidence, report);
    process.exitCode = emitReport(report, flags);
  });
}
