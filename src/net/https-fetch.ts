import { request, type IncomingMessage } from "node:http";
import { connect as netConnect, isIP, type Socket } from "node:net";
import { connect as tlsConnect, type TLSSocket } from "node:tls";
import type { DnsAnswer, DnsClient } from "./dns/types.js";
import { loadTrustStore } from "./tls/trust-store.js";

/*
 * A deliberately small HTTPS GET for policy files (MTA-STS, BIMI...), built for diagnosis:
 * - names are resolved through mxray's own DNS client (A, then AAAA), never the system resolver;
 * - the certificate is checked against the system CAs plus extra ones, for the requested name, and its
 *   facts are kept even when it fails (so the report can say *why*), the request is then never sent;
 * - redirects are never followed (RFC 8461 §3.3: "HTTP 3xx redirects MUST NOT be followed"), they are
 *   returned as they are;
 * - the body is capped (64 KiB by default) and both the connection and the whole response are bounded
 *   in time, so a hostile or stuck server ends in a clear outcome.
 */

export type HttpsFetchOutcome =
  /** An HTTP response was received in full (whatever its status). */
  | "ok"
  /** The address lookups failed (SERVFAIL, timeout...), see `dns`. */
  | "dns-failed"
  /** The name has no A/AAAA records (NXDOMAIN or NODATA). */
  | "no-address"
  /** No address accepted a TCP connection. */
  | "connect-failed"
  /** TLS handshake failed or the certificate was not valid for the name; no request was sent. */
  | "tls-failed"
  | "timeout"
  /** The response was not valid HTTP or the connection broke mid-response. */
  | "http-error"
  /** The body was larger than the cap. */
  | "too-large"
  | "aborted";

/** What the server's certificate said, for the report. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  subjectAltName?: string;
  validFrom: string;
  validTo: string;
  fingerprint256: string;
}

export interface ConnectAttempt {
  address: string;
  outcome: "connected" | "refused" | "timeout" | "error";
  detail?: string;
}

export interface HttpsFetchResult {
  url: string;
  host: string;
  port: number;
  outcome: HttpsFetchOutcome;
  /** Error code or message for outcomes other than ok. */
  detail?: string;
  /** The A and AAAA answers used. */
  dns: DnsAnswer[];
  attempts: ConnectAttempt[];
  tls?: {
    protocol?: string;
    cipher?: string;
    /** The chain verified against the trusted CAs and the certificate matched the host name. */
    authorized: boolean;
    /** OpenSSL/Node code when not authorized, e.g. `ERR_TLS_CERT_ALTNAME_INVALID`, `DEPTH_ZERO_SELF_SIGNED_CERT`. */
    authorizationError?: string;
    certificate?: CertificateFacts;
  };
  status?: number;
  statusText?: string;
  /** Response headers, lower-case names (repeated headers joined with ", "). */
  headers?: Record<string, string>;
  /** The body decoded as UTF-8, only for the `ok` outcome. */
  body?: string;
  /** Bytes of body received (up to the cap + one chunk). */
  bodyBytes?: number;
  elapsedMs: number;
}

export interface HttpsFetchOptions {
  dns: DnsClient;
  /** Bound for resolving + connecting + TLS, and again for the response (headers and body). */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Extra trusted CA certificates (PEM), added to the system bundle (see src/net/tls/trust-store.ts). */
  extraCa?: string[];
  /** Body cap in bytes, default 65536. */
  maxBytes?: number;
  /** At most this many addresses are tried, default 3. */
  maxAddresses?: number;
  userAgent?: string;
}

const DEFAULT_MAX_BYTES = 64 * 1024;

function certificateFacts(socket: TLSSocket): CertificateFacts | undefined {
  const cert = socket.getPeerX509Certificate();
  if (!cert) return undefined;
  return {
    subject: cert.subject.replace(/\n/g, ", "),
    issuer: cert.issuer.replace(/\n/g, ", "),
    ...(cert.subjectAltName ? { subjectAltName: cert.subjectAltName } : {}),
    validFrom: cert.validFrom,
    validTo: cert.validTo,
    fingerprint256: cert.fingerprint256,
  };
}

/** Resolves a host with the given DNS client: A first, then AAAA (literal addresses pass through). */
async function resolveAddresses(host: string, dns: DnsClient, signal?: AbortSignal) {
  if (isIP(host)) return { answers: [] as DnsAnswer[], addresses: [host], failed: false };
  const opts = signal ? { signal } : undefined;
  const answers = await Promise.all([dns.query(host, "A", opts), dns.query(host, "AAAA", opts)]);
  const addresses = answers.flatMap((a) =>
    a.records.flatMap((r) => (r.type === "A" || r.type === "AAAA" ? [r.address] : [])),
  );
  const failed = answers.some((a) => !["noerror", "nodata", "nxdomain"].includes(a.status));
  return { answers, addresses, failed };
}

function tcpConnect(
  address: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ socket?: Socket; attempt: ConnectAttempt }> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: address, port });
    let done = false;
    const finish = (outcome: ConnectAttempt["outcome"], detail?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (outcome !== "connected") socket.destroy();
      socket.removeAllListeners("error");
      resolve({
        ...(outcome === "connected" ? { socket } : {}),
        attempt: { address, outcome, ...(detail ? { detail } : {}) },
      });
    };
    const onAbort = () => finish("error", "aborted");
    const timer = setTimeout(() => finish("timeout", `no TCP connection within ${timeoutMs} ms`), timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    socket.once("connect", () => finish("connected"));
    socket.once("error", (err: NodeJS.ErrnoException) =>
      finish(err.code === "ECONNREFUSED" ? "refused" : "error", err.code ?? err.message),
    );
  });
}

function tlsHandshake(
  socket: Socket,
  host: string,
  ca: string[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ tls?: TLSSocket; error?: string }> {
  return new Promise((resolve) => {
    // rejectUnauthorized is off only so that the certificate can be described; an unauthorized
    // connection is closed right after, before any request is written.
    const tls = tlsConnect({
      socket,
      servername: isIP(host) ? undefined : host,
      ca,
      rejectUnauthorized: false,
      ALPNProtocols: ["http/1.1"],
    });
    let done = false;
    const finish = (result: { tls?: TLSSocket; error?: string }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (!result.tls) tls.destroy();
      resolve(result);
    };
    const onAbort = () => finish({ error: "aborted" });
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(
      () => finish({ error: `TLS handshake not finished within ${timeoutMs} ms` }),
      timeoutMs,
    );
    tls.once("secureConnect", () => finish({ tls }));
    tls.once("error", (err: NodeJS.ErrnoException) => finish({ error: err.code ?? err.message }));
  });
}

/**
 * GETs `https://host[:port]/path` under the rules above. Never throws for network outcomes.
 * @example
 *   const r = await httpsFetch("https://mta-sts.example.com/.well-known/mta-sts.txt", { dns, timeoutMs: 5000 });
 *   if (r.outcome === "ok" && r.status === 200) console.log(r.body);
 */
export async function httpsFetch(url: string, options: HttpsFetchOptions): Promise<HttpsFetchResult> {
  const started = performance.now();
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const port = parsed.port ? Number(parsed.port) : 443;
  const result: HttpsFetchResult = { url, host, port, outcome: "ok", dns: [], attempts: [], elapsedMs: 0 };
  const end = (outcome: HttpsFetchOutcome, detail?: string): HttpsFetchResult => {
    result.outcome = outcome;
    if (detail) result.detail = detail;
    result.elapsedMs = performance.now() - started;
    return result;
  };
  if (parsed.protocol !== "https:") return end("http-error", `not an https URL: ${parsed.protocol}`);
  const signal = options.signal;
  if (signal?.aborted) return end("aborted");

  const resolved = await resolveAddresses(host, options.dns, signal);
  result.dns = resolved.answers;
  if (resolved.addresses.length === 0) return end(resolved.failed ? "dns-failed" : "no-address");

  const deadline = Date.now() + options.timeoutMs;
  let socket: Socket | undefined;
  for (const address of resolved.addresses.slice(0, options.maxAddresses ?? 3)) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const r = await tcpConnect(address, port, left, signal);
    result.attempts.push(r.attempt);
    if (r.socket) {
      socket = r.socket;
      break;
    }
  }
  if (signal?.aborted) return end("aborted");
  if (!socket) {
    const timedOut = result.attempts.length === 0 || result.attempts.every((a) => a.outcome === "timeout");
    return end(
      timedOut ? "timeout" : "connect-failed",
      result.attempts.map((a) => `${a.address}: ${a.detail ?? a.outcome}`).join("; "),
    );
  }

  const ca = loadTrustStore(options.extraCa ?? []).pems;
  const hs = await tlsHandshake(socket, host, ca, Math.max(1, deadline - Date.now()), signal);
  if (signal?.aborted) {
    hs.tls?.destroy();
    return end("aborted");
  }
  if (!hs.tls) return end(hs.error?.includes("within") ? "timeout" : "tls-failed", hs.error);
  const tls = hs.tls;
  const cipher = tls.getCipher();
  result.tls = {
    protocol: tls.getProtocol() ?? undefined,
    cipher: cipher?.standardName ?? cipher?.name,
    authorized: tls.authorized,
    ...(tls.authorizationError ? { authorizationError: String(tls.authorizationError) } : {}),
    certificate: certificateFacts(tls),
  };
  if (!tls.authorized) {
    tls.destroy();
    return end("tls-failed", String(tls.authorizationError ?? "certificate not trusted"));
  }
  return end(...(await exchange(tls, parsed, host, port, options, result)));
}

/** Sends the GET on an authorised TLS socket and reads the response within the time and size bounds. */
function exchange(
  tls: TLSSocket,
  parsed: URL,
  host: string,
  port: number,
  options: HttpsFetchOptions,
  result: HttpsFetchResult,
): Promise<[HttpsFetchOutcome, string?]> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: HttpsFetchOutcome, detail?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      req.destroy();
      tls.destroy();
      resolve([outcome, detail]);
    };
    const onAbort = () => finish("aborted");
    const timer = setTimeout(
      () => finish("timeout", `no complete response within ${options.timeoutMs} ms`),
      options.timeoutMs,
    );
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const req = request({
      createConnection: () => tls,
      host,
      port,
      method: "GET",
      path: `${parsed.pathname}${parsed.search}`,
      headers: {
        host: port === 443 ? host : `${host}:${port}`,
        "user-agent": options.userAgent ?? "mxray",
        accept: "text/plain",
        connection: "close",
      },
    });
    req.once("error", (err: NodeJS.ErrnoException) => finish("http-error", err.code ?? err.message));
    req.once("response", (res: IncomingMessage) => {
      result.status = res.statusCode;
      result.statusText = res.statusMessage;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers))
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      result.headers = headers;
      const declared = Number(headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) {
        result.bodyBytes = 0;
        return finish("too-large", `Content-Length ${declared} > ${maxBytes}`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        result.bodyBytes = size;
        if (size > maxBytes) return finish("too-large", `body larger than ${maxBytes} bytes`);
        chunks.push(chunk);
      });
      res.once("end", () => {
        result.bodyBytes = size;
        result.body = Buffer.concat(chunks).toString("utf8");
        finish("ok");
      });
      res.once("error", (err: NodeJS.ErrnoException) => finish("http-error", err.code ?? err.message));
      res.once("aborted", () => finish("http-error", "connection closed mid-response"));
    });
    req.end();
  });
}
