import type { RunContext } from "../core/context.js";
import type { DomainProbe } from "../core/probe.js";
import type { DnsAnswer, RRType } from "../net/dns/types.js";
import { analyzeSpf, type AnswerLookup } from "../standards/spf/analyze.js";
import { mapLimit } from "./dns-query.js";

/** The SPF section of the evidence: every answer the policy walk needed, so checks can redo it offline. */
export interface SpfEvidence {
  domain: string;
  /** Answers keyed `name TYPE` (TXT of each domain in the tree, A/AAAA/MX of a and mx terms). */
  answers: Record<string, DnsAnswer>;
  /** The obsolete SPF RR type (99) at the domain (RFC 7208 §3.1, §14.1). */
  spfType: DnsAnswer;
  /** The walk stopped at the query budget: the tree is incomplete. */
  truncated?: boolean;
  /** A record text given by the user (`mxray spf --record`), audited in place of the published one. */
  candidate?: string;
}

declare module "../core/evidence.js" {
  interface Evidence {
    spf?: SpfEvidence;
  }
}

/** Most questions one SPF walk may ask (a fan-out of includes must not become a flood). */
export const MAX_SPF_QUERIES = 400;

/** Answers from the evidence; the candidate record, when there is one, stands for the domain's TXT. */
export function spfAnswerLookup(ev: Pick<SpfEvidence, "domain" | "answers" | "candidate">): AnswerLookup {
  return (name, type) => {
    if (ev.candidate !== undefined && type === "TXT" && name === ev.domain) {
      return {
        name,
        type,
        status: "noerror",
        records: [{ type: "TXT", name, ttl: 0, strings: [ev.candidate] }],
        cnameChain: [],
        authenticated: false,
        server: "--record",
        elapsedMs: 0,
      };
    }
    return ev.answers[`${name} ${type}`];
  };
}

/** One question; a client that throws still yields an answer with status `error`. */
async function safeAsk(ctx: RunContext, name: string, type: RRType): Promise<DnsAnswer> {
  try {
    return await ctx.dns.query(name, type, { signal: ctx.signal });
  } catch (err) {
    return {
      name,
      type,
      status: "error",
      records: [],
      cnameChain: [],
      authenticated: false,
      server: ctx.dns.servers[0] ?? "",
      elapsedMs: 0,
      detail: err instanceof Error ? err.message : String(err),
    };
  }
}

/**
 * Gathers what the SPF audit needs: the domain's TXT, then, round by round, whatever the static
 * analysis still misses (included domains, a/mx addresses), within MAX_SPF_QUERIES.
 * @example const ev = await probeSpf("example.com", ctx); analyzeSpf(ev.domain, spfAnswerLookup(ev));
 */
export async function probeSpf(domain: string, ctx: RunContext, candidate?: string): Promise<SpfEvidence> {
  const ev: SpfEvidence = { domain, answers: {}, spfType: await safeAsk(ctx, domain, "SPF") };
  if (candidate !== undefined) ev.candidate = candidate;
  const lookup = spfAnswerLookup(ev);
  let asked = 1;
  for (;;) {
    const missing = analyzeSpf(domain, lookup).missing;
    if (missing.length === 0) break;
    const budget = MAX_SPF_QUERIES - asked;
    if (budget <= 0) {
      ev.truncated = true;
      break;
    }
    const batch = missing.slice(0, budget);
    asked += batch.length;
    ctx.progress.step(`SPF: ${batch.length} DNS questions (${asked} so far)`);
    await mapLimit(batch, 8, async (q) => {
      ev.answers[`${q.name} ${q.type}`] = await safeAsk(ctx, q.name, q.type);
    });
  }
  return ev;
}

export const spfProbe: DomainProbe = {
  name: "spf",
  area: "spf",
  phase: 2,
  async run(evidence, ctx) {
    evidence.spf = await probeSpf(evidence.target, ctx);
  },
};

export const spfProbes: DomainProbe[] = [spfProbe];
