import { parseTimestamp, type HeaderContext, type LineFailure, type SyslogLine } from "./line.js";

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
    const own = (" " + text.slice(from, to)).slice(1); // a copy: a slice would pin the read chunk
    if (len <= 64 && this.count < 256) {
      this.count++;
      (this.byLength[len] ??= []).push({ text: own, bytes: Uint8Array.prototype.slice.call(buf, from, to) });
    }
    return own;
  }
}

/** What consecutive lines share when their headers are read from bytes. */
export class ByteHeaderCache {
  private readonly stamp = new Uint8Array(16);
  private stampMs = NaN;
  private readonly names = new ByteInterner();

  constructor(private readonly ctx: HeaderContext) {}

  /**
   * The header of `text[start, end)`, a line of a clean ASCII chunk whose bytes are `buf`;
   * undefined when the line is not in the classic shape (the caller parses it as a string).
   */
  parse(buf: Buffer, text: string, start: number, end: number): SyslogLine | LineFailure | undefined {
    if (end - start < 17) return undefined;
    const ts = this.timestamp(buf, text, start, end);
    if (ts === undefined) return undefined;
    let i = start + 16;
    while (i < end && buf[i] !== SPACE) i++;
    const hostEnd = i;
    if (hostEnd >= end || hostEnd === start + 16) return "truncated";
    // the program ends at the first ": "
    let colon = hostEnd + 1;
    while (colon < end && !(buf[colon] === COLON && buf[colon + 1] === SPACE)) colon++;
    if (colon >= end) return "truncated";
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
    for (let k = hostEnd + 1; k < progEnd; k++) if (buf[k] === SPACE) return "truncated";
    return {
      ts,
      host: this.names.get(buf, text, start + 16, hostEnd),
      program: this.names.get(buf, text, hostEnd + 1, progEnd),
      pid,
      text: text.slice(colon + 2, end),
    };
  }

  /** The wall-clock ms of a classic stamp; undefined for any other stamp (or none). */
  private timestamp(buf: Buffer, text: string, start: number, end: number): number | undefined {
    const s = this.stamp;
    let same = this.stampMs === this.stampMs; // not NaN: a stamp is cached
    // seconds change first: compare from the end
    for (let k = 15; same && k >= 0; k--) if (buf[start + k] !== s[k]) same = false;
    if (same) return this.stampMs;
    const c0 = buf[start] as number;
    if (c0 < 65 || c0 > 90) return undefined; // not a month name: RFC 3339, Exim, garbage
    const r = parseTimestamp(text.slice(start, end), this.ctx);
    if (r === undefined || r[1] !== 16) return undefined;
    for (let k = 0; k < 16; k++) s[k] = buf[start + k] as number;
    this.stampMs = r[0];
    return r[0];
  }
}
