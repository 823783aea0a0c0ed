import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { DomainProbe } from "../core/probe.js";
import type { DnsAnswer } from "../net/dns/types.js";
import { ask, isLookupFailure, mapLimit } from "./dns-query.js";

/** A name whose DNSSEC status is judged: the mail domain or one MX host. */
export interface DnssecSubject {
  name: string;
  role: "domain" | "mx";
  /** The answers that matter for mail (the MX RRset; an MX host's A/AAAA) and their AD flags. */
  answers: DnsAnswer[];
  /** SOA questions from the name up to its zone apex, in order. */
  walk: DnsAnswer[];
  /** The zone apex found, or the name where the walk hit a failure (see `zoneFound`). */
  zone?: string;
  zoneFound: boolean;
}

/** DS (from the parent) and DNSKEY of one zone. */
export interface DnssecZone {
  apex: string;
  ds: DnsAnswer;
  dnskey: DnsAnswer;
}

export interface DnssecEvidence {
  subjects: DnssecSubject[];
  zones: DnssecZone[];
}

declare module "../core/evidence.js" {
  interface Evidence {
    dnssec?: DnssecEvidence;
  }
}

const MAX_WALK = 12;
const MAX_MX_SUBJECTS = 16;

/**
 * Finds the zone a name lives in by asking SOA at the name, then at each parent, until one answers
 * with data. Stops at a failure (SERVFAIL from a validating resolver is how a bogus zone looks).
 */
export async function findZone(
  ctx: RunContext,
  name: string,
): Promise<{ walk: DnsAnswer[]; zone?: string; found: boolean }> {
  const walk: DnsAnswer[] = [];
  let current = name.toLowerCase().replace(/\.$/, "");
  while (current && walk.length < MAX_WALK) {
    const soa = await ask(ctx, current, "SOA");
    walk.push(soa);
    if (soa.status === "noerror" && soa.cnameChain.length === 0) return { walk, zone: current, found: true };
    if (isLookupFailure(soa)) return { walk, zone: current, found: false };
    const dot = current.indexOf(".");
    current = dot < 0 ? "" : current.slice(dot + 1);
  }
  return { walk, found: false };
}

/** Phase 2: DNSSEC of the domain and of the zones of its MX hosts. */
export const dnssecProbe: DomainProbe = {
  name: "dnssec",
  area: "dnssec",
  phase: 2,
  async run(evidence: Evidence, ctx: RunContext): Promise<void> {
    const mx = evidence.mx;
    const wanted: Array<Pick<DnssecSubject, "name" | "role" | "answers">> = [
      { name: evidence.target, role: "domain", answers: mx ? [mx.answer] : [] }, // a fresh array: pushed to below
    ];
    if (mx && !mx.implicit) {
      for (const host of mx.hosts.slice(0, MAX_MX_SUBJECTS)) {
        // An MX host named like the domain itself is one subject: its addresses join the MX answer.
        const same = wanted.find((w) => w.name === host.name);
        if (same) same.answers.push(...host.addressAnswers);
        else wanted.push({ name: host.name, role: "mx", answers: [...host.addressAnswers] });
      }
    }
    const subjects = await mapLimit(wanted, 4, async (s): Promise<DnssecSubject> => {
      const z = await findZone(ctx, s.name);
      return { ...s, walk: z.walk, zone: z.zone, zoneFound: z.found };
    });
    const apexes = [...new Set(subjects.flatMap((s) => (s.zone ? [s.zone] : [])))];
    const zones = await mapLimit(apexes, 4, async (apex): Promise<DnssecZone> => {
      const [ds, dnskey] = await Promise.all([ask(ctx, apex, "DS"), ask(ctx, apex, "DNSKEY")]);
      return { apex, ds, dnskey };
    });
    evidence.dnssec = { subjects, zones };
  },
};
