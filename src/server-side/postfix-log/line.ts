import { internalize } from "./bounded.js";
/**
 * The syslog header of one mail log line, split by fixed positions and indexOf (no regular
 * expressions: a log of gigabytes goes through here). Three timestamp shapes are recognised:
 *
 *   classic syslog   `Dec  3 19:21:39 host postfix/smtpd[123]: text`
 *   Postfix postlogd `Dec 03 19:21:39 host postfix/smtpd[123]: text`   (maillog_file)
 *   RFC 3339         `2026-12-03T19:21:39.123456+01:00 host postfix/smtpd[123]: text`
 *
 * Times are kept as "wall clock" milliseconds (the written local time, treated as UTC): per-hour and
 * per-day tables then show the server's own hours, as pflogsumm does, and classic lines (which carry
 * no zone) compare with RFC 3339 ones.
 */

/** One parsed syslog line. */
export interface SyslogLine {
  /** Wall-clock time in ms (written local time as if UTC). */
  ts: number;
  host: string;
  /** The program as logged, e.g. `postfix/submission/smtpd` or `dovecot`. */
  program: string;
  pid: number;
  /** Everything after `program[pid]: `. */
  text: string;
}

/** Why a line could not be parsed. */
export type LineFailure = "unrecognized" | "truncated";

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * What the headers of one log's lines share, kept between lines: the year of classic syslog stamps
 * (they carry none), the last stamp parsed, and the program names seen.
 */
export class HeaderContext {
  private readonly refYear: number;
  private readonly refMs: number;
  private cacheKey = -1;
  private cacheYear = 0;
  /** The last classic stamp parsed with this guesser, and its result (lines share their second). */
  lastStamp = "";
  lastResult: [number, number] | undefined;
  /** Program names seen: one shared string per name (a log has a handful) lets later table lookups
   * reuse its cached hash and keeps no slice of a read chunk alive. */
  private readonly programs = new Map<string, string>();

  /** `line[start, end)` as the shared string of that program name. */
  program(line: string, start: number, end: number): string {
    const slice = line.slice(start, end);
    let p = this.programs.get(slice);
    if (p === undefined) {
      p = internalize(slice);
      if (this.programs.size < 1000) this.programs.set(p, p);
    }
    return p;
  }

  constructor(now: Date) {
    this.refYear = now.getUTCFullYear();
    // the reference as wall clock of the local zone (classic lines are local time)
    this.refMs = now.getTime() - now.getTimezoneOffset() * 60_000;
  }

  /** The reference year, or the year before when month/day lies over a day after the reference time. */
  year(month: number, day: number): number {
    const key = month * 32 + day;
    if (key === this.cacheKey) return this.cacheYear;
    const candidate = Date.UTC(this.refYear, month, day);
    const year = candidate > this.refMs + 86_400_000 ? this.refYear - 1 : this.refYear;
    this.cacheKey = key;
    this.cacheYear = year;
    return year;
  }
}

let dayCacheKey = "";
let dayCacheMs = 0;

/** Parses the timestamp; returns [wall-clock ms, index after the timestamp and its space] or undefined. */
function parseTimestamp(line: string, years: HeaderContext): [number, number] | undefined {
  if (line.length < 16) return undefined;
  // consecutive lines mostly share their second: reuse the last parse (classic stamps are 16 chars)
  if (years.lastResult !== undefined && line.startsWith(years.lastStamp)) return years.lastResult;
  const r = parseTimestampUncached(line, years);
  if (r && r[1] === 16) {
    years.lastStamp = (" " + line.slice(0, 16)).slice(1); // a copy: a slice would pin the read chunk
    years.lastResult = r;
  }
  return r;
}

function parseTimestampUncached(line: string, years: HeaderContext): [number, number] | undefined {
  if (line.charCodeAt(4) === 45 /* - */ && line.charCodeAt(10) === 84 /* T */) {
    // RFC 3339: YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
    const y = two(line, 0) * 100 + two(line, 2);
    const mo = two(line, 5);
    const d = two(line, 8);
    const h = two(line, 11);
    const mi = two(line, 14);
    const s = two(line, 17);
    if (
      y < 0 ||
      mo < 1 ||
      mo > 12 ||
      d < 1 ||
      d > 31 ||
      h < 0 ||
      h > 23 ||
      mi < 0 ||
      mi > 59 ||
      s < 0 ||
      s > 60
    )
      return undefined;
    if (line.charCodeAt(13) !== 58 || line.charCodeAt(16) !== 58) return undefined;
    let i = 19;
    let ms = 0;
    if (line.charCodeAt(i) === 46 /* . */) {
      i++;
      let scale = 100;
      while (digit(line, i) >= 0) {
        ms += digit(line, i) * scale;
        scale /= 10;
        i++;
      }
    }
    const z = line.charCodeAt(i);
    if (z === 90 /* Z */) i++;
    else if (z === 43 || z === 45) i += 6;
    else return undefined;
    if (line.charCodeAt(i) !== 32) return undefined;
    const dayKey = line.slice(0, 10);
    if (dayKey !== dayCacheKey) {
      dayCacheKey = dayKey;
      dayCacheMs = Date.UTC(y, mo - 1, d);
    }
    return [dayCacheMs + ((h * 60 + mi) * 60 + s) * 1000 + Math.floor(ms), i + 1];
  }
  // classic / postlogd: "Mmm dd HH:MM:SS " (day space- or zero-padded)
  const month = MONTHS[line.slice(0, 3)];
  if (month === undefined || line.charCodeAt(3) !== 32) return undefined;
  const d1 = line.charCodeAt(4) === 32 ? 0 : digit(line, 4);
  const d2 = digit(line, 5);
  if (d1 < 0 || d2 < 0 || line.charCodeAt(6) !== 32) return undefined;
  const day = d1 * 10 + d2;
  const h = two(line, 7);
  const mi = two(line, 10);
  const s = two(line, 13);
  if (day < 1 || day > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) return undefined;
  if (line.charCodeAt(9) !== 58 || line.charCodeAt(12) !== 58 || line.charCodeAt(15) !== 32) return undefined;
  const year = years.year(month, day);
  return [Date.UTC(year, month, day, h, mi, s), 16];
}

/**
 * Splits a syslog line into its parts.
 *
 * @example
 *   parseSyslogLine("Dec 03 19:21:39 mail postfix/qmgr[7]: 1A2B3C: removed", new HeaderContext(new Date()))
 *   // { ts, host: "mail", program: "postfix/qmgr", pid: 7, text: "1A2B3C: removed" }
 */
export function parseSyslogLine(line: string, years: HeaderContext): SyslogLine | LineFailure {
  const stamp = parseTimestamp(line, years);
  if (!stamp) return "unrecognized";
  const [ts, start] = stamp;
  const hostEnd = line.indexOf(" ", start);
  if (hostEnd <= start) return "truncated";
  const host = line.slice(start, hostEnd);
  // the program ends at the first ": " (a one-character search is cheaper than a two-character one)
  let colon = line.indexOf(":", hostEnd + 1);
  while (colon >= 0 && line.charCodeAt(colon + 1) !== 32) colon = line.indexOf(":", colon + 1);
  if (colon < 0) return "truncated";
  let progEnd = colon;
  let pid = 0;
  if (line.charCodeAt(colon - 1) === 93 /* ] */) {
    const open = line.lastIndexOf("[", colon);
    if (open <= hostEnd) return "truncated";
    for (let i = open + 1; i < colon - 1; i++) {
      const d = line.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return "truncated";
      pid = pid * 10 + d;
    }
    progEnd = open;
  }
  const program = years.program(line, hostEnd + 1, progEnd);
  if (program.length === 0 || program.indexOf(" ") >= 0) return "truncated";
  return { ts, host, program, pid, text: line.slice(colon + 2) };
}

/** Formats wall-clock ms as `YYYY-MM-DD HH:MM:SS`. */
export function formatWallClock(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}
