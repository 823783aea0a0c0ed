import type { DnsAnswer, DnsClient, DnsStatus, RRType } from "../net/dns/types.js";
import { txtValues } from "../net/dns/types.js";

import type { DNSResolver } from "mailauth";

/** What mailauth expects from a resolver: node:dns-style results per type. */
export type MailauthResolver = DNSResolver;

/**
 * node:dns error codes for each of mxray's DNS outcomes. mailauth reads `err.code`: ENOTFOUND and
 * ENODATA mean "no key" (a permanent result), anything else a temporary DNS failure — so a
 * SERVFAIL or timeout is never taken for a missing key.
 */
export const DNS_ERROR_CODES: Record<Exclude<DnsStatus, "noerror">, string> = {
  nxdomain: "ENOTFOUND",
  nodata: "ENODATA",
  timeout: "ETIMEOUT",
  servfail: "ESERVFAIL",
  refused: "EREFUSED",
  malformed: "EBADRESP",
  error: "ESERVFAIL",
};

/** An Error carrying a node:dns-style code, as mailauth's DKIM and ARC code expect. */
export class DnsLookupError extends Error {
  constructor(
    readonly code: string,
    readonly answer: DnsAnswer,
  ) {
    super(`${code} ${answer.name} ${answer.type}${answer.detail ? ` (${answer.detail})` : ""}`);
    this.name = "DnsLookupError";
  }
}

const TYPES = new Set<RRType>(["A", "AAAA", "MX", "TXT", "PTR", "CNAME", "NS"]);

/** A resolver for mailauth over mxray's DnsClient that remembers every answer, as evidence. */
export interface RecordingResolver {
  resolve: MailauthResolver;
  /** One answer per distinct question, in the order first asked. */
  answers: DnsAnswer[];
  /** Asks (or returns the remembered answer). */
  query(name: string, type: RRType): Promise<DnsAnswer>;
}

/**
 * Wraps a DnsClient for mailauth: no query goes to the system resolver, each question is asked
 * once, and the answers are kept for the report.
 * @example
 *   const r = recordingResolver(ctx.dns, ctx.signal);
 *   await dkimVerify(message, { resolver: r.resolve });
 *   r.answers.map(formatAnswer);
 */
export function recordingResolver(dns: DnsClient, signal?: AbortSignal): RecordingResolver {
  const cache = new Map<string, Promise<DnsAnswer>>();
  const answers: DnsAnswer[] = [];
  const query = (name: string, type: RRType): Promise<DnsAnswer> => {
    const key = `${name.toLowerCase().replace(/\.$/, "")} ${type}`;
    let pending = cache.get(key);
    if (!pending) {
      pending = dns.query(name, type, signal ? { signal } : {}).then((a) => {
        answers.push(a);
        return a;
      });
      cache.set(key, pending);
    }
    return pending;
  };
  const resolve: MailauthResolver = async (name, rrtype) => {
    const type = rrtype.toUpperCase() as RRType;
    if (!TYPES.has(type))
      throw Object.assign(new Error(`unsupported record type ${rrtype}`), { code: "ENOTIMP" });
    const answer = await query(name, type);
    if (answer.status !== "noerror") throw new DnsLookupError(DNS_ERROR_CODES[answer.status], answer);
    switch (type) {
      case "TXT":
        // node:dns gives each record as its list of strings
        return answer.records.flatMap((r) => (r.type === "TXT" ? [r.strings] : []));
      case "MX":
        // node:dns MX shape; mailauth's type declaration only knows string lists
        return answer.records.flatMap((r) =>
          r.type === "MX" ? [{ exchange: r.exchange, priority: r.preference }] : [],
        ) as unknown as string[];
      case "A":
      case "AAAA":
        return answer.records.flatMap((r) => (r.type === "A" || r.type === "AAAA" ? [r.address] : []));
      default:
        return answer.records.flatMap((r) =>
          r.type === "PTR" || r.type === "CNAME" || r.type === "NS" ? [r.target] : [],
        );
    }
  };
  return { resolve, answers, query };
}

/** The first TXT value of an answer joined per RFC 6376 §3.6.2.2, or undefined. */
export function firstTxt(answer: DnsAnswer): string | undefined {
  return txtValues(answer)[0];
}
