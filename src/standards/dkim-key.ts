import { createPublicKey } from "node:crypto";
import { parseTagList, stripWhitespace, tagMap, type Tag, type TagListProblemKind } from "./tag-list.js";

/*
 * DKIM public key records at `<selector>._domainkey.<domain>` (RFC 6376 §3.6.1), with RFC 8301 (rsa-sha1
 * and keys under 1024 bits MUST NOT be used) and RFC 8463 (ed25519: the raw 32-byte key, base64).
 * The key length is read from the key itself, never from the record's length.
 */

export type DkimKeyType = "rsa" | "ed25519";

export type DkimKeyProblem =
  | { kind: "syntax"; syntax: TagListProblemKind; position: number; tag?: string; text?: string }
  /** v= present but not first or not `DKIM1`: RFC 6376 §3.6.1 says the record MUST be ignored. */
  | { kind: "bad-version"; position: number; text: string }
  /** No p= tag at all: not a key record. */
  | { kind: "missing-key" }
  /** p= is not valid base64. */
  | { kind: "bad-base64"; position: number }
  /** p= decodes, but is not a key of the type k= announces. */
  | { kind: "bad-key"; detail: string }
  | { kind: "unknown-key-type"; value: string }
  /** h= lists no algorithm verifiers accept (sha256), e.g. `h=sha1` only (RFC 8301 §3.1). */
  | { kind: "no-acceptable-hash"; value: string }
  /** s= does not include `*` or `email`: the key is not for mail (RFC 6376 §3.6.1). */
  | { kind: "not-for-email"; value: string }
  | { kind: "unknown-tag"; tag: string; position: number };

export interface DkimKeyRecord {
  raw: string;
  tags: Tag[];
  /** k=, default rsa; the raw value when it is an unknown type. */
  keyType: string;
  /** h= hash algorithms (lower case), empty when h= is absent (all allowed). */
  hashes: string[];
  /** s= service types, default `*`. */
  services: string[];
  /** t= flags: `y` (testing), `s` (strict subdomain matching). */
  flags: string[];
  /** p= present and empty: the key was revoked (RFC 6376 §3.6.1). */
  revoked: boolean;
  /** Key length in bits (RSA modulus length, 256 for ed25519), when the key parsed. */
  bits?: number;
  /** How an RSA key was encoded: SubjectPublicKeyInfo (what RFC 6376 specifies) or bare PKCS#1. */
  encoding?: "spki" | "pkcs1" | "raw";
  problems: DkimKeyProblem[];
}

const KNOWN = new Set(["v", "h", "k", "n", "p", "s", "t"]);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// DER SubjectPublicKeyInfo prefix for an Ed25519 key (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING }
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

const colonList = (value: string): string[] =>
  value
    .split(":")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");

function inspectKey(
  type: DkimKeyType,
  der: Buffer,
): Pick<DkimKeyRecord, "bits" | "encoding"> | { error: string } {
  if (type === "ed25519") {
    // RFC 8463 §4.2: p= is the raw 32-byte public key, not an SPKI structure.
    if (der.length !== 32) {
      return {
        error:
          der.length === 44 && der.subarray(0, 12).equals(ED25519_SPKI_PREFIX)
            ? "ed25519 key published as SubjectPublicKeyInfo; RFC 8463 requires the raw 32-byte key"
            : `ed25519 key is ${der.length} bytes, not 32`,
      };
    }
    try {
      createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, der]), format: "der", type: "spki" });
    } catch (err) {
      return { error: (err as Error).message };
    }
    return { bits: 256, encoding: "raw" };
  }
  for (const encoding of ["spki", "pkcs1"] as const) {
    try {
      const key = createPublicKey({ key: der, format: "der", type: encoding });
      if (key.asymmetricKeyType !== "rsa")
        return { error: `the key is ${key.asymmetricKeyType ?? "unknown"}, not rsa` };
      const bits = key.asymmetricKeyDetails?.modulusLength;
      if (!bits) return { error: "no RSA modulus" };
      return { bits, encoding };
    } catch {
      // try the next encoding
    }
  }
  return { error: "not a DER RSA public key (neither SubjectPublicKeyInfo nor PKCS#1)" };
}

/**
 * Parses a DKIM key record and the key in it.
 * @example
 *   const k = parseDkimKeyRecord("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
 *   k.keyType // "ed25519"
 *   k.bits    // 256
 */
export function parseDkimKeyRecord(raw: string): DkimKeyRecord {
  const { tags, problems: syntax } = parseTagList(raw);
  const problems: DkimKeyProblem[] = syntax.map((s) => ({
    kind: "syntax" as const,
    syntax: s.kind,
    position: s.position,
    ...(s.tag !== undefined ? { tag: s.tag } : {}),
    ...(s.text !== undefined ? { text: s.text } : {}),
  }));
  const byName = tagMap(tags);
  const record: DkimKeyRecord = {
    raw,
    tags,
    keyType: "rsa",
    hashes: [],
    services: ["*"],
    flags: [],
    revoked: false,
    problems,
  };

  const v = byName.get("v");
  if (v && (tags[0] !== v || v.value !== "DKIM1"))
    problems.push({ kind: "bad-version", position: v.position, text: `v=${v.value}` });
  for (const t of tags)
    if (!KNOWN.has(t.name.toLowerCase()))
      problems.push({ kind: "unknown-tag", tag: t.name, position: t.position });

  const k = byName.get("k");
  if (k) record.keyType = k.value.toLowerCase();
  const h = byName.get("h");
  if (h) {
    record.hashes = colonList(h.value);
    if (!record.hashes.includes("sha256")) problems.push({ kind: "no-acceptable-hash", value: h.value });
  }
  const s = byName.get("s");
  if (s) {
    record.services = colonList(s.value);
    if (!record.services.includes("*") && !record.services.includes("email"))
      problems.push({ kind: "not-for-email", value: s.value });
  }
  const t = byName.get("t");
  if (t) record.flags = colonList(t.value);

  const p = byName.get("p");
  if (!p) {
    problems.push({ kind: "missing-key" });
    return record;
  }
  const data = stripWhitespace(p.value);
  if (data === "") {
    record.revoked = true;
    return record;
  }
  if (record.keyType !== "rsa" && record.keyType !== "ed25519") {
    problems.push({ kind: "unknown-key-type", value: k?.value ?? "" });
    return record;
  }
  if (!BASE64.test(data)) {
    problems.push({ kind: "bad-base64", position: p.position });
    return record;
  }
  const inspected = inspectKey(record.keyType, Buffer.from(data, "base64"));
  if ("error" in inspected) problems.push({ kind: "bad-key", detail: inspected.error });
  else Object.assign(record, inspected);
  return record;
}

/** True for a TXT string that is plainly meant as a DKIM key (has a p= tag or starts with v=DKIM1). */
export function looksLikeDkimKey(txt: string): boolean {
  return /^\s*v\s*=\s*DKIM1/i.test(txt) || /(^|;)\s*p\s*=/.test(txt);
}

/**
 * Selectors of common mail providers and software, tried when the user names none. Absence of a key
 * under a guessed selector proves nothing: selectors are free-form.
 */
export const COMMON_DKIM_SELECTORS: readonly string[] = [
  "default",
  "dkim",
  "mail",
  "smtp",
  "mx",
  "key1",
  "key2",
  "sig1",
  "s1",
  "s2",
  "k1",
  "k2",
  "k3",
  "selector1", // Microsoft 365
  "selector2", // Microsoft 365
  "google", // Google Workspace
  "everlytickey1",
  "everlytickey2",
  "mandrill", // Mailchimp Transactional
  "mxvault",
  "zoho",
  "zmail",
  "protonmail", // Proton
  "protonmail2",
  "protonmail3",
  "fm1", // Fastmail
  "fm2",
  "fm3",
  "mailjet",
  "smtpapi", // SendGrid (legacy)
  "pm", // Postmark
  "krs", // Mailgun
  "mg",
  "cm", // Campaign Monitor
  "hs1", // HubSpot
  "hs2",
  "ctct1", // Constant Contact
  "ctct2",
  "dkim1",
  "dkim2",
];
