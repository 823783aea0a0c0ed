import { parseTagList } from "./tag-list.js";

/*
 * MTA-STS (RFC 8461): the `_mta-sts` TXT record (§3.1), the policy file (§3.2) and MX matching (§4.1).
 * Pure parsing and matching; fetching is src/net/https-fetch.ts, judgement src/checks/mta-sts.ts.
 */

export type MtaStsRecordProblem =
  /** The record does not start with `v=STSv1;` (§3.1: such records are discarded). */
  | { kind: "bad-version"; text: string }
  | { kind: "missing-id" }
  /** id= is not 1-32 alphanumerics (§3.1 `sts-id = 1*32(ALPHA / DIGIT)`). */
  | { kind: "bad-id"; value: string }
  | { kind: "syntax"; position: number; text?: string }
  | { kind: "duplicate"; tag: string };

export interface MtaStsRecord {
  raw: string;
  id?: string;
  /** Extension fields (anything other than v and id), as written. */
  extensions: Record<string, string>;
  problems: MtaStsRecordProblem[];
}

/**
 * True for TXT strings senders keep at `_mta-sts` (§3.1: records not beginning with `v=STSv1;` are discarded).
 * @example
 *   isMtaStsRecord("v=STSv1; id=20240101") // true
 */
export function isMtaStsRecord(txt: string): boolean {
  return /^v=STSv1(;|$)/.test(txt);
}

/**
 * Parses an `_mta-sts` TXT record.
 * @example
 *   parseMtaStsRecord("v=STSv1; id=20160831085700Z").id // "20160831085700Z"
 */
export function parseMtaStsRecord(raw: string): MtaStsRecord {
  const out: MtaStsRecord = { raw, extensions: {}, problems: [] };
  if (!isMtaStsRecord(raw)) out.problems.push({ kind: "bad-version", text: raw.slice(0, 16) });
  const { tags, problems } = parseTagList(raw);
  for (const p of problems) {
    if (p.kind === "duplicate") out.problems.push({ kind: "duplicate", tag: p.tag ?? "" });
    else
      out.problems.push({
        kind: "syntax",
        position: p.position,
        ...(p.text !== undefined ? { text: p.text } : {}),
      });
  }
  const seen = new Set<string>();
  for (const t of tags) {
    if (seen.has(t.name)) continue;
    seen.add(t.name);
    if (t.name === "v") continue;
    if (t.name === "id") {
      out.id = t.value;
      if (!/^[A-Za-z0-9]{1,32}$/.test(t.value)) out.problems.push({ kind: "bad-id", value: t.value });
    } else out.extensions[t.name] = t.value;
  }
  if (out.id === undefined) out.problems.push({ kind: "missing-id" });
  return out;
}

export type MtaStsMode = "enforce" | "testing" | "none";

export type MtaStsPolicyProblem =
  /** The file starts with a UTF-8 byte order mark, which strict parsers read as part of the first key. */
  | { kind: "bom" }
  /** A line that is not `key: value` (§3.2 grammar). `line` is 1-based. */
  | { kind: "syntax"; line: number; text: string }
  | { kind: "missing-field"; field: "version" | "mode" | "max_age" | "mx" }
  | { kind: "bad-version"; line: number; value: string }
  | { kind: "bad-mode"; line: number; value: string }
  /** max_age not an integer 0..31557600 (§3.2). */
  | { kind: "bad-max-age"; line: number; value: string }
  /** An mx pattern that is not a host name, or a wildcard elsewhere than the whole leftmost label. */
  | { kind: "bad-mx"; line: number; value: string }
  /** version, mode or max_age given twice: senders may take either. */
  | { kind: "duplicate"; line: number; field: string }
  /** An extension key: senders ignore it (§3.2), often a misspelt field. */
  | { kind: "unknown-field"; line: number; field: string };

export interface MtaStsPolicy {
  version?: string;
  mode?: MtaStsMode;
  maxAge?: number;
  mx: string[];
  /** How lines ended: `lf`, `crlf` or `mixed` (both are allowed, §3.2). */
  lineEndings: "lf" | "crlf" | "mixed" | "none";
  problems: MtaStsPolicyProblem[];
}

/** RFC 8461 §3.2: "max_age ... up to 31557600" (about one year). */
export const MTA_STS_MAX_AGE_LIMIT = 31557600;

const HOST =
  /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;
const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/**
 * True when `pattern` is a valid mx pattern: a host name, or `*.` followed by a host name with at
 * least two labels.
 * @example
 *   isValidMxPattern("*.mail.example.com") // true
 *   isValidMxPattern("mail.*.example.com") // false
 */
export function isValidMxPattern(pattern: string): boolean {
  const rest = pattern.startsWith("*.") ? pattern.slice(2) : pattern;
  if (pattern.startsWith("*.") && !rest.includes(".")) return false;
  return HOST.test(rest) && rest.length <= 253;
}

/**
 * Parses a policy file strictly (RFC 8461 §3.2). Keys are case-sensitive; LF and CRLF both end lines.
 * @example
 *   const p = parseMtaStsPolicy("version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n");
 *   p.mode // "enforce"
 */
export function parseMtaStsPolicy(text: string): MtaStsPolicy {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const policy: MtaStsPolicy = {
    mx: [],
    lineEndings: crlf && lf ? "mixed" : crlf ? "crlf" : lf ? "lf" : "none",
    problems: [],
  };
  const seen = new Map<string, number>();
  if (text.startsWith("\ufeff")) policy.problems.push({ kind: "bom" });
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  lines.forEach((rawLine, i) => {
    const lineNo = i + 1;
    const line = rawLine.replace(/[ \t]+$/, "");
    if (line === "") return; // the final line ending, or blank lines most senders tolerate
    const m = /^([^:\s]+):[ \t]*(.*)$/.exec(line);
    if (!m || !KEY.test(m[1] ?? "") || (m[2] ?? "") === "") {
      policy.problems.push({ kind: "syntax", line: lineNo, text: line.slice(0, 120) });
      return;
    }
    const key = m[1] ?? "";
    const value = m[2] ?? "";
    if (key !== "mx" && seen.has(key)) {
      policy.problems.push({ kind: "duplicate", line: lineNo, field: key });
      return;
    }
    seen.set(key, lineNo);
    switch (key) {
      case "version":
        policy.version = value;
        if (value !== "STSv1") policy.problems.push({ kind: "bad-version", line: lineNo, value });
        break;
      case "mode":
        if (value === "enforce" || value === "testing" || value === "none") policy.mode = value;
        else policy.problems.push({ kind: "bad-mode", line: lineNo, value });
        break;
      case "max_age":
        if (/^\d{1,10}$/.test(value) && Number(value) <= MTA_STS_MAX_AGE_LIMIT) policy.maxAge = Number(value);
        else policy.problems.push({ kind: "bad-max-age", line: lineNo, value });
        break;
      case "mx":
        if (isValidMxPattern(value)) policy.mx.push(value.toLowerCase().replace(/\.$/, ""));
        else policy.problems.push({ kind: "bad-mx", line: lineNo, value });
        break;
      default:
        policy.problems.push({ kind: "unknown-field", line: lineNo, field: key });
    }
  });
  if (!seen.has("version")) policy.problems.push({ kind: "missing-field", field: "version" });
  if (!seen.has("mode")) policy.problems.push({ kind: "missing-field", field: "mode" });
  if (!seen.has("max_age")) policy.problems.push({ kind: "missing-field", field: "max_age" });
  // §3.2: mx is required unless mode is none (a "none" policy exists only to withdraw MTA-STS).
  if (!seen.has("mx") && policy.mode !== "none") policy.problems.push({ kind: "missing-field", field: "mx" });
  return policy;
}

/**
 * Whether an MX host is covered by a pattern (RFC 8461 §4.1): exact match, or `*.rest` matching
 * exactly one extra leftmost label. Case-insensitive, trailing dots ignored.
 * @example
 *   mxMatchesPattern("mx1.example.com", "*.example.com")   // true
 *   mxMatchesPattern("a.mx1.example.com", "*.example.com") // false
 */
export function mxMatchesPattern(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  const p = pattern.toLowerCase().replace(/\.$/, "");
  if (!p.startsWith("*.")) return h === p;
  const dot = h.indexOf(".");
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}

/**
 * The first pattern covering `host`, if any.
 * @example
 *   matchingMxPattern("mail.example.com", ["*.example.com"]) // "*.example.com"
 */
export function matchingMxPattern(host: string, patterns: readonly string[]): string | undefined {
  return patterns.find((p) => mxMatchesPattern(host, p));
}
