/**
 * TLS ratings of the Dutch NCSC "ICT-beveiligingsrichtlijnen voor Transport Layer Security (TLS)",
 * 2025 edition, as internet.nl applies them (internetstandards/Internet.nl,
 * checks/tasks/tls/tls_constants.py and evaluation.py: "NCSC appendix B, derived from 3.3.3, 3.3.4";
 * "anything not in these lists is insufficient").
 *
 * Four levels: `good`, `sufficient`, `phase-out` (still acceptable, plan its removal) and
 * `insufficient` (must not be offered).
 */
export type TlsRating = "good" | "sufficient" | "phase-out" | "insufficient";

export const RATING_ORDER: readonly TlsRating[] = ["good", "sufficient", "phase-out", "insufficient"];

/** Lower is better; used to compare ratings and to check a server's cipher order. */
export function ratingRank(r: TlsRating): number {
  return RATING_ORDER.indexOf(r);
}

/** The worst of several ratings (`good` for none). */
export function worstRating(ratings: Iterable<TlsRating>): TlsRating {
  let worst: TlsRating = "good";
  for (const r of ratings) if (ratingRank(r) > ratingRank(worst)) worst = r;
  return worst;
}

/** NCSC 3.3.1: TLS 1.3 good, TLS 1.2 sufficient; TLS 1.1, 1.0 and every SSL version insufficient (2025). */
export function rateVersion(version: string): TlsRating {
  if (version === "TLSv1.3") return "good";
  if (version === "TLSv1.2") return "sufficient";
  return "insufficient";
}

const CIPHERS_GOOD = new Set(["TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"]);

const CIPHERS_SUFFICIENT = new Set([
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_128_CCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_AES_256_CCM",
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_128_CCM",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  // not in appendix B, but internet.nl counts them: they meet every requirement
  "TLS_ECDHE_RSA_WITH_AES_256_CCM",
  "TLS_ECDHE_RSA_WITH_AES_128_CCM",
]);

const CIPHERS_PHASE_OUT = new Set([
  "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256",
  "TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_ARIA_256_CBC_SHA384",
  "TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
  "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
  "TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384",
  "TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256",
  "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_ARIA_256_CBC_SHA384",
  "TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
  "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
  "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_DHE_RSA_WITH_CAMELLIA_256_GCM_SHA384",
  "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256",
  "TLS_DHE_RSA_WITH_CAMELLIA_128_GCM_SHA256",
  "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256",
  "TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384",
  "TLS_DHE_RSA_WITH_ARIA_256_CBC_SHA384",
  "TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256",
  "TLS_DHE_RSA_WITH_ARIA_128_CBC_SHA256",
  "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_DHE_RSA_WITH_AES_256_CCM",
  "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
  "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_DHE_RSA_WITH_AES_128_CCM",
  "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
]);

/**
 * Rates a cipher suite by its IANA name (`TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`). Everything not
 * listed - static RSA key exchange, SHA-1 CBC suites, 3DES, RC4, NULL, anonymous - is insufficient.
 * @example rateCipher("TLS_AES_256_GCM_SHA384") // "good"
 */
export function rateCipher(iana: string): TlsRating {
  if (CIPHERS_GOOD.has(iana)) return "good";
  if (CIPHERS_SUFFICIENT.has(iana)) return "sufficient";
  if (CIPHERS_PHASE_OUT.has(iana)) return "phase-out";
  return "insufficient";
}

/** OpenSSL's group names (as `getEphemeralKeyInfo()` reports them) of the curves NCSC 3.3.2.1 calls good. */
const EC_GROUPS_GOOD = new Set([
  "X25519",
  "X448",
  "prime256v1",
  "P-256",
  "secp384r1",
  "P-384",
  "secp521r1",
  "P-521",
  "brainpoolP256r1",
  "brainpoolP384r1",
  "brainpoolP512r1",
]);
const EC_GROUPS_PHASE_OUT = new Set(["secp224r1", "P-224"]);

/**
 * Rates the ephemeral key exchange of a handshake (`getEphemeralKeyInfo()`): ECDH on a good curve is
 * good, secp224r1 phase out, other curves insufficient. Finite-field DH: NCSC 3.3.3.1 accepts only the
 * RFC 7919 groups of 3072 bits and more, as phase out. This client sees the size, not the prime, so a
 * DH group of 3072+ bits is rated phase out on the assumption that it is an RFC 7919 group; smaller
 * groups are insufficient whatever their prime.
 */
export function rateKeyExchange(kex: { type: string; name?: string; size: number }): TlsRating {
  if (kex.type === "ECDH") {
    const name = kex.name ?? "";
    if (EC_GROUPS_GOOD.has(name)) return "good";
    if (EC_GROUPS_PHASE_OUT.has(name)) return "phase-out";
    return "insufficient";
  }
  if (kex.type === "DH") return kex.size >= 3072 ? "phase-out" : "insufficient";
  return "insufficient";
}

/** NCSC 3.3.2.1, certificate keys: RSA 3072+ good, 2048-3071 phase out, less insufficient; EC by curve. */
export function rateCertificateKey(key: { type: string; bits?: number; curve?: string }): TlsRating {
  if (key.type === "rsa" || key.type === "rsa-pss") {
    const bits = key.bits ?? 0;
    if (bits >= 3072) return "good";
    if (bits >= 2048) return "phase-out";
    return "insufficient";
  }
  if (key.type === "ec") {
    const curve = key.curve ?? "";
    if (
      [
        "prime256v1",
        "secp384r1",
        "secp521r1",
        "brainpoolP256r1",
        "brainpoolP384r1",
        "brainpoolP512r1",
      ].includes(curve)
    )
      return "good";
    if (curve === "secp224r1") return "phase-out";
    return "insufficient";
  }
  if (key.type === "ed25519" || key.type === "ed448") return "good";
  return "insufficient";
}

/**
 * NCSC 3.3.2/3.3.5, certificate signatures: SHA-256/384/512 with RSA or ECDSA, and Ed25519/Ed448 are
 * sufficient; SHA-1, MD5 and anything else insufficient. RSA-PSS with SHA-256 or better is counted as
 * sufficient too (internet.nl's list omits it; the NCSC text allows it).
 */
export function rateSignature(sig: { hash?: string; algorithm: string }): TlsRating {
  if (sig.algorithm === "ed25519" || sig.algorithm === "ed448") return "sufficient";
  if (sig.hash && ["sha256", "sha384", "sha512"].includes(sig.hash)) return "sufficient";
  return "insufficient";
}
