import { BoundedTable } from "./postfix-log/bounded.js";
import { classifyDeferral, shortReason } from "./postfix-log/reasons.js";

/** One queued message, from any of the supported listings. */
export interface QueueEntry {
  queue: "incoming" | "active" | "deferred" | "hold" | "maildrop" | "corrupt" | "unknown";
  id: string;
  /** Arrival, epoch ms; NaN when the listing gives none. */
  arrival: number;
  size: number;
  sender: string;
  recipients: { address: string; reason: string }[];
}

export type QueueFormat = "postqueue-json" | "postqueue-text" | "exim-bp" | "empty";

/** What `mxray queue` reports: its Report's `data`. */
export interface QueueSummary {
  format: QueueFormat;
  source: string;
  total: number;
  bytes: number;
  byQueue: Record<string, number>;
  /** Ages in seconds at the reference time. */
  ages: { bucket: string; count: number }[];
  oldest: { id: string; ageSeconds: number; queue: string } | null;
  /** Ids of held messages (at most 100). */
  heldIds: string[];
  reasons: { reason: string; category: string; count: number }[];
  domains: { domain: string; count: number }[];
  senders: { sender: string; count: number }[];
  size: { max: number; average: number };
  /** The queue lifetime the age was compared with, seconds. */
  lifetimeSeconds: number;
  /** Lines of the listing that were not understood. */
  unparsed: number;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Recognises the listing: postqueue -j (JSON lines), postqueue -p / mailq (Postfix), exim -bp. */
export function detectQueueFormat(text: string): QueueFormat {
  const first =
    text
      .split("\n")
      .find((l) => l.trim().length > 0)
      ?.trim() ?? "";
  if (!first || first === "Mail queue is empty") return "empty";
  if (first.startsWith("{")) return "postqueue-json";
  if (first.startsWith("-Queue ID-") || /^[0-9A-Za-z]{6,}[*!]?\s+\d+\s+\w{3} \w{3}/.test(first))
    return "postqueue-text";
  if (/^\d+[smhdw]\s+[\d.]+[KMG]?\s+\S+-\S+-\S+\s+</.test(first)) return "exim-bp";
  return "postqueue-text";
}

/** Parses `postqueue -j`: one JSON object per line. */
export function parsePostqueueJson(text: string): { entries: QueueEntry[]; unparsed: number } {
  const entries: QueueEntry[] = [];
  let unparsed = 0;
  for (const line of text.split("\n")) {
    const l = line.trim();
    if (!l) continue;
    let o: unknown;
    try {
      o = JSON.parse(l);
    } catch {
      unparsed++;
      continue;
    }
    if (!o || typeof o !== "object") {
      unparsed++;
      continue;
    }
    const r = o as Record<string, unknown>;
    const recips = Array.isArray(r.recipients) ? r.recipients : [];
    entries.push({
      queue: queueName(String(r.queue_name ?? "unknown")),
      id: String(r.queue_id ?? ""),
      arrival: typeof r.arrival_time === "number" ? r.arrival_time * 1000 : NaN,
      size: typeof r.message_size === "number" ? r.message_size : 0,
      sender: String(r.sender ?? ""),
      recipients: recips.map((x: unknown) => {
        const rr = (x ?? {}) as Record<string, unknown>;
        return { address: String(rr.address ?? ""), reason: String(rr.delay_reason ?? "") };
      }),
    });
  }
  return { entries, unparsed };
}

function queueName(s: string): QueueEntry["queue"] {
  return s === "incoming" ||
    s === "active" ||
    s === "deferred" ||
    s === "hold" ||
    s === "maildrop" ||
    s === "corrupt"
    ? s
    : "unknown";
}

/** `Thu Dec  3 19:44:28` (no year) -> epoch ms (local time), the year that puts it not after `now`. */
function mailqDate(s: string, now: Date): number {
  const m = /^\w{3} (\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s.trim());
  if (!m) return NaN;
  const month = MONTHS.indexOf(m[1] as string);
  if (month < 0) return NaN;
  const mk = (y: number) =>
    new Date(y, month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])).getTime();
  const t = mk(now.getFullYear());
  return t > now.getTime() + 86_400_000 ? mk(now.getFullYear() - 1) : t;
}

/** Parses `postqueue -p` / Postfix `mailq`: `ID[*!] size date sender`, `(reason)`, recipients, blank line. */
export function parsePostqueueText(text: string, now: Date): { entries: QueueEntry[]; unparsed: number } {
  const entries: QueueEntry[] = [];
  let unparsed = 0;
  let cur: QueueEntry | undefined;
  let reason = "";
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (!line.trim()) {
      cur = undefined;
      reason = "";
      continue;
    }
    if (line.startsWith("-Queue ID-") || line.startsWith("-- ") || line.trim() === "Mail queue is empty")
      continue;
    const head = /^([0-9A-Za-z]{6,})([*!]?)\s+(\d+)\s+(\w{3} \w{3} +\d{1,2} \d{2}:\d{2}:\d{2})\s+(.*)$/.exec(
      line,
    );
    if (head) {
      const mark = head[2];
      cur = {
        queue: mark === "*" ? "active" : mark === "!" ? "hold" : "deferred",
        id: head[1] as string,
        arrival: mailqDate(head[4] as string, now),
        size: Number(head[3]),
        sender: (head[5] as string).trim(),
        recipients: [],
      };
      entries.push(cur);
      reason = "";
      continue;
    }
    if (!cur) {
      unparsed++;
      continue;
    }
    const t = line.trim();
    if (t.startsWith("(") && t.endsWith(")")) reason = t.slice(1, -1);
    else cur.recipients.push({ address: t, reason });
  }
  // a message without any reason line was never tried: incoming (postqueue -p cannot tell)
  for (const e of entries)
    if (e.queue === "deferred" && e.recipients.every((r) => !r.reason)) e.queue = "incoming";
  return { entries, unparsed };
}

/** Parses `exim -bp`: `25m  2.9K 1vQxYz-000Abc-De <sender> [*** frozen ***]`, then recipients (`D` = delivered). */
export function parseEximBp(text: string, now: Date): { entries: QueueEntry[]; unparsed: number } {
  const entries: QueueEntry[] = [];
  let unparsed = 0;
  let cur: QueueEntry | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (!line.trim()) {
      cur = undefined;
      continue;
    }
    const head = /^\s*(\d+)([smhdw])\s+([\d.]+)([KMG]?)\s+(\S+)\s+<([^>]*)>(.*)$/.exec(line);
    if (head) {
      const age = Number(head[1]) * { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[head[2] as "s"];
      const size = Number(head[3]) * ({ "": 1, K: 1024, M: 1 << 20, G: 1 << 30 }[head[4] as ""] ?? 1);
      cur = {
        queue: (head[7] ?? "").includes("frozen") ? "hold" : "deferred",
        id: head[5] as string,
        arrival: now.getTime() - age * 1000,
        size: Math.round(size),
        sender: head[6] as string,
        recipients: [],
      };
      entries.push(cur);
      continue;
    }
    if (!cur) {
      unparsed++;
      continue;
    }
    const t = line.trim();
    if (!t.startsWith("D ")) cur.recipients.push({ address: t.replace(/^\+D /, ""), reason: "" });
  }
  return { entries, unparsed };
}

const AGE_BUCKETS: [string, number][] = [
  ["< 5m", 300],
  ["5m-1h", 3600],
  ["1h-6h", 6 * 3600],
  ["6h-24h", 86400],
  ["1d-3d", 3 * 86400],
  ["> 3d", Infinity],
];

/**
 * Summarises a queue listing in any supported format.
 *
 * @example
 *   summariseQueue(execSync("postqueue -j").toString(), "postqueue -j", new Date(), 5 * 86400).byQueue.deferred
 */
export function summariseQueue(
  text: string,
  source: string,
  now: Date,
  lifetimeSeconds: number,
): QueueSummary {
  const format = detectQueueFormat(text);
  const parsed =
    format === "postqueue-json"
      ? parsePostqueueJson(text)
      : format === "exim-bp"
        ? parseEximBp(text, now)
        : format === "empty"
          ? { entries: [], unparsed: 0 }
          : parsePostqueueText(text, now);
  const byQueue: Record<string, number> = {};
  const ages = AGE_BUCKETS.map(([bucket]) => ({ bucket, count: 0 }));
  const reasons = new BoundedTable<{ category: string }>(500, () => ({ category: "" }));
  const domains = new BoundedTable<null>(500, () => null);
  const senders = new BoundedTable<null>(500, () => null);
  let bytes = 0;
  let max = 0;
  let oldest: QueueSummary["oldest"] = null;
  const heldIds: string[] = [];
  for (const e of parsed.entries) {
    byQueue[e.queue] = (byQueue[e.queue] ?? 0) + 1;
    if (e.queue === "hold" && heldIds.length < 100) heldIds.push(e.id);
    bytes += e.size;
    if (e.size > max) max = e.size;
    if (Number.isFinite(e.arrival)) {
      const age = Math.max(0, Math.round((now.getTime() - e.arrival) / 1000));
      const i = AGE_BUCKETS.findIndex(([, limit]) => age < limit);
      (ages[i] as { count: number }).count++;
      if (!oldest || age > oldest.ageSeconds) oldest = { id: e.id, ageSeconds: age, queue: e.queue };
    }
    senders.add(e.sender || "<>");
    for (const r of e.recipients) {
      const at = r.address.lastIndexOf("@");
      domains.add(at < 0 ? r.address : r.address.slice(at + 1).toLowerCase());
      if (r.reason) reasons.add(shortReason(r.reason)).category ||= classifyDeferral("", r.reason);
    }
  }
  const total = parsed.entries.length;
  return {
    format,
    source,
    total,
    bytes,
    byQueue,
    ages,
    oldest,
    heldIds,
    reasons: reasons.top(20).map((r) => ({ reason: r.key, category: r.extra.category, count: r.count })),
    domains: domains.top(20).map((r) => ({ domain: r.key, count: r.count })),
    senders: senders.top(20).map((r) => ({ sender: r.key, count: r.count })),
    size: { max, average: total ? Math.round(bytes / total) : 0 },
    lifetimeSeconds,
    unparsed: parsed.unparsed,
  };
}

/** Postfix time values: `5d`, `1h`, `3600s`, `3600` (seconds by default). */
export function postfixDuration(value: string, defaultUnit: "s" | "d" = "d"): number {
  const m = /^(\d+)([smhdw]?)$/.exec(value.trim());
  if (!m) return NaN;
  const unit = (m[2] || defaultUnit) as "s" | "m" | "h" | "d" | "w";
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[unit];
}
