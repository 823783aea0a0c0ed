/**
 * SPF macros (RFC 7208 §7): parsing of macro-strings and their expansion.
 * Parsing is pure; expansion takes the values (and a lazy `%{p}` resolver) from the evaluator.
 */

export type MacroToken =
  | { kind: "literal"; text: string }
  | {
      kind: "macro";
      /** Lower-case letter: s l o d i p h c r t v. */
      letter: string;
      /** Upper-case letter in the record: the value is URL-escaped. */
      escape: boolean;
      /** Keep this many right-hand parts; null keeps all. */
      digits: number | null;
      reverse: boolean;
      /** Split characters; `.` when none are given. */
      delimiters: string;
      raw: string;
    };

export type MacroParse =
  { ok: true; tokens: MacroToken[] } | { ok: false; position: number; problem: string };

const LETTERS = "slodiphcrtv";
/** Letters allowed only in explanation strings (RFC 7208 §7.2). */
const EXP_ONLY = "crt";

/**
 * Parses a macro-string. `exp` allows the explanation-only letters (c, r, t) and spaces.
 * @example parseMacroString("%{ir}.%{v}._spf.%{d}", { exp: false })
 */
export function parseMacroString(text: string, opts: { exp: boolean }): MacroParse {
  const tokens: MacroToken[] = [];
  let literal = "";
  const flush = () => {
    if (literal) tokens.push({ kind: "literal", text: literal });
    literal = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i] as string;
    if (ch !== "%") {
      // macro-literal = %x21-24 / %x26-7E; explanations may also hold spaces
      if ((c >= 0x21 && c <= 0x7e) || (opts.exp && c === 0x20)) {
        literal += ch;
        continue;
      }
      return {
        ok: false,
        position: i,
        problem: c > 0x7e ? "non-ASCII character" : "control character or space",
      };
    }
    const next = text[i + 1];
    if (next === "%") literal += "%";
    else if (next === "_") literal += " ";
    else if (next === "-") literal += "%20";
    else if (next === "{") {
      const end = text.indexOf("}", i + 2);
      if (end < 0) return { ok: false, position: i, problem: "unterminated macro" };
      const body = text.slice(i + 2, end);
      const m = /^([a-zA-Z])([0-9]*)([rR]?)([.\-+,/_=]*)$/.exec(body);
      const letter = m?.[1]?.toLowerCase() ?? "";
      if (!m || !LETTERS.includes(letter)) return { ok: false, position: i, problem: `bad macro %{${body}}` };
      if (!opts.exp && EXP_ONLY.includes(letter))
        return { ok: false, position: i, problem: `%{${body}} only allowed in exp= text` };
      // Leading zeros and zero itself are not in the ABNF's spirit: "%{d0}" keeps nothing (RFC 7208 §7.3)
      const digits = m[2] ? Number(m[2]) : null;
      if (digits === 0) return { ok: false, position: i, problem: `zero digit transformer in %{${body}}` };
      flush();
      tokens.push({
        kind: "macro",
        letter,
        escape: m[1] !== letter,
        digits: digits === null ? null : Math.min(digits, 128),
        reverse: m[3] !== "",
        delimiters: m[4] || ".",
        raw: text.slice(i, end + 1),
      });
      i = end;
      continue;
    } else
      return {
        ok: false,
        position: i,
        problem: next === undefined ? "lone % at the end" : `bad escape %${next}`,
      };
    i++;
  }
  flush();
  return { ok: true, tokens };
}

/** True when the macro-string has at least one `%{...}` macro (not only escapes). */
export function hasMacros(tokens: readonly MacroToken[]): boolean {
  return tokens.some((t) => t.kind === "macro");
}

/** Applies the transformers to a value: split, reverse, keep the rightmost parts, join with dots. */
export function transform(value: string, token: Extract<MacroToken, { kind: "macro" }>): string {
  if (token.digits === null && !token.reverse && token.delimiters === ".") return value;
  let parts = value.split(new RegExp(`[${token.delimiters.replace(/[-\\\]^]/g, "\\$&")}]`));
  if (token.reverse) parts = parts.reverse();
  if (token.digits !== null && token.digits < parts.length) parts = parts.slice(parts.length - token.digits);
  return parts.join(".");
}

/** URL-escaping of RFC 7208 §7.3 for upper-case macro letters: all but RFC 3986 unreserved characters. */
export function urlEscape(value: string): string {
  return Array.from(new TextEncoder().encode(value))
    .map((b) => {
      const ch = String.fromCharCode(b);
      return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
    })
    .join("");
}

/** Values of the macro letters; `p` is looked up only when a macro asks for it. */
export interface MacroValues {
  s: string;
  l: string;
  o: string;
  d: string;
  i: string;
  v: string;
  h: string;
  c: string;
  r: string;
  t: string;
  p: () => Promise<string>;
}

/**
 * Expands parsed tokens. `maxChars` bounds the output (a hostile explanation record with many
 * macros could otherwise grow to megabytes).
 * @example await expandMacros(tokens, values) // "1.2.0.192.in-addr._spf.example.com"
 */
export async function expandMacros(
  tokens: readonly MacroToken[],
  values: MacroValues,
  maxChars = 8192,
): Promise<string> {
  let out = "";
  for (const t of tokens) {
    if (t.kind === "literal") out += t.text;
    else {
      const raw =
        t.letter === "p" ? await values.p() : String(values[t.letter as Exclude<keyof MacroValues, "p">]);
      const value = transform(raw, t);
      out += t.escape ? urlEscape(value) : value;
    }
    if (out.length > maxChars) return out.slice(0, maxChars);
  }
  return out;
}

/**
 * RFC 7208 §7.3: an expanded domain name over 253 characters loses labels from the left until it fits.
 * @example truncateDomain("a".repeat(250) + ".example.com") // "example.com"
 */
export function truncateDomain(name: string): string {
  let n = name.endsWith(".") ? name.slice(0, -1) : name;
  while (n.length > 253) {
    const dot = n.indexOf(".");
    if (dot < 0) return "";
    n = n.slice(dot + 1);
  }
  return n;
}
