import { finding, type EvidenceBlock, type Finding } from "../core/finding.js";
import type { Severity } from "../core/severity.js";
import { formatAnswer, type DnsAnswer } from "../net/dns/types.js";

/** An answer as an evidence block, `dig`-like. */
export function dnsBlock(a: DnsAnswer): EvidenceBlock {
  return { kind: "dns", label: `${a.name} ${a.type}`, lines: formatAnswer(a) };
}

/** True for outcomes that say nothing about whether the data exists (SERVFAIL, timeout, REFUSED...). */
export function failed(a: Pick<DnsAnswer, "status">): boolean {
  return a.status !== "noerror" && a.status !== "nodata" && a.status !== "nxdomain";
}

/** The shared `dns.lookup.failed` finding (catalog: core.ts): a failure is never "no record". */
export function lookupFailed(
  area: string,
  a: DnsAnswer,
  severity: Severity,
  subject = a.name,
  references?: string[],
): Finding {
  return finding(
    "dns.lookup.failed",
    severity,
    area,
    subject,
    { name: a.name, type: a.type, status: a.status.toUpperCase() },
    [dnsBlock(a)],
    references,
  );
}
