import { runChecks } from "../../../src/core/check.js";
import { silentProgress, type RunContext } from "../../../src/core/context.js";
import type { Evidence } from "../../../src/core/evidence.js";
import type { Finding } from "../../../src/core/finding.js";
import { collectDomainEvidence } from "../../../src/audit.js";
import { dnsRecordsChecks } from "../../../src/checks/dns-records.js";
import { dnsRecordsProbes } from "../../../src/probes/dns-records.js";
import { createMemoryResolver, type MemoryZoneOptions } from "../../../src/net/dns/memory.js";
import type { DnsRecord } from "../../../src/net/dns/types.js";
import { reverseName } from "../../../src/standards/address-scope.js";

/** Record builders for in-memory zones. */
export const rr = {
  a: (name: string, address: string): DnsRecord => ({ type: "A", name, ttl: 300, address }),
  aaaa: (name: string, address: string): DnsRecord => ({ type: "AAAA", name, ttl: 300, address }),
  mx: (name: string, preference: number, exchange: string): DnsRecord => ({
    type: "MX",
    name,
    ttl: 300,
    preference,
    exchange,
  }),
  txt: (name: string, ...strings: string[]): DnsRecord => ({ type: "TXT", name, ttl: 300, strings }),
  ptr: (name: string, target: string): DnsRecord => ({ type: "PTR", name, ttl: 300, target }),
  cname: (name: string, target: string): DnsRecord => ({ type: "CNAME", name, ttl: 300, target }),
  soa: (name: string): DnsRecord => ({
    type: "SOA",
    name,
    ttl: 300,
    mname: `ns1.${name}`,
    rname: `hostmaster.${name}`,
    serial: 1,
    refresh: 3600,
    retry: 600,
    expire: 86400,
    minimum: 60,
  }),
  ds: (name: string): DnsRecord => ({
    type: "DS",
    name,
    ttl: 300,
    keyTag: 12345,
    algorithm: 13,
    digestType: 2,
    digest: "ab".repeat(32),
  }),
  dnskey: (name: string): DnsRecord => ({
    type: "DNSKEY",
    name,
    ttl: 300,
    flags: 257,
    protocol: 3,
    algorithm: 13,
    publicKey: "AAAA",
  }),
  tlsa: (name: string, usage: number, selector: number, matchingType: number, data: string): DnsRecord => ({
    type: "TLSA",
    name,
    ttl: 300,
    usage,
    selector,
    matchingType,
    data,
  }),
};

/** A public-looking mail domain (documentation addresses are "reserved", so real-looking ones are used). */
export function goodDomain(domain = "example.com"): DnsRecord[] {
  return [
    rr.soa(domain),
    rr.mx(domain, 10, `mx1.${domain}`),
    rr.mx(domain, 20, `mx2.${domain}`),
    rr.a(`mx1.${domain}`, "8.8.4.10"),
    rr.aaaa(`mx1.${domain}`, "2a00:1450:4001::10"),
    rr.a(`mx2.${domain}`, "8.8.4.20"),
    rr.ptr("10.4.8.8.in-addr.arpa", `mx1.${domain}`),
    rr.ptr(reverseName("2a00:1450:4001::10") ?? "", `mx1.${domain}`),
    rr.ptr("20.4.8.8.in-addr.arpa", `mx2.${domain}`),
    rr.txt(`_smtp._tls.${domain}`, `v=TLSRPTv1; rua=mailto:tlsrpt@${domain}`),
    rr.txt(`_dmarc.${domain}`, `v=DMARC1; p=reject; rua=mailto:d@${domain}`),
    rr.txt(`default._bimi.${domain}`, `v=BIMI1; l=https://${domain}/logo.svg; a=https://${domain}/vmc.pem`),
  ];
}

export interface AuditResult {
  evidence: Evidence;
  findings: Finding[];
}

/** Runs the DNS-record probes against in-memory zones, then their checks. */
export async function audit(
  records: DnsRecord[],
  options: MemoryZoneOptions = {},
  domain = "example.com",
  extra: Partial<RunContext> = {},
): Promise<AuditResult> {
  const ctx: RunContext = {
    dns: createMemoryResolver(records, options),
    timeoutMs: 1000,
    now: () => new Date("2026-01-01T00:00:00Z"),
    progress: silentProgress,
    perHostConcurrency: 2,
    dnsbls: [],
    ...extra,
  };
  const evidence = await collectDomainEvidence(domain, ctx, 2, dnsRecordsProbes);
  return { evidence, findings: runChecks(dnsRecordsChecks, evidence) };
}

/** Findings with an id (and subject, when given). */
export function having(findings: Finding[], id: string, subject?: string): Finding[] {
  return findings.filter((f) => f.id === id && (subject === undefined || f.subject === subject));
}

/** `id severity subject` lines of one area, sorted: compact and exact to assert on. */
export function summary(findings: Finding[], area: string): string[] {
  return findings
    .filter((f) => f.area === area)
    .map((f) => `${f.id} ${f.severity} ${f.subject}`)
    .sort();
}
