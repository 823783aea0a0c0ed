import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { hostname } from "node:os";
import type { DnsClient } from "../net/dns/types.js";
import { WireFailure } from "../net/line-reader.js";
import { readSmtpReply, SMTP_MAX_LINE, smtpCommand, type SmtpReply } from "../net/smtp-client.js";
import { connectTcp } from "../net/tcp.js";
import { WireSession, type TlsHandshakeFacts } from "../net/wire-session.js";
import { reverseName } from "../standards/reverse-name.js";
import { parseEhlo } from "../standards/smtp-ehlo.js";
import type { ReplyEvidence, SmtpSessionEvidence } from "./servers-evidence.js";

export interface SmtpProbeOptions {
  /** The server's name (MX name): sent in SNI and compared with the banner; may be the address. */
  host: string;
  address: string;
  port: number;
  /** `implicit` for 465 (TLS from the first byte), `starttls` otherwise. */
  mode: "starttls" | "implicit";
  /** The name mxray gives in EHLO/HELO (default: {@link defaultEhloName}, else an address literal). */
  ehloName?: string;
  /** Time limit of one reply, and of the connect and the TLS handshake. */
  timeoutMs: number;
  /** Time limit of the banner (default {@link bannerTimeoutFor}). */
  bannerTimeoutMs?: number;
  /** Time limit of the whole session (default: the banner limit + 6 × timeoutMs). */
  sessionTimeoutMs?: number;
  signal?: AbortSignal;
  extraCa?: string[];
  /** For the PTR of the address (compared with the banner name). */
  dns?: DnsClient;
  /** Ask VRFY and EXPN (default true). */
  vrfy?: boolean;
}

/**
 * The name mxray gives in EHLO: this machine's name when it is fully qualified; undefined otherwise
 * (then an address literal of the local end is used, as RFC 5321 §4.1.4 allows).
 */
export function defaultEhloName(): string | undefined {
  const name = hostname().toLowerCase();
  const fqdn = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/.test(name);
  return fqdn && !/\.(local|localdomain|internal)$/.test(name) ? name : undefined;
}

/** An address literal for the EHLO argument: `[192.0.2.1]` or `[IPv6:2001:db8::1]`. */
export function addressLiteral(address: string): string {
  return isIP(address) === 6 ? `[IPv6:${address}]` : `[${address}]`;
}

/** The EHLO name for a connection: the given one, the FQDN, or the local address as a literal. */
export function ehloNameFor(given: string | undefined, localAddress: string | undefined): string {
  return given ?? defaultEhloName() ?? addressLiteral(localAddress ?? "127.0.0.1");
}

/** Ends a session early when the server said 421 (it is closing the channel). */
class RateLimited extends Error {}

export function replyEvidence(r: SmtpReply): ReplyEvidence {
  const staged = r.lines.length > 1 && r.ms - r.firstLineMs > 500;
  return {
    code: r.code,
    lines: r.lines,
    ms: r.ms,
    ...(r.enhanced ? { enhanced: r.enhanced } : {}),
    ...(staged ? { firstLineMs: r.firstLineMs } : {}),
  };
}

/**
 * How long to wait for the banner: at least 20 s. RFC 5321 §4.5.3.2.1 lets a server take 5 minutes,
 * and postscreen holds the `220 ` line back for about 6 s on purpose (pregreet test), which a
 * per-step limit of 5 s would report as a dead server.
 */
export function bannerTimeoutFor(timeoutMs: number): number {
  return Math.max(timeoutMs, 20_000);
}

/** The SNI / verification name: the host name, never an address (RFC 6066 §3). */
export function tlsServerName(host: string): string | undefined {
  return isIP(host) || !isHostName(host) ? undefined : host;
}

/** A syntactically valid DNS host name (letters, digits, hyphens, dots; 253 characters at most). */
export function isHostName(name: string): boolean {
  return /^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*\.?$/.test(
    name,
  );
}

/** Handshake facts without the probe-internal `leftover` count. */
export function handshakeFacts(t: TlsHandshakeFacts & { leftover: number }): TlsHandshakeFacts {
  const { leftover: _leftover, ...facts } = t;
  return facts;
}

/** Looks up the PTR names of an address; never throws. */
export async function lookupPtr(
  dns: DnsClient,
  address: string,
  signal?: AbortSignal,
): Promise<SmtpSessionEvidence["ptr"]> {
  const name = reverseName(address);
  if (!name) return undefined;
  try {
    const answer = await dns.query(name, "PTR", { signal });
    const names = answer.records.flatMap((r) =>
      r.type === "PTR" ? [r.target.toLowerCase().replace(/\.$/, "")] : [],
    );
    return { names, answer };
  } catch {
    return undefined;
  }
}

/**
 * One SMTP session, as a mail administrator would run it by hand: banner, EHLO (HELO fallback),
 * VRFY/EXPN, STARTTLS with the handshake and EHLO again, QUIT. It never authenticates and never
 * sends mail. Every reply has a time limit and the session a deadline; hostile answers end in a
 * recorded failure, never an exception.
 *
 * @example
 *   const ev = await probeSmtpSession({ host: "mx.example.com", address: "192.0.2.1", port: 25,
 *     mode: "starttls", ehloName: "probe.example.net", timeoutMs: 5000 });
 *   ev.banner?.code; // 220
 */
export async function probeSmtpSession(o: SmtpProbeOptions): Promise<SmtpSessionEvidence> {
  const ev: SmtpSessionEvidence = {
    host: o.host,
    address: o.address,
    port: o.port,
    mode: o.mode,
    ehloName: o.ehloName ?? "",
    connect: { state: "error", ms: 0 },
    phases: {},
    transcript: [],
    omitted: 0,
  };
  const ptr = o.dns ? lookupPtr(o.dns, o.address, o.signal) : Promise.resolve(undefined);
  const c = await connectTcp(o.address, o.port, { timeoutMs: o.timeoutMs, signal: o.signal });
  ev.phases.connect = c.state === "open" ? c.connectMs : c.elapsedMs;
  if (c.state !== "open") {
    ev.connect = { state: c.state, ms: c.elapsedMs, code: c.code };
    const p = await ptr;
    if (p) ev.ptr = p;
    return ev;
  }
  ev.connect = { state: "open", ms: c.connectMs };
  const ehloName = ehloNameFor(o.ehloName, c.socket.localAddress);
  ev.ehloName = ehloName;
  const bannerTimeout = o.bannerTimeoutMs ?? bannerTimeoutFor(o.timeoutMs);
  const s = new WireSession(c.socket, {
    maxLineLength: SMTP_MAX_LINE,
    replyTimeoutMs: o.timeoutMs,
    sessionTimeoutMs: o.sessionTimeoutMs ?? bannerTimeout + o.timeoutMs * 6,
    signal: o.signal,
    extraCa: o.extraCa,
  });
  let phase = "connect";
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    phase = name;
    const started = performance.now();
    try {
      return await fn();
    } finally {
      ev.phases[name] = Math.round((performance.now() - started) * 10) / 10;
    }
  };
  const limited = (r: SmtpReply): SmtpReply => {
    if (r.code !== 421) return r;
    ev.rateLimited = { phase, reply: replyEvidence(r) };
    throw new RateLimited();
  };
  try {
    if (o.mode === "implicit") {
      const t = await step("tls", () => s.startTls(tlsServerName(o.host)));
      ev.implicitTls = handshakeFacts(t);
      if (!t.ok) throw new WireFailure("tls-failed", t.error ?? "TLS handshake failed");
    }
    const banner = await step("banner", () => readSmtpReply(s, performance.now(), bannerTimeout));
    ev.banner = replyEvidence(banner);
    if (banner.code !== 220) {
      limited(banner);
      await quit(s);
      return ev;
    }
    const caps = await step("ehlo", () => greet(s, ehloName, ev, limited));
    if (!caps) return ev;
    if (o.vrfy !== false) await step("vrfy", () => vrfyExpn(s, ev, limited));
    if (o.mode === "starttls" && caps.starttls) await startTls(s, o.host, ehloName, ev, step, limited);
    await step("quit", () => quit(s));
  } catch (err) {
    if (err instanceof WireFailure)
      ev.failure = {
        phase,
        kind: err.kind,
        message: err.message,
        ...(err.sample ? { sample: err.sample } : {}),
      };
    else if (!(err instanceof RateLimited)) throw err;
  } finally {
    s.close();
    ev.transcript = s.transcript;
    ev.omitted = s.omitted;
    const p = await ptr;
    if (p) ev.ptr = p;
  }
  return ev;
}

/** EHLO, or HELO when EHLO is refused (RFC 5321 §4.1.4); returns the capabilities or undefined. */
async function greet(
  s: WireSession,
  name: string,
  ev: SmtpSessionEvidence,
  limited: (r: SmtpReply) => SmtpReply,
): Promise<ReturnType<typeof parseEhlo> | undefined> {
  const ehlo = limited(await smtpCommand(s, `EHLO ${name}`));
  if (ehlo.code === 250) {
    const capabilities = parseEhlo(ehlo.lines);
    ev.ehlo = { command: "EHLO", reply: replyEvidence(ehlo), capabilities };
    return capabilities;
  }
  const helo = limited(await smtpCommand(s, `HELO ${name}`));
  ev.ehlo = { command: "HELO", reply: replyEvidence(helo), ehloRefused: replyEvidence(ehlo) };
  if (helo.code !== 250) {
    await quit(s);
    return undefined;
  }
  return parseEhlo([helo.lines[0] ?? ""]);
}

/**
 * VRFY of an address every domain has (postmaster, RFC 5321 §4.5.1) and of one that cannot exist:
 * different answers mean the server tells which users exist.
 */
async function vrfyExpn(
  s: WireSession,
  ev: SmtpSessionEvidence,
  limited: (r: SmtpReply) => SmtpReply,
): Promise<void> {
  const unknownUser = `mxray-no-such-user-${randomBytes(4).toString("hex")}`;
  const known = limited(await smtpCommand(s, "VRFY postmaster"));
  const unknown = limited(await smtpCommand(s, `VRFY ${unknownUser}`));
  ev.vrfy = { known: replyEvidence(known), unknown: replyEvidence(unknown), unknownUser };
  ev.expn = replyEvidence(limited(await smtpCommand(s, "EXPN postmaster")));
}

async function startTls(
  s: WireSession,
  host: string,
  ehloName: string,
  ev: SmtpSessionEvidence,
  step: <T>(name: string, fn: () => Promise<T>) => Promise<T>,
  limited: (r: SmtpReply) => SmtpReply,
): Promise<void> {
  const reply = limited(await step("starttls", () => smtpCommand(s, "STARTTLS")));
  ev.starttls = { reply: replyEvidence(reply) };
  if (reply.code !== 220) return;
  const t = await step("handshake", () => s.startTls(tlsServerName(host)));
  ev.starttls.tls = handshakeFacts(t);
  if (t.leftover) ev.starttls.leftover = t.leftover;
  if (!t.ok) throw new WireFailure("tls-failed", t.error ?? "TLS handshake failed");
  // RFC 3207 §4.2: the client must forget what it knew and ask again
  const again = limited(await step("ehlo-tls", () => smtpCommand(s, `EHLO ${ehloName}`)));
  ev.starttls.ehloAfter = {
    reply: replyEvidence(again),
    ...(again.code === 250 ? { capabilities: parseEhlo(again.lines) } : {}),
  };
}

/** QUIT and its reply; a server that does not answer QUIT is not a finding. */
export async function quit(s: WireSession): Promise<void> {
  try {
    await smtpCommand(s, "QUIT");
  } catch {
    // the session is over either way
  }
}
