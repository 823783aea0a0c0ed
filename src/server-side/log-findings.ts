import { finding, type EvidenceBlock, type Finding } from "../core/finding.js";
import type { Severity } from "../core/severity.js";
import { MAX_BOUNDARY_EVENTS, type LogSummary } from "./postfix-log/summary.js";

export interface LogThresholds {
  /** SASL failures from one client that count as brute force. */
  saslBruteForce: number;
  /** "lost connection after CONNECT" from unknown clients that counts as scanning. */
  scanLike: number;
  /** p90 delivery delay (s) above which a relay is slow. */
  slowDelay: number;
}

export const DEFAULT_LOG_THRESHOLDS: LogThresholds = { saslBruteForce: 5, scanLike: 3, slowDelay: 300 };

const AREA = "logs";

function logBlock(label: string, lines: string[]): EvidenceBlock {
  return { kind: "log", label, lines };
}

const DEFERRAL_SEVERITY: Record<string, Severity> = {
  unreachable: "warning",
  timeout: "warning",
  tls: "warning",
  dns: "warning",
  "remote-temporary": "info",
  mailbox: "info",
  local: "error",
  other: "warning",
};

/**
 * Judges a log summary: every problem group becomes a finding with its evidence. Pure.
 *
 * @example
 *   logFindings(summary).map((f) => f.id); // ["logs.summary", "logs.reject.relay-denied", ...]
 */
export function logFindings(
  s: LogSummary,
  subject: string,
  th: LogThresholds = DEFAULT_LOG_THRESHOLDS,
): Finding[] {
  const out: Finding[] = [];
  const t = s.totals;
  const l = s.lines;
  const mailLines = l.postfix + l.exim;
  if (mailLines === 0) {
    out.push(
      finding("logs.input.empty", "warning", AREA, subject, {
        lines: l.total,
        other: l.otherPrograms,
        unrecognized: l.unrecognized,
      }),
    );
  } else {
    out.push(
      finding("logs.summary", "ok", AREA, subject, {
        lines: mailLines,
        received: t.received,
        delivered: t.delivered,
        deferred: t.deferred,
        bounced: t.bounced,
        rejected: t.rejected,
        first: s.period?.first ?? "-",
        last: s.period?.last ?? "-",
      }),
    );
  }
  const skipped = l.binary + l.truncated + l.overlong + l.unrecognized;
  if (skipped > 0) {
    out.push(
      finding("logs.input.skipped", "warning", AREA, subject, {
        skipped,
        binary: l.binary,
        truncated: l.truncated,
        overlong: l.overlong,
        unrecognized: l.unrecognized,
        total: l.total,
      }),
    );
  }
  for (const r of s.rejects) {
    const clients = r.clients.map((c) => `${c.key} ×${c.count}`).join(", ");
    out.push(
      finding(
        `logs.reject.${r.category}`,
        "info",
        AREA,
        r.rule || r.category,
        { count: r.count, rule: r.rule, code: r.code, clients: clients || "-", example: r.example },
        [logBlock(`${r.count} × ${r.code}`, [r.example, ...r.clients.map((c) => `${c.key}: ${c.count}`)])],
      ),
    );
  }
  for (const d of s.deferrals.byHost.slice(0, 10)) {
    const dsn = s.deferrals.byDsn.find((x) => x.example === d.example)?.dsn ?? "";
    out.push(
      finding(
        `logs.deferral.${d.category}`,
        DEFERRAL_SEVERITY[d.category] ?? "warning",
        AREA,
        d.host,
        { count: d.count, host: d.host, dsn, example: d.example },
        [logBlock(`${d.count} × ${d.host}`, [d.example])],
      ),
    );
  }
  for (const b of s.bounces.slice(0, 10)) {
    out.push(
      finding(
        "logs.bounce.group",
        "warning",
        AREA,
        b.relay,
        { count: b.count, relay: b.relay, reason: b.reason },
        [logBlock(b.relay, [b.reason])],
      ),
    );
  }
  const c = s.connections;
  if (c.scanLike >= th.scanLike) {
    out.push(
      finding(
        "logs.connection.scan",
        "info",
        AREA,
        subject,
        { count: c.scanLike, clients: c.scanClients.length, top: c.scanClients[0]?.key ?? "-" },
        [
          logBlock(
            "lost connection after CONNECT from unknown[…]",
            c.scanClients.map((x) => `${x.key}: ${x.count}`),
          ),
        ],
      ),
    );
  }
  for (const lost of c.lostAfter) {
    if (lost.key === "CONNECT") continue;
    out.push(
      finding(
        "logs.connection.lost",
        lost.key === "DATA" || lost.key === "END-OF-MESSAGE" ? "warning" : "info",
        AREA,
        subject,
        { count: lost.count, stage: lost.key },
      ),
    );
  }
  for (const to of c.timeouts)
    out.push(
      finding("logs.connection.timeout", "warning", AREA, subject, { count: to.count, stage: to.key }),
    );
  if (c.tlsFailures.length) {
    const total = c.tlsFailures.reduce((n, f) => n + f.count, 0);
    out.push(
      finding(
        "logs.tls.handshake-failed",
        "warning",
        AREA,
        subject,
        { count: total, reason: c.tlsFailures[0]?.key ?? "-" },
        [
          logBlock(
            "TLS",
            c.tlsFailures.map((f) => `${f.count} × ${f.key}`),
          ),
        ],
      ),
    );
  }
  for (const client of s.sasl.byClient) {
    if (client.count >= th.saslBruteForce) {
      out.push(
        finding(
          "logs.sasl.brute-force",
          "warning",
          AREA,
          client.client,
          { client: client.client, count: client.count, users: client.users.join(", ") || "-" },
          [
            logBlock(client.client, [
              `${client.count} SASL authentication failures`,
              ...client.users.map((u) => `sasl_username=${u}`),
            ]),
          ],
        ),
      );
    }
  }
  const fewer = s.sasl.byClient.filter((x) => x.count < th.saslBruteForce);
  if (fewer.length) {
    out.push(
      finding("logs.sasl.failures", "info", AREA, subject, {
        count: fewer.reduce((n, x) => n + x.count, 0),
        clients: fewer.length,
      }),
    );
  }
  if (s.postscreen.events.length) {
    out.push(
      finding(
        "logs.postscreen.activity",
        "info",
        AREA,
        subject,
        { events: s.postscreen.events.map((e) => `${e.key} ${e.count}`).join(", ") },
        [
          logBlock("postscreen", [
            ...s.postscreen.events.map((e) => `${e.key}: ${e.count}`),
            ...s.postscreen.dnsblHits.map((d) => `DNSBL ${d.key}: ${d.count}`),
          ]),
        ],
      ),
    );
  }
  const tls = s.tls;
  const viaSmtp = tls.receivedOverTls + tls.receivedPlaintext;
  if (tls.receivedPlaintext > 0) {
    out.push(
      finding("logs.tls.inbound-plaintext", "info", AREA, subject, {
        plain: tls.receivedPlaintext,
        total: viaSmtp,
        percent: Math.round((tls.receivedPlaintext / viaSmtp) * 100),
      }),
    );
  }
  const old = [...tls.inbound.byProtocol, ...tls.outbound.byProtocol].filter(
    (p) => p.key === "TLSv1" || p.key === "TLSv1.1" || p.key.startsWith("SSL"),
  );
  if (old.length) {
    out.push(
      finding("logs.tls.old-protocol", "warning", AREA, subject, {
        count: old.reduce((n, p) => n + p.count, 0),
        protocols: [...new Set(old.map((p) => p.key))].join(", "),
      }),
    );
  }
  for (const d of s.delays) {
    if (d.count >= 3 && d.p90 > th.slowDelay) {
      out.push(
        finding("logs.delay.slow", "warning", AREA, d.relay, {
          relay: d.relay,
          p50: d.p50,
          p90: d.p90,
          max: d.max,
          count: d.count,
          limit: th.slowDelay,
        }),
      );
    }
  }
  if (t.expired > 0) out.push(finding("logs.queue.expired", "warning", AREA, subject, { count: t.expired }));
  if (t.placedOnHold + t.held > 0) {
    out.push(
      finding("logs.held", "info", AREA, subject, {
        rules: t.held,
        admin: t.placedOnHold,
        ids: s.messages.held.slice(0, 10).join(", ") || "-",
      }),
    );
  }
  for (const e of s.errors) {
    const sev: Severity = e.level === "panic" ? "critical" : "error";
    out.push(
      finding(
        `logs.diagnostic.${e.level}`,
        sev,
        AREA,
        e.daemon,
        { count: e.count, daemon: e.daemon, text: e.text },
        [logBlock(`${e.level}: ${e.daemon}`, [e.text])],
      ),
    );
  }
  for (const w of s.warnings) {
    if (w.text.includes("throttling")) {
      out.push(
        finding("logs.master.throttling", "error", AREA, w.daemon, { count: w.count, text: w.text }, [
          logBlock(w.daemon, [w.text]),
        ]),
      );
    }
  }
  if (s.foldedTables.length)
    out.push(finding("logs.table.folded", "info", AREA, subject, { tables: s.foldedTables.join(", ") }));
  if (s.split && s.split.approximated > 0)
    out.push(
      finding("logs.split.approximated", "info", AREA, subject, {
        count: s.split.approximated,
        parts: s.split.parts,
        limit: MAX_BOUNDARY_EVENTS,
      }),
    );
  return out;
}
