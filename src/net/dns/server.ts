import { createSocket, type Socket as UdpSocket } from "node:dgram";
import { createServer, type Server, type Socket } from "node:net";
import {
  AUTHENTIC_DATA,
  AUTHORITATIVE_ANSWER,
  decode,
  encode,
  RECURSION_DESIRED,
  TRUNCATED_RESPONSE,
  type Answer,
  type DecodedPacket,
  type OptAnswer,
  type Packet,
} from "dns-packet";
import { canonicalName } from "./records.js";
import type { DnsRecord } from "./types.js";
import { Zone } from "./zone.js";

/** What a misbehave hook sees: the question, and the answer the server was about to send. */
export interface MisbehaveContext {
  transport: "udp" | "tcp";
  query: DecodedPacket;
  /** The honest answer, as a packet: change a copy and return it as `{ packet }`. */
  answer: Packet;
  /** The honest answer encoded (already truncated when UDP needed it). */
  wire: Buffer;
  /** How many queries this server has received so far, this one included. */
  count: number;
}

/**
 * What to do instead of answering honestly:
 * - `drop`: say nothing;
 * - `packet`: encode and send this packet instead;
 * - `reply`: send these messages as they are (UDP: one datagram each; TCP: each with its length prefix);
 * - `raw` (TCP): write these bytes as they are, no framing, then close if `close` is set, else keep it open;
 * - `close` (TCP): close the connection without answering;
 * - `drip` (TCP): write these bytes one at a time, `everyMs` apart;
 * - `spoof` (UDP): send these datagrams from another source port (an off-path forger), then, if
 *   `thenHonest`, the honest answer from the right port.
 */
export type Misbehavior =
  | { drop: true }
  | { packet: Packet }
  | { reply: Buffer[] }
  | { raw: Buffer; close?: boolean }
  | { close: true }
  | { drip: Buffer; everyMs: number }
  | { spoof: Buffer[]; thenHonest?: boolean };

export type Misbehave = (ctx: MisbehaveContext) => Misbehavior | undefined;

export interface DnsServerOptions {
  records: DnsRecord[];
  /** Apexes served; default: owners of the SOA records, or every name when there is none. */
  zones?: string[];
  /** Address to listen on, default 127.0.0.1 (loopback only: this is a test and demo server). */
  host?: string;
  /** Port, default 0 (a free one, the same for UDP and TCP). */
  port?: number;
  /** Set AD on answers for these names and their subtrees, as a validating resolver would. */
  authenticated?: string[];
  misbehave?: Misbehave;
}

export interface RunningDnsServer {
  address: string;
  port: number;
  /** `host:port`, ready for createDnsClient and `--resolver`. */
  server: string;
  /** Queries received (UDP and TCP). */
  readonly queries: number;
  close(): Promise<void>;
}

/** Plain DNS over UDP without EDNS may carry 512 bytes (RFC 1035 §4.2.1). */
const CLASSIC_UDP = 512;
/** A TCP client may send several queries; one never holds more than a 64 KiB message plus its prefix. */
const MAX_TCP_BUFFER = 2 + 65535;
const TCP_IDLE_MS = 10_000;

/**
 * A small authoritative DNS server on loopback, UDP and TCP on one port, for the `mxray demo` domain
 * and for tests: AA set, NXDOMAIN/NODATA with the SOA, CNAMEs in answers, EDNS0 echoed, answers larger
 * than the client's UDP size (its EDNS size, or 512) truncated with TC=1 so the client retries over TCP.
 * A `misbehave` hook lets tests make it hostile.
 * @example
 *   const srv = await startDnsServer({ records: [{ type: "A", name: "a.test", ttl: 60, address: "127.0.0.1" }] });
 *   const dns = createDnsClient({ servers: [srv.server], timeoutMs: 1000 });
 *   await dns.query("a.test", "A");
 *   await srv.close();
 */
export async function startDnsServer(options: DnsServerOptions): Promise<RunningDnsServer> {
  const zone = new Zone(options.records, options.zones);
  const host = options.host ?? "127.0.0.1";
  const state = { queries: 0 };
  const secure = (options.authenticated ?? []).map(canonicalName);
  const isSecure = (name: string) => secure.some((z) => z === "" || name === z || name.endsWith(`.${z}`));

  const respond = (
    raw: Buffer,
    transport: "udp" | "tcp",
  ): { ctx: MisbehaveContext; act?: Misbehavior } | undefined => {
    let query: DecodedPacket;
    try {
      query = decode(raw);
    } catch {
      return undefined; // not a DNS message: a real server would drop it too
    }
    if (query.type === "response" || (query.questions ?? []).length !== 1) return undefined;
    state.queries++;
    const answer = buildAnswer(zone, query, isSecure);
    const wire = transport === "udp" ? fitUdp(answer, query) : encode(answer);
    const ctx: MisbehaveContext = { transport, query, answer, wire, count: state.queries };
    return { ctx, act: options.misbehave?.(ctx) };
  };

  const onUdp = (udp: UdpSocket) =>
    udp.on("message", (msg, rinfo) => {
      const r = respond(msg, "udp");
      if (!r) return;
      if (r.act && "spoof" in r.act) return spoof(r.act, r.ctx.wire, udp, rinfo.port, rinfo.address);
      for (const out of udpMessages(r.ctx, r.act)) udp.send(out, rinfo.port, rinfo.address);
    });

  const connections = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const tcp = createServer((socket) => {
    connections.add(socket);
    socket.on("close", () => connections.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.setTimeout(TCP_IDLE_MS, () => socket.destroy());
    let buffered = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length > MAX_TCP_BUFFER) return void socket.destroy();
      while (buffered.length >= 2) {
        const len = buffered.readUInt16BE(0);
        if (buffered.length < 2 + len) break;
        const msg = buffered.subarray(2, 2 + len);
        buffered = buffered.subarray(2 + len);
        const r = respond(msg, "tcp");
        if (!r) return void socket.destroy();
        tcpSend(socket, r.ctx, r.act, timers);
      }
    });
  });

  // UDP picks a free port; TCP must get the same number, which another program may hold: try again.
  let udp: UdpSocket | undefined;
  let port = 0;
  for (let attempt = 1; !udp; attempt++) {
    const candidate = createSocket(host.includes(":") ? "udp6" : "udp4");
    candidate.on("error", () => {
      // A send to a client that went away: nothing to do for a test server.
    });
    port = await bindUdp(candidate, host, options.port ?? 0);
    try {
      await listenTcp(tcp, host, port);
      udp = candidate;
    } catch (err) {
      await new Promise<void>((resolve) => candidate.close(() => resolve()));
      if (options.port || attempt >= 10) throw err;
    }
  }
  onUdp(udp);
  const udpSocket = udp;

  return {
    address: host,
    port,
    server: host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`,
    get queries() {
      return state.queries;
    },
    close: async () => {
      for (const t of timers) clearInterval(t);
      for (const c of connections) c.destroy();
      await Promise.all([
        new Promise<void>((resolve) => udpSocket.close(() => resolve())),
        new Promise<void>((resolve) => tcp.close(() => resolve())),
      ]);
    },
  };
}

function buildAnswer(zone: Zone, query: DecodedPacket, isSecure: (name: string) => boolean): Packet {
  const q = query.questions?.[0];
  const name = canonicalName(q?.name ?? "");
  const ednsQuery = (query.additionals ?? []).find((a): a is OptAnswer => a.type === "OPT");
  const z = q && (q.class ?? "IN") === "IN" ? zone.answer(name, q.type) : undefined;
  const rcode = z?.rcode ?? "REFUSED";
  let flags = (query.flags ?? 0) & RECURSION_DESIRED;
  if (z?.authoritative) flags |= AUTHORITATIVE_ANSWER;
  if (z && rcode !== "REFUSED" && isSecure(name)) flags |= AUTHENTIC_DATA;
  return {
    type: "response",
    id: query.id ?? 0,
    flags: flags | rcodeNumber(rcode),
    questions: query.questions ?? [],
    answers: z?.answers ?? [],
    authorities: z?.authorities ?? [],
    additionals: ednsQuery ? [opt()] : [],
  };
}

function opt(): OptAnswer {
  return {
    type: "OPT",
    name: ".",
    udpPayloadSize: 1232,
    extendedRcode: 0,
    ednsVersion: 0,
    flags: 0,
    flag_do: false,
    options: [],
  };
}

function rcodeNumber(rcode: string): number {
  return rcode === "NXDOMAIN" ? 3 : rcode === "REFUSED" ? 5 : 0;
}

/** Encodes the answer for UDP, or a truncated one (TC=1, question only) when it exceeds the client's size. */
function fitUdp(answer: Packet, query: DecodedPacket): Buffer {
  const ednsQuery = (query.additionals ?? []).find((a): a is OptAnswer => a.type === "OPT");
  const limit = Math.max(CLASSIC_UDP, ednsQuery?.udpPayloadSize ?? CLASSIC_UDP);
  const full = encode(answer);
  if (full.length <= limit) return full;
  const empty: Answer[] = [];
  return encode({
    ...answer,
    flags: (answer.flags ?? 0) | TRUNCATED_RESPONSE,
    answers: empty,
    authorities: empty,
  });
}

/** Sends forged datagrams from a throwaway socket, then (maybe) the honest answer from the real one. */
function spoof(
  act: { spoof: Buffer[]; thenHonest?: boolean },
  honest: Buffer,
  udp: UdpSocket,
  port: number,
  address: string,
): void {
  const forger = createSocket(address.includes(":") ? "udp6" : "udp4");
  let left = act.spoof.length;
  const done = () => {
    forger.close();
    if (act.thenHonest) udp.send(honest, port, address);
  };
  if (left === 0) return done();
  for (const msg of act.spoof) forger.send(msg, port, address, () => --left === 0 && done());
}

function udpMessages(ctx: MisbehaveContext, act: Misbehavior | undefined): Buffer[] {
  if (!act) return [ctx.wire];
  if ("raw" in act) return [act.raw];
  if ("drop" in act || "close" in act || "spoof" in act) return [];
  if ("packet" in act) return [encode(act.packet)];
  if ("reply" in act) return act.reply;
  return [act.drip];
}

function frame(msg: Buffer): Buffer {
  const out = Buffer.alloc(2 + msg.length);
  out.writeUInt16BE(msg.length, 0);
  msg.copy(out, 2);
  return out;
}

function tcpSend(
  socket: Socket,
  ctx: MisbehaveContext,
  act: Misbehavior | undefined,
  timers: Set<NodeJS.Timeout>,
): void {
  if (!act) return void socket.write(frame(ctx.wire));
  if ("raw" in act) return void (act.close ? socket.end(act.raw) : socket.write(act.raw));
  if ("drop" in act || "spoof" in act) return;
  if ("close" in act) return void socket.end();
  if ("packet" in act) return void socket.write(frame(encode(act.packet)));
  if ("reply" in act) return void act.reply.forEach((m) => socket.write(frame(m)));
  let i = 0;
  const bytes = act.drip;
  const timer = setInterval(() => {
    if (i >= bytes.length || socket.destroyed) {
      clearInterval(timer);
      timers.delete(timer);
      return;
    }
    socket.write(bytes.subarray(i, i + 1));
    i++;
  }, act.everyMs);
  timers.add(timer);
}

function bindUdp(udp: UdpSocket, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    udp.once("error", reject);
    udp.bind(port, host, () => {
      udp.off("error", reject);
      resolve(udp.address().port);
    });
  });
}

function listenTcp(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
