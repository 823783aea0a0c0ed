import { finding, type Finding } from "../core/finding.js";
import type { QueueSummary } from "./queue.js";

export interface QueueThresholds {
  /** Messages in the queue that make a warning. */
  warnCount: number;
  /** Messages in the queue that make an error. */
  critCount: number;
  /** Share of the queue lifetime the oldest message may reach before a warning (0..1). */
  lifetimeShare: number;
}

export const DEFAULT_QUEUE_THRESHOLDS: QueueThresholds = {
  warnCount: 500,
  critCount: 5000,
  lifetimeShare: 0.8,
};

const AREA = "queue";

/** Human duration: `3d 4h`, `25m`, `40s`. */
export function formatAge(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${m}m`;
  if (m) return `${m}m`;
  return `${seconds}s`;
}

/**
 * Judges a queue summary against thresholds. Pure.
 *
 * @example
 *   queueFindings(summary, "postqueue -j").map((f) => f.id) // ["queue.summary", "queue.hold"]
 */
export function queueFindings(
  s: QueueSummary,
  subject: string,
  th: QueueThresholds = DEFAULT_QUEUE_THRESHOLDS,
): Finding[] {
  const out: Finding[] = [];
  if (s.unparsed > 0)
    out.push(
      finding("queue.input.unparsed", "warning", AREA, subject, { count: s.unparsed, format: s.format }),
    );
  if (s.total === 0) {
    out.push(finding("queue.empty", "ok", AREA, subject, { source: s.source }));
    return out;
  }
  const breakdown = Object.entries(s.byQueue)
    .map(([q, n]) => `${q} ${n}`)
    .join(", ");
  out.push(
    finding("queue.summary", "ok", AREA, subject, {
      total: s.total,
      bytes: s.bytes,
      breakdown,
      oldest: s.oldest ? formatAge(s.oldest.ageSeconds) : "-",
    }),
  );
  if (s.total >= th.critCount)
    out.push(finding("queue.count.high", "error", AREA, subject, { total: s.total, limit: th.critCount }));
  else if (s.total >= th.warnCount)
    out.push(finding("queue.count.high", "warning", AREA, subject, { total: s.total, limit: th.warnCount }));
  if (
    s.oldest &&
    s.oldest.queue !== "hold" &&
    s.lifetimeSeconds > 0 &&
    s.oldest.ageSeconds >= s.lifetimeSeconds * th.lifetimeShare
  ) {
    out.push(
      finding("queue.oldest.near-lifetime", "warning", AREA, s.oldest.id, {
        id: s.oldest.id,
        age: formatAge(s.oldest.ageSeconds),
        lifetime: formatAge(s.lifetimeSeconds),
        percent: Math.round((s.oldest.ageSeconds / s.lifetimeSeconds) * 100),
      }),
    );
  }
  const hold = s.byQueue.hold ?? 0;
  if (hold > 0) out.push(finding("queue.hold", "info", AREA, subject, { count: hold }));
  for (const r of s.reasons.slice(0, 5)) {
    out.push(
      finding(
        "queue.waiting",
        r.category === "remote-temporary" || r.category === "mailbox" ? "info" : "warning",
        AREA,
        r.reason,
        { count: r.count, reason: r.reason, category: r.category },
        [{ kind: "text", label: `${r.count} recipients`, lines: [r.reason] }],
      ),
    );
  }
  return out;
}
