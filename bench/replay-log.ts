/**
 * Builds a large Postfix log by replaying a real one (the lab's capture): each replay gets fresh
 * queue ids and later times, so messages stay distinct and the log stays in time order. Used by the
 * log benchmark and by the tests of split (parallel) reading.
 */
import { closeSync, openSync, writeSync } from "node:fs";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface SeedLine {
  offset: number;
  /** Text after the timestamp, split around queue ids: [text, qidIndex, text, qidIndex, ..., text]. */
  parts: (string | number)[];
}

function classicTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Splits the seed log into replayable lines with queue-id slots. */
export function loadSeed(text: string): { lines: SeedLine[]; qids: number; spanMs: number } {
  const ids = new Map<string, number>();
  const lines: SeedLine[] = [];
  let first = NaN;
  const year = new Date().getUTCFullYear();
  for (const l of text.split("\n")) {
    const m = /^(\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (.*)$/.exec(l);
    if (!m) continue;
    const ms = Date.UTC(
      year,
      MONTHS.indexOf(m[1] as string),
      Number(m[2]),
      Number(m[3]),
      Number(m[4]),
      Number(m[5]),
    );
    if (Number.isNaN(first)) first = ms;
    const rest = m[6] as string;
    const parts: (string | number)[] = [];
    let last = 0;
    for (const q of rest.matchAll(/\b[0-9A-F]{10,12}\b/g)) {
      let idx = ids.get(q[0]);
      if (idx === undefined) {
        idx = ids.size;
        ids.set(q[0], idx);
      }
      parts.push(rest.slice(last, q.index), idx);
      last = (q.index ?? 0) + q[0].length;
    }
    parts.push(rest.slice(last));
    lines.push({ offset: ms - first, parts });
  }
  const spanMs = lines.length ? (lines[lines.length - 1] as SeedLine).offset : 0;
  return { lines, qids: ids.size, spanMs };
}

/** Writes about `bytes` of log by replaying the seed with fresh queue ids and increasing times. */
export function buildLog(path: string, seedText: string, bytes: number): { lines: number; replays: number } {
  const seed = loadSeed(seedText);
  if (!seed.lines.length) throw new Error("the seed log has no classic/postlogd lines");
  const fd = openSync(path, "w");
  let written = 0;
  let lines = 0;
  let replays = 0;
  let qidCounter = 0x100000000;
  // replays start every few seconds; times only increase
  let base = Date.UTC(new Date().getUTCFullYear(), 0, 2, 0, 0, 0);
  const step = Math.max(1000, seed.spanMs + 1000);
  let buf = "";
  while (written < bytes) {
    const fresh: string[] = [];
    for (let i = 0; i < seed.qids; i++)
      fresh.push((qidCounter++).toString(16).toUpperCase().padStart(11, "0"));
    for (const l of seed.lines) {
      let s = classicTime(base + l.offset) + " ";
      for (const p of l.parts) s += typeof p === "number" ? fresh[p] : p;
      buf += s + "\n";
      lines++;
    }
    replays++;
    base += step;
    if (buf.length > 8 << 20) {
      written += writeSync(fd, buf);
      buf = "";
    }
  }
  if (buf) writeSync(fd, buf);
  closeSync(fd);
  return { lines, replays };
}
