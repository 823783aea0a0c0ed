import type { RunContext } from "../core/context.js";
import type { DnsAnswer, RRType } from "../net/dns/types.js";

/** Asks one question with the run's abort signal. The DNS client bounds each query by ctx.timeoutMs. */
export function ask(ctx: RunContext, name: string, type: RRType): Promise<DnsAnswer> {
  return ctx.dns.query(name, type, { signal: ctx.signal });
}

/** True for outcomes that say nothing about whether the data exists (SERVFAIL, timeout, REFUSED...). */
export function isLookupFailure(a: Pick<DnsAnswer, "status">): boolean {
  return a.status !== "noerror" && a.status !== "nodata" && a.status !== "nxdomain";
}

/**
 * Maps over items with at most `limit` running at once, keeping order; used so that a domain with
 * many MX addresses does not fire hundreds of queries at the resolver at the same moment.
 * @example await mapLimit(hosts, 8, (h) => ask(ctx, h, "A"));
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
