import { stripComments } from "./headers.js";

/** One method result inside an Authentication-Results field (RFC 8601 §2.2 resinfo). */
export interface AuthResultEntry {
  /** Lower-case method: `dkim`, `spf`, `dmarc`, `arc`, `iprev`, `auth`... */
  method: string;
  /** Lower-case result: `pass`, `fail`, `softfail`... */
  result: string;
  reason?: string;
  /** ptype.property -> value, e.g. `header.d` -> `example.com`, `smtp.mailfrom` -> `a@b`. */
  props: Record<string, string>;
  /** Comments, e.g. `(1024-bit key)`. */
  comments: string[];
}

/** An Authentication-Results or ARC-Authentication-Results field, parsed. */
export interface AuthResults {
  /** `Authentication-Results` or `ARC-Authentication-Results`. */
  field: string;
  /** ARC instance (i=) for ARC-Authentication-Results. */
  instance?: number;
  /** The authserv-id: who did the checks (RFC 8601 §2.5). */
  authservId: string;
  results: AuthResultEntry[];
  /** Segments that could not be read as `method=result`. */
  unparsed: string[];
  /** Position among fields of this name, 0 = topmost. */
  index: number;
}

/** Splits on `;` outside quoted strings and comments. */
function splitSemicolons(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? "";
    if (c === "\\" && i + 1 < value.length) {
      cur += c + value[++i];
      continue;
    }
    if (depth === 0 && c === '"') quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")" && depth > 0) depth--;
    if (c === ";" && depth === 0 && !quoted) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

function commentsOf(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const c of text) {
    if (c === "(") {
      if (depth > 0) cur += c;
      depth++;
    } else if (c === ")" && depth > 0) {
      depth--;
      if (depth === 0) {
        out.push(cur.trim());
        cur = "";
      } else cur += c;
    } else if (depth > 0) cur += c;
  }
  return out;
}

const PAIR = /([A-Za-z0-9_.\-/]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s;]+)/g;
const unquote = (v: string) =>
  v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).replace(/\\(.)/g, "$1") : v;

/**
 * Parses an Authentication-Results value (or ARC-Authentication-Results with its leading i=).
 * @example
 *   const ar = parseAuthResults("mx.example.org; dkim=pass header.d=example.com; spf=fail smtp.mailfrom=a@b.example");
 *   ar.results[0]; // { method: "dkim", result: "pass", props: { "header.d": "example.com" }, comments: [] }
 */
export function parseAuthResults(value: string, field = "Authentication-Results", index = 0): AuthResults {
  const segments = splitSemicolons(value.slice(0, 65536));
  const out: AuthResults = { field, authservId: "", results: [], unparsed: [], index };
  if (/^arc-/i.test(field)) {
    const i = /^\s*i\s*=\s*(\d+)\s*$/.exec(stripComments(segments[0] ?? ""));
    if (i) {
      out.instance = Number(i[1]);
      segments.shift();
    }
  }
  out.authservId = (
    stripComments(segments.shift() ?? "")
      .trim()
      .split(/\s+/)[0] ?? ""
  ).toLowerCase();
  for (const seg of segments) {
    const plain = stripComments(seg).trim();
    if (plain === "" || plain.toLowerCase() === "none") continue;
    const pairs = [...plain.matchAll(PAIR)];
    const first = pairs[0];
    if (!first || first.index !== 0) {
      out.unparsed.push(seg.slice(0, 200));
      continue;
    }
    const entry: AuthResultEntry = {
      method: (first[1] ?? "").split("/")[0]?.toLowerCase() ?? "",
      result: unquote(first[2] ?? "").toLowerCase(),
      props: {},
      comments: commentsOf(seg),
    };
    for (const p of pairs.slice(1)) {
      const key = (p[1] ?? "").toLowerCase();
      const v = unquote(p[2] ?? "");
      if (key === "reason") entry.reason = v;
      else if (key.includes(".")) entry.props[key] = v;
    }
    out.results.push(entry);
  }
  return out;
}
