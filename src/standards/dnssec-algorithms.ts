/**
 * DNSSEC algorithm requirements for signers (RFC 8624 §3.1, §3.3, updated by RFC 9157/9905 practice):
 * what a zone should still sign with and which DS digest types a parent should still carry.
 */

export type AlgorithmStatus = "recommended" | "acceptable" | "not-recommended" | "must-not";

export interface AlgorithmInfo {
  mnemonic: string;
  status: AlgorithmStatus;
}

/** DNSKEY/RRSIG algorithm numbers (IANA "DNS Security Algorithm Numbers") and RFC 8624 §3.1 signing status. */
export const DNSKEY_ALGORITHMS: Record<number, AlgorithmInfo> = {
  1: { mnemonic: "RSAMD5", status: "must-not" },
  3: { mnemonic: "DSA", status: "must-not" },
  5: { mnemonic: "RSASHA1", status: "not-recommended" },
  6: { mnemonic: "DSA-NSEC3-SHA1", status: "must-not" },
  7: { mnemonic: "RSASHA1-NSEC3-SHA1", status: "not-recommended" },
  8: { mnemonic: "RSASHA256", status: "recommended" },
  10: { mnemonic: "RSASHA512", status: "not-recommended" },
  12: { mnemonic: "ECC-GOST", status: "must-not" },
  13: { mnemonic: "ECDSAP256SHA256", status: "recommended" },
  14: { mnemonic: "ECDSAP384SHA384", status: "acceptable" },
  15: { mnemonic: "ED25519", status: "recommended" },
  16: { mnemonic: "ED448", status: "acceptable" },
};

/** DS digest types and RFC 8624 §3.3 status for delegations. */
export const DS_DIGEST_TYPES: Record<number, AlgorithmInfo> = {
  1: { mnemonic: "SHA-1", status: "must-not" },
  2: { mnemonic: "SHA-256", status: "recommended" },
  3: { mnemonic: "GOST R 34.11-94", status: "must-not" },
  4: { mnemonic: "SHA-384", status: "acceptable" },
};

/**
 * Status of a DNSKEY algorithm; unknown numbers are `must-not` (validators cannot use them).
 * @example dnskeyAlgorithm(5) // { mnemonic: "RSASHA1", status: "not-recommended" }
 */
export function dnskeyAlgorithm(n: number): AlgorithmInfo {
  return DNSKEY_ALGORITHMS[n] ?? { mnemonic: `algorithm ${n}`, status: "must-not" };
}

/**
 * Status of a DS digest type; unknown numbers are `must-not`.
 * @example dsDigestType(1) // { mnemonic: "SHA-1", status: "must-not" }
 */
export function dsDigestType(n: number): AlgorithmInfo {
  return DS_DIGEST_TYPES[n] ?? { mnemonic: `digest type ${n}`, status: "must-not" };
}

/** True for statuses a zone should move away from. */
export function isWeak(status: AlgorithmStatus): boolean {
  return status === "not-recommended" || status === "must-not";
}
