import { parseTagList, stripWhitespace, tagMap } from "../standards/tag-list.js";

/**
 * The tags of a DKIM-Signature field (RFC 6376 §3.5) and what is wrong with them. mailauth skips
 * a signature it cannot use without a word; mxray says which tag made it unusable (permerror).
 */
export interface DkimSignatureTags {
  version?: string;
  algorithm: string;
  domain: string;
  selector: string;
  canonicalization: string;
  /** h= as a list, lower case. */
  signedHeaders: string[];
  identity?: string;
  bodyLength?: number;
  /** t= and x= in epoch seconds. */
  signedAt?: number;
  expiresAt?: number;
  bodyHash: string;
  /** b= with whitespace removed. */
  signature: string;
  /** Problems that make the signature unusable (RFC 6376 §6.1.1: PERMFAIL). Empty when usable. */
  problems: SignatureProblem[];
}

/** A tag problem: which tag, and a short technical description (English, shown as data). */
export interface SignatureProblem {
  tag: string;
  problem: string;
}

const ALGORITHMS = ["rsa-sha256", "rsa-sha1", "ed25519-sha256"];
/**
 * More signed header names than any signer writes (real lists have 5-40). The verifier matches
 * each name against every header field, so an absurd h= would cost names × fields: such a
 * signature is reported unusable and kept away from the verifier.
 */
export const MAX_SIGNED_HEADERS = 1000;
/** A DKIM-Signature field longer than this (64 KiB) is likewise kept away from the verifier. */
export const MAX_SIGNATURE_CHARS = 65536;

/** True when a signature must not reach the verifier at all (bounded work on hostile input). */
export function tooCostly(fieldValue: string, tags: DkimSignatureTags): boolean {
  return fieldValue.length > MAX_SIGNATURE_CHARS || tags.signedHeaders.length > MAX_SIGNED_HEADERS;
}
const CANON = /^(simple|relaxed)(\/(simple|relaxed))?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Parses and validates the tags of a DKIM-Signature value.
 * @example
 *   const s = parseDkimSignature("v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AA==; b=AA==");
 *   s.problems; // []
 */
export function parseDkimSignature(value: string): DkimSignatureTags {
  const { tags, problems: syntax } = parseTagList(value);
  const byName = tagMap(tags);
  const problems: SignatureProblem[] = syntax
    .filter((p) => p.kind === "duplicate" || p.kind === "bad-name" || p.kind === "missing-equals")
    .map((p) => ({
      tag: p.tag ?? p.text ?? "?",
      problem: p.kind === "duplicate" ? "duplicate tag" : `tag-list syntax: ${p.kind}`,
    }));
  const get = (name: string) => byName.get(name)?.value;
  const require = (name: string): string => {
    const v = get(name);
    if (v === undefined) problems.push({ tag: name, problem: "missing" });
    else if (stripWhitespace(v) === "") problems.push({ tag: name, problem: "empty" });
    return v ?? "";
  };
  const version = require("v");
  if (version && version !== "1") problems.push({ tag: "v", problem: `unknown version ${short(version)}` });
  const algorithm = require("a").toLowerCase();
  if (algorithm && !ALGORITHMS.includes(algorithm))
    problems.push({ tag: "a", problem: `unknown algorithm ${short(algorithm)}` });
  const domain = require("d").toLowerCase().replace(/\.$/, "");
  if (domain && !/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/i.test(domain))
    problems.push({ tag: "d", problem: `not a domain name: ${short(domain)}` });
  const selector = require("s");
  if (selector && !/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/i.test(selector))
    problems.push({ tag: "s", problem: `not a selector: ${short(selector)}` });
  const h = require("h");
  const signedHeaders = h
    .split(":")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s);
  if (h && !signedHeaders.includes("from"))
    problems.push({ tag: "h", problem: "From is not signed (RFC 6376 §5.4 requires it)" });
  if (signedHeaders.length > MAX_SIGNED_HEADERS)
    problems.push({
      tag: "h",
      problem: `${signedHeaders.length} header names, more than ${MAX_SIGNED_HEADERS}`,
    });
  if (value.length > MAX_SIGNATURE_CHARS)
    problems.push({
      tag: "b",
      problem: `field of ${value.length} characters, more than ${MAX_SIGNATURE_CHARS}`,
    });
  const bodyHash = stripWhitespace(require("bh"));
  if (bodyHash && !BASE64.test(bodyHash)) problems.push({ tag: "bh", problem: "not base64" });
  const signature = stripWhitespace(require("b"));
  if (signature && !BASE64.test(signature)) problems.push({ tag: "b", problem: "not base64" });
  const canonicalization = (get("c") ?? "simple/simple").toLowerCase();
  if (!CANON.test(canonicalization))
    problems.push({ tag: "c", problem: `unknown canonicalization ${short(canonicalization)}` });
  const q = get("q");
  if (q !== undefined && !q.split(":").some((m) => m.trim().toLowerCase() === "dns/txt"))
    problems.push({ tag: "q", problem: `unknown query method ${short(q)}` });
  const out: DkimSignatureTags = {
    algorithm,
    domain,
    selector,
    canonicalization: canonicalization.includes("/") ? canonicalization : `${canonicalization}/simple`,
    signedHeaders,
    bodyHash,
    signature,
    problems,
  };
  if (version) out.version = version;
  const identity = get("i");
  if (identity !== undefined) {
    out.identity = identity;
    const idDomain = identity
      .slice(identity.lastIndexOf("@") + 1)
      .toLowerCase()
      .replace(/\.$/, "");
    if (!identity.includes("@")) problems.push({ tag: "i", problem: "no @ in the identity" });
    else if (domain && idDomain !== domain && !idDomain.endsWith(`.${domain}`))
      problems.push({
        tag: "i",
        problem: `identity domain ${short(idDomain)} is not ${domain} or a subdomain of it (RFC 6376 §3.5)`,
      });
  }
  out.bodyLength = numberTag(get("l"), "l", 20, problems);
  out.signedAt = numberTag(get("t"), "t", 12, problems);
  out.expiresAt = numberTag(get("x"), "x", 12, problems);
  if (out.bodyLength === undefined) delete out.bodyLength;
  if (out.signedAt === undefined) delete out.signedAt;
  if (out.expiresAt === undefined) delete out.expiresAt;
  if (out.signedAt !== undefined && out.expiresAt !== undefined && out.expiresAt < out.signedAt)
    problems.push({
      tag: "x",
      problem: "expiry before the signing time (RFC 6376 §3.5: x= MUST be greater than t=)",
    });
  return out;
}

/** A decimal tag of at most `digits` digits (RFC 6376 limits t= and x= to 12, l= to 76). */
function numberTag(
  value: string | undefined,
  tag: string,
  digits: number,
  problems: SignatureProblem[],
): number | undefined {
  if (value === undefined) return undefined;
  const v = stripWhitespace(value);
  if (!/^\d+$/.test(v)) {
    problems.push({ tag, problem: `not a number: ${short(v)}` });
    return undefined;
  }
  if (v.length > digits) {
    problems.push({ tag, problem: `${v.length} digits, more than ${digits}` });
    return undefined;
  }
  return Number(v);
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
