import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { makeReport } from "../../audit.js";
import { runChecks } from "../../core/check.js";
import type { Evidence } from "../../core/evidence.js";
import { UsageError } from "../../core/exit-codes.js";
import { finding } from "../../core/finding.js";
import { relayCheck } from "../../checks/relay.js";
import { smtpCheck } from "../../checks/smtp.js";
import { formatAnswer } from "../../net/dns/types.js";
import { hostLimiterFor } from "../../net/host-limiter.js";
import { parseHostPort } from "../../net/tcp.js";
import { DEFAULT_RELAY_RECIPIENT, probeRelay } from "../../probes/relay.js";
import type { RelayTestEvidence, SmtpSessionEvidence } from "../../probes/servers-evidence.js";
import { resolveHost } from "../../probes/servers.js";
import { probeSmtpSession } from "../../probes/smtp.js";
import { escapeTerminal } from "../../report/escape.js";
import {
  addNetworkOptions,
  addOutputOptions,
  contextFrom,
  emitReport,
  saveEvidence,
  type CommonFlags,
} from "../common.js";
import { lookupFailures, normalizeHostArgument } from "./ports.js";

interface SmtpFlags extends CommonFlags {
  ehlo?: string;
  relayTest?: boolean;
  relayTestRcpt?: string;
  vrfy?: boolean;
  ca?: string[];
  saveEvidence?: string;
}

const RCPT = /^[^\s<>@"]+@[A-Za-z0-9.-]+\.[A-Za-z0-9-]+$/;
const EHLO = /^(\[[0-9A-Fa-f:.IPv]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$/;

/** `  192.0.2.1:25  connect 0.4 ms · banner 1.1 ms · ehlo 0.9 ms ...`: the time of every phase. */
export function formatTimings(s: { address: string; port: number; phases: Record<string, number> }): string {
  const parts = Object.entries(s.phases).map(([phase, ms]) => `${phase} ${ms} ms`);
  return `  ${escapeTerminal(s.address)}:${s.port}  ${parts.join(" · ") || "-"}`;
}

export function register(program: Command): void {
  const cmd = program
    .command("smtp")
    .description(
      "an SMTP session with every address of a host: banner, EHLO, STARTTLS, AUTH, VRFY/EXPN and an open-relay test that stops before DATA",
    )
    .argument(
      "<host[:port]>",
      "host name or IP address, port 25 by default (465 = implicit TLS), e.g. mx.example.com:587 or [2001:db8::1]:25",
    )
    .option("--ehlo <name>", "name to give in EHLO (default: this machine's FQDN, else an address literal)")
    .option(
      "--relay-test-rcpt <address>",
      `outside recipient for the relay test (default ${DEFAULT_RELAY_RECIPIENT}; mxray never sends DATA)`,
    )
    .option("--no-relay-test", "skip the open-relay test (run by default on ports 25 and 2525)")
    .option("--no-vrfy", "do not ask VRFY and EXPN")
    .option(
      "--ca <file>",
      "extra trusted CA certificate, PEM (repeatable)",
      (v: string, p: string[] = []) => [...p, v],
    )
    .option(
      "--save-evidence <file>",
      "write the gathered evidence to FILE (re-judge it with `mxray report FILE`)",
    );
  addNetworkOptions(addOutputOptions(cmd)).action(async (input: string, flags: SmtpFlags) => {
    const target = parseHostPort(input);
    if (!target) throw new UsageError(`not a host[:port]: ${JSON.stringify(input)}`);
    const host = normalizeHostArgument(target.host);
    const port = target.port ?? 25;
    if (flags.ehlo !== undefined && !EHLO.test(flags.ehlo))
      throw new UsageError(
        `--ehlo takes a host name or an address literal, not ${JSON.stringify(flags.ehlo)}`,
      );
    const recipient = flags.relayTestRcpt ?? DEFAULT_RELAY_RECIPIENT;
    if (!RCPT.test(recipient))
      throw new UsageError(
        `--relay-test-rcpt takes an address like user@example.net, not ${JSON.stringify(recipient)}`,
      );
    const extraCa = (flags.ca ?? []).map((f) => readFileSync(f, "utf8"));
    const ctx = contextFrom(flags);
    ctx.extraCa = extraCa;
    const started = ctx.now();
    try {
      const resolved = await resolveHost(host, ctx);
      const limiter = hostLimiterFor(ctx);
      const sessions: SmtpSessionEvidence[] = [];
      const relay: RelayTestEvidence[] = [];
      for (const address of resolved.addresses) {
        ctx.progress.step(`smtp ${address}:${port}`);
        const common = {
          host,
          address,
          port,
          timeoutMs: ctx.timeoutMs,
          signal: ctx.signal,
          ehloName: flags.ehlo,
        };
        const release = await limiter.acquire(address, ctx.signal);
        try {
          const s = await probeSmtpSession({
            ...common,
            mode: port === 465 ? "implicit" : "starttls",
            extraCa,
            dns: ctx.dns,
            vrfy: flags.vrfy,
          });
          sessions.push(s);
          const relayPort = port === 25 || port === 2525;
          if (relayPort && flags.relayTest !== false && s.banner?.code === 220 && !s.rateLimited) {
            ctx.progress.step(`relay test ${address}:${port}`);
            relay.push(await probeRelay({ ...common, recipient }));
          }
        } finally {
          release();
        }
      }
      const evidence: Evidence = {
        schema: 1,
        target: host,
        input,
        collectedAt: started.toISOString(),
        resolvers: [...ctx.dns.servers],
        smtp: { sessions, relay },
      };
      const findings = [
        ...lookupFailures(resolved.answers, "smtp"),
        ...runChecks([smtpCheck, relayCheck], evidence),
      ];
      if (resolved.addresses.length === 0 && findings.length === 0) {
        const blocks = resolved.answers.map((a) => ({
          kind: "dns" as const,
          label: `${a.name} ${a.type}`,
          lines: formatAnswer(a),
        }));
        findings.push(finding("ports.host.no-address", "error", "smtp", host, { host }, blocks));
      }
      const timings = sessions.map((x) => ({
        address: x.address,
        port: x.port,
        ehloName: x.ehloName,
        phases: x.phases,
      }));
      const report = {
        ...makeReport("smtp", evidence, findings, started, ctx.now()),
        data: { sessions: timings },
      };
      saveEvidence(flags.saveEvidence, report);
      process.exitCode = emitReport(
        report,
        flags,
        ["", ...timings.map(formatTimings)],
        flags.verbose === true,
      );
    } finally {
      ctx.finish();
    }
  });
}
