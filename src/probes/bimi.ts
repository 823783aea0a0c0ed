import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { DomainProbe } from "../core/probe.js";
import type { DnsAnswer } from "../net/dns/types.js";
import { organizationalDomain } from "../standards/organizational-domain.js";
import { ask } from "./dns-query.js";

/** One TXT question and its answer. */
export interface TxtLookup {
  name: string;
  answer: DnsAnswer;
}

/** The BIMI record and the DMARC answers needed to judge it. */
export interface BimiEvidence {
  /** `default._bimi.<domain>`, then `default._bimi.<organizational domain>` when the first has none. */
  lookups: TxtLookup[];
  /** `_dmarc.<domain>`, then `_dmarc.<organizational domain>` when the first has no record. */
  dmarc: TxtLookup[];
}

declare module "../core/evidence.js" {
  interface Evidence {
    bimi?: BimiEvidence;
  }
}

/**
 * Asks `prefix.<domain>` and, when that gives no record matching `wanted` but does not fail, the
 * same at the organizational domain (BIMI draft §4.4 and RFC 7489 §6.6.3 both fall back this way).
 */
async function withOrgFallback(
  ctx: RunContext,
  prefix: string,
  domain: string,
  wanted: RegExp,
): Promise<TxtLookup[]> {
  const name = `${prefix}.${domain}`;
  const answer = await ask(ctx, name, "TXT");
  const out: TxtLookup[] = [{ name, answer }];
  const found = answer.records.some((r) => r.type === "TXT" && wanted.test(r.strings.join("")));
  const org = organizationalDomain(domain);
  if (!found && ["noerror", "nodata", "nxdomain"].includes(answer.status) && org !== domain) {
    out.push({ name: `${prefix}.${org}`, answer: await ask(ctx, `${prefix}.${org}`, "TXT") });
  }
  return out;
}

/**
 * Phase 2: the BIMI record, and the DMARC policy (BIMI requires enforcement). DMARC is asked here
 * with a plain TXT query so BIMI can be judged even when the DMARC area is not probed; the DNS
 * client's cache makes the repeat free when it is.
 */
export const bimiProbe: DomainProbe = {
  name: "bimi",
  area: "bimi",
  phase: 2,
  async run(evidence: Evidence, ctx: RunContext): Promise<void> {
    const [lookups, dmarc] = await Promise.all([
      withOrgFallback(ctx, "default._bimi", evidence.target, /^\s*v\s*=\s*BIMI1/i),
      withOrgFallback(ctx, "_dmarc", evidence.target, /^\s*v\s*=\s*DMARC1/),
    ]);
    evidence.bimi = { lookups, dmarc };
  },
};
