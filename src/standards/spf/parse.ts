/**
 * Parsing of SPF records (RFC 7208 §4.5, §4.6, §5, §6, ABNF §12). Pure: text in, terms and
 * positioned syntax errors out. The evaluator refuses a record with any error (permerror,
 * §4.6); the audit reports every error with its position.
 */
import { hasMacros, parseMacroString, type MacroToken } from "./macros.js";
import { isSpfIp4, isSpfIp6 } from "./ip.js";
import type { SpfMechanismName, SpfQualifier } from "./types.js";

export type SpfSyntaxProblem =
  | "non-ascii"
  | "bad-character"
  | "unknown-mechanism"
  | "bad-qualifier"
  | "missing-argument"
  | "unexpected-argument"
  | "bad-ip4"
  | "bad-ip6"
  | "bad-cidr"
  | "bad-macro"
  | "bad-domain"
  | "duplicate-modifier"
  | "bad-modifier";

export interface SpfSyntaxError {
  problem: SpfSyntaxProblem;
  /** 0-based character offset of the term in the record. */
  position: number;
  term: string;
  /** English detail for traces and reasons. */
  detail: string;
}

export interface SpfMechanism {
  kind: "mechanism";
  name: SpfMechanismName;
  qualifier: SpfQualifier;
  raw: string;
  position: number;
  /** The domain-spec as written (include, exists; optional for a, mx, ptr). */
  domainSpec?: string;
  /** Parsed macros of the domain-spec. */
  macros?: MacroToken[];
  /** ip4:/ip6: network text. */
  network?: string;
  /** Prefix lengths: for ip4/ip6 the one that applies, for a/mx the dual CIDR. */
  cidr4?: number;
  cidr6?: number;
}

export interface SpfModifier {
  kind: "modifier";
  /** Lower-cased modifier name. */
  name: string;
  value: string;
  macros?: MacroToken[];
  raw: string;
  position: number;
}

export type SpfTerm = SpfMechanism | SpfModifier;

export interface ParsedSpfRecord {
  terms: SpfTerm[];
  mechanisms: SpfMechanism[];
  redirect?: SpfModifier;
  exp?: SpfModifier;
  errors: SpfSyntaxError[];
}

const VERSION_RE = /^v=spf1(?: |$)/i;

/** True when a TXT value is an SPF version 1 record (RFC 7208 §4.5: `v=spf1` then a space or the end). */
export function isSpfRecord(txt: string): boolean {
  return VERSION_RE.test(txt);
}

const MECHANISMS: readonly SpfMechanismName[] = ["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"];
const MODIFIER_RE = /^([a-zA-Z][a-zA-Z0-9\-_.]*)=(.*)$/s;
const MECH_RE = /^([+\-~?]?)([a-zA-Z][a-zA-Z0-9\-_.]*)(.*)$/s;
// toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
const TOPLABEL_RE = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;

/**
 * Checks a domain-spec (RFC 7208 §7.1): a valid macro-string that ends in `.toplabel[.]` or in a macro.
 * Returns its macros, or the problem.
 */
export function parseDomainSpec(
  spec: string,
): { ok: true; macros: MacroToken[] } | { ok: false; problem: SpfSyntaxProblem; detail: string } {
  if (!spec) return { ok: false, problem: "missing-argument", detail: "empty domain-spec" };
  const m = parseMacroString(spec, { exp: false });
  if (!m.ok)
    return {
      ok: false,
      problem: "bad-macro",
      detail: `${m.problem} at offset ${m.position} of ${JSON.stringify(spec)}`,
    };
  const last = m.tokens[m.tokens.length - 1];
  if (last?.kind === "literal") {
    // domain-end = ( "." toplabel [ "." ] ) / macro-expand
    const text = last.text.endsWith(".") ? last.text.slice(0, -1) : last.text;
    const dot = text.lastIndexOf(".");
    const top = text.slice(dot + 1);
    if (dot < 0 && m.tokens.length === 1)
      return {
        ok: false,
        problem: "bad-domain",
        detail: `${JSON.stringify(spec)} is not a fully qualified domain`,
      };
    if (dot < 0 || !TOPLABEL_RE.test(top))
      return {
        ok: false,
        problem: "bad-domain",
        detail: `bad top label ${JSON.stringify(top)} in ${JSON.stringify(spec)}`,
      };
  }
  return { ok: true, macros: m.tokens };
}

/** Offset of the first non-ASCII or control character, or -1 (RFC 7208 §3.1: records are 7-bit ASCII). */
function badCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e || c < 0x20) return i;
  }
  return -1;
}

/**
 * Parses an SPF record (including its `v=spf1`). Terms are separated by one or more spaces.
 * @example parseSpfRecord("v=spf1 ip4:192.0.2.0/24 include:_spf.example.com -all").mechanisms.length // 3
 */
export function parseSpfRecord(record: string): ParsedSpfRecord {
  const out: ParsedSpfRecord = { terms: [], mechanisms: [], errors: [] };
  // Terms split on SP only: a control character (or TAB) inside a term makes that term invalid.
  const re = / +/g;
  const body = record.replace(/^v=spf1/i, "");
  let offset = record.length - body.length;
  for (const piece of body.split(re)) {
    const position = record.indexOf(piece, offset);
    offset = position + piece.length;
    if (!piece) continue;
    const err = (problem: SpfSyntaxProblem, detail: string) =>
      out.errors.push({ problem, position, term: piece, detail });
    const bad = badCharacter(piece);
    if (bad >= 0) {
      const c = piece.charCodeAt(bad);
      err(
        c > 0x7e ? "non-ascii" : "bad-character",
        `${c > 0x7e ? "non-ASCII" : "control"} character U+${c.toString(16).toUpperCase().padStart(4, "0")} at position ${position + bad}`,
      );
      continue;
    }
    const term = parseTerm(piece, position, err);
    if (!term) continue;
    out.terms.push(term);
    if (term.kind === "mechanism") out.mechanisms.push(term);
    else if (term.name === "redirect" || term.name === "exp") {
      if (out[term.name]) err("duplicate-modifier", `${term.name}= appears more than once`);
      else out[term.name] = term;
    }
  }
  return out;
}

function parseTerm(
  piece: string,
  position: number,
  err: (p: SpfSyntaxProblem, d: string) => void,
): SpfTerm | null {
  const mod = MODIFIER_RE.exec(piece);
  if (mod) {
    const name = (mod[1] as string).toLowerCase();
    const value = mod[2] as string;
    if (name === "redirect" || name === "exp") {
      const spec = parseDomainSpec(value);
      if (!spec.ok) return (err(spec.problem, `${name}=: ${spec.detail}`), null);
      return { kind: "modifier", name, value, macros: spec.macros, raw: piece, position };
    }
    const m = parseMacroString(value, { exp: false });
    if (!m.ok) return (err("bad-modifier", `${name}=: ${m.problem}`), null);
    return { kind: "modifier", name, value, macros: m.tokens, raw: piece, position };
  }
  const mm = MECH_RE.exec(piece);
  if (!mm)
    return (
      err(
        /^[+\-~?]/.test(piece) ? "bad-qualifier" : "unknown-mechanism",
        `cannot read term ${JSON.stringify(piece)}`,
      ),
      null
    );
  const qualifier = (mm[1] || "+") as SpfQualifier;
  const name = (mm[2] as string).toLowerCase() as SpfMechanismName;
  const rest = mm[3] as string;
  if (!MECHANISMS.includes(name))
    return (err("unknown-mechanism", `unknown mechanism ${JSON.stringify(mm[2])}`), null);
  const mech: SpfMechanism = { kind: "mechanism", name, qualifier, raw: piece, position };
  switch (name) {
    case "all":
      if (rest)
        return (err("unexpected-argument", `"all" takes no argument (${JSON.stringify(rest)})`), null);
      return mech;
    case "include":
    case "exists": {
      if (!rest.startsWith(":")) return (err("missing-argument", `${name} needs ":domain"`), null);
      const spec = parseDomainSpec(rest.slice(1));
      if (!spec.ok) return (err(spec.problem, spec.detail), null);
      return { ...mech, domainSpec: rest.slice(1), macros: spec.macros };
    }
    case "a":
    case "mx":
    case "ptr": {
      let r = rest;
      if (name !== "ptr") {
        const c = /^(.*?)(?:\/([0-9]+))?(?:\/\/([0-9]+))?$/s.exec(r);
        if (c && (c[2] !== undefined || c[3] !== undefined)) {
          const v4 = c[2] !== undefined ? cidr(c[2], 32) : undefined;
          const v6 = c[3] !== undefined ? cidr(c[3], 128) : undefined;
          if (v4 === null || v6 === null)
            return (err("bad-cidr", `bad prefix length in ${JSON.stringify(piece)}`), null);
          mech.cidr4 = v4;
          mech.cidr6 = v6;
          r = c[1] as string;
        }
      }
      if (!r) return mech;
      if (!r.startsWith(":"))
        return (
          err(r.startsWith("/") ? "bad-cidr" : "unknown-mechanism", `cannot read ${JSON.stringify(piece)}`),
          null
        );
      const spec = parseDomainSpec(r.slice(1));
      if (!spec.ok) return (err(spec.problem, spec.detail), null);
      return { ...mech, domainSpec: r.slice(1), macros: spec.macros };
    }
    case "ip4":
    case "ip6": {
      if (!rest.startsWith(":")) return (err("missing-argument", `${name} needs ":address"`), null);
      const [net, len, ...more] = rest.slice(1).split("/");
      const max = name === "ip4" ? 32 : 128;
      const ok = name === "ip4" ? isSpfIp4(net ?? "") : isSpfIp6(net ?? "");
      if (!ok)
        return (
          err(name === "ip4" ? "bad-ip4" : "bad-ip6", `bad ${name} network ${JSON.stringify(net)}`),
          null
        );
      const prefix = len === undefined ? max : cidr(len, max);
      if (prefix === null || more.length)
        return (err("bad-cidr", `bad prefix length in ${JSON.stringify(piece)}`), null);
      return { ...mech, network: net, ...(name === "ip4" ? { cidr4: prefix } : { cidr6: prefix }) };
    }
  }
}

/** ip4-cidr-length / ip6-cidr-length: no leading zeros, within the family's width. */
function cidr(text: string, max: number): number | null {
  if (!/^(?:0|[1-9][0-9]{0,2})$/.test(text)) return null;
  const n = Number(text);
  return n <= max ? n : null;
}

/** True when a mechanism or modifier uses macros that make its target unknowable before evaluation. */
export function termHasMacros(term: SpfTerm): boolean {
  return term.macros ? hasMacros(term.macros) : false;
}
