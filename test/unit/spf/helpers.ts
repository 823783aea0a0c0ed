import type { DnsRecord } from "../../../src/net/dns/types.js";

/** Tiny record builders for in-memory zones. */
export const txt = (name: string, ...strings: string[]): DnsRecord => ({
  type: "TXT",
  name,
  ttl: 300,
  strings,
});
export const a = (name: string, address: string): DnsRecord => ({ type: "A", name, ttl: 300, address });
export const aaaa = (name: string, address: string): DnsRecord => ({ type: "AAAA", name, ttl: 300, address });
export const mx = (name: string, preference: number, exchange: string): DnsRecord => ({
  type: "MX",
  name,
  ttl: 300,
  preference,
  exchange,
});
export const ptr = (name: string, target: string): DnsRecord => ({ type: "PTR", name, ttl: 300, target });
