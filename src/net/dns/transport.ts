import { connect } from "node:net";
import { decode, type DecodedPacket } from "dns-packet";
import { canonicalName } from "./records.js";
import type { ServerAddress } from "./resolver-spec.js";
import type { UdpChannel } from "./udp-pool.js";
import { checkStructure } from "./wire-check.js";

/** What the answer must match: the id we chose and the question we asked. */
export interface Expected {
  id: number;
  /** Canonical name (lower case, no trailing dot). */
  name: string;
  /** Type as dns-packet names it ("MX", "TXT"...). */
  type: string;
}

/** The outcome of one exchange with one server. Network outcomes are values, never exceptions. */
export type ExchangeResult =
  | { kind: "response"; packet: DecodedPacket; bytes: number }
  /** UDP answer with TC=1: ask again over TCP. */
  | { kind: "truncated"; bytes: number }
  | { kind: "timeout"; detail?: string }
  | { kind: "malformed"; detail: string }
  | { kind: "error"; detail: string };

type Verdict =
  | { verdict: "ignore" }
  | { verdict: "mismatch"; detail: string }
  | { verdict: "malformed"; detail: string }
  | { verdict: "truncated" }
  | { verdict: "ok"; packet: DecodedPacket };

const HEADER = 12;

function errorText(err: unknown): string {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") {
    const messages: Record<string, string> = {
      ECONNREFUSED: "connection refused (nothing listening on the DNS port)",
      ECONNRESET: "connection reset by the server",
      EHOSTUNREACH: "host unreachable",
      ENETUNREACH: "network unreachable",
      EADDRNOTAVAIL: "address not available",
    };
    return messages[err.code] ?? `${err.code}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Judges one received message against the question. Packets with another id are ignored (they may be
 * late answers to an earlier attempt, or spoofing attempts); a packet with our id that cannot be parsed
 * is malformed; one that parses but answers another question is a mismatch.
 */
export function judgeMessage(buf: Buffer, expect: Expected): Verdict {
  if (buf.length < 2 || buf.readUInt16BE(0) !== expect.id) return { verdict: "ignore" };
  if (buf.length < HEADER)
    return { verdict: "malformed", detail: `answer of ${buf.length} bytes, shorter than a DNS header` };
  const flags = buf.readUInt16BE(2);
  if ((flags & 0x8000) === 0)
    return { verdict: "mismatch", detail: "a query came back instead of a response (QR=0)" };
  const unsound = checkStructure(buf);
  if (unsound) {
    // A truncated UDP answer may be cut mid-record; TC alone says what to do next.
    if (flags & 0x0200) return { verdict: "truncated" };
    return { verdict: "malformed", detail: `malformed answer: ${unsound}` };
  }
  let packet: DecodedPacket;
  try {
    packet = decode(buf);
  } catch (err) {
    // A truncated UDP answer may be cut mid-record; TC alone says what to do next.
    if (flags & 0x0200) return { verdict: "truncated" };
    return { verdict: "malformed", detail: `unparsable answer: ${errorText(err)}` };
  }
  const q = packet.questions ?? [];
  const first = q[0];
  if (q.length !== 1 || !first)
    return { verdict: "mismatch", detail: `answer carries ${q.length} questions instead of 1` };
  const name = canonicalName(first.name);
  if (name !== expect.name || first.type !== expect.type || (first.class ?? "IN") !== "IN") {
    return {
      verdict: "mismatch",
      detail:
        `answer is for ${JSON.stringify(name)} ${first.type} ${first.class ?? ""}, not the question asked`.replace(
          /\s+,/,
          ",",
        ),
    };
  }
  if (packet.flag_tc) return { verdict: "truncated" };
  return { verdict: "ok", packet };
}

/** Runs `body` with a settle-once callback, a timer and an abort listener, and cleans up after. */
function bounded<T>(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  onTimeout: () => T,
  body: (settle: (r: T) => void, cleanup: (fn: () => void) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve) => {
    const cleanups: Array<() => void> = [];
    let done = false;
    const settle = (r: T) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      for (const fn of cleanups) {
        try {
          fn();
        } catch {
          // closing an already closed socket: nothing left to free
        }
      }
      resolve(r);
    };
    const onAbort = () => settle(onTimeout());
    const timer = setTimeout(() => settle(onTimeout()), timeoutMs);
    if (signal?.aborted) return settle(onTimeout());
    signal?.addEventListener("abort", onAbort, { once: true });
    body(settle, (fn) => cleanups.push(fn));
  });
}

/**
 * Sends one query over UDP on a shared channel and waits for the matching answer until the time limit.
 * Datagrams with other ids never reach us (the channel routes by id); answers to another question are
 * remembered and, if nothing better comes, reported as malformed at the end.
 */
export function udpExchange(
  channel: UdpChannel,
  query: Buffer,
  expect: Expected,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<ExchangeResult> {
  let mismatch: string | undefined;
  return bounded<ExchangeResult>(
    timeoutMs,
    signal,
    () =>
      signal?.aborted
        ? { kind: "error", detail: "query aborted" }
        : mismatch
          ? { kind: "malformed", detail: mismatch }
          : { kind: "timeout" },
    (settle, cleanup) => {
      const release = channel.send(expect.id, query, {
        onMessage: (msg) => {
          const v = judgeMessage(msg, expect);
          if (v.verdict === "ok") settle({ kind: "response", packet: v.packet, bytes: msg.length });
          else if (v.verdict === "truncated") settle({ kind: "truncated", bytes: msg.length });
          else if (v.verdict === "malformed") settle({ kind: "malformed", detail: v.detail });
          else if (v.verdict === "mismatch") mismatch = v.detail;
        },
        onError: (err) => settle({ kind: "error", detail: errorText(err) }),
      });
      cleanup(release);
    },
  );
}

/**
 * Sends one query over TCP (RFC 7766) and reads one length-prefixed answer, within the time limit as a
 * whole, so a server that drips bytes cannot hold us longer than a silent one.
 */
export function tcpExchange(
  server: ServerAddress,
  query: Buffer,
  expect: Expected,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<ExchangeResult> {
  let received = 0;
  return bounded<ExchangeResult>(
    timeoutMs,
    signal,
    () =>
      signal?.aborted
        ? { kind: "error", detail: "query aborted" }
        : {
            kind: "timeout",
            detail: received ? `TCP answer incomplete after ${received} bytes` : "no answer over TCP",
          },
    (settle, cleanup) => {
      const socket = connect({ host: server.host, port: server.port });
      cleanup(() => socket.destroy());
      const chunks: Buffer[] = [];
      let expected = -1;
      socket.on("error", (err) => settle({ kind: "error", detail: `TCP: ${errorText(err)}` }));
      socket.on("connect", () => {
        const frame = Buffer.alloc(2 + query.length);
        frame.writeUInt16BE(query.length, 0);
        query.copy(frame, 2);
        socket.write(frame);
      });
      socket.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (expected < 0 && received >= 2) expected = Buffer.concat(chunks).readUInt16BE(0);
        // The 16-bit length prefix (RFC 1035 §4.2.2) bounds what we keep to 64 KiB plus one chunk.
        if (expected < 0 || received < 2 + expected) return;
        const message = Buffer.concat(chunks).subarray(2, 2 + expected);
        const v = judgeMessage(message, expect);
        if (v.verdict === "ok") settle({ kind: "response", packet: v.packet, bytes: message.length });
        else if (v.verdict === "malformed") settle({ kind: "malformed", detail: `TCP: ${v.detail}` });
        else if (v.verdict === "truncated")
          settle({ kind: "malformed", detail: "TCP answer has the TC flag set" });
        else if (v.verdict === "mismatch") settle({ kind: "malformed", detail: `TCP: ${v.detail}` });
        else settle({ kind: "malformed", detail: "TCP answer carries another query id" });
      });
      socket.on("end", () =>
        settle(
          received === 0
            ? { kind: "error", detail: "TCP connection closed without an answer" }
            : {
                kind: "malformed",
                detail: `TCP connection closed after ${received} bytes of a ${expected < 0 ? "?" : expected}-byte answer`,
              },
        ),
      );
    },
  );
}
