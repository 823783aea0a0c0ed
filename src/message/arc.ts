import type { ARCData, DKIMVerifyResult } from "mailauth";
import { arc } from "mailauth/lib/arc/index.js";
import { parseTagList, stripWhitespace, tagMap } from "../standards/tag-list.js";
import { MIN_RSA_BITS } from "./dkim.js";
import { parseAuthResults, type AuthResults } from "./auth-results.js";
import type { HeaderSection } from "./headers.js";
import type { RecordingResolver } from "./resolver.js";

/** One ARC set (RFC 8617 §4.1) as found in the message. */
export interface ArcInstance {
  i: number;
  /** cv= of the ARC-Seal: `none` for i=1, `pass` or `fail` after. */
  cv?: string;
  seal?: { domain: string; selector: string; algorithm: string; time?: string };
  messageSignature?: { domain: string; selector: string; algorithm: string; signedHeaders: string[] };
  /** The ARC-Authentication-Results: what the sealer saw when the message reached it. */
  authResults?: AuthResults;
  /** Whether this seal verified: known for every seal when the chain passes, for the failing one otherwise. */
  sealVerified?: boolean;
}

export interface ArcReport {
  /** RFC 8617 chain validation result. */
  result: "pass" | "fail" | "none";
  /** Why it failed (mailauth's reason, e.g. `i=2 seal signature validation failed`). */
  reason?: string;
  /** The highest instance. */
  latest?: number;
  /** Result of the newest ARC-Message-Signature. */
  latestAms?: { result: string; detail?: string; keyBits?: number };
  instances: ArcInstance[];
}

interface AmsResult {
  status: { result: string; comment?: string };
  modulusLength?: number;
}

/**
 * Validates the ARC chain (RFC 8617 §5.2) with mailauth, using the DKIM pass that already hashed
 * the body, and lists every instance with its cv.
 * @example
 *   const report = await validateArc(verified, headers, resolver);
 *   report.result; // "pass"
 */
export async function validateArc(
  verified: DKIMVerifyResult,
  headers: HeaderSection,
  resolver: RecordingResolver,
): Promise<ArcReport> {
  const data = (verified as DKIMVerifyResult & { arc?: ARCData }).arc ?? { chain: [] };
  const ams = data.lastEntry?.messageSignature as AmsResult | undefined;
  // mxray verified with no key-length floor; RFC 8301 applies to ARC too, so a short AMS key is refused.
  if (
    ams &&
    ams.status.result === "pass" &&
    ams.modulusLength !== undefined &&
    ams.modulusLength < MIN_RSA_BITS
  ) {
    ams.status = { result: "policy", comment: `${ams.modulusLength}-bit key refused (RFC 8301)` };
  }
  const res = await arc(data, { resolver: resolver.resolve, minBitLength: MIN_RSA_BITS });
  const instances = listInstances(headers);
  const result: ArcReport = {
    result: res.status.result === "pass" ? "pass" : res.status.result === "fail" ? "fail" : "none",
    instances,
  };
  if (res.status.comment && result.result === "fail") result.reason = res.status.comment;
  if (typeof res.i === "number" && res.i > 0) result.latest = res.i;
  if (ams) {
    result.latestAms = {
      result: ams.status.result,
      ...(ams.status.comment ? { detail: ams.status.comment } : {}),
      ...(ams.modulusLength ? { keyBits: ams.modulusLength } : {}),
    };
  }
  // mailauth reads tag-lists leniently; RFC 8617 §4.1 fields use the DKIM tag-list grammar
  // (RFC 6376 §3.2: case-sensitive names, no duplicates, no empty tags), so a malformed set fails.
  const malformed = result.result === "pass" ? tagListProblem(headers) : undefined;
  if (malformed) {
    result.result = "fail";
    result.reason = malformed;
  }
  const failing = /i=(\d+)/.exec(result.reason ?? "")?.[1];
  for (const inst of instances) {
    if (result.result === "pass") inst.sealVerified = true;
    else if (failing && Number(failing) === inst.i && /seal/.test(result.reason ?? ""))
      inst.sealVerified = false;
  }
  return result;
}

const REQUIRED: Record<string, string[]> = {
  "arc-seal": ["i", "a", "b", "d", "s", "cv"],
  "arc-message-signature": ["i", "a", "b", "bh", "d", "h", "s"],
};

/** The first tag-list violation in an ARC-Seal or ARC-Message-Signature, as a reason. */
export function tagListProblem(headers: HeaderSection): string | undefined {
  for (const f of headers.fields) {
    const required = REQUIRED[f.key];
    if (!required) continue;
    const { tags, problems } = parseTagList(f.value);
    const i = tags.find((t) => t.name === "i")?.value ?? "?";
    const bad = problems.find((p) => p.kind !== "bad-value-char");
    if (bad)
      return `i=${i} ${f.key} tag-list ${bad.kind}${(bad.tag ?? bad.text) ? ` ${bad.tag ?? bad.text}` : ""}`;
    const missing = required.find((name) => !tags.some((t) => t.name === name));
    if (missing) return `i=${i} ${f.key} lacks ${missing}= (tag names are case-sensitive)`;
  }
  return undefined;
}

/** The ARC sets in header order, grouped by i= (at most 50, RFC 8617 §4.2.1). */
export function listInstances(headers: HeaderSection): ArcInstance[] {
  const byI = new Map<number, ArcInstance>();
  const get = (i: number) => {
    let inst = byI.get(i);
    if (!inst) byI.set(i, (inst = { i }));
    return inst;
  };
  for (const f of headers.fields) {
    if (f.key !== "arc-seal" && f.key !== "arc-message-signature" && f.key !== "arc-authentication-results")
      continue;
    if (f.key === "arc-authentication-results") {
      const ar = parseAuthResults(f.value, f.name);
      if (ar.instance !== undefined && ar.instance > 0 && ar.instance <= 50)
        get(ar.instance).authResults ??= ar;
      continue;
    }
    const tags = tagMap(parseTagList(f.value).tags);
    const i = Number(tags.get("i")?.value);
    if (!Number.isInteger(i) || i < 1 || i > 50) continue;
    const inst = get(i);
    const val = (n: string) => tags.get(n)?.value ?? "";
    if (f.key === "arc-seal" && !inst.seal) {
      inst.cv = val("cv").toLowerCase();
      const t = Number(val("t"));
      inst.seal = {
        domain: val("d"),
        selector: val("s"),
        algorithm: val("a"),
        ...(t > 0 && t < 1e12 ? { time: new Date(t * 1000).toISOString() } : {}),
      };
    } else if (f.key === "arc-message-signature" && !inst.messageSignature) {
      inst.messageSignature = {
        domain: val("d"),
        selector: val("s"),
        algorithm: val("a"),
        signedHeaders: stripWhitespace(val("h")).toLowerCase().split(":").filter(Boolean),
      };
    }
  }
  return [...byI.values()].sort((a, b) => a.i - b.i);
}
