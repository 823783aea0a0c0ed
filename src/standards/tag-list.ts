/**
 * The tag=value list of DKIM (RFC 6376 §3.2), also used by DMARC (RFC 7489 §6.4) and MTA-STS/TLS-RPT
 * TXT records: `tag-list = tag-spec *( ";" tag-spec ) [ ";" ]`.
 *
 * The parser never throws and never gives up early: it returns every tag it could read plus every
 * deviation from the grammar, each with its 0-based position in the record, so a finding can point at
 * the exact character.
 */

/** One `name=value` pair as written. */
export interface Tag {
  name: string;
  /** The value with surrounding whitespace removed (inner folding whitespace kept). */
  value: string;
  /** Position of the tag name in the record. */
  position: number;
}

export type TagListProblemKind =
  /** `;;` or a record starting with `;`: an empty tag-spec, which the grammar does not allow. */
  | "empty-tag"
  /** A tag-spec without `=`. */
  | "missing-equals"
  /** A tag name that is not `ALPHA *(ALPHA / DIGIT / "_")`. */
  | "bad-name"
  /** A value character outside VALCHAR (`%x21-3A / %x3C-7E`) other than folding whitespace. */
  | "bad-value-char"
  /** The same tag name twice: RFC 6376 §3.2 makes the whole tag-list invalid. */
  | "duplicate";

export interface TagListProblem {
  kind: TagListProblemKind;
  /** 0-based character position in the record. */
  position: number;
  /** The tag name concerned, when there is one. */
  tag?: string;
  /** The offending text (a character, a name), for the report. */
  text?: string;
}

export interface TagList {
  tags: Tag[];
  problems: TagListProblem[];
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
// VALCHAR (%x21-3A / %x3C-7E) plus folding whitespace inside a value.
const VALUE = /^[\x21-\x3a\x3c-\x7e \t\r\n]*$/;
const VALUE_CHAR = /^[\x21-\x3a\x3c-\x7e \t\r\n]$/;
const WSP_CODES = new Set([0x20, 0x09, 0x0d, 0x0a]);

/**
 * Parses a tag-list. Tag names are kept as written; use {@link tagMap} for a case-insensitive lookup
 * where the standard allows it.
 * @example
 *   parseTagList("v=DMARC1; p=reject").tags  // [{name:"v",value:"DMARC1",position:0},{name:"p",value:"reject",position:10}]
 */
export function parseTagList(record: string): TagList {
  const tags: Tag[] = [];
  const problems: TagListProblem[] = [];
  const seen = new Set<string>();
  const specs = record.split(";");
  let at = 0;
  specs.forEach((text, index) => {
    const specAt = at;
    at += text.length + 1;
    const lead = leadingWsp(text);
    if (lead === text.length) {
      // A trailing ";" (followed only by whitespace) is allowed; an empty spec elsewhere is not.
      if (index !== specs.length - 1) problems.push({ kind: "empty-tag", position: specAt });
      return;
    }
    const namePos = specAt + lead;
    const eq = text.indexOf("=");
    if (eq < 0) {
      problems.push({ kind: "missing-equals", position: namePos, text: trimWsp(text) });
      return;
    }
    const name = trimWsp(text.slice(0, eq));
    if (!NAME.test(name)) {
      problems.push({ kind: "bad-name", position: namePos, text: name });
      return;
    }
    const rawValue = text.slice(eq + 1);
    const valueLead = leadingWsp(rawValue);
    const value = trimWsp(rawValue);
    if (!VALUE.test(value)) {
      for (let k = 0; k < value.length; k++) {
        if (!VALUE_CHAR.test(value[k] ?? "")) {
          problems.push({
            kind: "bad-value-char",
            position: specAt + eq + 1 + valueLead + k,
            tag: name,
            text: value[k],
          });
          break;
        }
      }
    }
    const key = name.toLowerCase();
    if (seen.has(key)) problems.push({ kind: "duplicate", position: namePos, tag: name });
    seen.add(key);
    tags.push({ name, value, position: namePos });
  });
  return { tags, problems };
}

/** Number of leading folding-whitespace characters (SP, HTAB, CR, LF only: JS trim() would also eat U+00A0). */
function leadingWsp(s: string): number {
  let i = 0;
  while (i < s.length && WSP_CODES.has(s.charCodeAt(i))) i++;
  return i;
}

function trimWsp(s: string): string {
  let end = s.length;
  while (end > 0 && WSP_CODES.has(s.charCodeAt(end - 1))) end--;
  return s.slice(leadingWsp(s), end);
}

/**
 * First occurrence of each tag, keyed by lower-case name.
 * @example
 *   tagMap(parseTagList("v=DKIM1; p=abc").tags).get("p")?.value  // "abc"
 */
export function tagMap(tags: readonly Tag[]): Map<string, Tag> {
  const map = new Map<string, Tag>();
  for (const t of tags) if (!map.has(t.name.toLowerCase())) map.set(t.name.toLowerCase(), t);
  return map;
}

/** Removes folding whitespace inside a value (base64 keys are often split across TXT strings). */
export function stripWhitespace(value: string): string {
  return value.replace(/[ \t\r\n]+/g, "");
}
