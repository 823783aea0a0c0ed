import type { Command } from "commander";
import { checkDomain } from "../../audit.js";
import { normalizeDomain } from "../../core/domain-name.js";
import { addNetworkOptions, addOutputOptions, contextFrom, emitReport, saveEvidence, type CommonFlags } from "../common.js";

interface CheckFlags extends CommonFlags {
  selector?: string[];
  saveEvidence?: string;
  ca?: string[];
}

export function register(program: Command): void {
  const cmd = program
    .command("check")
    .description("the whole outside view of a mail domain: DNS audit, then ports, SMTP, TLS and certificates of every MX")
    .argument("<domain>", "the mail domain (IDN allowed)")
    .option("--selector <name>", "DKIM selector to look for (repeatable)", (v: string, p: string[] = []) => [...p, v])
    .option("--ca <file>", "extra trusted CA certificate, PEM (repeatable)", (v: string, p: string[] = []) => [...p, v])
    .option("--save-evidence <file>", "write the gathered evidence to FILE (re-judge it with `mxray report FILE`)");
  addNetworkOptions(addOutputOptions(cmd)).action(async (domain: string, flags: CheckFlags) => {
    normalizeDomain(domain);
    const ctx = contextFrom(flags);
    ctx.dkimSelectors = flags.selector;
    if (flags.ca) {
      const { readFileSync } = await import("node:fs");
      ctx.extraCa = flags.ca.map((f) => readFileSync(f, "utf8"));
    }
    const report = await checkDomain(domain, ctx).finally(() => ctx.finish());
    saveEvidence(flags.saveEvidence, report);
    process.exitCode = emitReport(report, flags);
  });
}
