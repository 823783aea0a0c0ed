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
  /** In order: the domain itself, then (when needed) the organizational domain (RFC 7489 §6.6.3). */
  lookups: DmarcLookup[];
  /**
   * The names between the domain and its organizational domain, longest first, asked when the domain
   * has no record of its own: RFC 9989 (DMARCbis) receivers walk up the DNS tree and stop at the first
   * record they find, where RFC 7489 receivers jump straight to the organizational domain.
   */
  treeWalk?: DmarcLookup[];
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

/** Most intermediate names asked in the tree walk (RFC 9989 bounds its walk to a handful of queries). */
const MAX_TREE_WALK = 6;

/** Names strictly between `domain` and `orgDomain`, longest first: a.b.c.example.com -> b.c.example.com, c.example.com. */
export function intermediateNames(domain: string, orgDomain: string): string[] {
  if (domain === orgDomain || !domain.endsWith(`.${orgDomain}`)) return [];
  const labels = domain.slice(0, -orgDomain.length - 1).split(".");
  const names: string[] = [];
  for (let i = 1; i < labels.length; i++) names.push(`${labels.slice(i).join(".")}.${orgDomain}`);
  return names.slice(-MAX_TREE_WALK);
}

/**
 * Where RFC 9989's tree walk ends, from the domain's own lookup, the intermediate names and the
 * organizational domain's lookup, in that order.
 */
export function discoverDmarcTreeWalk(ev: DmarcEvidence): DmarcDiscovery {
  const [own, org] = ev.lookups;
  return discoverDmarc([...(own ? [own] : []), ...(ev.treeWalk ?? []), ...(org ? [org] : [])]);
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
  const first = evidence.lookups[0];
  if (evidence.lookups.length > 1 && first && ANSWERED.has(first.answer.status)) {
    evidence.treeWalk = [];
    for (const d of intermediateNames(domain, orgDomain)) {
      const lookup = { domain: d, answer: await ctx.dns.query(`_dmarc.${d}`, "TXT", opts) };
      evidence.treeWalk.push(lookup);
      if (discoverDmarc([lookup]).state !== "none") break;
    }
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
