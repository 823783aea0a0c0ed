import type { DnsAnswer, DnsStatus } from "../net/dns/types.js";
import { formatAnswer, txtValues } from "../net/dns/types.js";
import {
  effectiveNonExistentPolicy,
  effectiveSubdomainPolicy,
  isDmarcRecord,
  organizationalDomain,
  parseDmarcRecord,
  type DmarcAlignment,
  type DmarcPolicy,
} from "../standards/dmarc.js";
import type { DkimSignatureReport } from "./dkim.js";
import type { RecordingResolver } from "./resolver.js";

/** SPF as DMARC sees it: the result and the domain it was about. */
export interface SpfForDmarc {
  result: string;
  domain: string;
}

/** DMARC evaluated for this message now (RFC 7489 §6.6), with the policy that would apply. */
export interface DmarcEvaluation {
  fromDomain: string;
  orgDomain: string;
  /** Where the record was found (`_dmarc.<from>` or `_dmarc.<org>`), if anywhere. */
  recordName?: string;
  record?: string;
  /** DNS status of the lookup that decided (a failure makes the result temperror). */
  lookupStatus?: DnsStatus;
  /** The record exists but receivers would not apply it (bad version, no p=...). */
  unusable?: boolean;
  /** Several DMARC records at one name: RFC 7489 §6.6.3 says none applies. */
  multiple?: boolean;
  adkim: DmarcAlignment;
  aspf: DmarcAlignment;
  spf: { result: string; domain?: string; aligned: boolean };
  /** d= domains of passing signatures and whether each aligns. */
  dkim: { domain: string; selector: string; aligned: boolean }[];
  result: "pass" | "fail" | "none" | "temperror" | "permerror";
  /** The From domain is a subdomain that does not exist (RFC 9091: np= applies). */
  nonExistent?: boolean;
  /** The policy the domain asks for on failure (p=, sp= for a subdomain, np= for a non-existent one), if any. */
  requested?: DmarcPolicy;
  /** What a receiver would do now: nothing on pass, else the requested policy. */
  applied: DmarcPolicy | "none";
  pct: number;
  testing: boolean;
  /** DNS answers consulted, as evidence lines. */
  evidence: string[];
}

function aligned(a: string, b: string, mode: DmarcAlignment): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  return mode === "r" && organizationalDomain(a) === organizationalDomain(b);
}

async function lookup(
  resolver: RecordingResolver,
  domain: string,
): Promise<{ answer: DnsAnswer; records: string[] }> {
  const answer = await resolver.query(`_dmarc.${domain}`, "TXT");
  return { answer, records: txtValues(answer).filter(isDmarcRecord) };
}

/**
 * Evaluates DMARC for a From domain, given the SPF and DKIM results of this message.
 * @example
 *   const d = await evaluateDmarc("lab.test", { result: "pass", domain: "lab.test" }, signatures, resolver);
 *   d.result; // "pass"
 */
export async function evaluateDmarc(
  fromDomain: string,
  spf: SpfForDmarc | undefined,
  signatures: readonly DkimSignatureReport[],
  resolver: RecordingResolver,
): Promise<DmarcEvaluation> {
  const orgDomain = organizationalDomain(fromDomain);
  const evidence: string[] = [];
  const out: DmarcEvaluation = {
    fromDomain,
    orgDomain,
    adkim: "r",
    aspf: "r",
    spf: { result: spf?.result ?? "none", ...(spf?.domain ? { domain: spf.domain } : {}), aligned: false },
    dkim: [],
    result: "none",
    applied: "none",
    pct: 100,
    testing: false,
    evidence,
  };
  // RFC 7489 §6.6.3: the From domain first, then the organizational domain.
  let found: { name: string; records: string[]; answer: DnsAnswer } | undefined;
  for (const domain of fromDomain === orgDomain ? [fromDomain] : [fromDomain, orgDomain]) {
    const { answer, records } = await lookup(resolver, domain);
    evidence.push(...formatAnswer(answer));
    out.lookupStatus = answer.status;
    if (answer.status !== "noerror" && answer.status !== "nxdomain" && answer.status !== "nodata") {
      out.result = "temperror";
      return out;
    }
    if (records.length) {
      found = { name: `_dmarc.${domain}`, records, answer };
      break;
    }
  }
  if (!found) return out;
  out.recordName = found.name;
  out.record = found.records[0];
  if (found.records.length > 1) {
    out.multiple = true;
    return out;
  }
  const record = parseDmarcRecord(found.records[0] ?? "");
  if (!record.usable) {
    out.unusable = true;
    return out;
  }
  out.adkim = record.adkim;
  out.aspf = record.aspf;
  out.pct = record.pct;
  out.testing = record.testing;
  out.spf.aligned = spf?.result === "pass" && aligned(spf.domain, fromDomain, record.aspf);
  out.dkim = signatures
    .filter((s) => s.result === "pass")
    .map((s) => ({
      domain: s.domain,
      selector: s.selector,
      aligned: aligned(s.domain, fromDomain, record.adkim),
    }));
  const pass = out.spf.aligned || out.dkim.some((d) => d.aligned);
  out.result = pass ? "pass" : "fail";
  // RFC 7489 §6.3: sp= applies when the record was found at the organizational domain for a
  // subdomain; RFC 9091: np= when that subdomain does not exist at all (NXDOMAIN).
  let requested = found.name === `_dmarc.${fromDomain}` ? record.p : effectiveSubdomainPolicy(record);
  if (found.name !== `_dmarc.${fromDomain}`) {
    const exists = await resolver.query(fromDomain, "A");
    evidence.push(...formatAnswer(exists));
    if (exists.status === "nxdomain") {
      out.nonExistent = true;
      requested = effectiveNonExistentPolicy(record);
    }
  }
  if (requested) out.requested = requested;
  out.applied = pass ? "none" : (requested ?? "none");
  return out;
}
