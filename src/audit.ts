import { runChecks } from "./core/check.js";
import type { RunContext } from "./core/context.js";
import { normalizeDomain } from "./core/domain-name.js";
import type { Evidence } from "./core/evidence.js";
import type { Finding } from "./core/finding.js";
import type { DomainProbe } from "./core/probe.js";
import { countSeverities, type Report } from "./core/report.js";
import { allChecks, domainChecks } from "./checks/index.js";
import { domainProbes } from "./probes/index.js";
import { VERSION } from "./version.js";

/** Runs the probes of phases up to `lastPhase` for a domain and returns the evidence. */
export async function collectDomainEvidence(
  input: string,
  ctx: RunContext,
  lastPhase: 1 | 2 | 3,
  probes: readonly DomainProbe[] = domainProbes,
): Promise<Evidence> {
  const evidence: Evidence = {
    schema: 1,
    target: normalizeDomain(input),
    input,
    collectedAt: ctx.now().toISOString(),
    resolvers: [...ctx.dns.servers],
  };
  for (const phase of [1, 2, 3] as const) {
    if (phase > lastPhase) break;
    const selected = probes.filter((p) => p.phase === phase && (!ctx.areas || ctx.areas.has(p.area)));
    await Promise.all(
      selected.map(async (p) => {
        ctx.progress.step(`${p.name}`);
        await p.run(evidence, ctx);
      }),
    );
  }
  return evidence;
}

/** Judges domain evidence with the domain audit's checks (pure). */
export function judgeEvidence(evidence: Evidence): Finding[] {
  return runChecks(domainChecks, evidence);
}

/** Judges saved evidence of any command again, offline (`mxray report`). */
export function rejudgeEvidence(evidence: Evidence): Finding[] {
  return runChecks(allChecks, evidence);
}

/** Wraps findings and evidence into a report. */
export function makeReport(
  command: string,
  evidence: Evidence,
  findings: Finding[],
  startedAt: Date,
  now: Date,
): Report {
  return {
    tool: "mxray",
    version: VERSION,
    command,
    target: evidence.target,
    startedAt: startedAt.toISOString(),
    durationMs: now.getTime() - startedAt.getTime(),
    findings,
    counts: countSeverities(findings),
    evidence,
  };
}

/**
 * The DNS audit of a mail domain: everything DNS alone can tell (MX, PTR, SPF, DMARC, DKIM,
 * MTA-STS, TLS-RPT, BIMI, DNSSEC, DANE records, DNSBL).
 * @example
 *   const report = await auditDns("example.com", ctx);
 *   console.log(report.counts);
 */
export async function auditDns(domain: string, ctx: RunContext): Promise<Report> {
  const started = ctx.now();
  const evidence = await collectDomainEvidence(domain, ctx, 2);
  return makeReport("dns", evidence, judgeEvidence(evidence), started, ctx.now());
}

/** The whole outside view of a mail domain: the DNS audit plus every MX server's ports, SMTP and TLS. */
export async function checkDomain(domain: string, ctx: RunContext): Promise<Report> {
  const started = ctx.now();
  const evidence = await collectDomainEvidence(domain, ctx, 3);
  return makeReport("check", evidence, judgeEvidence(evidence), started, ctx.now());
}
