import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { DomainProbe } from "../core/probe.js";
import { txtValues, type DnsAnswer } from "../net/dns/types.js";
import {
  isDmarcRecord,
  organizationalDomain,
  parseDmarcRecord,
  reportAuthorizationName,
  sameOrganization,
} from "../standards/dmarc.js";

/** One `_dmarc.<domain>` TXT question. */
export interface DmarcLookup {
  /** The domain whose policy was asked for (the target, then its organizational domain). */
  domain: string;
  answer: DnsAnswer;
}

/** The answer for one external report destination's authorisation record (RFC 7489 §7.1). */
export interface DmarcReportAuthorization {
  /** The domain the policy was found at. */
  policyDomain: string;
  /** The destination host (domain of a rua/ruf mailto address). */
  destination: string;
  answer: DnsAnswer;
}

/** The DMARC section of the evidence. */
export interface DmarcEvidence {
  domain: string;
  orgDomain: string;
  /** In order: the domain itself, then (when needed) the organizational domain. */
  lookups: DmarcLookup[];
  authorizations: DmarcReportAuthorization[];
}

declare module "../core/evidence.js" {
  interface Evidence {
    dmarc?: DmarcEvidence;
  }
}

/** Where policy discovery ended (RFC 7489 §6.6.3), decided from the lookups alone. */
export type DmarcDiscovery =
  | { state: "found"; lookup: DmarcLookup; records: string[]; inherited: boolean }
  | { state: "failed"; lookup: DmarcLookup }
  | { state: "none" };

const ANSWERED = new Set(["nxdomain", "nodata", "noerror"]);

/**
 * Walks the lookups as a receiver would: the first one holding v=DMARC1 records decides; a failed
 * lookup (SERVFAIL, timeout...) ends discovery as unknown, never as "no record".
 * @example
 *   const d = discoverDmarc(evidence.dmarc.lookups);
 *   if (d.state === "found") console.log(d.lookup.domain, d.records);
 */
export function discoverDmarc(lookups: readonly DmarcLookup[]): DmarcDiscovery {
  for (const [index, lookup] of lookups.entries()) {
    if (!ANSWERED.has(lookup.answer.status)) return { state: "failed", lookup };
    const records = txtValues(lookup.answer).filter(isDmarcRecord);
    if (records.length > 0) return { state: "found", lookup, records, inherited: index > 0 };
  }
  return { state: "none" };
}

/**
 * Gathers the DMARC evidence of a domain: `_dmarc.<domain>`, the organizational domain's record when
 * the first has none, and the authorisation records of external report destinations.
 * @example
 *   const ev = await probeDmarc("sub.example.com", ctx); // asks _dmarc.sub.example.com, then _dmarc.example.com
 */
export async function probeDmarc(domain: string, ctx: RunContext): Promise<DmarcEvidence> {
  const opts = ctx.signal ? { signal: ctx.signal } : undefined;
  const orgDomain = organizationalDomain(domain);
  const evidence: DmarcEvidence = { domain, orgDomain, lookups: [], authorizations: [] };
  for (const d of orgDomain === domain ? [domain] : [domain, orgDomain]) {
    evidence.lookups.push({ domain: d, answer: await ctx.dns.query(`_dmarc.${d}`, "TXT", opts) });
    if (discoverDmarc(evidence.lookups).state !== "none") break;
  }
  const found = discoverDmarc(evidence.lookups);
  if (found.state !== "found" || found.records.length !== 1) return evidence;
  const policyDomain = found.lookup.domain;
  const record = parseDmarcRecord(found.records[0] ?? "");
  const destinations = new Set<string>();
  for (const uri of [...record.rua, ...record.ruf]) {
    if (uri.domain && !sameOrganization(uri.domain, policyDomain)) destinations.add(uri.domain);
  }
  evidence.authorizations = await Promise.all(
    [...destinations].slice(0, 10).map(async (destination) => ({
      policyDomain,
      destination,
      answer: await ctx.dns.query(reportAuthorizationName(policyDomain, destination), "TXT", opts),
    })),
  );
  return evidence;
}

export const dmarcProbe: DomainProbe = {
  name: "dmarc",
  area: "dmarc",
  phase: 2,
  async run(evidence: Evidence, ctx: RunContext) {
    evidence.dmarc = await probeDmarc(evidence.target, ctx);
  },
};
