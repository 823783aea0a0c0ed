import type { Command } from "commander";
import { checkDomain } from "../../audit.js";
import { normalizeDomain } from "../../core/domain-name.js";
import { UsageError } from "../../core/exit-codes.js";
import { parsePortList } from "../../probes/ports.js";
import { DEFAULT_MAIL_PORTS } from "../../probes/servers-evidence.js";
import {
  addAuditOptions,
  addNetworkOptions,
  addOutputOptions,
  auditContextFrom,
  emitReport,
  saveEvidence,
  type AuditFlags,
} from "../common.js";

interface CheckFlags extends AuditFlags {
  ports?: string;
  ehlo?: string;
  relayTestRcpt?: string;
  relayTest?: boolean;
}

export function register(program: Command): void {
  const cmd = program
    .command("check")
    .description(
      "the whole outside view of a mail domain: DNS audit, then ports, SMTP, TLS and certificates of every MX",
    )
    .argument("<domain>", "the mail domain (IDN allowed)");
  addNetworkOptions(addOutputOptions(addAuditOptions(cmd))).action(
    async (domain: string, flags: AuditFlags) => {
      const ctx = await auditContextFrom(flags, normalizeDomain(domain));
      const report = await checkDomain(domain, ctx).finally(() => ctx.finish());
      saveEvidence(flags.saveEvidence, report);
      process.exitCode = emitReport(report, flags);
    },
  );
}
