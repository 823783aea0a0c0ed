/**
 * The OpenSPF RFC 7208 test suite and a DNS that serves each scenario's zonedata the way the
 * suite's reference driver (pyspf's testspf.py) does:
 * - a name with SPF (type 99) records and no TXT records answers TXT with the same data
 *   (`TXT: NONE` turns that off and adds no record);
 * - a `TIMEOUT` entry means no answer, unless a record of the asked type came before it;
 * - a name not in the zone that starts with `error.` times out, any other answers NXDOMAIN.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import type { DnsAnswer, DnsClient, DnsRecord, DnsStatus, RRType } from "../../../src/net/dns/types.js";

export const SUITE_FILE = fileURLToPath(new URL("../../fixtures/spf/rfc7208-tests.yml", import.meta.url));

export interface SuiteTest {
  scenario: string;
  name: string;
  description?: string;
  spec?: string;
  helo: string;
  host: string;
  mailfrom: string;
  /** Acceptable results. */
  results: string[];
  /** Expected explanation: undefined = not checked, null = none (`DEFAULT`). */
  explanation?: string | null;
  zone: Zone;
}

type Entry = "TIMEOUT" | { type: string; value: unknown };
export type Zone = Map<string, Entry[]>;

const norm = (n: string) => n.toLowerCase().replace(/\.$/, "");

function loadZone(data: Record<string, unknown[]>): Zone {
  const zone: Zone = new Map();
  for (const [name, entries] of Object.entries(data ?? {})) {
    const list: Entry[] = [];
    const generated: Entry[] = [];
    let gen = true;
    for (const e of entries ?? []) {
      if (e === "TIMEOUT") {
        list.push("TIMEOUT");
        continue;
      }
      for (const [type, value] of Object.entries(e as Record<string, unknown>)) {
        if (type === "TXT") gen = false;
        else if (type === "SPF" && gen) generated.push({ type: "TXT", value });
        if (value !== "NONE") list.push({ type, value });
      }
    }
    if (gen) list.push(...generated);
    zone.set(norm(name), list);
  }
  return zone;
}

/** Every test of the suite, in file order. */
export function loadSuite(file = SUITE_FILE): SuiteTest[] {
  const out: SuiteTest[] = [];
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if ("errors" in doc && doc.errors.length)
      throw new Error(`YAML error in ${file}: ${doc.errors[0]?.message}`);
    const data = doc.toJS() as {
      description: string;
      tests: Record<string, Record<string, unknown>>;
      zonedata: Record<string, unknown[]>;
    };
    const zone = loadZone(data.zonedata);
    for (const [name, t] of Object.entries(data.tests)) {
      const result = t.result as string | string[];
      const exp = t.explanation as string | undefined;
      out.push({
        scenario: data.description,
        name,
        description: typeof t.description === "string" ? t.description.trim() : undefined,
        spec: t.spec === undefined ? undefined : String(t.spec),
        helo: String(t.helo ?? ""),
        host: String(t.host),
        mailfrom: String(t.mailfrom ?? ""),
        results: Array.isArray(result) ? result : [result],
        explanation: exp === undefined ? undefined : exp === "DEFAULT" ? null : exp,
        zone,
      });
    }
  }
  return out;
}

function toRecord(name: string, type: string, value: unknown): DnsRecord | null {
  const ttl = 300;
  switch (type) {
    case "A":
    case "AAAA":
      return { type, name, ttl, address: String(value) };
    case "MX": {
      const [preference, exchange] = value as [number, string];
      return { type, name, ttl, preference: Number(preference), exchange: norm(String(exchange)) };
    }
    case "TXT":
    case "SPF":
      return { type, name, ttl, strings: Array.isArray(value) ? value.map(String) : [String(value)] };
    case "PTR":
    case "CNAME":
      return { type, name, ttl, target: norm(String(value)) };
    default:
      return null;
  }
}

/** What one question gets from the zone, before CNAMEs are followed. */
export function zoneLookup(
  zone: Zone,
  qname: string,
  qtype: string,
): { status: DnsStatus; records: DnsRecord[]; cname?: string } {
  const name = norm(qname);
  const entries = zone.get(name);
  if (!entries) return { status: name.startsWith("error.") ? "timeout" : "nxdomain", records: [] };
  const records: DnsRecord[] = [];
  let cname: string | undefined;
  for (const e of entries) {
    if (e === "TIMEOUT") {
      if (records.length === 0) return { status: "timeout", records: [] };
      break;
    }
    if (e.type === "CNAME") cname = norm(String(e.value));
    if (e.type !== qtype) continue;
    const r = toRecord(name, e.type, e.value);
    if (r) records.push(r);
  }
  if (records.length) return { status: "noerror", records };
  return { status: "nodata", records: [], cname: qtype === "CNAME" ? undefined : cname };
}

/** A DnsClient over a scenario's zone, following CNAMEs (up to 8). */
export function suiteResolver(zone: Zone): DnsClient {
  const stats = { queries: 0, cacheHits: 0 };
  return {
    servers: ["rfc7208-suite"],
    stats,
    async query(qname: string, type: RRType): Promise<DnsAnswer> {
      stats.queries++;
      const chain: string[] = [];
      let current = norm(qname);
      for (let hop = 0; hop < 8; hop++) {
        const r = zoneLookup(zone, current, type);
        if (r.cname && r.status === "nodata") {
          chain.push(r.cname);
          current = r.cname;
          continue;
        }
        return {
          name: norm(qname),
          type,
          status: r.status,
          records: r.records,
          cnameChain: chain,
          authenticated: false,
          server: "rfc7208-suite",
          elapsedMs: 0,
        };
      }
      return {
        name: norm(qname),
        type,
        status: "error",
        records: [],
        cnameChain: chain,
        authenticated: false,
        server: "rfc7208-suite",
        elapsedMs: 0,
        detail: "CNAME loop",
      };
    },
  };
}
