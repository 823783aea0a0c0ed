import { connect as netConnect, type Socket } from "node:net";
import { connect as tlsConnect, type ConnectionOptions, type SecureVersion, type TLSSocket } from "node:tls";
import { starttlsPreamble, type PreambleFailure, type StarttlsProtocol } from "../starttls.js";

/** Where to shake hands: an address, a port, and how TLS starts there. */
export interface TlsTarget {
  /** IP address or host name to connect to. */
  address: string;
  port: number;
  /** SNI and the name the certificate should carry; omitted for IP-only targets. */
  servername?: string;
  /** Plaintext preamble before TLS; undefined = implicit TLS (465, 993, 995). */
  starttls?: StarttlsProtocol;
  /** EHLO name for SMTP. */
  ehloName?: string;
}

/** What one handshake offers. */
export interface HandshakeOffer {
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  /** OpenSSL cipher string for TLS 1.2 and below. */
  ciphers?: string;
  /** TLS 1.3 suites, colon separated (`TLS_AES_128_GCM_SHA256:...`). */
  ciphersuites?: string;
  /** Key-exchange groups, colon separated (`X25519:P-256`). */
  groups?: string;
  /** Trust anchors (PEM) to verify the chain against; undefined skips verification (enumeration). */
  ca?: string[];
  /** Keep the presented chain (DER, base64) in the result. */
  wantChain?: boolean;
}

export interface HandshakeLimits {
  /** Time limit of each step (connect, each reply, the handshake), ms. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The negotiated parameters of a completed handshake. */
export interface HandshakeSuccess {
  ok: true;
  protocol: string;
  /** OpenSSL name, e.g. `ECDHE-RSA-AES256-GCM-SHA384`. */
  cipher: string;
  /** IANA name, e.g. `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`. */
  cipherIana: string;
  /** Ephemeral key exchange: `ECDH X25519 253` or `DH 2048`; absent for static RSA key exchange. */
  kex?: { type: string; name?: string; size: number };
  /** Certificates exactly as the server sent them, in its order, DER in base64. */
  chain?: string[];
  /** The chain verified against `ca` (the name is checked separately, by the checks). */
  trusted?: boolean;
  /** OpenSSL's verification error code, e.g. `CERT_HAS_EXPIRED`, `UNABLE_TO_GET_ISSUER_CERT_LOCALLY`. */
  trustError?: string;
  transcript: string[];
  /** Bytes the server sent after its STARTTLS go-ahead and before the handshake (should be 0). */
  trailingBytes?: number;
  timings: { connectMs: number; preambleMs: number; handshakeMs: number };
}

export type HandshakeStage = "connect" | "preamble" | "handshake";

/** A handshake that did not complete, with the stage and the reason. */
export interface HandshakeFailure {
  ok: false;
  stage: HandshakeStage;
  /** connect: refused/timeout/unreachable/error; preamble: PreambleFailure; handshake: see classifyTlsError. */
  reason: string;
  detail: string;
  transcript: string[];
}

export type HandshakeResult = HandshakeSuccess | HandshakeFailure;

/**
 * Handshake failures, sorted by what they say about the server:
 * `rejected` - the server refused this offer (alert, or it closed the connection: version or ciphers not
 * accepted); `local` - this client could not make the offer (OpenSSL has no such cipher/version);
 * `not-tls` - the peer did not speak TLS; `timeout`; `error` - anything else.
 */
export type TlsErrorClass = "rejected" | "local" | "not-tls" | "timeout" | "error";

/** Classifies an OpenSSL / Node error of a TLS handshake. */
export function classifyTlsError(code: string | undefined, message: string): TlsErrorClass {
  const c = code ?? "";
  if (c === "ETIMEDOUT" || /timed? ?out/i.test(message)) return "timeout";
  if (
    /NO_CIPHERS_AVAILABLE|NO_PROTOCOLS_AVAILABLE|NO_CIPHER_MATCH|NO_SUITABLE|ERR_OSSL_EVP|INVALID_ARG|UNSUPPORTED_PROTOCOL$/.test(
      c,
    ) &&
    !/ALERT/.test(c)
  )
    return "local";
  if (
    /WRONG_VERSION_NUMBER|UNKNOWN_PROTOCOL|RECORD_LAYER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|RECORD_TOO_LARGE|UNEXPECTED_MESSAGE|BAD_PACKET|DECODE/.test(
      c,
    )
  )
    return "not-tls";
  if (
    /ALERT|ECONNRESET|EPIPE|socket disconnected|closed|NO_SHARED_CIPHER|UNSUPPORTED_PROTOCOL|WRONG_SSL_VERSION|VERSION_TOO_LOW|INAPPROPRIATE/i.test(
      `${c} ${message}`,
    )
  )
    return "rejected";
  return "error";
}

export function connectTcp(
  address: string,
  port: number,
  limits: HandshakeLimits,
): Promise<{ socket: Socket } | HandshakeFailure> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: address, port });
    let settled = false;
    const finish = (r: { socket: Socket } | HandshakeFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      limits.signal?.removeEventListener("abort", onAbort);
      socket.off("error", onError);
      if (!("socket" in r)) socket.destroy();
      resolve(r);
    };
    const fail = (reason: string, detail: string): HandshakeFailure => ({
      ok: false,
      stage: "connect",
      reason,
      detail,
      transcript: [],
    });
    const onError = (err: NodeJS.ErrnoException) => {
      const reason =
        err.code === "ECONNREFUSED"
          ? "refused"
          : /EHOSTUNREACH|ENETUNREACH/.test(err.code ?? "")
            ? "unreachable"
            : "error";
      finish(fail(reason, `${err.code ?? ""} ${err.message}`.trim()));
    };
    const onAbort = () => finish(fail("aborted", "aborted"));
    const timer = setTimeout(
      () => finish(fail("timeout", `no TCP answer within ${limits.timeoutMs} ms`)),
      limits.timeoutMs,
    );
    socket.once("error", onError);
    socket.once("connect", () => finish({ socket }));
    limits.signal?.addEventListener("abort", onAbort, { once: true });
    if (limits.signal?.aborted) onAbort();
  });
}

/** The chain as sent: getPeerX509Certificate() links each certificate to the next one the server sent. */
function sentChain(tlsSocket: TLSSocket): string[] {
  const out: string[] = [];
  let cert = tlsSocket.getPeerX509Certificate();
  // Bounded: a hostile server cannot make this loop long (TLS limits the message, and we cap at 20).
  while (cert && out.length < 20) {
    out.push(cert.raw.toString("base64"));
    cert = cert.issuerCertificate;
  }
  return out;
}

function secureVersionOk(v: string | null): string {
  return v ?? "unknown";
}

/**
 * One TLS handshake: TCP connect, the STARTTLS preamble when asked, then the handshake with the offer.
 * Every step is bounded by `limits.timeoutMs`; the result is a value, never an exception. The
 * connection is closed right after (SMTP gets a QUIT inside TLS first).
 * @example
 *   const r = await tlsHandshake({ address: "127.0.0.10", port: 25, starttls: "smtp", servername: "mail.lab.test" },
 *     { maxVersion: "TLSv1.2", wantChain: true }, { timeoutMs: 5000 });
 *   if (r.ok) console.log(r.protocol, r.cipherIana);
 */
export async function tlsHandshake(
  target: TlsTarget,
  offer: HandshakeOffer,
  limits: HandshakeLimits,
): Promise<HandshakeResult> {
  const t0 = Date.now();
  const tcp = await connectTcp(target.address, target.port, limits);
  if (!("socket" in tcp)) return tcp;
  const socket = tcp.socket;
  const connectMs = Date.now() - t0;
  let transcript: string[] = [];
  let trailingBytes: number | undefined;
  const t1 = Date.now();
  if (target.starttls) {
    const pre = await starttlsPreamble(socket, target.starttls, {
      timeoutMs: limits.timeoutMs,
      signal: limits.signal,
      ehloName: target.ehloName,
    });
    transcript = pre.transcript;
    if (!pre.ok) {
      socket.destroy();
      return {
        ok: false,
        stage: "preamble",
        reason: pre.reason satisfies PreambleFailure,
        detail: pre.detail,
        transcript,
      };
    }
    trailingBytes = pre.trailingBytes;
  }
  const preambleMs = Date.now() - t1;
  const t2 = Date.now();
  const tlsOptions: ConnectionOptions = {
    socket,
    servername: target.servername && !/^[\d.]+$|:/.test(target.servername) ? target.servername : undefined,
    minVersion: offer.minVersion ?? "TLSv1",
    maxVersion: offer.maxVersion ?? "TLSv1.3",
    // SECLEVEL=0 lets this client offer what old servers still accept (TLS 1.0/1.1, SHA-1, small DH),
    // so we can report it; it lowers nothing for anyone but this probe.
    // Node takes TLS 1.3 suites in the same string (names starting with TLS_).
    ciphers: `${offer.ciphersuites ? `${offer.ciphersuites}:` : ""}${offer.ciphers ?? "ALL:COMPLEMENTOFALL:@SECLEVEL=0"}`,
    ...(offer.groups ? { ecdhCurve: offer.groups } : {}),
    ...(offer.ca ? { ca: offer.ca } : {}),
    rejectUnauthorized: false,
    // The name is judged by the checks (against the MX name), not by the handshake.
    checkServerIdentity: () => undefined,
  };
  let tlsSocket: TLSSocket;
  try {
    tlsSocket = tlsConnect(tlsOptions);
  } catch (err) {
    // An offer OpenSSL cannot build (every suite excluded, an unknown group): this client's limit.
    socket.destroy();
    return {
      ok: false,
      stage: "handshake",
      reason: "local",
      detail: err instanceof Error ? err.message : String(err),
      transcript,
    };
  }
  return new Promise<HandshakeResult>((resolve) => {
    let settled = false;
    const finish = (r: HandshakeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      limits.signal?.removeEventListener("abort", onAbort);
      resolve(r);
    };
    const onAbort = () => {
      tlsSocket.destroy();
      finish({ ok: false, stage: "handshake", reason: "aborted", detail: "aborted", transcript });
    };
    const timer = setTimeout(() => {
      tlsSocket.destroy();
      finish({
        ok: false,
        stage: "handshake",
        reason: "timeout",
        detail: `no TLS handshake within ${limits.timeoutMs} ms`,
        transcript,
      });
    }, limits.timeoutMs);
    limits.signal?.addEventListener("abort", onAbort, { once: true });
    tlsSocket.on("error", (err: NodeJS.ErrnoException) => {
      tlsSocket.destroy();
      const reason = classifyTlsError(err.code, err.message);
      finish({
        ok: false,
        stage: "handshake",
        reason,
        detail: `${err.code ?? ""} ${err.message}`.trim(),
        transcript,
      });
    });
    tlsSocket.on("close", () => {
      finish({
        ok: false,
        stage: "handshake",
        reason: "rejected",
        detail: "the server closed the connection during the handshake",
        transcript,
      });
    });
    tlsSocket.once("secureConnect", () => {
      const cipher = tlsSocket.getCipher();
      const eph = tlsSocket.getEphemeralKeyInfo();
      const kex =
        eph && "type" in eph && eph.type
          ? { type: eph.type, ...(eph.name ? { name: eph.name } : {}), size: eph.size ?? 0 }
          : undefined;
      const result: HandshakeSuccess = {
        ok: true,
        protocol: secureVersionOk(tlsSocket.getProtocol()),
        cipher: cipher.name,
        cipherIana: cipher.standardName ?? cipher.name,
        ...(kex ? { kex } : {}),
        ...(offer.wantChain ? { chain: sentChain(tlsSocket) } : {}),
        ...(offer.ca
          ? {
              trusted: tlsSocket.authorized,
              ...(tlsSocket.authorizationError ? { trustError: String(tlsSocket.authorizationError) } : {}),
            }
          : {}),
        transcript,
        ...(trailingBytes !== undefined ? { trailingBytes } : {}),
        timings: { connectMs, preambleMs, handshakeMs: Date.now() - t2 },
      };
      finish(result);
      // Politeness: say goodbye inside TLS, then close; errors on the way out do not matter.
      tlsSocket.on("error", () => {});
      if (target.starttls === "smtp" || (!target.starttls && target.port === 465)) tlsSocket.end("QUIT\r\n");
      else tlsSocket.end();
      setTimeout(() => tlsSocket.destroy(), 200).unref();
    });
  });
}
