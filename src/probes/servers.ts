import { isIP } from "node:net";
import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { DomainProbe } from "../core/probe.js";
import type { DnsAnswer } from "../net/dns/types.js";
import { hostLimiterFor, type HostLimiter } from "../net/host-limiter.js";
import { probeMailbox } from "./mailbox.js";
import { scanPorts } from "./ports.js";
import { DEFAULT_RELAY_RECIPIENT, probeRelay } from "./relay.js";
import {
  DEFAULT_MAIL_PORTS,
  PORT_ROLES,
  type MailboxEvidence,
  type PortRole,
  type PortsEvidence,
  type SmtpEvidence,
  type SmtpSessionEvidence,
} from "./servers-evidence.js";
import { probeSmtpSession } from "./smtp.js";

export interface ServersOptions {
  /** Ports to scan (default: the eight mail ports). */
  ports?: readonly number[];
  /** Name given in EHLO (default: this machine's FQDN, or an address literal). */
  ehloName?: string;
  /** Outside recipient of the relay test (default `relay-test@mxray-relay-test.invalid`). */
  relayRecipient?: string;
  /** Run the open-relay test on port 25 (default true). */
  relayTest?: boolean;
  /** Talk SMTP/IMAP/POP3 on the open ports (default true; false = port scan only). */
  sessions?: boolean;
  /** `mx` when the hosts are a domain's MX (port 25 must then be open), `host` otherwise (default `mx`). */
  role?: "mx" | "host";
  /** Protocols of ports beyond the well-known ones (e.g. `{ 10025: { protocol: "smtp", tls: "starttls" } }`). */
  roles?: Readonly<Record<number, PortRole>>;
  /** Limiter to share with other probes (default: the run's, from the context). */
  limiter?: HostLimiter;
}

/** Everything gathered about the servers: the port matrix and the protocol sessions. */
export interface ServersEvidence {
  ports: PortsEvidence;
  smtp: SmtpEvidence;
  mailbox: MailboxEvidence;
}

/**
 * Resolves a host name to its addresses (A then AAAA) through ctx.dns; an IP address is returned
 * as it is. Lookup failures come back as answers, never as exceptions.
 */
export async function resolveHost(
  host: string,
  ctx: RunContext,
): Promise<{ addresses: string[]; answers: DnsAnswer[] }> {
  if (isIP(host)) return { addresses: [host], answers: [] };
  const answers = await Promise.all(
    (["A", "AAAA"] as const).map((t) => ctx.dns.query(host, t, { signal: ctx.signal })),
  );
  const addresses = answers.flatMap((a) =>
    a.records.flatMap((r) => (r.type === "A" || r.type === "AAAA" ? [r.address] : [])),
  );
  return { addresses, answers };
}

/**
 * Scans the mail ports of every address of every host, then speaks SMTP, IMAP or POP3 on each
 * open well-known port and runs the relay test on port 25. At most `ctx.perHostConcurrency`
 * connections at once per address; after a 421 or a dropped session the next connection to that
 * address waits, and after two the remaining SMTP sessions to it are skipped.
 *
 * @example
 *   const ev = await gatherServers([{ name: "mx.example.com", addresses: ["192.0.2.1"] }], ctx);
 *   ev.ports.results.filter((r) => r.state === "open");
 */
export async function gatherServers(
  hosts: ReadonlyArray<{ name: string; addresses: readonly string[]; answers?: DnsAnswer[] }>,
  ctx: RunContext,
  options: ServersOptions = {},
): Promise<ServersEvidence> {
  const limiter = options.limiter ?? hostLimiterFor(ctx);
  const ports = [...(options.ports ?? DEFAULT_MAIL_PORTS)];
  ctx.progress.step(`ports ${ports.join(",")}`);
  const results = await scanPorts(hosts, ports, ctx, limiter);
  const ev: ServersEvidence = {
    ports: {
      role: options.role ?? "mx",
      ports,
      timeoutMs: ctx.timeoutMs,
      hosts: hosts.map((h) => ({
        name: h.name,
        addresses: [...h.addresses],
        ...(h.answers ? { answers: h.answers } : {}),
      })),
      results,
    },
    smtp: { sessions: [], relay: [] },
    mailbox: { sessions: [] },
  };
  if (options.sessions === false) return ev;
  const roles = { ...PORT_ROLES, ...options.roles };
  const byAddress = new Map<string, { host: string; ports: number[] }>();
  for (const r of results) {
    if (r.state !== "open" || !roles[r.port]) continue;
    const entry = byAddress.get(r.address) ?? { host: r.host, ports: [] };
    entry.ports.push(r.port);
    byAddress.set(r.address, entry);
  }
  await Promise.all(
    [...byAddress].map(([address, { host, ports: open }]) =>
      sessionsFor(host, address, open, roles, ctx, options, limiter, ev),
    ),
  );
  return ev;
}

async function sessionsFor(
  host: string,
  address: string,
  open: number[],
  roles: Readonly<Record<number, PortRole>>,
  ctx: RunContext,
  options: ServersOptions,
  limiter: HostLimiter,
  ev: ServersEvidence,
): Promise<void> {
  const common = { host, address, timeoutMs: ctx.timeoutMs, signal: ctx.signal, extraCa: ctx.extraCa };
  const ehloName = options.ehloName;
  const guarded = async <T>(fn: () => Promise<T>): Promise<T> => {
    const release = await limiter.acquire(address, ctx.signal);
    try {
      return await fn();
    } finally {
      release();
    }
  };
  const jobs = open.map(async (port) => {
    const role = roles[port]!;
    ctx.progress.step(`${role.protocol} ${host} ${address}:${port}`);
    const protocol = role.protocol;
    if (protocol !== "smtp") {
      const s = await guarded(() => probeMailbox({ ...common, protocol, port, mode: role.tls }));
      ev.mailbox.sessions.push(s);
      return;
    }
    // The rate-limit state is read and written while holding the slot, so queued sessions see it.
    const s = await guarded(async () => {
      if (limiter.rateLimitCount(address) >= 2)
        return skippedSession(host, address, port, role.tls, ehloName);
      const r = await probeSmtpSession({ ...common, port, mode: role.tls, ehloName, dns: ctx.dns });
      if (r.rateLimited || r.failure?.kind === "closed") limiter.noteRateLimited(address);
      return r;
    });
    ev.smtp.sessions.push(s);
    if (port !== 25 || options.relayTest === false || s.banner?.code !== 220) return;
    const relay = await guarded(async () => {
      if (limiter.rateLimitCount(address) >= 2) return undefined;
      const r = await probeRelay({
        ...common,
        port,
        ehloName,
        recipient: options.relayRecipient ?? DEFAULT_RELAY_RECIPIENT,
      });
      if (r.rateLimited || r.failure?.kind === "closed") limiter.noteRateLimited(address);
      return r;
    });
    if (relay) ev.smtp.relay.push(relay);
  });
  await Promise.all(jobs);
  const order = (a: { address: string; port: number }, b: { address: string; port: number }) =>
    a.address.localeCompare(b.address) || a.port - b.port;
  ev.smtp.sessions.sort(order);
  ev.mailbox.sessions.sort(order);
}

function skippedSession(
  host: string,
  address: string,
  port: number,
  mode: "starttls" | "implicit",
  ehloName: string | undefined,
): SmtpSessionEvidence {
  return {
    host,
    address,
    port,
    mode,
    ehloName: ehloName ?? "",
    connect: { state: "open", ms: 0 },
    skipped: "rate-limited",
    phases: {},
    transcript: [],
    omitted: 0,
  };
}

/** Phase 3: the ports, SMTP, IMAP and POP3 of every address of every MX host. */
export const serversProbe: DomainProbe = {
  name: "servers",
  area: "servers",
  phase: 3,
  async run(evidence: Evidence, ctx: RunContext): Promise<void> {
    const mx = evidence.mx;
    if (!mx || mx.nullMx || mx.hosts.length === 0) return;
    const gathered = await gatherServers(
      mx.hosts.map((h) => ({ name: h.name, addresses: h.addresses })),
      ctx,
      { ...ctx.servers, role: "mx" },
    );
    evidence.ports = gathered.ports;
    evidence.smtp = gathered.smtp;
    evidence.mailbox = gathered.mailbox;
  },
};

export const serversProbes: DomainProbe[] = [serversProbe];
