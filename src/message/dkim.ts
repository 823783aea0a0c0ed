import type { DKIMResult, DKIMVerifyResult } from "mailauth";
import { dkimVerify } from "mailauth/lib/dkim/verify.js";
import { parseDkimKeyRecord } from "../standards/dkim-key.js";
import { organizationalDomain } from "../standards/dmarc.js";
import type { DnsAnswer, DnsStatus } from "../net/dns/types.js";
import { formatAnswer, txtValues } from "../net/dns/types.js";
import { parseDkimSignature, type SignatureProblem } from "./dkim-signature.js";
import type { HeaderSection } from "./headers.js";
import { fieldsNamed } from "./headers.js";
import type { RecordingResolver } from "./resolver.js";

/** RFC 8601 §2.7.1 DKIM results. */
export type DkimResultCode = "pass" | "fail" | "neutral" | "policy" | "temperror" | "permerror" | "none";

/**
 * Why a signature got its result; stable codes that findings are named after.
 * - `body-hash`: the body changed since signing (RFC 6376 §6.1.3 step 4)
 * - `signature`: the header hash does not verify: a signed header changed, or the wrong key
 * - `expired`: x= is past (RFC 6376 §3.5)
 * - `no-key`, `key-revoked`, `bad-key`, `key-hash`: key record problems (§3.6.1, §6.1.2)
 * - `syntax`: an unusable tag in the signature (§6.1.1)
 * - `sha1`, `short-key`: refused by policy (RFC 8301)
 * - `dns`: the key lookup failed (SERVFAIL, timeout...)
 */
export type DkimReason =
  | "ok"
  | "body-hash"
  | "signature"
  | "expired"
  | "no-key"
  | "key-revoked"
  | "bad-key"
  | "key-hash"
  | "syntax"
  | "sha1"
  | "short-key"
  | "dns"
  | "not-checked";

export interface DkimSignatureReport {
  /** Position among the DKIM-Signature fields, 0 = topmost. */
  index: number;
  domain: string;
  selector: string;
  algorithm: string;
  canonicalization: string;
  signedHeaders: string[];
  identity?: string;
  bodyLength?: number;
  /** ISO times of t= and x=. */
  signedAt?: string;
  expiresAt?: string;
  keyName: string;
  keyBits?: number;
  keyType?: string;
  /** The key record as published (joined TXT strings). */
  keyRecord?: string;
  /** The key's t=y flag: the domain says it is testing DKIM. */
  keyTesting?: boolean;
  /** DNS status of the key lookup. */
  keyStatus?: DnsStatus;
  /** Body hash from bh= and as computed now. */
  bodyHashExpected: string;
  bodyHashComputed?: string;
  bodyHashMatches?: boolean;
  /** The result in RFC 8601 terms, after mxray's policy (RFC 8301). */
  result: DkimResultCode;
  reason: DkimReason;
  /** Short technical detail (English), as an Authentication-Results reason would carry. */
  detail: string;
  /** For policy refusals: whether the signature itself verified. */
  cryptoVerified?: boolean;
  /** Tag problems found in the signature. */
  problems: SignatureProblem[];
  /** What mailauth 4.13 said, unmapped, for comparison. */
  mailauth?: { result: string; comment?: string };
  /** Alignment of d= with the From domain. */
  alignment: "strict" | "relaxed" | "none" | "unknown";
  /** The DNS answers for the key, as evidence lines. */
  keyEvidence: string[];
  /** The raw field, cut to 2 KiB. */
  raw: string;
}

export interface DkimOptions {
  resolver: RecordingResolver;
  /** The verification time (x= expiry, t= in the future); the run context's clock. */
  now: Date;
  /** The From domain for alignment. */
  fromDomain?: string;
}

/** The fields of a mailauth 4.13 result that its type declaration leaves out. */
type MailauthDkimResult = DKIMResult & { signature?: string; bodyHash?: string; modulusLength?: number };

/** Minimum RSA key length verifiers accept (RFC 8301 §3.2). */
export const MIN_RSA_BITS = 1024;
/** RSA key length signers SHOULD use (RFC 8301 §3.2). */
export const RECOMMENDED_RSA_BITS = 2048;

/** Runs mailauth's verifier with mxray's resolver; policy limits are applied by mxray afterwards. */
export async function runDkimVerify(
  message: Buffer,
  resolver: RecordingResolver,
  now: Date,
): Promise<DKIMVerifyResult> {
  // minBitLength 1: let mailauth verify short keys so mxray can say "the signature verifies, but
  // the 512-bit key is refused by RFC 8301" instead of a bare "weak key".
  return dkimVerify(message, { resolver: resolver.resolve, minBitLength: 1, curTime: now });
}

/**
 * Verifies every DKIM signature of a message again and reports each in RFC 8601 terms.
 * @example
 *   const verified = await runDkimVerify(message, resolver, now);
 *   const reports = await verifyDkim(verified, parseHeaders(message), { resolver, now });
 *   reports[0].result; // "pass"
 */
export async function verifyDkim(
  verified: DKIMVerifyResult,
  headers: HeaderSection,
  opts: DkimOptions,
): Promise<DkimSignatureReport[]> {
  const results = ([...verified.results] as MailauthDkimResult[]).filter(
    (r) => r.signingDomain !== undefined || r.status.result !== "none",
  );
  const used = new Set<MailauthDkimResult>();
  const reports: DkimSignatureReport[] = [];
  const fields = fieldsNamed(headers, "dkim-signature");
  for (const [index, field] of fields.entries()) {
    const tags = parseDkimSignature(field.value);
    const match =
      results.find(
        (r) => !used.has(r) && stripWs(r.signature ?? "") === tags.signature && tags.signature !== "",
      ) ??
      results.find((r) => !used.has(r) && r.signingDomain === tags.domain && r.selector === tags.selector);
    if (match) used.add(match);
    const keyName = `${tags.selector}._domainkey.${tags.domain}`;
    const report: DkimSignatureReport = {
      index,
      domain: tags.domain,
      selector: tags.selector,
      algorithm: tags.algorithm,
      canonicalization: tags.canonicalization,
      signedHeaders: tags.signedHeaders,
      keyName,
      bodyHashExpected: tags.bodyHash,
      result: "neutral",
      reason: "not-checked",
      detail: "",
      problems: tags.problems,
      alignment: alignmentOf(tags.domain, opts.fromDomain),
      keyEvidence: [],
      raw: field.raw.slice(0, 2048),
    };
    if (tags.identity !== undefined) report.identity = tags.identity;
    if (tags.bodyLength !== undefined) report.bodyLength = tags.bodyLength;
    if (tags.signedAt !== undefined) report.signedAt = isoSeconds(tags.signedAt);
    if (tags.expiresAt !== undefined) report.expiresAt = isoSeconds(tags.expiresAt);
    if (match) {
      report.mailauth = {
        result: match.status.result,
        ...(match.status.comment ? { comment: match.status.comment } : {}),
      };
      const computed = match.bodyHash;
      if (computed) {
        report.bodyHashComputed = computed;
        report.bodyHashMatches = computed === tags.bodyHash;
      }
    }
    // The key, looked up through the same (cached) resolver mailauth used: for key facts even
    // when mailauth stopped before fetching it (a body hash mismatch).
    if (tags.domain && tags.selector && !tags.problems.some((p) => p.tag === "d" || p.tag === "s")) {
      const answer = await opts.resolver.query(keyName, "TXT");
      describeKey(report, answer);
    }
    judge(report, match, opts.now);
    reports.push(report);
  }
  return reports;
}

function describeKey(report: DkimSignatureReport, answer: DnsAnswer): void {
  report.keyStatus = answer.status;
  report.keyEvidence = formatAnswer(answer);
  const txt = txtValues(answer).find((t) => /(^|;)\s*p\s*=/.test(t)) ?? txtValues(answer)[0];
  if (txt === undefined) return;
  report.keyRecord = txt;
  const key = parseDkimKeyRecord(txt);
  report.keyType = key.keyType;
  if (key.bits !== undefined) report.keyBits = key.bits;
  if (key.flags.includes("y")) report.keyTesting = true;
}

/** Maps mailauth's outcome and mxray's own checks to one RFC 8601 result with its reason. */
function judge(r: DkimSignatureReport, match: MailauthDkimResult | undefined, now: Date): void {
  const set = (result: DkimResultCode, reason: DkimReason, detail: string) => {
    r.result = result;
    r.reason = reason;
    r.detail = detail;
  };
  if (r.problems.length) {
    const p = r.problems[0];
    return set("permerror", "syntax", `${p?.tag}= ${p?.problem}`);
  }
  const key = r.keyRecord !== undefined ? parseDkimKeyRecord(r.keyRecord) : undefined;
  const status = match?.status.result;
  const comment = match?.status.comment ?? "";
  const cryptoOk = status === "pass" || (status === "neutral" && /expir/.test(comment));
  // RFC 8301 §3.1: rsa-sha1 MUST NOT be used for verifying; §3.2: keys under 1024 bits MUST NOT.
  if (r.algorithm === "rsa-sha1") {
    r.cryptoVerified = cryptoOk;
    return set("policy", "sha1", "rsa-sha1 refused (RFC 8301 §3.1)");
  }
  if (r.keyType === "rsa" && r.keyBits !== undefined && r.keyBits < MIN_RSA_BITS) {
    r.cryptoVerified = cryptoOk;
    return set(
      "policy",
      "short-key",
      `${r.keyBits}-bit RSA key refused (RFC 8301 §3.2: at least ${MIN_RSA_BITS})`,
    );
  }
  if (r.keyStatus && r.keyStatus !== "noerror" && r.keyStatus !== "nxdomain" && r.keyStatus !== "nodata")
    return set("temperror", "dns", `key lookup ${r.keyName}: ${r.keyStatus}`);
  if (r.keyStatus === "nxdomain" || r.keyStatus === "nodata")
    return set("permerror", "no-key", `no key at ${r.keyName} (${r.keyStatus.toUpperCase()})`);
  if (key?.revoked) return set("permerror", "key-revoked", `key revoked at ${r.keyName} (empty p=)`);
  if (key && key.hashes.length && !key.hashes.includes(r.algorithm.split("-").pop() ?? ""))
    return set(
      "permerror",
      "key-hash",
      `key allows only h=${key.hashes.join(":")}, signature uses ${r.algorithm}`,
    );
  if (
    key &&
    key.problems.some(
      (p) =>
        p.kind === "missing-key" ||
        p.kind === "bad-base64" ||
        p.kind === "bad-key" ||
        p.kind === "unknown-key-type" ||
        p.kind === "bad-version" ||
        p.kind === "not-for-email",
    )
  )
    return set(
      "permerror",
      "bad-key",
      `unusable key at ${r.keyName}: ${key.problems.map((p) => p.kind).join(", ")}`,
    );
  // RFC 6376 §3.6.1 t=s: the i= domain must equal d= exactly, not be a subdomain of it.
  const idDomain = r.identity?.slice(r.identity.lastIndexOf("@") + 1).toLowerCase();
  if (key?.flags.includes("s") && idDomain !== undefined && idDomain !== r.domain)
    return set("permerror", "bad-key", `key has t=s but i= is in ${idDomain}, not ${r.domain}`);
  if (r.bodyHashMatches === false || /body hash/.test(comment))
    return set(
      "fail",
      "body-hash",
      `body hash did not verify (bh=${short(r.bodyHashExpected)}, computed ${short(r.bodyHashComputed ?? "?")})`,
    );
  if (!match) return set("permerror", "syntax", "signature not usable");
  if (status === "fail") return set("fail", "signature", "signature did not verify");
  if (status === "neutral" && /expired/.test(comment))
    return set(
      "fail",
      "expired",
      `signature expired at ${r.expiresAt ?? "?"} (checked at ${now.toISOString()})`,
    );
  if (status === "neutral" && /invalid expiration/.test(comment))
    return set("permerror", "syntax", "x= before t=");
  if (status === "neutral" && /no key/.test(comment))
    return set("permerror", "no-key", `no key at ${r.keyName}`);
  if (status === "neutral") return set("permerror", "bad-key", comment || "key not usable");
  if (status === "temperror") return set("temperror", "dns", comment);
  if (status === "pass") return set("pass", "ok", r.keyBits ? `${r.keyBits}-bit key` : "");
  return set("neutral", "not-checked", comment);
}

/** DMARC identifier alignment of a d= domain with the From domain (RFC 7489 §3.1.1). */
export function alignmentOf(
  domain: string,
  fromDomain: string | undefined,
): DkimSignatureReport["alignment"] {
  if (!fromDomain || !domain) return "unknown";
  if (domain === fromDomain) return "strict";
  return organizationalDomain(domain) === organizationalDomain(fromDomain) ? "relaxed" : "none";
}

const stripWs = (s: string) => s.replace(/\s+/g, "");
const short = (s: string) => (s.length > 12 ? `${s.slice(0, 12)}…` : s);
const isoSeconds = (s: number) => {
  const d = new Date(s * 1000);
  return Number.isFinite(d.getTime()) ? d.toISOString() : String(s);
};
