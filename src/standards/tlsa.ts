/**
 * TLSA records (RFC 6698, RFC 7218 mnemonics) and their use for SMTP (RFC 7672). Pure: parsing and
 * syntax judgement only; matching a record to a certificate chain belongs to the TLS area, which
 * imports these types.
 */

/** The four fields of a TLSA record; `data` is lower-case hex. */
export interface TlsaFields {
  usage: number;
  selector: number;
  matchingType: number;
  data: string;
}

/** RFC 7218 acronyms. */
export const TLSA_USAGES: Record<number, string> = { 0: "PKIX-TA", 1: "PKIX-EE", 2: "DANE-TA", 3: "DANE-EE" };
export const TLSA_SELECTORS: Record<number, string> = { 0: "Cert", 1: "SPKI" };
export const TLSA_MATCHING_TYPES: Record<number, string> = { 0: "Full", 1: "SHA2-256", 2: "SHA2-512" };

/** Bytes of association data each hashing matching type must carry. */
const DIGEST_BYTES: Record<number, number> = { 1: 32, 2: 64 };

export type TlsaProblemCode =
  | "usage.unknown"
  | "selector.unknown"
  | "matching-type.unknown"
  | "data.empty"
  | "data.not-hex"
  | "data.length"
  | "data.not-der";

export interface TlsaProblem {
  code: TlsaProblemCode;
  /** Values that explain it: the field value, expected and actual lengths. */
  detail: Record<string, string | number>;
}

/** What mxray makes of one TLSA record. */
export interface TlsaAssessment {
  fields: TlsaFields;
  /** `DANE-EE SPKI SHA2-256`, or numbers where a field is unknown. */
  mnemonic: string;
  problems: TlsaProblem[];
  /**
   * RFC 7672 §3.1.3: SMTP clients treat PKIX-TA(0) and PKIX-EE(1) as unusable, like records with
   * unknown fields or broken data. Only a usable DANE-TA(2)/DANE-EE(3) record authenticates a server.
   */
  usableForSmtp: boolean;
}

/**
 * Parses presentation form (`3 1 1 0123ab...`); the hex may be split by spaces as in zone files.
 * @example
 *   parseTlsaText("3 1 1 ab CD") // { usage: 3, selector: 1, matchingType: 1, data: "abcd" }
 */
export function parseTlsaText(text: string): TlsaFields | undefined {
  const m = /^\s*(\d{1,3})\s+(\d{1,3})\s+(\d{1,3})\s+([0-9A-Fa-f\s]*)$/.exec(text);
  if (!m) return undefined;
  const [usage, selector, matchingType] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  if (usage > 255 || selector > 255 || matchingType > 255) return undefined;
  return { usage, selector, matchingType, data: (m[4] ?? "").replace(/\s+/g, "").toLowerCase() };
}

/**
 * Judges the syntax of a TLSA record: known field values (RFC 6698 §2.1), hex data whose length fits
 * the matching type (32 bytes for SHA2-256, 64 for SHA2-512), DER for full data (RFC 6698 §2.1.3).
 * @example
 *   assessTlsa({ usage: 3, selector: 1, matchingType: 1, data: "ab".repeat(32) }).usableForSmtp // true
 *   assessTlsa({ usage: 1, selector: 0, matchingType: 1, data: "abcd" }).problems[0].code        // "data.length"
 */
export function assessTlsa(input: TlsaFields): TlsaAssessment {
  const fields = { ...input, data: input.data.replace(/\s+/g, "").toLowerCase() };
  const problems: TlsaProblem[] = [];
  if (!(fields.usage in TLSA_USAGES))
    problems.push({ code: "usage.unknown", detail: { value: fields.usage } });
  if (!(fields.selector in TLSA_SELECTORS))
    problems.push({ code: "selector.unknown", detail: { value: fields.selector } });
  if (!(fields.matchingType in TLSA_MATCHING_TYPES))
    problems.push({ code: "matching-type.unknown", detail: { value: fields.matchingType } });
  if (fields.data.length === 0) problems.push({ code: "data.empty", detail: {} });
  else if (!/^[0-9a-f]+$/.test(fields.data) || fields.data.length % 2 !== 0)
    problems.push({ code: "data.not-hex", detail: {} });
  else {
    const bytes = fields.data.length / 2;
    const expected = DIGEST_BYTES[fields.matchingType];
    if (expected !== undefined && bytes !== expected)
      problems.push({ code: "data.length", detail: { expected, actual: bytes } });
    // Full data is a DER certificate or SubjectPublicKeyInfo: both are an ASN.1 SEQUENCE (0x30).
    if (fields.matchingType === 0 && !fields.data.startsWith("30"))
      problems.push({ code: "data.not-der", detail: { actual: bytes } });
  }
  const name = (table: Record<number, string>, v: number) => table[v] ?? String(v);
  return {
    fields,
    mnemonic: `${name(TLSA_USAGES, fields.usage)} ${name(TLSA_SELECTORS, fields.selector)} ${name(TLSA_MATCHING_TYPES, fields.matchingType)}`,
    problems,
    usableForSmtp: problems.length === 0 && (fields.usage === 2 || fields.usage === 3),
  };
}

/**
 * The TLSA owner name for a service (RFC 6698 §3): `_25._tcp.mx.example.com`.
 * @example tlsaName("mx.example.com") // "_25._tcp.mx.example.com"
 */
export function tlsaName(host: string, port = 25, protocol: "tcp" | "udp" = "tcp"): string {
  return `_${port}._${protocol}.${host.toLowerCase().replace(/\.$/, "")}`;
}
