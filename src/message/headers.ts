/**
 * The header section of a message (RFC 5322 §2.2), parsed leniently: a received message is
 * evidence, so a broken line is recorded and repaired rather than rejected.
 */

/** The header section is at most 4 MiB; beyond that the message is not analysed as mail. */
export const MAX_HEADER_BYTES = 4 * 1024 * 1024;
/** At most this many header fields are kept (each is still counted). */
export const MAX_HEADER_FIELDS = 10_000;
/** At most this many malformed lines are kept as examples. */
const MAX_EXAMPLES = 20;

export interface HeaderField {
  /** The name as written (`DKIM-Signature`). */
  name: string;
  /** Lower-case name, for lookups. */
  key: string;
  /** The value, unfolded (CRLF before whitespace removed), without the leading space. */
  value: string;
  /** The whole field as written, folding included (`Name: value\r\n more`). */
  raw: string;
  /** 1-based line number where the field starts. */
  line: number;
  /** True when a line of this field lacked its leading whitespace and was joined back. */
  repaired?: boolean;
}

export interface BadLine {
  line: number;
  text: string;
  /** The field it was joined to, for a broken fold. */
  field?: string;
}

export interface HeaderSection {
  fields: HeaderField[];
  /** Fields seen (may exceed `fields.length` when the cap was hit). */
  fieldCount: number;
  /** Bytes of the header section (up to the blank line). */
  headerBytes: number;
  /** Offset of the body in the message, -1 when there is no blank line after the headers. */
  bodyOffset: number;
  /** Lines that are neither a field nor a continuation, and not after any field. */
  malformed: BadLine[];
  malformedCount: number;
  /** Lines without leading whitespace that continue a field (a fold broken mid-word). */
  brokenFolds: BadLine[];
  brokenFoldCount: number;
  /** `utf8` for valid UTF-8 8-bit text (RFC 6532), `invalid` for bytes that are not UTF-8. */
  eightBit: "none" | "utf8" | "invalid";
  /** NUL or other C0 control bytes (besides tab) inside header lines. */
  controlBytes: number;
  /** The header section went past MAX_HEADER_BYTES without a blank line. */
  oversized: boolean;
}

const FIELD_START = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;

/** Where the header section ends: the offset of the body, or -1. Looks only within `limit` bytes. */
export function findBodyOffset(bytes: Buffer, limit = MAX_HEADER_BYTES): number {
  if (bytes[0] === 0x0d && bytes[1] === 0x0a) return 2;
  if (bytes[0] === 0x0a) return 1;
  const window = bytes.subarray(0, Math.min(bytes.length, limit + 4));
  const crlf = window.indexOf("\r\n\r\n");
  const lf = window.indexOf("\n\n");
  if (crlf === -1 && lf === -1) return -1;
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return crlf + 4;
  return lf + 2;
}

/** Decodes header bytes: UTF-8 when valid (RFC 6532), else byte-per-character (latin1). */
function decode(bytes: Buffer): { text: string; eightBit: HeaderSection["eightBit"] } {
  if (!bytes.some((b) => b >= 0x80)) return { text: bytes.toString("latin1"), eightBit: "none" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), eightBit: "utf8" };
  } catch {
    return { text: bytes.toString("latin1"), eightBit: "invalid" };
  }
}

/**
 * Parses the header section of a message.
 * @example
 *   const h = parseHeaders(Buffer.from("From: a@example.com\r\nSubject: hi\r\n\r\nbody"));
 *   h.fields[1].value; // "hi"
 */
export function parseHeaders(bytes: Buffer): HeaderSection {
  const bodyOffset = findBodyOffset(bytes);
  const oversized = bodyOffset === -1 && bytes.length > MAX_HEADER_BYTES;
  const end = bodyOffset === -1 ? Math.min(bytes.length, MAX_HEADER_BYTES) : bodyOffset;
  const { text, eightBit } = decode(bytes.subarray(0, end));
  const section: HeaderSection = {
    fields: [],
    fieldCount: 0,
    headerBytes: end,
    bodyOffset,
    malformed: [],
    malformedCount: 0,
    brokenFolds: [],
    brokenFoldCount: 0,
    eightBit,
    controlBytes: 0,
    oversized,
  };
  let current: HeaderField | undefined;
  let currentKept = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "" && i >= lines.length - 2) break;
    section.controlBytes += countControls(line);
    if (/^[ \t]/.test(line)) {
      if (current) {
        current.raw += `\r\n${line}`;
        current.value += line;
      } else addBad(section, "malformed", { line: i + 1, text: line });
      continue;
    }
    const m = FIELD_START.exec(line);
    if (m) {
      section.fieldCount++;
      const name = m[1] ?? "";
      current = { name, key: name.toLowerCase(), value: line.slice(m[0].length), raw: line, line: i + 1 };
      currentKept = section.fields.length < MAX_HEADER_FIELDS;
      if (currentKept) section.fields.push(current);
      continue;
    }
    if (current && line !== "") {
      // A fold broken mid-word: the line lost its leading whitespace. Join it back without a space
      // (the break was inside a word) and say so.
      current.raw += `\r\n${line}`;
      current.value += line;
      current.repaired = true;
      addBad(section, "brokenFolds", { line: i + 1, text: line, field: current.name });
      continue;
    }
    addBad(section, "malformed", { line: i + 1, text: line });
  }
  for (const f of section.fields) f.value = f.value.replace(/^[ \t]+/, "").replace(/[ \t]+$/, "");
  return section;
}

function countControls(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) n++;
  }
  return n;
}

function addBad(section: HeaderSection, kind: "malformed" | "brokenFolds", bad: BadLine): void {
  const list = section[kind];
  if (kind === "malformed") section.malformedCount++;
  else section.brokenFoldCount++;
  if (list.length < MAX_EXAMPLES) list.push({ ...bad, text: bad.text.slice(0, 200) });
}

/** Every field with this name, in message order (top first). */
export function fieldsNamed(section: HeaderSection, name: string): HeaderField[] {
  const key = name.toLowerCase();
  return section.fields.filter((f) => f.key === key);
}

/** The first field with this name, if any. */
export function firstField(section: HeaderSection, name: string): HeaderField | undefined {
  const key = name.toLowerCase();
  return section.fields.find((f) => f.key === key);
}

/** Removes RFC 5322 comments (nested parentheses, quoted pairs) from a header value. */
export function stripComments(value: string): string {
  let out = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\" && i + 1 < value.length) {
      if (depth === 0) out += c + value[i + 1];
      i++;
      continue;
    }
    if (depth === 0 && c === '"') quoted = !quoted;
    if (!quoted && c === "(") {
      depth++;
      continue;
    }
    if (!quoted && c === ")" && depth > 0) {
      depth--;
      if (depth === 0) out += " ";
      continue;
    }
    if (depth === 0) out += c;
  }
  return out;
}
