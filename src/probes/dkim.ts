import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { DomainProbe } from "../core/probe.js";
import type { DnsAnswer } from "../net/dns/types.js";
import { COMMON_DKIM_SELECTORS } from "../standards/dkim-key.js";

/** One `<selector>._domainkey.<domain>` TXT question. */
export interface DkimSelectorLookup {
  selector: string;
  /** `user`: named with --selector (the user says mail is signed with it); `common`: guessed. */
  source: "user" | "common";
  answer: DnsAnswer;
}

/** The DKIM section of the evidence. */
export interface DkimEvidence {
  domain: string;
  lookups: DkimSelectorLookup[];
  /** Selectors given by the user that cannot be DNS labels; they were not asked. */
  invalidSelectors: string[];
  /**
   * The answer for a selector nobody uses ({@link WILDCARD_PROBE_SELECTOR}): a key there means a
   * wildcard `*._domainkey` record, which would make every guessed selector look published.
   */
  wildcard?: DkimSelectorLookup;
}

declare module "../core/evidence.js" {
  interface Evidence {
    dkim?: DkimEvidence;
  }
}

/** A selector no signer uses, asked once to detect a wildcard under `_domainkey`. */
export const WILDCARD_PROBE_SELECTOR = "mxray-no-such-selector";

/** At most this many selector questions at once: enough to be quick, few enough not to flood a resolver. */
export const DKIM_QUERY_CONCURRENCY = 8;

const SELECTOR = /^[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*$/;

/** Runs `fn` over `items` with at most `limit` running at once, keeping the input order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Looks up DKIM keys for the user's selectors, then for the common provider selectors.
 * @example
 *   const ev = await probeDkim("example.com", ["s2024"], ctx);
 */
export async function probeDkim(
  domain: string,
  userSelectors: readonly string[],
  ctx: RunContext,
): Promise<DkimEvidence> {
  const opts = ctx.signal ? { signal: ctx.signal } : undefined;
  const invalidSelectors: string[] = [];
  const wanted: Array<{ selector: string; source: "user" | "common" }> = [];
  const seen = new Set<string>();
  for (const raw of userSelectors) {
    // People often paste the whole record name (selector1._domainkey.example.com): keep the selector.
    const selector = raw
      .trim()
      .toLowerCase()
      .replace(/\.$/, "")
      .replace(new RegExp(`\\._domainkey(\\.${domain.replace(/\./g, "\\.")})?$`), "");
    if (!SELECTOR.test(selector)) invalidSelectors.push(raw);
    else if (!seen.has(selector)) wanted.push({ selector, source: "user" });
    seen.add(selector);
  }
  for (const selector of COMMON_DKIM_SELECTORS) {
    if (!seen.has(selector)) wanted.push({ selector, source: "common" });
    seen.add(selector);
  }
  const probe = { selector: WILDCARD_PROBE_SELECTOR, source: "common" as const };
  const [wildcard, ...lookups] = await mapLimited([probe, ...wanted], DKIM_QUERY_CONCURRENCY, async (w) => ({
    ...w,
    answer: await ctx.dns.query(`${w.selector}._domainkey.${domain}`, "TXT", opts),
  }));
  return { domain, lookups, invalidSelectors, ...(wildcard ? { wildcard } : {}) };
}

export const dkimProbe: DomainProbe = {
  name: "dkim",
  area: "dkim",
  phase: 2,
  async run(evidence: Evidence, ctx: RunContext) {
    evidence.dkim = await probeDkim(evidence.target, ctx.dkimSelectors ?? [], ctx);
  },
};
