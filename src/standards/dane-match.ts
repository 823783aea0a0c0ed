import { createHash, createPublicKey, type KeyObject, X509Certificate } from "node:crypto";
import { issuedBy } from "./certificate.js";
import { assessTlsa, type TlsaFields, type TlsaProblemCode } from "./tlsa.js";

export type { TlsaFields } from "./tlsa.js";

/**
 * Why a TLSA record cannot authenticate an SMTP server (RFC 7672 §3.1.3): PKIX-TA(0)/PKIX-EE(1) are
 * not for SMTP; unknown fields or broken data make any record unusable (RFC 6698 §4.1). The syntax
 * judgement is the TLSA module's (`assessTlsa`); this only names the reason.
 */
export type TlsaUsability = "usable" | "pkix-usage" | TlsaProblemCode;

/** @example tlsaUsability({ usage: 3, selector: 1, matchingType: 1, data: "ab".repeat(32) }) // "usable" */
export function tlsaUsability(r: TlsaFields): TlsaUsability {
  const a = assessTlsa(r);
  if (a.usableForSmtp) return "usable";
  if (a.problems[0]) return a.problems[0].code;
  return "pkix-usage";
}

/** `3 1 1 abcd...` - the record as people write it. */
export function formatTlsa(r: TlsaFields): string {
  return `${r.usage} ${r.selector} ${r.matchingType} ${r.data.toLowerCase()}`;
}

/** The bytes a selector picks from a certificate: 0 the whole DER, 1 the SubjectPublicKeyInfo. */
function selected(cert: X509Certificate, selector: number): Buffer {
  return selector === 0 ? cert.raw : cert.publicKey.export({ type: "spki", format: "der" });
}

/** The association data a record with these selector and matching type would carry for `cert`. */
export function associationData(cert: X509Certificate, selector: number, matchingType: number): string {
  const bytes = selected(cert, selector);
  if (matchingType === 1) return createHash("sha256").update(bytes).digest("hex");
  if (matchingType === 2) return createHash("sha512").update(bytes).digest("hex");
  return bytes.toString("hex");
}

export interface TlsaMatch {
  record: TlsaFields;
  /** Index of the matching certificate in the chain as sent. */
  certIndex: number;
}

export interface DaneOutcome {
  usable: TlsaFields[];
  unusable: { record: TlsaFields; why: TlsaUsability }[];
  /** Usable records that matched, with the certificate they matched. */
  matches: TlsaMatch[];
  /** A DANE-EE(3) record matched: name and expiry checks do not apply (RFC 7672 §3.1.1). */
  eeMatched: boolean;
  /** Only a DANE-TA(2) record matched: the name must still match the MX host (RFC 7672 §3.2.2). */
  taMatched: boolean;
}

/**
 * Matches TLSA records against the chain a server presented (certificates in the order sent, leaf
 * first). DANE-EE(3) compares with the leaf; DANE-TA(2) with any certificate the server sent above the
 * leaf, provided it really issued the path down to the leaf (RFC 7671 §5.2: the TA must be in the chain
 * unless the record is a full `2 1 0` public key, which is matched against the leaf's issuer key).
 * @example
 *   const out = matchTlsa([{ usage: 3, selector: 1, matchingType: 1, data }], [leaf, ca]);
 *   out.matches[0]?.record; // the record that matched
 */
export function matchTlsa(records: readonly TlsaFields[], chain: readonly X509Certificate[]): DaneOutcome {
  const usable: TlsaFields[] = [];
  const unusable: DaneOutcome["unusable"] = [];
  for (const r of records) {
    const why = tlsaUsability(r);
    if (why === "usable") usable.push(r);
    else unusable.push({ record: r, why });
  }
  const matches: TlsaMatch[] = [];
  const leaf = chain[0];
  if (leaf) {
    // The sent certificates that are really on the leaf's issuing path, and where.
    const path: number[] = [0];
    let current = leaf;
    while (path.length < chain.length && path.length < 20) {
      const next = chain.findIndex((c, i) => !path.includes(i) && issuedBy(current, c));
      if (next < 0) break;
      path.push(next);
      current = chain[next] as X509Certificate;
      if (issuedBy(current, current)) break;
    }
    for (const r of usable) {
      const data = r.data.replace(/\s+/g, "").toLowerCase();
      if (r.usage === 3) {
        if (associationData(leaf, r.selector, r.matchingType) === data)
          matches.push({ record: r, certIndex: 0 });
        continue;
      }
      const hit = path
        .slice(1)
        .find((i) => associationData(chain[i] as X509Certificate, r.selector, r.matchingType) === data);
      if (hit !== undefined) {
        matches.push({ record: r, certIndex: hit });
        continue;
      }
      // `2 1 0`: the bare trust-anchor key may be published without the server sending that certificate.
      if (r.selector === 1 && r.matchingType === 0) {
        const top = chain[path[path.length - 1] ?? 0] as X509Certificate;
        if (spkiSigned(top, data)) matches.push({ record: r, certIndex: path[path.length - 1] ?? 0 });
      }
    }
  }
  return {
    usable,
    unusable,
    matches,
    eeMatched: matches.some((m) => m.record.usage === 3),
    taMatched: matches.some((m) => m.record.usage === 2),
  };
}

/** True when `cert` verifies with the public key whose SPKI DER is `spkiHex`. */
function spkiSigned(cert: X509Certificate, spkiHex: string): boolean {
  try {
    return cert.verify(createPublicKeyFromSpki(Buffer.from(spkiHex, "hex")));
  } catch {
    return false;
  }
}

function createPublicKeyFromSpki(der: Buffer): KeyObject {
  return createPublicKey({ key: der, format: "der", type: "spki" });
}
