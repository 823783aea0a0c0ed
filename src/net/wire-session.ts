import type { Socket } from "node:net";
import { connect as tlsConnect, rootCertificates, type TLSSocket } from "node:tls";
import { LineReader, WireFailure } from "./line-reader.js";
import { closeSocket } from "./tcp.js";

/** One line of a protocol dialogue, as evidence. */
export interface TranscriptLine {
  /** Milliseconds since the connection opened. */
  t: number;
  /** `C` what mxray sent, `S` what the server sent, `*` an event (TLS started, timeout...). */
  dir: "C" | "S" | "*";
  text: string;
}

/** The facts of a TLS handshake, as seen by the client (judged by the TLS checks). */
export interface TlsHandshakeFacts {
  ok: boolean;
  /** `TLSv1.3`, `TLSv1.2`... */
  protocol?: string;
  /** OpenSSL cipher name. */
  cipher?: string;
  /** Whether the chain verified against the system store plus extra CAs, and the name matched. */
  authorized?: boolean;
  /** OpenSSL / Node code when not authorized: `CERT_HAS_EXPIRED`, `ERR_TLS_CERT_ALTNAME_INVALID`... */
  authorizationError?: string;
  /** Name sent in SNI and checked against the certificate (absent for an IP address target). */
  servername?: string;
  subject?: string;
  issuer?: string;
  validFrom?: string;
  validTo?: string;
  handshakeMs: number;
  /** Why the handshake failed. */
  error?: string;
}

export interface WireSessionOptions {
  /** Longest accepted line (bytes). */
  maxLineLength: number;
  /** Time limit of one reply (a whole multi-line reply) and of the TLS handshake. */
  replyTimeoutMs: number;
  /** Time limit of the whole session. */
  sessionTimeoutMs: number;
  signal?: AbortSignal;
  /** Extra trusted CAs (PEM) for verification, added to the system store. */
  extraCa?: string[];
}

const MAX_TRANSCRIPT = 300;
const MAX_TRANSCRIPT_LINE = 400;

/**
 * A line-oriented conversation over one connection (SMTP, IMAP, POP3): bounded reads, a transcript
 * with timings, and the STARTTLS upgrade. The protocol clients build on it.
 *
 * @example
 *   const s = new WireSession(socket, { maxLineLength: 4096, replyTimeoutMs: 5000, sessionTimeoutMs: 60000 });
 *   const greeting = await s.readLine(s.replyDeadline());
 */
export class WireSession {
  readonly transcript: TranscriptLine[] = [];
  /** Lines left out of the transcript once it was full. */
  omitted = 0;
  private readonly started = performance.now();
  private readonly deadline: number;
  private reader: LineReader;
  private current: Socket | TLSSocket;

  constructor(
    socket: Socket,
    readonly options: WireSessionOptions,
  ) {
    this.deadline = Date.now() + options.sessionTimeoutMs;
    this.current = socket;
    this.reader = this.newReader(socket);
  }

  /** Milliseconds since the connection opened. */
  elapsed(): number {
    return Math.round((performance.now() - this.started) * 10) / 10;
  }

  /** Epoch ms by which the next reply must be complete. */
  replyDeadline(): number {
    return Date.now() + this.options.replyTimeoutMs;
  }

  note(dir: TranscriptLine["dir"], text: string): void {
    if (this.transcript.length >= MAX_TRANSCRIPT) {
      this.omitted++;
      return;
    }
    const shown =
      text.length > MAX_TRANSCRIPT_LINE
        ? `${text.slice(0, MAX_TRANSCRIPT_LINE)}… (${text.length} chars)`
        : text;
    this.transcript.push({ t: this.elapsed(), dir, text: shown });
  }

  /** Reads one line that must arrive before `until` (epoch ms), recording it. */
  async readLine(until: number): Promise<string> {
    try {
      const line = await this.reader.readLine(Math.max(1, until - Date.now()));
      this.note("S", line);
      return line;
    } catch (err) {
      if (err instanceof WireFailure)
        this.note("*", `${err.kind}: ${err.message}${err.sample ? ` [${err.sample}]` : ""}`);
      throw err;
    }
  }

  /** Sends one line (CRLF added). */
  send(line: string, shown = line): void {
    // A name from DNS or from a caller must never smuggle a second command into the dialogue.
    if (/[\r\n\0]/.test(line))
      throw new WireFailure("error", "refused to send a command containing a line break or NUL");
    this.note("C", shown);
    if (!this.current.destroyed) this.current.write(`${line}\r\n`);
  }

  /** True when the server sent data nobody asked for yet. */
  get hasBufferedData(): boolean {
    return this.reader.hasBufferedData;
  }

  /**
   * Upgrades the connection to TLS (after the protocol said "go ahead", or at once for implicit
   * TLS). Verification is recorded, not enforced: an MTA delivers over unverified TLS too.
   * Bytes the server sent before the handshake are reported (`leftover`): RFC 3207 §5 forbids them.
   */
  async startTls(servername: string | undefined): Promise<TlsHandshakeFacts & { leftover: number }> {
    const leftover = this.reader.detach();
    const plain = this.current;
    const t0 = performance.now();
    const ms = () => Math.round((performance.now() - t0) * 10) / 10;
    const limit = Math.max(1, Math.min(this.options.replyTimeoutMs, this.deadline - Date.now()));
    const socket = tlsConnect({
      socket: plain,
      servername,
      rejectUnauthorized: false,
      ca: this.options.extraCa?.length ? [...rootCertificates, ...this.options.extraCa] : undefined,
      // Accept what a lenient MTA accepts, so the handshake shows what the server really negotiates.
      minVersion: "TLSv1",
      ciphers: "DEFAULT:@SECLEVEL=0",
    });
    this.current = socket;
    const signal = this.options.signal;
    const facts = await new Promise<TlsHandshakeFacts>((resolve) => {
      const timer = setTimeout(
        () => done({ ok: false, handshakeMs: ms(), error: `no TLS handshake within ${limit} ms` }),
        limit,
      );
      const onAbort = () => done({ ok: false, handshakeMs: ms(), error: "aborted" });
      function done(f: TlsHandshakeFacts) {
        clearTimeout(timer);
        socket.off("secureConnect", onSecure);
        socket.off("error", onError);
        socket.off("close", onClose);
        signal?.removeEventListener("abort", onAbort);
        resolve(f);
      }
      const onError = (err: NodeJS.ErrnoException) =>
        done({ ok: false, handshakeMs: ms(), error: `${err.code ?? "ERROR"}: ${err.message}`.slice(0, 300) });
      const onClose = () =>
        done({
          ok: false,
          handshakeMs: ms(),
          error: "the server closed the connection during the handshake",
        });
      const onSecure = () => {
        const cert = socket.getPeerCertificate();
        const name = (x: Record<string, string | string[]> | undefined) => {
          const cn = x?.CN;
          return Array.isArray(cn) ? cn.join(",") : cn;
        };
        done({
          ok: true,
          protocol: socket.getProtocol() ?? undefined,
          cipher: socket.getCipher()?.name,
          authorized: socket.authorized,
          authorizationError: socket.authorizationError ? String(socket.authorizationError) : undefined,
          subject:
            cert && "subject" in cert ? name(cert.subject as unknown as Record<string, string>) : undefined,
          issuer:
            cert && "issuer" in cert ? name(cert.issuer as unknown as Record<string, string>) : undefined,
          validFrom: cert?.valid_from,
          validTo: cert?.valid_to,
          handshakeMs: ms(),
        });
      };
      socket.once("secureConnect", onSecure);
      socket.once("error", onError);
      socket.once("close", onClose);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    if (servername) facts.servername = servername;
    socket.on("error", () => {});
    this.note(
      "*",
      facts.ok
        ? `TLS ${facts.protocol} ${facts.cipher} (${facts.authorized ? "verified" : `not verified: ${facts.authorizationError}`})`
        : `TLS handshake failed: ${facts.error}`,
    );
    if (facts.ok) this.reader = this.newReader(socket);
    return { ...facts, leftover };
  }

  /** Closes the connection (politely when it is still up). */
  close(): void {
    this.reader.detach();
    closeSocket(this.current as Socket);
  }

  private newReader(socket: Socket | TLSSocket): LineReader {
    return new LineReader(socket, {
      maxLineLength: this.options.maxLineLength,
      deadline: this.deadline,
      signal: this.options.signal,
    });
  }
}

/** Transcript lines as evidence text: `[12.3 ms] S: 220 mx.example.com ESMTP`. */
export function formatTranscript(lines: readonly TranscriptLine[], omitted = 0): string[] {
  const out = lines.map((l) => `[${l.t.toFixed(1)} ms] ${l.dir}: ${l.text}`);
  if (omitted) out.push(`… ${omitted} more lines not kept`);
  return out;
}
