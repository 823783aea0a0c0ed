import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { DomainProbe } from "../core/probe.js";
import { httpsFetch, type HttpsFetchResult } from "../net/https-fetch.js";
import type { DnsAnswer } from "../net/dns/types.js";
import { VERSION } from "../version.js";

/** The MTA-STS section of the evidence. */
export interface MtaStsEvidence {
  domain: string;
  /** `_mta-sts.<domain>` TXT. */
  record: DnsAnswer;
  policyUrl: string;
  /** The policy fetch; absent when the TXT lookup itself failed (nothing can be concluded then). */
  fetch?: HttpsFetchResult;
}

declare module "../core/evidence.js" {
  interface Evidence {
    mtaSts?: MtaStsEvidence;
  }
}

/** RFC 8461 §3.3: the policy lives at this fixed place. */
export function mtaStsPolicyUrl(domain: string, port = 443): string {
  return `https://mta-sts.${domain}${port === 443 ? "" : `:${port}`}/.well-known/mta-sts.txt`;
}

const ANSWERED = new Set(["noerror", "nodata", "nxdomain"]);

/**
 * Gathers MTA-STS evidence: the TXT record, then the policy over HTTPS. The policy is fetched even
 * without a TXT record, because "policy published but never announced" is a common mistake.
 * @example
 *   const ev = await probeMtaSts("example.com", ctx);
 */
export async function probeMtaSts(
  domain: string,
  ctx: RunContext,
  options: { port?: number } = {},
): Promise<MtaStsEvidence> {
  const opts = ctx.signal ? { signal: ctx.signal } : undefined;
  const record = await ctx.dns.query(`_mta-sts.${domain}`, "TXT", opts);
  const policyUrl = mtaStsPolicyUrl(domain, options.port);
  const evidence: MtaStsEvidence = { domain, record, policyUrl };
  if (!ANSWERED.has(record.status)) return evidence;
  evidence.fetch = await httpsFetch(policyUrl, {
    dns: ctx.dns,
    timeoutMs: ctx.timeoutMs,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(ctx.extraCa ? { extraCa: ctx.extraCa } : {}),
    userAgent: `mxray/${VERSION}`,
  });
  return evidence;
}

export const mtaStsProbe: DomainProbe = {
  name: "mta-sts",
  area: "mta-sts",
  phase: 2,
  async run(evidence: Evidence, ctx: RunContext) {
    evidence.mtaSts = await probeMtaSts(evidence.target, ctx);
  },
};
