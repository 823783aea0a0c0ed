import { X509Certificate } from "node:crypto";
import { createSecureContext } from "node:tls";
import { findTrustAnchor, type AnchorResult } from "../../standards/certificate.js";
import {
  tlsHandshake,
  type HandshakeFailure,
  type HandshakeOffer,
  type HandshakeResult,
  type HandshakeSuccess,
  type TlsTarget,
} from "./handshake.js";
import { createLimiter, type Limiter } from "./limiter.js";
import {
  LEGACY_SUITES,
  rawHello,
  SSL3_SUITES,
  WIRE_VERSIONS,
  type RawHelloResult,
  type WireVersionName,
} from "./raw-hello.js";

export type TlsVersionName = "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
export const TLS_VERSIONS: readonly TlsVersionName[] = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

const TLS13_SUITES = [
  "TLS_AES_256_GCM_SHA384",
  "TLS_CHACHA20_POLY1305_SHA256",
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_128_CCM_SHA256",
  "TLS_AES_128_CCM_8_SHA256",
];
const GROUPS_13 = [
  "X25519",
  "X448",
  "P-256",
  "P-384",
  "P-521",
  "ffdhe2048",
  "ffdhe3072",
  "ffdhe4096",
  "ffdhe6144",
  "ffdhe8192",
];
const GROUPS_12 = [
  "X25519",
  "X448",
  "P-256",
  "P-384",
  "P-521",
  "brainpoolP256r1",
  "brainpoolP384r1",
  "brainpoolP512r1",
];
/** Cipher families a server may still accept, checked against this client's OpenSSL at run time. */
const LEGACY_FAMILIES = ["3DES", "RC4", "DES", "SEED", "IDEA", "EXPORT", "RC2"];
/** Everything this client can offer below TLS 1.3, weakest included (we report, we do not use). */
const ALL_CIPHERS = "ALL:COMPLEMENTOFALL";

export interface AcceptedCipher {
  /** OpenSSL name. */
  name: string;
  /** IANA name (what the rating table uses). */
  iana: string;
  kex?: { type: string; name?: string; size: number };
  /** Found with a hand-built ClientHello (a suite this client's OpenSSL cannot negotiate). */
  legacy?: true;
}

/** SSLv3, probed with a hand-built ClientHello (OpenSSL 3 cannot speak it). */
export interface Ssl3Scan {
  state: "accepted" | "rejected" | "unknown";
  detail?: string;
  /** The suite the server picked, IANA name. */
  suite?: string;
}

export interface VersionScan {
  version: TlsVersionName;
  /** `unknown`: the probe could not tell (timeout, rate limit, budget spent). */
  state: "accepted" | "rejected" | "unknown";
  detail?: string;
  /** Accepted suites, in the order the server chose them (its preference order when it has one). */
  ciphers: AcceptedCipher[];
  /** False when enumeration stopped early (budget, timeout): the list may miss suites. */
  ciphersComplete: boolean;
  /** The server picks by its own order (true), by the client's (false), or it could not be told (null). */
  serverPreference: boolean | null;
}

export interface GroupScan {
  version: TlsVersionName;
  accepted: { name: string; type: string; size: number }[];
  rejected: string[];
}

/** Everything learnt about one TLS endpoint. Plain data: it goes into the evidence as it is. */
export interface TlsScanResult {
  address: string;
  port: number;
  servername?: string;
  /** `smtp`, `imap`, `pop3` (STARTTLS) or `implicit`. */
  mode: "smtp" | "imap" | "pop3" | "implicit";
  depth: "full" | "single";
  /** The first handshake, everything offered, with the chain and the trust verdict. */
  first: HandshakeResult;
  /** Where the presented chain leads in the trust store, dates ignored (absent without a chain). */
  anchor?: AnchorResult;
  versions: VersionScan[];
  /** Absent in single-handshake scans. */
  ssl3?: Ssl3Scan;
  groups: GroupScan[];
  /** What this client cannot test, said plainly (SSLv3, cipher families missing from its OpenSSL). */
  notTestable: string[];
  trustSources: string[];
  handshakes: number;
  elapsedMs: number;
  /** Why the scan stopped before the end, if it did. */
  stopped?: "handshake-limit" | "time-limit" | "aborted";
}

export interface ScanOptions {
  depth: "full" | "single";
  /** Trust anchors for the first handshake's verification. */
  ca: string[];
  trustSources: string[];
  timeoutMs: number;
  signal?: AbortSignal;
  /** Connections at once to this address; pass a shared limiter to count other ports' scans too. */
  limiter?: Limiter;
  concurrency?: number;
  /** Most handshakes in a full scan (default 250). */
  maxHandshakes?: number;
  /** Most time for a full scan, ms (default 120 s). */
  budgetMs?: number;
  /** Called when the server answers a connection with 421/554 (busy, rate limited). */
  onRateLimited?: () => void;
}

const parsedStores = new WeakMap<readonly string[], X509Certificate[]>();

/** The trust anchors as parsed certificates, once per store. */
function anchorsOf(pems: readonly string[]): X509Certificate[] {
  let parsed = parsedStores.get(pems);
  if (!parsed) {
    parsed = pems.flatMap((p) => {
      try {
        return [new X509Certificate(p)];
      } catch {
        return [];
      }
    });
    parsedStores.set(pems, parsed);
  }
  return parsed;
}

function anchorOf(first: HandshakeResult, pems: readonly string[]): AnchorResult | undefined {
  if (!first.ok || !first.chain?.length) return undefined;
  try {
    return findTrustAnchor(
      first.chain.map((d) => new X509Certificate(Buffer.from(d, "base64"))),
      anchorsOf(pems),
    );
  } catch {
    return undefined; // a certificate that does not parse: the checks report it
  }
}

const notTestableCache: { families?: string[]; suites13?: string[]; groups?: string[] } = {};

function locallyOffered(opts: Parameters<typeof createSecureContext>[0]): boolean {
  try {
    createSecureContext(opts);
    return true;
  } catch {
    return false;
  }
}

/** What this process's OpenSSL cannot offer at all; computed once. */
function localLimits(): { families: string[]; suites13: string[]; groups: string[] } {
  notTestableCache.families ??= LEGACY_FAMILIES.filter(
    (f) => !locallyOffered({ ciphers: `${f}:@SECLEVEL=0` }),
  );
  notTestableCache.suites13 ??= TLS13_SUITES.filter(
    (s) => !locallyOffered({ ciphers: `${s}:ALL`, minVersion: "TLSv1.3" }),
  );
  notTestableCache.groups ??= [...new Set([...GROUPS_13, ...GROUPS_12])].filter(
    (g) => !locallyOffered({ ecdhCurve: g }),
  );
  return {
    families: notTestableCache.families,
    suites13: notTestableCache.suites13,
    groups: notTestableCache.groups,
  };
}

class Budget {
  used = 0;
  stopped?: TlsScanResult["stopped"];
  private readonly deadline: number;
  constructor(
    private readonly max: number,
    budgetMs: number,
    private readonly signal?: AbortSignal,
  ) {
    this.deadline = Date.now() + budgetMs;
  }
  take(): boolean {
    if (this.signal?.aborted) this.stopped = "aborted";
    else if (this.used >= this.max) this.stopped = "handshake-limit";
    else if (Date.now() > this.deadline) this.stopped = "time-limit";
    if (this.stopped) return false;
    this.used++;
    return true;
  }
}

function acceptedOf(r: HandshakeSuccess): AcceptedCipher {
  return { name: r.cipher, iana: r.cipherIana, ...(r.kex ? { kex: r.kex } : {}) };
}

/** A short reason for a failed handshake, for `unknown` states. */
function why(r: HandshakeFailure): string {
  return `${r.stage} ${r.reason}: ${r.detail}`;
}

/** True when a failure means "the server does not accept this offer" rather than "could not tell". */
function isRejection(r: HandshakeFailure): boolean {
  return r.stage === "handshake" && (r.reason === "rejected" || r.reason === "local");
}

/**
 * Scans one TLS endpoint. `single`: one handshake (version, cipher, group, chain, trust). `full`: also
 * the versions TLS 1.0-1.3 (one handshake each with min = max), the suites accepted per version
 * (offer everything, note the server's pick, remove it, repeat - as testssl does), the server's cipher
 * preference (two opposite orders) and the key-exchange groups. Every handshake repeats the STARTTLS
 * preamble; all are bounded in number, time and concurrency.
 * @example
 *   const scan = await scanTls({ address: "127.0.0.10", port: 25, starttls: "smtp", servername: "mail.lab.test" },
 *     { depth: "full", ca: store.pems, trustSources: store.sources, timeoutMs: 5000, concurrency: 2 });
 */
export async function scanTls(target: TlsTarget, options: ScanOptions): Promise<TlsScanResult> {
  const started = Date.now();
  const limiter = options.limiter ?? createLimiter(options.concurrency ?? 2);
  const budget = new Budget(
    options.depth === "full" ? (options.maxHandshakes ?? 250) : 1,
    options.budgetMs ?? 120_000,
    options.signal,
  );
  const limits = { timeoutMs: options.timeoutMs, signal: options.signal };
  const shake = async (offer: HandshakeOffer): Promise<HandshakeResult | undefined> => {
    if (!budget.take()) return undefined;
    const r = await limiter.run(() => tlsHandshake(target, offer, limits));
    if (!r.ok && r.stage === "preamble" && r.reason === "greeting-rejected") options.onRateLimited?.();
    return r;
  };
  const local = localLimits();
  const notTestable = [
    "SSLv2: no SSLv2 ClientHello is sent, so its support was not tested",
    ...(local.families.length
      ? [
          `cipher families missing from this client's OpenSSL (${local.families.join(", ")}) and SSLv3 were tested with hand-built ClientHellos: the server's choice is read from its ServerHello, no session is made`,
        ]
      : []),
    ...(local.suites13.length
      ? [`TLS 1.3 suites this client cannot offer, not tested: ${local.suites13.join(", ")}`]
      : []),
  ];
  const base = {
    address: target.address,
    port: target.port,
    ...(target.servername ? { servername: target.servername } : {}),
    mode: target.starttls ?? ("implicit" as const),
    depth: options.depth,
    notTestable,
    trustSources: options.trustSources,
  };
  // The first handshake offers what a certificate-checking client offers: no anonymous or NULL suites,
  // or a server that prefers them (Postfix does, when asked) would show no certificate at all.
  const first = (await shake({
    ca: options.ca,
    wantChain: true,
    ciphers: "ALL:!aNULL:!eNULL:@SECLEVEL=0",
  })) as HandshakeResult;
  const anchor = anchorOf(first, options.ca);
  const versions: VersionScan[] = [];
  const groups: GroupScan[] = [];
  const late: { ssl3?: Ssl3Scan } = {};
  const done = (): TlsScanResult => ({
    ...base,
    first,
    ...(anchor ? { anchor } : {}),
    versions,
    ...(late.ssl3 ? { ssl3: late.ssl3 } : {}),
    groups,
    handshakes: budget.used,
    elapsedMs: Date.now() - started,
    ...(budget.stopped && options.depth === "full" ? { stopped: budget.stopped } : {}),
  });
  // Nothing to learn over TLS when TCP, the preamble or TLS itself is not there.
  if (
    options.depth === "single" ||
    (!first.ok && (first.stage !== "handshake" || first.reason === "not-tls" || first.reason === "timeout"))
  )
    return done();

  const results = await Promise.all(TLS_VERSIONS.map((v) => scanVersion(v, shake, local.suites13)));
  // Suites and SSLv3 that OpenSSL 3 cannot offer, with hand-built ClientHellos (a few more connections).
  const raw = async (version: number, suites: readonly number[]): Promise<RawHelloResult | undefined> => {
    if (!budget.take()) return undefined;
    return limiter.run(() => rawHello(target, version, suites, limits));
  };
  for (const v of results) if (v.version !== "TLSv1.3") await legacySuites(v, raw);
  late.ssl3 = await scanSsl3(raw);
  versions.push(...results);
  for (const v of ["TLSv1.3", "TLSv1.2"] as const) {
    if (results.find((r) => r.version === v)?.state === "accepted")
      groups.push(await scanGroups(v, shake, local.groups));
  }
  return done();
}

type Shake = (offer: HandshakeOffer) => Promise<HandshakeResult | undefined>;
type Raw = (version: number, suites: readonly number[]) => Promise<RawHelloResult | undefined>;

/** Offers the legacy suites at one version, removing each one the server picks, like the main loop. */
async function legacySuites(v: VersionScan, raw: Raw): Promise<void> {
  const wire = WIRE_VERSIONS[v.version as WireVersionName];
  let remaining = Object.keys(LEGACY_SUITES).map(Number);
  while (remaining.length) {
    const r = await raw(wire, remaining);
    if (!r) {
      v.ciphersComplete = false;
      return;
    }
    // A ServerHello for another version means this version is not what the server speaks: stop.
    if (!r.ok || r.version !== wire || !remaining.includes(r.suite)) {
      if (!r.ok && r.reason !== "rejected") v.ciphersComplete = false;
      return;
    }
    v.ciphers.push({
      name: LEGACY_SUITES[r.suite] ?? `0x${r.suite.toString(16)}`,
      iana: LEGACY_SUITES[r.suite] ?? `0x${r.suite.toString(16)}`,
      legacy: true,
    });
    if (v.state !== "accepted") {
      v.state = "accepted";
      delete v.detail;
    }
    remaining = remaining.filter((s) => s !== r.suite);
  }
}

async function scanSsl3(raw: Raw): Promise<Ssl3Scan> {
  const r = await raw(WIRE_VERSIONS.SSLv3, SSL3_SUITES);
  if (!r) return { state: "unknown", detail: "the handshake budget was spent" };
  if (r.ok && r.version === WIRE_VERSIONS.SSLv3)
    return {
      state: "accepted",
      suite: LEGACY_SUITES[r.suite] ?? `0x${r.suite.toString(16).padStart(4, "0")}`,
    };
  if (r.ok || r.reason === "rejected") return { state: "rejected" };
  return { state: "unknown", detail: `${r.stage} ${r.reason}: ${r.detail}` };
}

async function scanVersion(version: TlsVersionName, shake: Shake, missing13: string[]): Promise<VersionScan> {
  const out: VersionScan = {
    version,
    state: "rejected",
    ciphers: [],
    ciphersComplete: true,
    serverPreference: null,
  };
  const pin = { minVersion: version, maxVersion: version } as const;
  const is13 = version === "TLSv1.3";
  let remaining13 = TLS13_SUITES.filter((s) => !missing13.includes(s));
  const excluded: string[] = [];
  for (let round = 0; round < 200; round++) {
    if (is13 && remaining13.length === 0) break;
    const offer: HandshakeOffer = is13
      ? { ...pin, ciphersuites: remaining13.join(":") }
      : { ...pin, ciphers: `${ALL_CIPHERS}${excluded.map((n) => `:!${n}`).join("")}:@SECLEVEL=0` };
    const r = await shake(offer);
    if (!r) {
      out.ciphersComplete = false;
      if (out.ciphers.length === 0) {
        out.state = "unknown";
        out.detail = "the handshake budget was spent before this version was tried";
      }
      break;
    }
    if (r.ok) {
      if (r.protocol !== version) break; // should not happen with min = max; never loop on it
      out.state = "accepted";
      out.ciphers.push(acceptedOf(r));
      if (is13) remaining13 = remaining13.filter((s) => s !== r.cipherIana && s !== r.cipher);
      else excluded.push(r.cipher);
      continue;
    }
    if (isRejection(r)) break; // the server accepts none of what is left (or this client has nothing left to offer)
    out.ciphersComplete = false;
    if (out.ciphers.length === 0) {
      out.state = "unknown";
      out.detail = why(r);
    }
    break;
  }
  if (out.ciphers.length >= 2) out.serverPreference = await preference(version, out.ciphers, shake);
  return out;
}

/** Offers the accepted suites in two opposite orders: the same pick both times means server preference. */
async function preference(
  version: TlsVersionName,
  ciphers: AcceptedCipher[],
  shake: Shake,
): Promise<boolean | null> {
  const names = ciphers.map((c) => (version === "TLSv1.3" ? c.iana : c.name));
  const offer = (list: string[]): HandshakeOffer =>
    version === "TLSv1.3"
      ? { minVersion: version, maxVersion: version, ciphersuites: list.join(":") }
      : { minVersion: version, maxVersion: version, ciphers: `${list.join(":")}:@SECLEVEL=0` };
  const a = await shake(offer(names));
  const b = await shake(offer([...names].reverse()));
  if (!a?.ok || !b?.ok) return null;
  return a.cipher === b.cipher;
}

async function scanGroups(
  version: "TLSv1.3" | "TLSv1.2",
  shake: Shake,
  missing: string[],
): Promise<GroupScan> {
  const out: GroupScan = { version, accepted: [], rejected: [] };
  const candidates = (version === "TLSv1.3" ? GROUPS_13 : GROUPS_12).filter((g) => !missing.includes(g));
  for (const g of candidates) {
    // TLS 1.2: only ECDHE suites, so the group offered is the one used.
    const r = await shake({
      minVersion: version,
      maxVersion: version,
      groups: g,
      ...(version === "TLSv1.2" ? { ciphers: "ECDHE:@SECLEVEL=0" } : {}),
    });
    if (!r) break;
    if (r.ok && r.kex) out.accepted.push({ name: g, type: r.kex.type, size: r.kex.size });
    else out.rejected.push(g);
  }
  return out;
}
