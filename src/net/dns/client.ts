import { performance } from "node:perf_hooks";
import { DNSSEC_OK, encode, RECURSION_DESIRED, type DecodedPacket, type Packet } from "dns-packet";
import { UsageError } from "../../core/exit-codes.js";
import { AnswerCache } from "./cache.js";
import { followChain, MAX_CNAME } from "./chain.js";
import { queryName } from "./names.js";
import { splitServer, type ServerAddress } from "./resolver-spec.js";
import { UdpPool } from "./udp-pool.js";
import { tcpExchange, udpExchange, type ExchangeResult, type Expected } from "./transport.js";
import type { DnsAnswer, DnsClient, DnsQueryOptions, DnsStatus, RRType } from "./types.js";

export { parseResolverSpec, systemResolvers } from "./resolver-spec.js";

export interface DnsClientOptions {
  /** `host:port` strings, IPv6 as `[::1]:53`. */
  servers: string[];
  /** Per-query time limit in ms (each attempt on each server gets this much). */
  timeoutMs: number;
  /** Attempts per server, default 2. */
  retries?: number;
  /** Aborts every query of this client (each then resolves with status `error`, detail "query aborted"). */
  signal?: AbortSignal;
  /** Most answers kept in the cache, default 5000; 0 turns the cache off. */
  cacheSize?: number;
  /** Most questions on the wire at once, default 64 (a bound on timers, ids and TCP connections held). */
  maxInFlight?: number;
  /** The clock of the cache (ms since the epoch), default Date.now; tests move it to expire answers. */
  now?: () => number;
  /** EDNS0 UDP payload size we advertise, default 1232 (the DNS Flag Day 2020 value); 0 sends no EDNS. */
  udpPayloadSize?: number;
}

/** Counters of one client; `queries` and `cacheHits` are the DnsClient contract, the rest diagnose. */
export interface DnsClientStats {
  /** Questions sent to the network (each may take several attempts and servers). */
  queries: number;
  cacheHits: number;
  /** Questions no server answered in time. */
  timeouts: number;
  /** Questions at least one server answered with a DNS message (any rcode). */
  responses: number;
}

/** After this many questions in a row without any answer, a server that never answered is skipped. */
const DEAD_AFTER = 3;

type Asked =
  | { kind: "response"; packet: DecodedPacket; server: string; rttMs: number; viaTcp: boolean }
  | { kind: "failure"; status: DnsStatus; rcode?: string; server: string; detail?: string };

interface ServerState {
  text: string;
  address: ServerAddress;
  everAnswered: boolean;
  silentInARow: number;
  /** How the last silent question ended ("timeout", or "error" with its detail). */
  lastSilence?: { status: DnsStatus; detail?: string };
}

/**
 * The wire DNS client: UDP with EDNS0 (DO bit, 1232-byte buffer), TCP when truncated, per-attempt
 * time limit, retries, several servers in order, CNAME chains, a TTL cache and de-duplication of
 * identical questions in flight. It never throws for network outcomes: every question resolves to a
 * DnsAnswer whose status says what happened (see DnsStatus).
 * @example
 *   const dns = createDnsClient({ servers: ["127.0.0.3:53"], timeoutMs: 2000 });
 *   const mx = await dns.query("lab.test", "MX");
 *   console.log(mx.status, mx.authenticated, mx.records);
 */
export function createDnsClient(options: DnsClientOptions): DnsClient & { readonly stats: DnsClientStats } {
  if (options.servers.length === 0) throw new UsageError("no DNS server to ask");
  const servers: ServerState[] = options.servers.map((s) => {
    const address = splitServer(s);
    return { text: serverText(address), address, everAnswered: false, silentInARow: 0 };
  });
  const attempts = Math.max(1, options.retries ?? 2);
  const payload = options.udpPayloadSize ?? 1232;
  const stats: DnsClientStats = { queries: 0, cacheHits: 0, timeouts: 0, responses: 0 };
  const cache = new AnswerCache(options.cacheSize ?? 5000, options.now ?? (() => Date.now()));
  const inFlight = new Map<string, Promise<DnsAnswer>>();
  const limit = limiter(options.maxInFlight ?? 64);
  const udp = new UdpPool(4);

  async function askOne(
    s: ServerState,
    name: string,
    type: RRType,
  ): Promise<ExchangeResult & { viaTcp?: boolean }> {
    let edns = true;
    let last: ExchangeResult = { kind: "timeout" };
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const { channel, id } = udp.acquire(s.address);
      const expect: Expected = { id, name, type };
      const query = buildQuery(id, name, type, edns ? payload : 0);
      last = await udpExchange(channel, query, expect, options.timeoutMs, options.signal);
      if (last.kind === "truncated") {
        const tcp = await tcpExchange(s.address, query, expect, options.timeoutMs, options.signal);
        return tcp.kind === "timeout"
          ? { kind: "timeout", detail: `truncated over UDP; ${tcp.detail ?? "no answer over TCP"}` }
          : { ...tcp, viaTcp: true };
      }
      // RFC 6891 §7: a server that does not know EDNS may answer FORMERR/NOTIMP; ask once more without it.
      if (last.kind === "response" && edns && isEdnsRejection(last.packet)) {
        edns = false;
        attempt--;
        continue;
      }
      if (last.kind !== "timeout" || options.signal?.aborted) return last;
    }
    return last;
  }

  async function askServers(name: string, type: RRType): Promise<Asked> {
    stats.queries++;
    const failures: Array<Extract<Asked, { kind: "failure" }>> = [];
    // A server that has never answered and stayed silent several questions in a row is taken as
    // unreachable and skipped, so a dead resolver costs one round of waits per run, not one per
    // question (an audit asks dozens). A server that answered once is always asked again.
    const toAsk = servers.filter((s) => s.everAnswered || s.silentInARow < DEAD_AFTER);
    for (const s of servers) {
      if (!toAsk.includes(s)) {
        const last = s.lastSilence ?? { status: "timeout" };
        const detail = `skipped: it answered none of the ${s.silentInARow} earlier questions`;
        failures.push({
          kind: "failure",
          status: last.status,
          server: s.text,
          detail: last.detail ? `${detail} (${last.detail})` : detail,
        });
        continue;
      }
      const started = performance.now();
      const r = await limit(() => askOne(s, name, type));
      const rttMs = performance.now() - started;
      if (r.kind === "timeout" || r.kind === "error") {
        s.silentInARow++;
        s.lastSilence = { status: r.kind, ...(r.detail ? { detail: r.detail } : {}) };
      } else {
        s.silentInARow = 0;
        s.everAnswered = true;
      }
      if (r.kind === "response") {
        const rcode = rcodeOf(r.packet);
        if (rcode === "NOERROR" || rcode === "NXDOMAIN") {
          stats.responses++;
          return { kind: "response", packet: r.packet, server: s.text, rttMs, viaTcp: r.viaTcp === true };
        }
        failures.push({ kind: "failure", status: statusOfRcode(rcode), rcode, server: s.text });
      } else if (r.kind === "truncated") {
        failures.push({ kind: "failure", status: "malformed", server: s.text, detail: "truncated answer" });
      } else {
        failures.push({
          kind: "failure",
          status: r.kind,
          server: s.text,
          ...(r.detail ? { detail: r.detail } : {}),
        });
      }
      if (options.signal?.aborted) break;
    }
    return pickFailure(failures, stats);
  }

  async function resolve(qname: string, type: RRType): Promise<DnsAnswer> {
    const started = performance.now();
    const chain: string[] = [];
    const visited = new Set([qname]);
    let current = qname;
    let authenticated = true;
    let viaTcp = false;
    let ttl = Number.POSITIVE_INFINITY;
    const finish = (a: Omit<DnsAnswer, "name" | "type" | "cnameChain" | "elapsedMs">): DnsAnswer => {
      const elapsedMs = Math.round((performance.now() - started) * 10) / 10;
      const answer: DnsAnswer = {
        name: qname,
        type,
        cnameChain: chain,
        ...a,
        elapsedMs,
        ...(viaTcp ? { viaTcp } : {}),
      };
      const definite =
        answer.status === "noerror" || answer.status === "nodata" || answer.status === "nxdomain";
      if (definite && Number.isFinite(ttl)) cache.set(`${qname} ${type}`, answer, ttl);
      return answer;
    };
    for (let round = 0; round <= MAX_CNAME; round++) {
      const asked = await askServers(current, type);
      if (asked.kind === "failure") {
        const { kind: _kind, ...rest } = asked;
        return finish({ ...rest, records: [], authenticated: false });
      }
      const p = asked.packet;
      authenticated &&= p.flag_ad;
      viaTcp ||= asked.viaTcp;
      const base = { rcode: rcodeOf(p), server: asked.server, authenticated, records: [] };
      const step = followChain(p.answers ?? [], current, type, chain, visited);
      if (step.kind === "loop")
        return finish({ ...base, status: "error", detail: `CNAME loop: ${[qname, ...chain].join(" -> ")}` });
      if (step.kind === "too-long")
        return finish({ ...base, status: "error", detail: `CNAME chain longer than ${MAX_CNAME}` });
      ttl = Math.min(ttl, step.ttl);
      if (step.kind === "data") return finish({ ...base, status: "noerror", records: step.records });
      // RFC 2308 §5: a negative answer lives min(SOA TTL, SOA MINIMUM); without a SOA it is not cached.
      ttl = Math.min(ttl, soaNegativeTtl(p) ?? Number.POSITIVE_INFINITY);
      if (base.rcode === "NXDOMAIN") return finish({ ...base, status: "nxdomain" });
      if (!step.advanced) return finish({ ...base, status: "nodata" });
      // The chain ends at a name whose data the server did not include (an authoritative server whose
      // zone does not hold the target, or a resolver that stopped): ask for the target ourselves.
      current = step.current;
    }
    const server = servers[servers.length - 1]?.text ?? "";
    return finish({
      server,
      authenticated: false,
      status: "error",
      records: [],
      detail: `CNAME chain longer than ${MAX_CNAME}`,
    });
  }

  /** An answer made here, without asking anyone: bad name, or the caller gave up. */
  function unasked(name: string, type: RRType, detail: string): DnsAnswer {
    const server = servers[0]?.text ?? "";
    return {
      name,
      type,
      status: "error",
      records: [],
      cnameChain: [],
      authenticated: false,
      server,
      elapsedMs: 0,
      detail,
    };
  }

  async function query(name: string, type: RRType, queryOptions: DnsQueryOptions = {}): Promise<DnsAnswer> {
    const q = queryName(name);
    if ("error" in q) return unasked(name.trim().toLowerCase(), type, q.error);
    if (queryOptions.signal?.aborted || options.signal?.aborted)
      return unasked(q.name, type, "query aborted");
    const key = `${q.name} ${type}`;
    const cached = cache.get(key);
    if (cached) {
      stats.cacheHits++;
      return { ...cached, records: [...cached.records], cnameChain: [...cached.cnameChain] };
    }
    let pending = inFlight.get(key);
    if (pending) stats.cacheHits++;
    else {
      pending = resolve(q.name, type).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    // The shared question goes on for the other callers; this caller stops waiting when its signal fires.
    const answer = await raceAbort(pending, queryOptions.signal);
    if (!answer) return unasked(q.name, type, "query aborted");
    return { ...answer, records: [...answer.records], cnameChain: [...answer.cnameChain] };
  }

  return { servers: servers.map((s) => s.text), stats, query };
}

/**
 * True when the client sent questions and no server ever answered one (all timed out or were refused
 * at the network level): the CLI then says "no answer from resolver X" and exits 3 instead of reporting
 * DNS findings that would all read "lookup failed".
 * @example if (allTimedOut(ctx.dns)) throw new UsageError(`no answer from resolver ${ctx.dns.servers.join(", ")}`);
 */
export function allTimedOut(dns: DnsClient): boolean {
  const s = dns.stats as Partial<DnsClientStats>;
  return typeof s.responses === "number" && s.queries !== undefined && s.queries > 0 && s.responses === 0;
}

/**
 * A pre-flight question before an audit: asks `name` SOA (the answer is cached for the audit) and
 * returns why no resolver can be used, or undefined when one answered (with any rcode: a REFUSED or
 * SERVFAIL resolver is reachable, and the findings will say what it refused). Costs one round trip
 * when the resolver works, and one time limit when it does not, instead of one per audit phase.
 * @example
 *   const problem = await checkResolvers(ctx.dns, "example.com");
 *   if (problem) throw new UsageError(problem); // exit 3
 */
export async function checkResolvers(dns: DnsClient, name: string): Promise<string | undefined> {
  const a = await dns.query(name, "SOA");
  if (!allTimedOut(dns)) return undefined;
  const servers = dns.servers.join(", ");
  return `no answer from resolver ${servers}${a.detail ? `: ${a.detail}` : a.status === "timeout" ? " (timed out)" : ""}`;
}

function serverText(a: ServerAddress): string {
  return a.family === 6 ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`;
}

function buildQuery(id: number, name: string, type: RRType, udpPayloadSize: number): Buffer {
  const packet: Packet = {
    type: "query",
    id,
    flags: RECURSION_DESIRED,
    questions: [{ type: type as "A", name, class: "IN" }],
    additionals: udpPayloadSize
      ? [
          {
            type: "OPT",
            name: ".",
            udpPayloadSize,
            extendedRcode: 0,
            ednsVersion: 0,
            flags: DNSSEC_OK,
            flag_do: true,
            options: [],
          },
        ]
      : [],
  };
  return encode(packet);
}

/** dns-packet decodes the rcode but its type declarations omit it. */
function rcodeOf(p: DecodedPacket): string {
  const rcode = (p as DecodedPacket & { rcode?: unknown }).rcode;
  return typeof rcode === "string" ? rcode : "NOERROR";
}

function isEdnsRejection(p: DecodedPacket): boolean {
  const hasOpt = (p.additionals ?? []).some((a) => a.type === "OPT");
  return !hasOpt && (rcodeOf(p) === "FORMERR" || rcodeOf(p) === "NOTIMP");
}

function statusOfRcode(rcode: string): DnsStatus {
  if (rcode === "SERVFAIL") return "servfail";
  if (rcode === "REFUSED") return "refused";
  return "error";
}

/** The failure to report: the last one that is an actual answer (SERVFAIL, REFUSED...) beats timeouts. */
function pickFailure(failures: Array<Extract<Asked, { kind: "failure" }>>, stats: DnsClientStats): Asked {
  const informative = failures.filter((f) => f.status !== "timeout" && !(f.status === "error" && !f.rcode));
  const pick = informative[informative.length - 1] ?? failures[failures.length - 1];
  if (!pick) return { kind: "failure", status: "error", server: "", detail: "no server to ask" };
  if (failures.some((f) => f.rcode || f.status === "malformed")) stats.responses++;
  if (failures.every((f) => f.status === "timeout")) stats.timeouts++;
  if (failures.length < 2) return pick;
  const each = failures.map((f) => `${f.server} ${f.rcode ?? f.status}${f.detail ? ` (${f.detail})` : ""}`);
  return { ...pick, detail: `${pick.detail ? `${pick.detail}; ` : ""}servers tried: ${each.join("; ")}` };
}

function soaNegativeTtl(p: DecodedPacket): number | undefined {
  for (const a of p.authorities ?? []) {
    if (a.type === "SOA") return Math.min(a.ttl ?? 0, a.data.minimum ?? 0);
  }
  return undefined;
}

function raceAbort<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return p;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      () => resolve(undefined),
    );
  });
}

/** At most `n` tasks at once; the rest wait in order. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
