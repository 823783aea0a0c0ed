import type { Answer } from "dns-packet";
import { canonicalName, toWire } from "./records.js";
import type { DnsRecord } from "./types.js";

/** What an authoritative server says to one question, before it goes on the wire. */
export interface ZoneAnswer {
  rcode: "NOERROR" | "NXDOMAIN" | "REFUSED";
  /** Whether the server holds the zone of the name (AA bit). */
  authoritative: boolean;
  answers: Answer[];
  authorities: Answer[];
}

/** Most CNAMEs a server follows inside its own data before it stops (a loop ends here too). */
const MAX_CHAIN = 16;

/**
 * Records indexed for authoritative answers: exact names, CNAMEs followed inside the zones, NODATA
 * for names that exist (also empty non-terminals such as `_domainkey.example.test`), NXDOMAIN
 * otherwise, the zone's SOA in the authority section of negative answers (RFC 2308), REFUSED for
 * names outside every zone.
 * @example
 *   const zone = new Zone([{ type: "A", name: "a.test", ttl: 60, address: "127.0.0.1" }]);
 *   zone.answer("a.test", "A").answers.length; // 1
 */
export class Zone {
  private readonly byName = new Map<string, DnsRecord[]>();
  private readonly existing = new Set<string>();
  private readonly zones: string[];

  /**
   * @param records what the server serves
   * @param zones apexes it is authoritative for; by default the owners of the SOA records, or, with
   *   no SOA at all, every name (nothing is refused)
   */
  constructor(records: DnsRecord[], zones?: string[]) {
    for (const r of records) {
      const name = canonicalName(r.name);
      const list = this.byName.get(name) ?? [];
      list.push({ ...r, name } as DnsRecord);
      this.byName.set(name, list);
      // Every ancestor of an owner name exists too (RFC 8020: an empty non-terminal is not NXDOMAIN).
      const labels = name.split(".");
      for (let i = 0; i < labels.length; i++) this.existing.add(labels.slice(i).join("."));
    }
    const soaOwners = records.filter((r) => r.type === "SOA").map((r) => canonicalName(r.name));
    this.zones = (zones ?? soaOwners).map(canonicalName).sort((a, b) => b.length - a.length);
  }

  /** The apex of the zone holding `name`, "" for "every name" (no zones known), undefined when outside. */
  zoneOf(name: string): string | undefined {
    if (this.zones.length === 0) return "";
    return this.zones.find((z) => z === "" || name === z || name.endsWith(`.${z}`));
  }

  answer(qname: string, type: string): ZoneAnswer {
    let current = canonicalName(qname);
    const zone = this.zoneOf(current);
    if (zone === undefined) return { rcode: "REFUSED", authoritative: false, answers: [], authorities: [] };
    const answers: Answer[] = [];
    const seen = new Set<string>();
    for (let hop = 0; hop < MAX_CHAIN; hop++) {
      seen.add(current);
      const here = this.byName.get(current) ?? [];
      const matching = here.filter((r) => r.type === type);
      if (matching.length)
        return {
          rcode: "NOERROR",
          authoritative: true,
          answers: [...answers, ...matching.map(toWire)],
          authorities: [],
        };
      const cname = type === "CNAME" ? undefined : here.find((r) => r.type === "CNAME");
      if (!cname || cname.type !== "CNAME") {
        const exists = this.existing.has(current);
        return {
          rcode: exists ? "NOERROR" : "NXDOMAIN",
          authoritative: true,
          answers,
          authorities: this.soaFor(current),
        };
      }
      answers.push(toWire(cname));
      current = canonicalName(cname.target);
      // Like Knot and BIND, follow only inside the same zone; a target elsewhere, or one seen before,
      // ends the answer here and the client goes on (or sees the loop).
      if (this.zoneOf(current) !== zone || seen.has(current)) break;
    }
    return { rcode: "NOERROR", authoritative: true, answers, authorities: [] };
  }

  private soaFor(name: string): Answer[] {
    const zone = this.zoneOf(name);
    if (zone === undefined) return [];
    const soa = (this.byName.get(zone) ?? []).find((r) => r.type === "SOA");
    return soa ? [toWire(soa)] : [];
  }
}
