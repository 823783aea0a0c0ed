/** Record types mxray asks for. */
export type RRType =
  | "A"
  | "AAAA"
  | "MX"
  | "TXT"
  | "SPF"
  | "PTR"
  | "CNAME"
  | "NS"
  | "SOA"
  | "DS"
  | "DNSKEY"
  | "TLSA"
  | "CAA"
  | "SRV";

/**
 * The outcome of one question. These stay distinct all the way into findings:
 * a SERVFAIL or a timeout is never reported as "no record".
 */
export type DnsStatus =
  | "noerror" // NOERROR with at least one record of the asked type
  | "nodata" // NOERROR, name exists, no record of that type
  | "nxdomain" // the name does not exist
  | "servfail"
  | "refused"
  | "timeout" // no answer from any server within the time allowed
  | "malformed" // an answer came that could not be parsed or did not match the question
  | "error"; // anything else (other rcode, network error, CNAME loop...)

export type DnsRecord =
  | { type: "A" | "AAAA"; name: string; ttl: number; address: string }
  | { type: "MX"; name: string; ttl: number; preference: number; exchange: string }
  | { type: "TXT" | "SPF"; name: string; ttl: number; strings: string[] }
  | { type: "PTR" | "CNAME" | "NS"; name: string; ttl: number; target: string }
  | {
      type: "SOA";
      name: string;
      ttl: number;
      mname: string;
      rname: string;
      serial: number;
      refresh: number;
      retry: number;
      expire: number;
      minimum: number;
    }
  // Binary fields: DS digest and TLSA data in lower-case hex, DNSKEY publicKey in base64.
  | {
      type: "DS";
      name: string;
      ttl: number;
      keyTag: number;
      algorithm: number;
      digestType: number;
      digest: string;
    }
  | {
      type: "DNSKEY";
      name: string;
      ttl: number;
      flags: number;
      protocol: number;
      algorithm: number;
      publicKey: string;
    }
  | {
      type: "TLSA";
      name: string;
      ttl: number;
      usage: number;
      selector: number;
      matchingType: number;
      data: string;
    }
  | { type: "CAA"; name: string; ttl: number; flags: number; tag: string; value: string }
  | {
      type: "SRV";
      name: string;
      ttl: number;
      priority: number;
      weight: number;
      port: number;
      target: string;
    };

/** The answer to one question, with what diagnosis needs and stub resolvers hide. */
export interface DnsAnswer {
  /** The question, name in ASCII (punycode), lower case, no trailing dot. */
  name: string;
  type: RRType;
  status: DnsStatus;
  /** The DNS rcode name as received (`NOERROR`, `SERVFAIL`...), absent on timeout. */
  rcode?: string;
  /** Records of the asked type, after following CNAMEs. Empty unless status is `noerror`. */
  records: DnsRecord[];
  /** CNAME targets followed from `name`, in order. */
  cnameChain: string[];
  /** The AD flag: the responding (validating) resolver says the data is DNSSEC-authenticated. */
  authenticated: boolean;
  /** `host:port` of the server that gave this answer (the last one tried on failure). */
  server: string;
  /** Round-trip time of the successful exchange, or time spent until giving up. */
  elapsedMs: number;
  /** True when the UDP answer was truncated and the question was asked again over TCP. */
  viaTcp?: boolean;
  /** Human-readable detail for malformed, error and timeout outcomes. */
  detail?: string;
}

export interface DnsQueryOptions {
  signal?: AbortSignal;
}

/** What every probe and evaluator uses to ask DNS. Implementations: the wire client, in-memory zones. */
export interface DnsClient {
  /** `host:port` of each server, in the order tried. */
  readonly servers: readonly string[];
  query(name: string, type: RRType, options?: DnsQueryOptions): Promise<DnsAnswer>;
  /**
   * Number of questions actually sent (not served from cache), for statistics. The wire client also
   * counts `timeouts` (questions no server answered in time) and `responses` (questions some server
   * answered with a DNS message): see allTimedOut() in client.ts.
   */
  readonly stats: { queries: number; cacheHits: number; timeouts?: number; responses?: number };
}

/** One `dig`-like line for a record, used as evidence. */
export function formatRecord(r: DnsRecord): string {
  const head = `${r.name}. ${r.ttl} IN ${r.type}`;
  switch (r.type) {
    case "A":
    case "AAAA":
      return `${head} ${r.address}`;
    case "MX":
      return `${head} ${r.preference} ${r.exchange}.`;
    case "TXT":
    case "SPF":
      return `${head} ${r.strings.map((s) => JSON.stringify(s)).join(" ")}`;
    case "PTR":
    case "CNAME":
    case "NS":
      return `${head} ${r.target}.`;
    case "SOA":
      return `${head} ${r.mname}. ${r.rname}. ${r.serial} ${r.refresh} ${r.retry} ${r.expire} ${r.minimum}`;
    case "DS":
      return `${head} ${r.keyTag} ${r.algorithm} ${r.digestType} ${r.digest}`;
    case "DNSKEY":
      return `${head} ${r.flags} ${r.protocol} ${r.algorithm} ${r.publicKey}`;
    case "TLSA":
      return `${head} ${r.usage} ${r.selector} ${r.matchingType} ${r.data}`;
    case "CAA":
      return `${head} ${r.flags} ${r.tag} ${JSON.stringify(r.value)}`;
    case "SRV":
      return `${head} ${r.priority} ${r.weight} ${r.port} ${r.target}.`;
  }
}

/** Evidence lines for an answer: a `;;` status line, then the records. */
export function formatAnswer(a: DnsAnswer): string[] {
  const flags = a.authenticated ? " ad" : "";
  const head = `;; ${a.name} ${a.type}: ${a.status.toUpperCase()}${a.rcode && a.rcode !== "NOERROR" ? ` (${a.rcode})` : ""}${flags} from ${a.server} in ${Math.round(a.elapsedMs)} ms${a.detail ? ` - ${a.detail}` : ""}`;
  const chain = a.cnameChain.length ? [`;; CNAME chain: ${[a.name, ...a.cnameChain].join(" -> ")}`] : [];
  return [head, ...chain, ...a.records.map(formatRecord)];
}

/** The TXT strings of each record, joined as RFC 7208/6376 say (concatenated without spaces). */
export function txtValues(a: DnsAnswer): string[] {
  return a.records.flatMap((r) => (r.type === "TXT" || r.type === "SPF" ? [r.strings.join("")] : []));
}
