import { finding, type EvidenceBlock, type Finding } from "../core/finding.js";
import { formatDuration } from "./date.js";
import type { MessageEvidence } from "./analyze.js";
import { MAX_HOPS } from "./analyze.js";
import { MAX_HEADER_BYTES } from "./headers.js";
import { MAX_MESSAGE_BYTES } from "./read.js";
import type { ReceivedHop } from "./received.js";

/** A hop delay longer than this is a finding of its own (30 minutes). */
export const LONG_HOP_MS = 30 * 60_000;
/** A clock going backwards by more than this is a warning; less is common jitter (1 minute). */
export const SKEW_WARN_MS = 60_000;

const hopBlock = (label: string, hops: readonly ReceivedHop[]): EvidenceBlock => ({
  kind: "header",
  label,
  lines: hops.map((h) => `Received: ${h.raw}`),
});

/** One chronological step of the trace: a hop with its delay from the step before. */
export interface TimelineStep {
  hop: ReceivedHop;
  /** 1-based position in delivery order (1 = the oldest hop). */
  order: number;
  /** Milliseconds since the previous dated step (the Date header for the first hop). */
  delayMs?: number;
  /** What the delay is measured from. */
  since?: "date-header" | "previous-hop";
}

/** The hops in delivery order (oldest first) with the delay each one added. */
export function timeline(ev: MessageEvidence): TimelineStep[] {
  const chronological = [...ev.received.hops].reverse();
  let last: number | undefined = ev.date?.time;
  let since: TimelineStep["since"] = last !== undefined ? "date-header" : undefined;
  return chronological.map((hop, i) => {
    const step: TimelineStep = { hop, order: i + 1 };
    if (hop.time !== undefined) {
      if (last !== undefined && since) {
        step.delayMs = hop.time - last;
        step.since = since;
      }
      last = hop.time;
      since = "previous-hop";
    }
    return step;
  });
}

/** Total transit: from the Date header (or the first dated hop) to the last dated hop. */
export function totalDelay(
  ev: MessageEvidence,
): { ms: number; from: "date-header" | "first-hop" } | undefined {
  const times = ev.received.hops.map((h) => h.time).filter((t): t is number => t !== undefined);
  if (times.length === 0) return undefined;
  const newest = times[0] as number;
  if (ev.date?.time !== undefined) return { ms: newest - ev.date.time, from: "date-header" };
  if (times.length < 2) return undefined;
  return { ms: newest - (times[times.length - 1] as number), from: "first-hop" };
}

const hopName = (h: ReceivedHop) => h.from?.rdns ?? h.from?.helo ?? h.from?.ip ?? "?";

/** Findings about the input and the header section. */
export function inputFindings(ev: MessageEvidence): Finding[] {
  const out: Finding[] = [];
  const s = ev.source;
  const h = ev.headers;
  if (ev.truncated)
    out.push(
      finding("message.input.truncated", "warning", "message", s, {
        size: ev.size,
        read: ev.bytesRead,
        cap: MAX_MESSAGE_BYTES / 1048576,
      }),
    );
  if (h.oversized)
    out.push(
      finding("message.headers.oversized", "error", "message", s, { limit: MAX_HEADER_BYTES / 1048576 }),
    );
  else if (h.fieldCount === 0) {
    const lines = h.malformed.slice(0, 5).map((b) => `line ${b.line}: ${b.text}`);
    out.push(
      finding(
        "message.headers.none",
        "error",
        "message",
        s,
        {},
        lines.length ? [{ kind: "text", label: "first lines", lines }] : [],
      ),
    );
  }
  if (h.fieldCount > 0 && h.malformedCount > 0) {
    const lines = h.malformed.map((b) => `line ${b.line}: ${b.text}`);
    out.push(
      finding(
        "message.headers.malformed",
        "warning",
        "message",
        s,
        { count: h.malformedCount, line: h.malformed[0]?.line ?? 0 },
        [{ kind: "header", label: "lines that are not header fields", lines }],
      ),
    );
  }
  if (h.brokenFoldCount > 0) {
    const first = h.brokenFolds[0];
    const lines = h.brokenFolds.map((b) => `line ${b.line} (${b.field ?? "?"}): ${b.text}`);
    out.push(
      finding(
        "message.headers.broken-fold",
        "warning",
        "message",
        s,
        { count: h.brokenFoldCount, field: first?.field ?? "?", line: first?.line ?? 0 },
        [{ kind: "header", label: "continuation lines without leading whitespace", lines }],
      ),
    );
  }
  if (h.eightBit === "invalid") out.push(finding("message.headers.eight-bit", "warning", "message", s));
  if (h.controlBytes > 0)
    out.push(finding("message.headers.control-chars", "warning", "message", s, { count: h.controlBytes }));
  if (h.fieldCount > 0 && ev.identities.fromFields === 0)
    out.push(finding("message.from.missing", "error", "message", s, {}, [], ["RFC 5322 §3.6"]));
  else if (ev.identities.fromFields > 1 || ev.identities.fromDomains.length > 1)
    out.push(
      finding(
        "message.from.multiple",
        "warning",
        "message",
        s,
        { fields: ev.identities.fromFields, domains: ev.identities.fromDomains.join(", ") },
        [],
        ["RFC 7489 §6.6.1"],
      ),
    );
  return out;
}

/** Findings about the Received chain: summary, caps, unparseable hops, skew, long delays, TLS. */
export function deliveryFindings(ev: MessageEvidence): Finding[] {
  const out: Finding[] = [];
  const r = ev.received;
  if (ev.headers.fieldCount === 0) return out;
  if (r.total === 0) return [finding("message.received.none", "info", "delivery", ev.source)];
  if (r.total > MAX_HOPS)
    out.push(
      finding(
        "message.received.too-many",
        "warning",
        "delivery",
        ev.source,
        { count: r.total, cap: MAX_HOPS },
        [],
        ["RFC 5321 §6.3"],
      ),
    );
  const steps = timeline(ev);
  const total = totalDelay(ev);
  out.push(
    finding("message.received.summary", "info", "delivery", ev.source, {
      hops: r.hops.length,
      total: total ? formatDuration(total.ms) : "?",
      encrypted: r.hops.filter((h) => h.encrypted).length,
    }),
  );
  for (const hop of r.hops) {
    if (hop.problems.length)
      out.push(
        finding(
          "message.received.unparseable",
          "warning",
          "delivery",
          `hop ${r.hops.length - hop.index}`,
          { hop: r.hops.length - hop.index, problem: hop.problems.join("; ") },
          [hopBlock("Received", [hop])],
        ),
      );
  }
  for (const step of steps) {
    if (step.delayMs === undefined) continue;
    const subject = `hop ${step.order}`;
    const params = {
      hop: step.order,
      by: step.hop.by ?? "?",
      from: hopName(step.hop),
      delay: formatDuration(step.delayMs),
      seconds: Math.round(step.delayMs / 1000),
    };
    if (step.delayMs < 0) {
      const severity = -step.delayMs > SKEW_WARN_MS ? "warning" : "info";
      out.push(
        finding("message.received.clock-skew", severity, "delivery", subject, params, [
          hopBlock("Received", [step.hop]),
        ]),
      );
    } else if (step.delayMs > LONG_HOP_MS) {
      const id =
        step.since === "date-header" ? "message.received.delay.submission" : "message.received.delay.long";
      out.push(finding(id, "warning", "delivery", subject, params, [hopBlock("Received", [step.hop])]));
    }
  }
  const nowMs = Date.parse(ev.checkedAt);
  for (const hop of r.hops) {
    if (hop.time !== undefined && hop.time - nowMs > 5 * 60_000)
      out.push(
        finding("message.received.future", "warning", "delivery", `hop ${r.hops.length - hop.index}`, {
          hop: r.hops.length - hop.index,
          date: hop.dateText ?? "?",
        }),
      );
  }
  const ext = r.firstExternal >= 0 ? r.hops[r.firstExternal] : undefined;
  if (ext) {
    const params = {
      hop: r.hops.length - ext.index,
      ip: ext.from?.ip ?? "?",
      helo: ext.from?.helo ?? "?",
      by: ext.by ?? "?",
      rdns: ext.from?.rdns ?? "-",
    };
    out.push(
      finding("message.received.first-external", "info", "delivery", ext.from?.ip ?? "?", params, [
        hopBlock("first external hop", [ext]),
      ]),
    );
    if (!ext.encrypted && ext.protocol !== "HTTP")
      out.push(
        finding(
          "message.received.plaintext",
          "warning",
          "delivery",
          ext.from?.ip ?? "?",
          params,
          [hopBlock("Received", [ext])],
          ["RFC 3848", "RFC 8314"],
        ),
      );
  } else if (r.firstExternalReason === "authenticated") {
    const sub = r.hops.find((h) => h.authenticated);
    const params = {
      ip: sub?.from?.ip ?? "?",
      helo: sub?.from?.helo ?? "?",
      by: sub?.by ?? "?",
      protocol: sub?.protocol ?? "?",
    };
    out.push(
      finding(
        "message.received.submission",
        "info",
        "delivery",
        sub?.from?.ip ?? "?",
        params,
        sub ? [hopBlock("Received", [sub])] : [],
        ["RFC 6409", "RFC 3848"],
      ),
    );
  } else out.push(finding("message.received.no-external", "info", "delivery", ev.source));
  return out;
}
