import { randomBytes } from "node:crypto";
import type { Socket } from "node:net";
import { starttlsPreamble } from "../starttls.js";
import { connectTcp, type HandshakeFailure, type HandshakeLimits, type TlsTarget } from "./handshake.js";

/**
 * Cipher suites this process's OpenSSL cannot offer (3DES, RC4, DES, IDEA, SEED, export grades), by
 * IANA code point. They are offered in a hand-built ClientHello; the server's ServerHello says which
 * one it picks. Nothing is ever encrypted with them: the connection is closed after the ServerHello.
 */
export const LEGACY_SUITES: Record<number, string> = {
  0x0003: "TLS_RSA_EXPORT_WITH_RC4_40_MD5",
  0x0004: "TLS_RSA_WITH_RC4_128_MD5",
  0x0005: "TLS_RSA_WITH_RC4_128_SHA",
  0x0006: "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5",
  0x0007: "TLS_RSA_WITH_IDEA_CBC_SHA",
  0x0008: "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA",
  0x0009: "TLS_RSA_WITH_DES_CBC_SHA",
  0x000a: "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
  0x0011: "TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA",
  0x0012: "TLS_DHE_DSS_WITH_DES_CBC_SHA",
  0x0013: "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA",
  0x0014: "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA",
  0x0015: "TLS_DHE_RSA_WITH_DES_CBC_SHA",
  0x0016: "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA",
  0x0017: "TLS_DH_anon_EXPORT_WITH_RC4_40_MD5",
  0x0018: "TLS_DH_anon_WITH_RC4_128_MD5",
  0x0019: "TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA",
  0x001a: "TLS_DH_anon_WITH_DES_CBC_SHA",
  0x001b: "TLS_DH_anon_WITH_3DES_EDE_CBC_SHA",
  0x0062: "TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA",
  0x0064: "TLS_RSA_EXPORT1024_WITH_RC4_56_SHA",
  0x0096: "TLS_RSA_WITH_SEED_CBC_SHA",
  0x0099: "TLS_DHE_DSS_WITH_SEED_CBC_SHA",
  0x009a: "TLS_DHE_RSA_WITH_SEED_CBC_SHA",
  0x009b: "TLS_DH_anon_WITH_SEED_CBC_SHA",
  0xc002: "TLS_ECDH_ECDSA_WITH_RC4_128_SHA",
  0xc003: "TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA",
  0xc007: "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA",
  0xc008: "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA",
  0xc00c: "TLS_ECDH_RSA_WITH_RC4_128_SHA",
  0xc00d: "TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA",
  0xc011: "TLS_ECDHE_RSA_WITH_RC4_128_SHA",
  0xc012: "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
  0xc016: "TLS_ECDH_anon_WITH_RC4_128_SHA",
  0xc017: "TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA",
};

/** Suites an SSLv3 server would pick from: the legacy ones plus the common AES/CBC and DHE ones. */
export const SSL3_SUITES: number[] = [
  0x002f,
  0x0035,
  0x0033,
  0x0039,
  0x0032,
  0x0038,
  0xc013,
  0xc014,
  0x0041,
  0x0084,
  ...Object.keys(LEGACY_SUITES).map(Number),
];

export const WIRE_VERSIONS = { SSLv3: 0x0300, TLSv1: 0x0301, "TLSv1.1": 0x0302, "TLSv1.2": 0x0303 } as const;
export type WireVersionName = keyof typeof WIRE_VERSIONS;

export type RawHelloResult =
  | { ok: true; version: number; suite: number }
  | { ok: false; stage: HandshakeFailure["stage"]; reason: string; detail: string };

const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u24 = (n: number) => Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
const vec16 = (b: Buffer) => Buffer.concat([u16(b.length), b]);
const ext = (type: number, body: Buffer) => Buffer.concat([u16(type), vec16(body)]);

/**
 * A ClientHello (RFC 5246 §7.4.1.2) for `version` offering `suites`. SSLv3 gets no extensions; TLS
 * gets SNI, supported groups, point formats and signature algorithms, so ECDHE suites are possible.
 */
export function buildClientHello(version: number, suites: readonly number[], servername?: string): Buffer {
  const exts: Buffer[] = [];
  if (version >= 0x0301) {
    if (servername) {
      const name = Buffer.from(servername, "ascii");
      exts.push(ext(0x0000, vec16(Buffer.concat([Buffer.from([0]), vec16(name)]))));
    }
    exts.push(ext(0x000a, vec16(Buffer.concat([0x001d, 0x0017, 0x0018, 0x0019].map(u16))))); // x25519, P-256/384/521
    exts.push(ext(0x000b, Buffer.from([1, 0]))); // uncompressed points
    exts.push(
      ext(
        0x000d,
        vec16(
          Buffer.concat(
            [0x0401, 0x0501, 0x0601, 0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0201, 0x0203].map(u16),
          ),
        ),
      ),
    );
    exts.push(ext(0xff01, Buffer.from([0]))); // renegotiation_info, empty
  }
  const body = Buffer.concat([
    u16(version),
    randomBytes(32),
    Buffer.from([0]), // no session id
    vec16(Buffer.concat(suites.map(u16))),
    Buffer.from([1, 0]), // compression: null
    ...(exts.length ? [vec16(Buffer.concat(exts))] : []),
  ]);
  const handshake = Buffer.concat([Buffer.from([0x01]), u24(body.length), body]);
  return Buffer.concat([
    Buffer.from([0x16]),
    u16(Math.min(version, 0x0301)),
    u16(handshake.length),
    handshake,
  ]);
}

/** What the first record of the answer says: a ServerHello (version, suite), an alert, or not TLS. */
export function parseServerAnswer(
  data: Buffer,
):
  | { kind: "need-more" }
  | { kind: "hello"; version: number; suite: number }
  | { kind: "alert"; description: number }
  | { kind: "not-tls"; detail: string } {
  if (data.length < 5) return { kind: "need-more" };
  const type = data[0];
  const major = data[1];
  if ((type !== 0x16 && type !== 0x15) || major !== 3)
    return { kind: "not-tls", detail: `first bytes ${data.subarray(0, 5).toString("hex")}` };
  const len = data.readUInt16BE(3);
  if (len > 18432) return { kind: "not-tls", detail: `record of ${len} bytes` };
  if (type === 0x15)
    return data.length >= 7 ? { kind: "alert", description: data[6] ?? 0 } : { kind: "need-more" };
  // The ServerHello is the first handshake message; 4 + 2 + 32 + 1 bytes precede its session id.
  if (data.length < 5 + 4 + 2 + 32 + 1) return { kind: "need-more" };
  if (data[5] !== 0x02)
    return { kind: "not-tls", detail: `handshake message ${data[5]} instead of ServerHello` };
  const sidLen = data[5 + 4 + 2 + 32] ?? 0;
  const at = 5 + 4 + 2 + 32 + 1 + sidLen;
  if (sidLen > 32) return { kind: "not-tls", detail: "session id longer than 32 bytes" };
  if (data.length < at + 2) return { kind: "need-more" };
  return { kind: "hello", version: data.readUInt16BE(9), suite: data.readUInt16BE(at) };
}

function exchange(socket: Socket, hello: Buffer, limits: HandshakeLimits): Promise<RawHelloResult> {
  return new Promise((resolve) => {
    let buf = Buffer.alloc(0);
    let settled = false;
    const finish = (r: RawHelloResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const fail = (reason: string, detail: string) =>
      finish({ ok: false, stage: "handshake", reason, detail });
    const timer = setTimeout(
      () => fail("timeout", `no ServerHello within ${limits.timeoutMs} ms`),
      limits.timeoutMs,
    );
    socket.on("data", (d: Buffer) => {
      buf = Buffer.concat([buf, d]).subarray(0, 32 * 1024);
      const a = parseServerAnswer(buf);
      if (a.kind === "hello") finish({ ok: true, version: a.version, suite: a.suite });
      else if (a.kind === "alert") fail("rejected", `alert ${a.description}`);
      else if (a.kind === "not-tls") fail("not-tls", a.detail);
    });
    socket.on("error", (e) => fail("rejected", e.message));
    socket.on("close", () => fail("rejected", "the server closed the connection"));
    limits.signal?.addEventListener("abort", () => fail("aborted", "aborted"), { once: true });
    socket.resume();
    socket.write(hello);
  });
}

/**
 * Offers `suites` at `version` in a hand-built ClientHello (after the STARTTLS preamble when the target
 * has one) and reads the server's choice from its ServerHello, then closes. Never throws.
 * @example
 *   const r = await rawHello({ address: "192.0.2.1", port: 25, starttls: "smtp" }, 0x0303, [0x000a], { timeoutMs: 5000 });
 *   if (r.ok) console.log(LEGACY_SUITES[r.suite]);
 */
export async function rawHello(
  target: TlsTarget,
  version: number,
  suites: readonly number[],
  limits: HandshakeLimits,
): Promise<RawHelloResult> {
  const tcp = await connectTcp(target.address, target.port, limits);
  if (!("socket" in tcp)) return { ok: false, stage: "connect", reason: tcp.reason, detail: tcp.detail };
  if (target.starttls) {
    const pre = await starttlsPreamble(tcp.socket, target.starttls, {
      timeoutMs: limits.timeoutMs,
      signal: limits.signal,
      ehloName: target.ehloName,
    });
    if (!pre.ok) {
      tcp.socket.destroy();
      return { ok: false, stage: "preamble", reason: pre.reason, detail: pre.detail };
    }
  }
  const sni = target.servername && !/^[\d.]+$|:/.test(target.servername) ? target.servername : undefined;
  return exchange(tcp.socket, buildClientHello(version, suites, sni), limits);
}
