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
    .argument("<domain>", "the mail domain (IDN allowed)")
    .option("--ports <list>", `ports to try on every MX address (default ${DEFAULT_MAIL_PORTS.join(",")})`)
    .option("--ehlo <name>", "name to give in EHLO (default: this machine's FQDN, else an address literal)")
    .option(
      "--relay-test-rcpt <address>",
      "outside recipient for the open-relay test (mxray never sends DATA)",
    )
    .option("--no-relay-test", "skip the open-relay test");
  addNetworkOptions(addOutputOptions(addAuditOptions(cmd))).action(
    async (domain: string, flags: CheckFlags) => {
      const ports = flags.ports === undefined ? undefined : parsePortList(flags.ports);
      if (flags.ports !== undefined && !ports)
        throw new UsageError(
          `--ports takes a list like 25,465,587 or 20-30 (1-65535), not ${JSON.stringify(flags.ports)}`,
        );
      const ctx = await auditContextFrom(flags, normalizeDomain(domain));
      ctx.servers = {
        ports,
        ehloName: flags.ehlo,
        relayRecipient: flags.relayTestRcpt,
        relayTest: flags.relayTest,
      };
      const report = await checkDomain(domain, ctx).finally(() => ctx.finish());
      saveEvidence(flags.saveEvidence, report);
      process.exitCode = emitReport(report, flags);
    },
  );
}
