import { isIP } from "node:net";
import type { Command } from "commander";
import { makeReport } from "../../audit.js";
import { runChecks } from "../../core/check.js";
import { normalizeDomain } from "../../core/domain-name.js";
import type { Evidence } from "../../core/evidence.js";
import { UsageError } from "../../core/exit-codes.js";
import { finding, type Finding } from "../../core/finding.js";
import { portsCheck, formatPortLine } from "../../checks/ports.js";
import { formatAnswer, type DnsAnswer } from "../../net/dns/types.js";
import { parsePortList } from "../../probes/ports.js";
import { DEFAULT_MAIL_PORTS } from "../../probes/servers-evidence.js";
import { gatherServers, resolveHost } from "../../probes/servers.js";
import { escapeTerminal } from "../../report/escape.js";
import {
  addNetworkOptions,
  addOutputOptions,
  contextFrom,
  emitReport,
  saveEvidence,
  type CommonFlags,
} from "../common.js";

interface PortsFlags extends CommonFlags {
  ports?: string;
  saveEvidence?: string;
}

/** A host name or an IP address typed by the user, normalised; brackets around IPv6 are dropped. */
export function normalizeHostArgument(input: string): string {
  const bare = input.trim().replace(/^\[(.*)\]$/, "$1");
  return isIP(bare) ? bare : normalizeDomain(bare);
}

/** `dns.lookup.failed` for address lookups that failed (SERVFAIL, timeout...), never "no address". */
export function lookupFailures(answers: readonly DnsAnswer[], area: string): Finding[] {
  return answers
    .filter((a) => !["noerror", "nodata", "nxdomain"].includes(a.status))
    .map((a) =>
      finding("dns.lookup.failed", "error", area, a.name, { name: a.name, type: a.type, status: a.status }, [
        { kind: "dns", label: `${a.name} ${a.type}`, lines: formatAnswer(a) },
      ]),
    );
}

export function register(program: Command): void {
  const cmd = program
    .command("ports")
    .description("which mail ports of a host are open, closed, filtered or unreachable, with connect times")
    .argument("<host>", "host name (resolved through --resolver) or IP address")
    .option("--ports <list>", `ports to try, e.g. 25,587 or 20-30 (default ${DEFAULT_MAIL_PORTS.join(",")})`)
    .option(
      "--save-evidence <file>",
      "write the gathered evidence to FILE (re-judge it with `mxray report FILE`)",
    );
  addNetworkOptions(addOutputOptions(cmd)).action(async (input: string, flags: PortsFlags) => {
    const ports = flags.ports === undefined ? [...DEFAULT_MAIL_PORTS] : parsePortList(flags.ports);
    if (!ports)
      throw new UsageError(
        `--ports takes a list like 25,465,587 or 20-30 (1-65535), not ${JSON.stringify(flags.ports)}`,
      );
    const host = normalizeHostArgument(input);
    const ctx = contextFrom(flags);
    const started = ctx.now();
    try {
      const resolved = await resolveHost(host, ctx);
      const gathered = await gatherServers(
        [{ name: host, addresses: resolved.addresses, answers: resolved.answers }],
        ctx,
        {
          ports,
          sessions: false,
          role: "host",
        },
      );
      const evidence: Evidence = {
        schema: 1,
        target: host,
        input,
        collectedAt: started.toISOString(),
        resolvers: [...ctx.dns.servers],
        ports: gathered.ports,
      };
      const findings = [...lookupFailures(resolved.answers, "ports"), ...runChecks([portsCheck], evidence)];
      const report = {
        ...makeReport("ports", evidence, findings, started, ctx.now()),
        data: gathered.ports.results,
      };
      saveEvidence(flags.saveEvidence, report);
      const matrix = gathered.ports.results.map(
        (r) => `  ${escapeTerminal(r.address.padEnd(16))} ${formatPortLine(r)}`,
      );
      process.exitCode = emitReport(report, flags, ["", ...matrix]);
    } finally {
      ctx.finish();
    }
  });
}
