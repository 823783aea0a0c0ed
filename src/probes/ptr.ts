import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { DomainProbe } from "../core/probe.js";
import type { DnsAnswer } from "../net/dns/types.js";
import { addressFamily, reverseName } from "../standards/address-scope.js";
import { ask, mapLimit } from "./dns-query.js";

/** One PTR name of an address and the forward lookup that should lead back to it. */
export interface PtrForward {
  name: string;
  /** A (IPv4) or AAAA (IPv6) of the PTR name. */
  answer: DnsAnswer;
}

/** Reverse DNS of one MX address. */
export interface ReverseDnsEntry {
  address: string;
  /** MX hosts that resolve to this address. */
  hosts: string[];
  reverseName: string;
  /** The PTR answer. */
  answer: DnsAnswer;
  forward: PtrForward[];
}

export interface ReverseDnsEvidence {
  entries: ReverseDnsEntry[];
}

declare module "../core/evidence.js" {
  interface Evidence {
    reverseDns?: ReverseDnsEvidence;
  }
}

/** Bounds against hostile zones: addresses looked up, PTR names followed per address. */
export const MAX_PTR_ADDRESSES = 64;
export const MAX_PTR_NAMES = 8;

/** Addresses of the MX hosts, each with the hosts that use it, in first-seen order. */
export function mxAddresses(evidence: Evidence): Map<string, string[]> {
  const byAddress = new Map<string, string[]>();
  for (const host of evidence.mx?.hosts ?? []) {
    for (const address of host.addresses) {
      const list = byAddress.get(address) ?? [];
      if (!list.includes(host.name)) list.push(host.name);
      byAddress.set(address, list);
    }
  }
  return byAddress;
}

/** PTR of an address, then A/AAAA of every PTR name (forward-confirmed reverse DNS, RFC 8601 §3). */
export async function collectReverse(
  ctx: RunContext,
  address: string,
  hosts: string[],
): Promise<ReverseDnsEntry | undefined> {
  const rev = reverseName(address);
  const family = addressFamily(address);
  if (!rev || !family) return undefined;
  const answer = await ask(ctx, rev, "PTR");
  const names = [...new Set(answer.records.flatMap((r) => (r.type === "PTR" ? [r.target] : [])))].slice(
    0,
    MAX_PTR_NAMES,
  );
  const forward = await Promise.all(
    names.map(async (name) => ({ name, answer: await ask(ctx, name, family === 4 ? "A" : "AAAA") })),
  );
  return { address, hosts, reverseName: rev, answer, forward };
}

/** Phase 2: reverse DNS of every MX address. */
export const ptrProbe: DomainProbe = {
  name: "reverse-dns",
  area: "ptr",
  phase: 2,
  async run(evidence: Evidence, ctx: RunContext): Promise<void> {
    const addresses = [...mxAddresses(evidence)].slice(0, MAX_PTR_ADDRESSES);
    const entries = await mapLimit(addresses, 8, ([address, hosts]) => collectReverse(ctx, address, hosts));
    evidence.reverseDns = { entries: entries.filter((e): e is ReverseDnsEntry => e !== undefined) };
  },
};
