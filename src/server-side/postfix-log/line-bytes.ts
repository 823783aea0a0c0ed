import { internalize } from "./bounded.js";
import type { HeaderContext, LineFailure, SyslogLine } from "./line.js";

/**
 * The syslog header of a clean ASCII line read from its bytes. In an ASCII chunk byte offsets are
 * character offsets, and reading a byte of a Buffer costs a fraction of `charCodeAt` on a slice of a
 * large string; the header is most of the per-line parsing of a big log. Only the common classic /
 * postlogd shape (`Mmm dd HH:MM:SS host program[pid]: text`) is read here; for any other line
 * `parseHeaderBytes` returns undefined and the caller uses parseSyslogLine, which gives the same
 * result for the lines read here (a test checks both on every fixture).
 */

const SPACE = 32;
const COLON = 58;
const OPEN = 91;
const CLOSE = 93;

/** Short byte strings (host and program names) to one shared string each, without a slice per line. */
class ByteInterner {
  /** Names seen, by length; a log has a handful of hosts and programs. */
  private readonly byLength: { text: string; bytes: Uint8Array }[][] = [];
  private count = 0;

  /** `text[from, to)` (equal to `buf[from, to)`) as a shared string. */
  get(buf: Buffer, text: string, from: number, to: number): string {
    const len = to - from;
    const same = this.byLength[len];
    if (same !== undefined) {
      // compared from the end: names of one length differ most in their last part (the daemon)
      next: for (const n of same) {
        const b = n.bytes;
        for (let i = len - 1; i >= 0; i--) if (b[i] !== buf[from + i]) continue next;
        return n.text;
      }
    }
    const own = internalize(text.slice(from, to));
    if (len <= 64 && this.count < 256) {
      this.count++;
      (this.byLength[len] ??= []).push({ text: own, bytes: Uint8Array.prototype.slice.call(buf, from, to) });
    }
    return own;
  }
}

/** What consecutive lines share when their headers are read from bytes. */
export class ByteHeaderCache {
  /** The first 12 bytes of the last stamp parsed ("Mmm dd HH:MM") and that minute's wall-clock ms. */
  private readonly stamp = new Uint8Array(12);
  private minuteMs = NaN;
  private dayKey = -1;
  private dayMs = 0;
  private readonly names = new ByteInterner();

  constructor(private readonly ctx: HeaderContext) {}

  /**
   * The header of `text[start, end)`, a line of a clean ASCII chunk whose bytes are `buf`;
   * undefined when the line is not in the classic shape (the caller parses it as a string).
   */
  parse(buf: Buffer, text: string, start: number, end: number): SyslogLine | LineFailure | undefined {
    if (end - start < 17) return undefined;
    const ts = this.timestamp(buf, start);
    if (ts === undefined) return undefined;
    let i = start + 16;
    while (i < end && buf[i] !== SPACE) i++;
    const hostEnd = i;
    if (hostEnd >= end || hostEnd === start + 16) return "truncated";
    // the program ends at the first ": "; a space before it means no program (parseSyslogLine agrees)
    let colon = hostEnd + 1;
    for (;;) {
      if (colon >= end) return "truncated";
      const c = buf[colon];
      if (c === COLON && buf[colon + 1] === SPACE) break;
      if (c === SPACE) return "truncated";
      colon++;
    }
    let progEnd = colon;
    let pid = 0;
    if (buf[colon - 1] === CLOSE) {
      let open = colon - 2;
      while (open > hostEnd && buf[open] !== OPEN) open--;
      if (open <= hostEnd) return "truncated";
      for (let k = open + 1; k < colon - 1; k++) {
        const d = (buf[k] as number) - 48;
        if (d < 0 || d > 9) return "truncated";
        pid = pid * 10 + d;
      }
      progEnd = open;
    }
    if (progEnd === hostEnd + 1) return "truncated";
    return {
      ts,
      host: this.names.get(buf, text, start + 16, hostEnd),
      program: this.names.get(buf, text, hostEnd + 1, progEnd),
      pid,
      text: text.slice(colon + 2, end),
    };
  }

  /** The wall-clock ms of a classic stamp; undefined for any other stamp (or none). */
  private timestamp(buf: Buffer, start: number): number | undefined {
    // "Mmm dd HH:MM:SS ": lines of one minute share the first 12 bytes; only the seconds are read
    const s = this.stamp;
    let same = this.minuteMs === this.minuteMs; // not NaN: a minute is cached
    for (let k = 11; same && k >= 0; k--) if (buf[start + k] !== s[k]) same = false;
    if (same) {
      const sec = two(buf, start + 13);
      if (sec >= 0 && sec <= 60 && buf[start + 12] === COLON && buf[start + 15] === SPACE)
        return this.minuteMs + sec * 1000;
      return undefined;
    }
    // the day space- or zero-padded, as parseSyslogLine reads it
    const month = MONTHS.get(
      ((buf[start] as number) << 16) | ((buf[start + 1] as number) << 8) | (buf[start + 2] as number),
    );
    if (month === undefined || buf[start + 3] !== SPACE || buf[start + 6] !== SPACE) return undefined;
    const d1 = buf[start + 4] === SPACE ? 0 : digit(buf, start + 4);
    const d2 = digit(buf, start + 5);
    const day = d1 < 0 || d2 < 0 ? -1 : d1 * 10 + d2;
    const h = two(buf, start + 7);
    const mi = two(buf, start + 10);
    const sec = two(buf, start + 13);
    if (day < 1 || day > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) return undefined;
    if (buf[start + 9] !== COLON || buf[start + 12] !== COLON || buf[start + 15] !== SPACE) return undefined;
    const dayKey = month * 32 + day;
    if (dayKey !== this.dayKey) {
      this.dayKey = dayKey;
      this.dayMs = Date.UTC(this.ctx.year(month, day), month, day);
    }
    for (let k = 0; k < 12; k++) s[k] = buf[start + k] as number;
    this.minuteMs = this.dayMs + (h * 60 + mi) * 60_000;
    return this.minuteMs + sec * 1000;
  }
}

const MONTHS = new Map(
  ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map((m, i) => [
    (m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2),
    i,
  ]),
);

function digit(buf: Buffer, i: number): number {
  const c = (buf[i] as number) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function two(buf: Buffer, i: number): number {
  const a = digit(buf, i);
  const b = digit(buf, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}
