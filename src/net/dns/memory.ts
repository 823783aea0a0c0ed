import type { DnsAnswer, DnsClient, DnsRecord, DnsStatus, RRType } from "./types.js";

export interface MemoryZoneOptions {
  /** Forced outcomes: key `name TYPE` (one type) or `name` (every type), e.g. `{"x.test TXT": "timeout"}`. */
  statuses?: Record<string, DnsStatus>;
  /** Names (and their subtrees) whose answers carry the AD flag. */
  authenticated?: string[];
}

const norm = (name: string) => name.toLowerCase().replace(/\.$/, "");

/**
 * A DnsClient over records held in memory: for unit tests of probes and evaluators, and for
 * re-running saved zones. Follows CNAMEs (up to 8), answers NXDOMAIN for names with no records.
 */
export function createMemoryResolver(records: DnsRecord[], options: MemoryZoneOptions = {}): DnsClient {
  const byName = new Map<string, DnsRecord[]>();
  for (const r of records) {
    const key = norm(r.name);
    const list = byName.get(key) ?? [];
    list.push({ ...r, name: key } as DnsRecord);
    byName.set(key, list);
  }
  const stats = { queries: 0, cacheHits: 0 };
  const isAuthenticated = (name: string) =>
    (options.authenticated ?? []).some((z) => name === norm(z) || name.endsWith(`.${norm(z)}`));

  return {
    servers: ["memory"],
    stats,
    async query(name: string, type: RRType): Promise<DnsAnswer> {
      stats.queries++;
      const qname = norm(name);
      const base = {
        name: qname,
        type,
        server: "memory",
        elapsedMs: 0,
        authenticated: isAuthenticated(qname),
      };
      const chain: string[] = [];
      let current = qname;
      for (let hop = 0; hop <= 8; hop++) {
        const forced = options.statuses?.[`${current} ${type}`] ?? options.statuses?.[current];
        if (forced)
          return { ...base, status: forced, rcode: rcodeFor(forced), records: [], cnameChain: chain };
        const here = byName.get(current);
        if (!here) return { ...base, status: "nxdomain", rcode: "NXDOMAIN", records: [], cnameChain: chain };
        const matching = here.filter((r) => r.type === type);
        if (matching.length)
          return { ...base, status: "noerror", rcode: "NOERROR", records: matching, cnameChain: chain };
        const cname = type === "CNAME" ? undefined : here.find((r) => r.type === "CNAME");
        if (!cname || cname.type !== "CNAME")
          return { ...base, status: "nodata", rcode: "NOERROR", records: [], cnameChain: chain };
        current = norm(cname.target);
        chain.push(current);
      }
      return {
        ...base,
        status: "error",
        rcode: "NOERROR",
        records: [],
        cnameChain: chain,
        detail: "CNAME chain too long or looping",
      };
    },
  };
}

function rcodeFor(status: DnsStatus): string | undefined {
  switch (status) {
    case "servfail":
      return "SERVFAIL";
    case "refused":
      return "REFUSED";
    case "nxdomain":
      return "NXDOMAIN";
    case "noerror":
    case "nodata":
      return "NOERROR";
    default:
      return undefined;
  }
}
