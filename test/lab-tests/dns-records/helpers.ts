import { runChecks } from "../../../src/core/check.js";
import { silentProgress, type RunContext } from "../../../src/core/context.js";
import type { Evidence } from "../../../src/core/evidence.js";
import type { Finding } from "../../../src/core/finding.js";
import { collectDomainEvidence } from "../../../src/audit.js";
import { dnsRecordsChecks } from "../../../src/checks/dns-records.js";
import { dnsRecordsProbes } from "../../../src/probes/dns-records.js";
import { createDnsClient } from "../../../src/net/dns/client.js";
import { lab } from "../../helpers/lab.js";

/** The DNS-record probes and checks for one lab domain, through the lab's validating Unbound. */
export async function labAudit(
  domain: string,
  dnsbls: string[] = [],
): Promise<{ evidence: Evidence; findings: Finding[] }> {
  const ctx: RunContext = {
    dns: createDnsClient({ servers: [lab.resolver], timeoutMs: 3000 }),
    timeoutMs: 3000,
    now: () => new Date(),
    progress: silentProgress,
    perHostConcurrency: 2,
    dnsbls,
  };
  const evidence = await collectDomainEvidence(domain, ctx, 2, dnsRecordsProbes);
  return { evidence, findings: runChecks(dnsRecordsChecks, evidence) };
}

/** `id severity subject` lines of one area, sorted. */
export function summary(findings: Finding[], area: string): string[] {
  return findings
    .filter((f) => f.area === area)
    .map((f) => `${f.id} ${f.severity} ${f.subject}`)
    .sort();
}

export function having(findings: Finding[], id: string, subject?: string): Finding[] {
  return findings.filter((f) => f.id === id && (subject === undefined || f.subject === subject));
}
