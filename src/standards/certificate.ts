import { createHash, X509Certificate } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import {
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  CertificatePolicies,
  CRLDistributionPoints,
  ExtendedKeyUsage,
  IssueAlternativeName,
  KeyUsage,
  NameConstraints,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
} from "@peculiar/asn1-x509";

/** Extensions whose content mxray decodes to find garbage (RFC 5280 §4.2), by OID. */
const DECODERS: Record<string, { name: string; type: new () => object }> = {
  "2.5.29.14": { name: "subjectKeyIdentifier", type: SubjectKeyIdentifier },
  "2.5.29.15": { name: "keyUsage", type: KeyUsage },
  "2.5.29.17": { name: "subjectAltName", type: SubjectAlternativeName },
  "2.5.29.18": { name: "issuerAltName", type: IssueAlternativeName },
  "2.5.29.19": { name: "basicConstraints", type: BasicConstraints },
  "2.5.29.30": { name: "nameConstraints", type: NameConstraints },
  "2.5.29.31": { name: "cRLDistributionPoints", type: CRLDistributionPoints },
  "2.5.29.32": { name: "certificatePolicies", type: CertificatePolicies },
  "2.5.29.35": { name: "authorityKeyIdentifier", type: AuthorityKeyIdentifier },
  "2.5.29.37": { name: "extKeyUsage", type: ExtendedKeyUsage },
  "1.3.6.1.5.5.7.1.1": { name: "authorityInfoAccess", type: AuthorityInfoAccessSyntax },
};

/**
 * Extensions a verifier understands: a critical extension outside this list makes RFC 5280 §4.2
 * verifiers reject the certificate.
 */
const KNOWN_EXTENSIONS = new Set([
  ...Object.keys(DECODERS),
  "2.5.29.9", // subjectDirectoryAttributes
  "2.5.29.33", // policyMappings
  "2.5.29.36", // policyConstraints
  "2.5.29.46", // freshestCRL
  "2.5.29.54", // inhibitAnyPolicy
  "1.3.6.1.5.5.7.1.11", // subjectInfoAccess
  "1.3.6.1.5.5.7.1.24", // TLS feature (must-staple)
  "1.3.6.1.4.1.11129.2.4.2", // CT SCT list
  "1.3.6.1.4.1.11129.2.4.3", // CT precertificate poison
]);

/** Signature algorithm OIDs -> name and hash (RFC 3279, 4055, 5758, 8410). */
const SIGNATURE_OIDS: Record<string, { name: string; hash?: string }> = {
  "1.2.840.113549.1.1.4": { name: "md5WithRSAEncryption", hash: "md5" },
  "1.2.840.113549.1.1.5": { name: "sha1WithRSAEncryption", hash: "sha1" },
  "1.2.840.113549.1.1.14": { name: "sha224WithRSAEncryption", hash: "sha224" },
  "1.2.840.113549.1.1.11": { name: "sha256WithRSAEncryption", hash: "sha256" },
  "1.2.840.113549.1.1.12": { name: "sha384WithRSAEncryption", hash: "sha384" },
  "1.2.840.113549.1.1.13": { name: "sha512WithRSAEncryption", hash: "sha512" },
  "1.2.840.113549.1.1.10": { name: "rsassaPss" },
  "1.2.840.10045.4.1": { name: "ecdsa-with-SHA1", hash: "sha1" },
  "1.2.840.10045.4.3.1": { name: "ecdsa-with-SHA224", hash: "sha224" },
  "1.2.840.10045.4.3.2": { name: "ecdsa-with-SHA256", hash: "sha256" },
  "1.2.840.10045.4.3.3": { name: "ecdsa-with-SHA384", hash: "sha384" },
  "1.2.840.10045.4.3.4": { name: "ecdsa-with-SHA512", hash: "sha512" },
  "1.2.840.10040.4.3": { name: "dsa-with-SHA1", hash: "sha1" },
  "1.3.101.112": { name: "ed25519" },
  "1.3.101.113": { name: "ed448" },
};

/** What one certificate says, as plain data (the evidence keeps the DER; these are derived from it). */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  /** `DNS:mail.example.com`, `IP Address:192.0.2.1`, ... */
  subjectAltNames: string[];
  key: { type: string; bits?: number; curve?: string };
  signature: { algorithm: string; oid: string; hash?: string };
  isCa: boolean;
  /** Issued by itself and its signature verifies with its own key. */
  selfSigned: boolean;
  sha256: string;
  /** SHA-256 of the DER SubjectPublicKeyInfo (what TLSA `3 1 1` publishes). */
  spkiSha256: string;
  /** Critical extensions no verifier knows (RFC 5280 §4.2: such a certificate must be rejected). */
  unknownCritical: string[];
  /** Known extensions whose content does not decode (`issuerAltName: ...`). */
  malformedExtensions: string[];
}

/** A certificate that could not be parsed keeps its position and the parser's message. */
export type ParsedCertificate =
  { ok: true; facts: CertificateFacts; cert: X509Certificate } | { ok: false; error: string };

function oneLine(dn: string): string {
  return dn.split("\n").filter(Boolean).join(", ");
}

/**
 * Parses a DER certificate (base64 or Buffer) into facts. Never throws: a broken certificate (garbage
 * extension, bad encoding) is a value with the parser's message.
 * @example
 *   const p = parseCertificate(chain[0]);
 *   if (p.ok) console.log(p.facts.notAfter, p.facts.key);
 */
export function parseCertificate(der: string | Buffer): ParsedCertificate {
  try {
    const raw = typeof der === "string" ? Buffer.from(der, "base64") : der;
    const cert = new X509Certificate(raw);
    const asn = AsnConvert.parse(raw, Certificate);
    const oid = asn.signatureAlgorithm.algorithm;
    const sig = SIGNATURE_OIDS[oid] ?? { name: oid };
    const details = cert.publicKey.asymmetricKeyDetails ?? {};
    const type = cert.publicKey.asymmetricKeyType ?? "unknown";
    const key: CertificateFacts["key"] = { type };
    if (details.modulusLength) key.bits = details.modulusLength;
    if (details.namedCurve) key.curve = details.namedCurve;
    if (type === "ed25519") key.bits = 256;
    if (type === "ed448") key.bits = 456;
    let selfSigned = false;
    try {
      selfSigned = cert.checkIssued(cert) && cert.verify(cert.publicKey);
    } catch {
      selfSigned = false;
    }
    const spki = cert.publicKey.export({ type: "spki", format: "der" });
    const unknownCritical: string[] = [];
    const malformedExtensions: string[] = [];
    for (const ext of asn.tbsCertificate.extensions ?? []) {
      if (ext.critical && !KNOWN_EXTENSIONS.has(ext.extnID)) unknownCritical.push(ext.extnID);
      const decoder = DECODERS[ext.extnID];
      if (!decoder) continue;
      try {
        AsnConvert.parse(ext.extnValue.buffer, decoder.type);
      } catch (err) {
        malformedExtensions.push(
          `${decoder.name}: ${err instanceof Error ? err.message.slice(0, 120) : String(err)}`,
        );
      }
    }
    return {
      ok: true,
      cert,
      facts: {
        subject: oneLine(cert.subject),
        issuer: oneLine(cert.issuer),
        serial: cert.serialNumber,
        notBefore: new Date(cert.validFrom).toISOString(),
        notAfter: new Date(cert.validTo).toISOString(),
        subjectAltNames: cert.subjectAltName ? cert.subjectAltName.split(/,\s*/) : [],
        key,
        signature: { algorithm: sig.name, oid, ...(sig.hash ? { hash: sig.hash } : {}) },
        isCa: cert.ca,
        selfSigned,
        sha256: createHash("sha256").update(raw).digest("hex"),
        spkiSha256: createHash("sha256").update(spki).digest("hex"),
        unknownCritical,
        malformedExtensions,
      },
    };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Whole days from `now` until `notAfter` (negative once expired). */
export function daysLeft(facts: Pick<CertificateFacts, "notAfter">, now: Date): number {
  return Math.floor((Date.parse(facts.notAfter) - now.getTime()) / 86_400_000);
}

export type ValidityState = "valid" | "expires-soon" | "expires-very-soon" | "expired" | "not-yet-valid";

/** Validity at `now`: under 30 days left is `expires-soon`, under 7 `expires-very-soon`. */
export function validityAt(
  facts: Pick<CertificateFacts, "notBefore" | "notAfter">,
  now: Date,
): ValidityState {
  if (now.getTime() < Date.parse(facts.notBefore)) return "not-yet-valid";
  if (now.getTime() > Date.parse(facts.notAfter)) return "expired";
  const left = daysLeft(facts, now);
  if (left < 7) return "expires-very-soon";
  if (left < 30) return "expires-soon";
  return "valid";
}

/**
 * Does the certificate name `host`? Subject alternative names first, the subject CN only when there
 * is no DNS name (RFC 6125 §6.4.4); a wildcard covers exactly one left-most label, never a partial one.
 * @example certificateMatchesName(cert, "mail.example.com")
 */
export function certificateMatchesName(cert: X509Certificate, host: string): boolean {
  const name = host.replace(/\.$/, "").toLowerCase();
  if (/^[\d.]+$/.test(name) || name.includes(":")) return cert.checkIP(name) !== undefined;
  return (
    cert.checkHost(name, {
      subject: "default",
      wildcards: true,
      partialWildcards: false,
      multiLabelWildcards: false,
    }) !== undefined
  );
}

/** True when `issuer` signed `child` (names chain and the signature verifies). */
export function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** How the certificates the server sent relate to each other. */
export interface ChainShape {
  /** Each certificate is followed by its issuer (RFC 5246 §7.4.2 requires it for TLS 1.2). */
  ordered: boolean;
  /** Indexes of the path from the leaf upward, following issuers among the sent certificates. */
  path: number[];
  /** Sent certificates that are not on the leaf's path. */
  unrelated: number[];
  /** The last certificate on the path is self-signed (a root was sent). */
  endsInSelfSigned: boolean;
}

/**
 * Follows issuers from the leaf through the sent certificates (in any order, as TLS 1.3 allows) and
 * says whether the order is the required one and what is left over.
 * @example chainShape(parsedCerts).ordered
 */
export function chainShape(certs: readonly X509Certificate[]): ChainShape {
  if (certs.length === 0) return { ordered: true, path: [], unrelated: [], endsInSelfSigned: false };
  const path = [0];
  let current = certs[0] as X509Certificate;
  while (path.length < certs.length) {
    if (issuedBy(current, current)) break;
    const next = certs.findIndex((c, i) => !path.includes(i) && issuedBy(current, c));
    if (next < 0) break;
    path.push(next);
    current = certs[next] as X509Certificate;
  }
  const last = certs[path[path.length - 1] ?? 0] as X509Certificate;
  const ordered = path.every((p, i) => p === i);
  const unrelated = certs.map((_, i) => i).filter((i) => !path.includes(i));
  return { ordered, path, unrelated, endsInSelfSigned: issuedBy(last, last) };
}

/** Where the chain leads: to a trust anchor (sent by the server or found in the store), or nowhere. */
export interface AnchorResult {
  reached: boolean;
  /** Subject of the trust anchor reached. */
  anchor?: string;
  /** The anchor is in the trust store but was not sent (the normal case for a root). */
  fromStore?: boolean;
  /** Subject of the last certificate reached when no anchor was found (whose issuer is missing). */
  stuckAt?: string;
  stuckIssuer?: string;
}

/**
 * Follows issuers from the leaf, through the certificates sent and the trust anchors, ignoring dates
 * (validity is judged on its own). Tells "an intermediate is missing" (no anchor issues the last
 * certificate reached) apart from "expired but otherwise trusted".
 * @example findTrustAnchor([leaf, intermediate], storeCerts).reached
 */
export function findTrustAnchor(
  chain: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
): AnchorResult {
  const first = chain[0];
  if (!first) return { reached: false };
  const isAnchor = (c: X509Certificate) => anchors.some((a) => a.fingerprint256 === c.fingerprint256);
  const used = new Set<number>([0]);
  let current = first;
  for (let depth = 0; depth < 12; depth++) {
    if (isAnchor(current)) return { reached: true, anchor: oneLine(current.subject), fromStore: false };
    const fromStore = anchors.find((a) => issuedBy(current, a));
    if (fromStore) return { reached: true, anchor: oneLine(fromStore.subject), fromStore: true };
    const next = chain.findIndex((c, i) => !used.has(i) && issuedBy(current, c));
    if (next < 0 || issuedBy(current, current)) break;
    used.add(next);
    current = chain[next] as X509Certificate;
  }
  return { reached: false, stuckAt: oneLine(current.subject), stuckIssuer: oneLine(current.issuer) };
}

/** One-line evidence for a certificate. */
export function describeCertificate(f: CertificateFacts, index: number): string[] {
  const key = `${f.key.type}${f.key.bits ? ` ${f.key.bits} bits` : ""}${f.key.curve ? ` ${f.key.curve}` : ""}`;
  return [
    `#${index} subject: ${f.subject}`,
    `   issuer: ${f.issuer}${f.selfSigned ? " (self-signed)" : ""}`,
    `   valid: ${f.notBefore} .. ${f.notAfter}`,
    ...(f.subjectAltNames.length
      ? [
          `   names: ${f.subjectAltNames.slice(0, 20).join(", ")}${f.subjectAltNames.length > 20 ? ", ..." : ""}`,
        ]
      : []),
    `   key: ${key}; signature: ${f.signature.algorithm}${f.isCa ? "; CA" : ""}`,
    `   sha256: ${f.sha256}`,
    `   spki sha256: ${f.spkiSha256}`,
    ...(f.unknownCritical.length ? [`   unknown critical extensions: ${f.unknownCritical.join(", ")}`] : []),
    ...f.malformedExtensions.map((m) => `   malformed extension ${m}`),
  ];
}
