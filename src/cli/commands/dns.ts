import type { Command } from "commander";
import { auditDns } from "../../audit.js";
import { normalizeDomain } from "../../core/domain-name.js";
import {
  addAuditOptions,
  addNetworkOptions,
  addOutputOptions,
  auditContextFrom,
  emitReport,
  saveEvidence,
  type AuditFlags,
} from "../common.js";

export function register(program: Command): void {
  const cmd = program
    .command("dns")
    .description(
      "audit a mail domain's DNS: MX, PTR, SPF, DMARC, DKIM, MTA-STS, TLS-RPT, BIMI, DNSSEC, DANE, DNSBL",
    )
    .argument("<domain>", "the mail domain (IDN allowed)");
  addNetworkOptions(addOutputOptions(addAuditOptions(cmd))).action(
    async (domain: string, flags: AuditFlags) => {
      const ctx = await auditContextFrom(flags, normalizeDomain(domain));
      const report = await auditDns(domain, ctx).finally(() => ctx.finish());
      saveEvidence(flags.saveEvidence, report);
      process.exitCode = emitReport(report, flags);
    },
  );
}
