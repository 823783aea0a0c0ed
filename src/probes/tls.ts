import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { DomainProbe } from "../core/probe.js";
import type { DnsAnswer } from "../net/dns/types.js";
import { hostLimiterFor } from "../net/host-limiter.js";
import type { StarttlsProtocol } from "../net/starttls.js";
import type { Limiter } from "../net/tls/limiter.js";
import { scanTls, type TlsScanResult } from "../net/tls/scan.js";
import { loadTrustStore, type TrustStore } from "../net/tls/trust-store.js";
import { tlsaName } from "../standards/tlsa.js";

/** One TLS endpoint: who it should be, where it was reached, and what the scan saw. */
export interface TlsEndpointEvidence {
  /** The name the certificate must carry: the MX host, or the name the user gave. */
  host?: string;
  address: string;
  port: number;
  scan: TlsScanResult;
  /** The TLSA RRset `_port._tcp.host` (with its AD flag), when the host is a name. */
  tlsa?: DnsAnswer;
  /** The host's address records were DNSSEC-validated (RFC 7672 §2.2.2: otherwise no DANE). */
  addressAuthenticated?: boolean;
}

/** The TLS section of the evidence: every endpoint scanned. */
export interface TlsEvidence {
  endpoints: TlsEndpointEvidence[];
}

declare module "../core/evidence.js" {
  interface Evidence {
    tls?: TlsEvidence;
  }
}

/** What to scan: an address, a port, how TLS starts, how deep. */
export interface TlsEndpointSpec {
  host?: string;
  address: string;
  port: number;
  starttls?: StarttlsProtocol;
  depth: "full" | "single";
  /** Look up `_port._tcp.host` TLSA (default: when `host` is set). */
  lookupTlsa?: boolean;
  /** A TLSA answer already gathered (the phase 2 TLSA probe), used instead of a new query. */
  tlsa?: DnsAnswer;
  addressAuthenticated?: boolean;
}

const stores = new WeakMap<RunContext, TrustStore>();

/** The run's trust anchors: the system store plus `--ca` files, read once per run. */
export function trustStoreFor(ctx: RunContext): TrustStore {
  let s = stores.get(ctx);
  if (!s) stores.set(ctx, (s = loadTrustStore(ctx.extraCa ?? [])));
  return s;
}

/** Connections to one address go through the run's shared limiter (ports, SMTP and TLS together). */
function limiterFor(ctx: RunContext, address: string): Limiter {
  const shared = hostLimiterFor(ctx);
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      const release = await shared.acquire(address, ctx.signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}

/**
 * Scans one TLS endpoint and looks up its TLSA records: the building block of the TLS probe and of
 * `mxray tls`. Never throws for network outcomes; they are in the evidence.
 * @example
 *   const ep = await collectTlsEndpoint({ host: "mail.example.com", address: "192.0.2.1", port: 25, starttls: "smtp", depth: "full" }, ctx);
 */
export async function collectTlsEndpoint(
  spec: TlsEndpointSpec,
  ctx: RunContext,
): Promise<TlsEndpointEvidence> {
  const store = trustStoreFor(ctx);
  const shared = hostLimiterFor(ctx);
  const wantTlsa = spec.lookupTlsa ?? spec.host !== undefined;
  const tlsaQuery =
    spec.tlsa || !wantTlsa || !spec.host
      ? Promise.resolve(spec.tlsa)
      : ctx.dns.query(
          tlsaName(spec.host, spec.port),
          "TLSA",
          ctx.signal ? { signal: ctx.signal } : undefined,
        );
  const scan = await scanTls(
    {
      address: spec.address,
      port: spec.port,
      ...(spec.host ? { servername: spec.host } : {}),
      ...(spec.starttls ? { starttls: spec.starttls } : {}),
    },
    {
      depth: spec.depth,
      ca: store.pems,
      trustSources: store.sources,
      timeoutMs: ctx.timeoutMs,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      limiter: limiterFor(ctx, spec.address),
      onRateLimited: () => shared.noteRateLimited(spec.address),
    },
  );
  const tlsa = await tlsaQuery;
  return {
    ...(spec.host ? { host: spec.host } : {}),
    address: spec.address,
    port: spec.port,
    scan,
    ...(tlsa ? { tlsa } : {}),
    ...(spec.addressAuthenticated !== undefined ? { addressAuthenticated: spec.addressAuthenticated } : {}),
  };
}

/** Most MX addresses scanned in full on port 25; the others get one handshake (bounded runs). */
const FULL_SCANS = 6;
const MAX_HOSTS = 10;
const MAX_ADDRESSES_PER_HOST = 4;

/**
 * Phase 3: every address of every MX host on port 25 (STARTTLS; full enumeration), plus one handshake
 * on 465 (implicit TLS) and 587 (STARTTLS). A port that does not answer is recorded, not judged here
 * (the ports area reports it).
 */
export const tlsProbe: DomainProbe = {
  name: "tls",
  area: "tls",
  phase: 3,
  async run(evidence: Evidence, ctx: RunContext): Promise<void> {
    const mx = evidence.mx;
    if (!mx || mx.nullMx) return;
    const specs: TlsEndpointSpec[] = [];
    let full = 0;
    for (const host of mx.hosts.slice(0, MAX_HOSTS)) {
      const tlsa25 = evidence.tlsa?.hosts.find((t) => t.host === host.name && t.port === 25)?.answer;
      const authenticated =
        host.addressAnswers.length > 0 &&
        host.addressAnswers.every((a) => a.authenticated || a.status !== "noerror");
      for (const address of host.addresses.slice(0, MAX_ADDRESSES_PER_HOST)) {
        const common = { host: host.name, address, addressAuthenticated: authenticated };
        specs.push({
          ...common,
          port: 25,
          starttls: "smtp",
          depth: full++ < FULL_SCANS ? "full" : "single",
          ...(tlsa25 ? { tlsa: tlsa25 } : {}),
        });
        specs.push({ ...common, port: 465, depth: "single", lookupTlsa: false });
        specs.push({ ...common, port: 587, starttls: "smtp", depth: "single", lookupTlsa: false });
      }
    }
    const endpoints = await Promise.all(
      specs.map((s) => {
        ctx.progress.step(`tls ${s.host ?? s.address} ${s.address}:${s.port}`);
        return collectTlsEndpoint(s, ctx);
      }),
    );
    evidence.tls = { endpoints };
  },
};

export const tlsProbes: DomainProbe[] = [tlsProbe];
