import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { MailHost, MxEvidence } from "../core/mail-hosts.js";
import type { DomainProbe } from "../core/probe.js";
import type { DnsAnswer } from "../net/dns/types.js";
import { ask, mapLimit } from "./dns-query.js";

/** Most MX hosts whose addresses are resolved; a hostile zone may list thousands. */
export const MAX_MX_HOSTS = 32;

/**
 * Resolves A then AAAA of a host; addresses keep that order.
 * @example (await resolveHost(ctx, "mx1.example.com", 10)).addresses // ["192.0.2.10", "2001:db8::10"]
 */
export async function resolveHost(ctx: RunContext, name: string, preference: number): Promise<MailHost> {
  const [a, aaaa] = await Promise.all([ask(ctx, name, "A"), ask(ctx, name, "AAAA")]);
  const addresses = [a, aaaa].flatMap((ans) =>
    ans.records.flatMap((r) => (r.type === "A" || r.type === "AAAA" ? [r.address] : [])),
  );
  return { name, preference, addresses: [...new Set(addresses)], addressAnswers: [a, aaaa] };
}

/**
 * The MX set of a domain (RFC 5321 §5.1): the MX records, or the implicit MX (the domain's own
 * A/AAAA) when the name exists without MX; a null MX (RFC 7505) leaves no hosts. Hosts are unique by
 * name (lowest preference kept) and sorted by preference; the raw answer keeps duplicates for checks.
 * @example
 *   const mx = await collectMx(ctx, "example.com");
 *   if (mx.nullMx) console.log("accepts no mail");
 */
export async function collectMx(ctx: RunContext, domain: string): Promise<MxEvidence> {
  const answer: DnsAnswer = await ask(ctx, domain, "MX");
  if (answer.status === "nodata") {
    const self = await resolveHost(ctx, domain, 0);
    return { answer, implicit: true, nullMx: false, hosts: [self] };
  }
  if (answer.status !== "noerror") return { answer, implicit: false, nullMx: false, hosts: [] };
  const mxs = answer.records.flatMap((r) => (r.type === "MX" ? [r] : []));
  const real = mxs.filter((r) => r.exchange !== "" && r.exchange !== ".");
  const nullMx = mxs.length === 1 && real.length === 0;
  const byName = new Map<string, number>();
  for (const r of real) {
    const name = r.exchange.toLowerCase().replace(/\.$/, "");
    byName.set(name, Math.min(byName.get(name) ?? Infinity, r.preference));
  }
  const targets = [...byName].sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).slice(0, MAX_MX_HOSTS);
  const hosts = await mapLimit(targets, 8, ([name, pref]) => resolveHost(ctx, name, pref));
  return { answer, implicit: false, nullMx, hosts };
}

/** Phase 1: fills `evidence.mx`, which every later probe reads. */
export const mxProbe: DomainProbe = {
  name: "mx",
  area: "mx",
  phase: 1,
  async run(evidence: Evidence, ctx: RunContext): Promise<void> {
    evidence.mx = await collectMx(ctx, evidence.target);
  },
};
