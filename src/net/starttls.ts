import type { Socket } from "node:net";

/** Application protocols whose plaintext preamble can upgrade to TLS. */
export type StarttlsProtocol = "smtp" | "imap" | "pop3";

export const STARTTLS_PROTOCOLS: readonly StarttlsProtocol[] = ["smtp", "imap", "pop3"];

/** Why a preamble did not reach "ready to start TLS". */
export type PreambleFailure =
  | "timeout" // no complete reply within the time allowed
  | "closed" // the server closed the connection
  | "greeting-rejected" // 421/554 banner, `* BYE`, `-ERR`
  | "not-offered" // EHLO/CAPABILITY do not list STARTTLS (SMTP only: IMAP/POP3 just try)
  | "refused" // the STARTTLS/STLS command was answered with an error
  | "too-long" // a line or a reply larger than the bound
  | "garbage" // not this protocol at all (binary data, a TLS alert...)
  | "aborted"
  | "error"; // socket error (reset...)

export type PreambleResult =
  | { ok: true; transcript: string[]; elapsedMs: number; capabilities: string[]; trailingBytes: number }
  | {
      ok: false;
      reason: PreambleFailure;
      detail: string;
      transcript: string[];
      elapsedMs: number;
      capabilities: string[];
    };

export interface PreambleOptions {
  /** Name sent in EHLO (SMTP); default `mxray.invalid`. */
  ehloName?: string;
  /** Time limit of each reply, in milliseconds. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Longest line accepted, bytes (default 4096; RFC 5321 allows 512 for replies). */
  maxLineBytes?: number;
  /** Most lines in one reply (default 100). */
  maxReplyLines?: number;
}

class PreambleError extends Error {
  constructor(
    readonly reason: PreambleFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/** Keeps transcript lines short and printable as data (escaping happens at render time). */
function clip(line: string): string {
  return line.length > 300 ? `${line.slice(0, 300)}... (${line.length} characters)` : line;
}

/**
 * Reads CRLF lines from a socket with bounds on line length, reply size and time. Data that arrives
 * after the last line asked for is counted (`pending`) so the caller can see bytes a server sent
 * before the TLS handshake (the STARTTLS command-injection symptom, CVE-2011-0411 class).
 */
class LineReader {
  private buffer = Buffer.alloc(0);
  private waiter?: () => void;
  private ended?: PreambleError;
  private readonly onData = (chunk: Buffer) => {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    if (this.buffer.length > this.maxLine * 4 && this.buffer.indexOf(10) < 0) {
      this.ended = new PreambleError("too-long", `a line longer than ${this.maxLine} bytes`);
    }
    this.waiter?.();
  };
  private readonly onEnd = () => {
    this.ended ??= new PreambleError("closed", "the server closed the connection");
    this.waiter?.();
  };
  private readonly onError = (err: Error) => {
    this.ended ??= new PreambleError("error", err.message);
    this.waiter?.();
  };

  constructor(
    private readonly socket: Socket,
    private readonly maxLine: number,
  ) {
    socket.on("data", this.onData);
    socket.on("end", this.onEnd);
    socket.on("close", this.onEnd);
    socket.on("error", this.onError);
  }

  get pending(): number {
    return this.buffer.length;
  }

  detach(): void {
    this.socket.off("data", this.onData);
    this.socket.off("end", this.onEnd);
    this.socket.off("close", this.onEnd);
    this.socket.off("error", this.onError);
    this.socket.pause();
  }

  /**
   * The next line without its CRLF, as latin1 (bytes stay visible; nothing is decoded). `deadline` is
   * absolute and shared by all lines of one reply, so a slow drip cannot stretch a reply forever.
   */
  async line(deadline: number, signal?: AbortSignal): Promise<string> {
    for (;;) {
      const nl = this.buffer.indexOf(10);
      if (nl >= 0) {
        if (nl > this.maxLine)
          throw new PreambleError("too-long", `a line of ${nl} bytes (limit ${this.maxLine})`);
        const raw = this.buffer.subarray(0, nl).toString("latin1").replace(/\r$/, "");
        this.buffer = this.buffer.subarray(nl + 1);
        return raw;
      }
      if (this.buffer.length > this.maxLine)
        throw new PreambleError("too-long", `a line longer than ${this.maxLine} bytes`);
      if (this.ended) throw this.ended;
      if (signal?.aborted) throw new PreambleError("aborted", "aborted");
      const left = deadline - Date.now();
      if (left <= 0) throw new PreambleError("timeout", "no complete reply in the time allowed");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        const onAbort = () => done();
        signal?.addEventListener("abort", onAbort, { once: true });
        this.waiter = done;
        function done() {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          resolve();
        }
      });
      this.waiter = undefined;
    }
  }
}

/** True when a line looks like binary data rather than a text protocol line. */
function looksBinary(line: string): boolean {
  return /[\x00-\x08\x0e-\x1f]/.test(line);
}

async function smtpReply(
  reader: LineReader,
  transcript: string[],
  opts: Required<Pick<PreambleOptions, "timeoutMs" | "maxReplyLines">> & PreambleOptions,
) {
  const lines: string[] = [];
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const line = await reader.line(deadline, opts.signal);
    transcript.push(`S: ${clip(line)}`);
    if (looksBinary(line) || !/^\d{3}([ -]|$)/.test(line))
      throw new PreambleError("garbage", `not an SMTP reply: ${JSON.stringify(clip(line))}`);
    lines.push(line);
    if (lines.length > opts.maxReplyLines)
      throw new PreambleError("too-long", `a reply of more than ${opts.maxReplyLines} lines`);
    if (line[3] !== "-") return { code: Number(line.slice(0, 3)), lines };
  }
}

function send(socket: Socket, transcript: string[], line: string): void {
  transcript.push(`C: ${line}`);
  socket.write(`${line}\r\n`);
}

/**
 * Takes a connected socket through the plaintext preamble of SMTP (greeting, EHLO, STARTTLS 220),
 * IMAP (`a STARTTLS`) or POP3 (`STLS`) up to the point where the TLS handshake starts. Every reply is
 * bounded in time and size; the outcome is a value (never throws). The socket is left paused with no
 * listeners, ready for `tls.connect({ socket })`.
 * @example
 *   const sock = net.connect(25, "192.0.2.1");
 *   const pre = await starttlsPreamble(sock, "smtp", { timeoutMs: 5000 });
 *   if (pre.ok) tls.connect({ socket: sock, servername: "mx.example.com" });
 */
export async function starttlsPreamble(
  socket: Socket,
  protocol: StarttlsProtocol,
  options: PreambleOptions,
): Promise<PreambleResult> {
  const started = Date.now();
  const transcript: string[] = [];
  const capabilities: string[] = [];
  const opts = { maxReplyLines: 100, ...options };
  const reader = new LineReader(socket, options.maxLineBytes ?? 4096);
  try {
    if (protocol === "smtp") {
      const greeting = await smtpReply(reader, transcript, opts);
      if (greeting.code !== 220) throw new PreambleError("greeting-rejected", `greeting ${greeting.code}`);
      send(socket, transcript, `EHLO ${options.ehloName ?? "mxray.invalid"}`);
      const ehlo = await smtpReply(reader, transcript, opts);
      if (ehlo.code !== 250) throw new PreambleError("refused", `EHLO answered ${ehlo.code}`);
      capabilities.push(...ehlo.lines.slice(1).map((l) => l.slice(4).trim()));
      if (!capabilities.some((c) => /^STARTTLS\b/i.test(c)))
        throw new PreambleError("not-offered", "EHLO does not list STARTTLS");
      send(socket, transcript, "STARTTLS");
      const reply = await smtpReply(reader, transcript, opts);
      if (reply.code !== 220) throw new PreambleError("refused", `STARTTLS answered ${reply.code}`);
    } else if (protocol === "imap") {
      const greeting = await reader.line(Date.now() + opts.timeoutMs, opts.signal);
      transcript.push(`S: ${clip(greeting)}`);
      if (looksBinary(greeting) || !/^\* (OK|PREAUTH|BYE)\b/i.test(greeting))
        throw new PreambleError("garbage", `not an IMAP greeting: ${JSON.stringify(clip(greeting))}`);
      if (/^\* BYE/i.test(greeting)) throw new PreambleError("greeting-rejected", "IMAP greeting BYE");
      const caps = /\[CAPABILITY ([^\]]*)\]/i.exec(greeting);
      if (caps?.[1]) capabilities.push(...caps[1].split(/\s+/));
      send(socket, transcript, "a STARTTLS");
      const deadline = Date.now() + opts.timeoutMs;
      for (let i = 0; ; i++) {
        const line = await reader.line(deadline, opts.signal);
        transcript.push(`S: ${clip(line)}`);
        if (looksBinary(line)) throw new PreambleError("garbage", "binary data instead of an IMAP response");
        if (/^a OK\b/i.test(line)) break;
        if (/^a (NO|BAD)\b/i.test(line))
          throw new PreambleError("refused", `STARTTLS answered: ${clip(line)}`);
        if (i >= opts.maxReplyLines)
          throw new PreambleError(
            "too-long",
            `more than ${opts.maxReplyLines} lines before the tagged reply`,
          );
      }
    } else {
      const greeting = await reader.line(Date.now() + opts.timeoutMs, opts.signal);
      transcript.push(`S: ${clip(greeting)}`);
      if (/^-ERR/i.test(greeting)) throw new PreambleError("greeting-rejected", "POP3 greeting -ERR");
      if (looksBinary(greeting) || !/^\+OK/i.test(greeting))
        throw new PreambleError("garbage", `not a POP3 greeting: ${JSON.stringify(clip(greeting))}`);
      send(socket, transcript, "STLS");
      const reply = await reader.line(Date.now() + opts.timeoutMs, opts.signal);
      transcript.push(`S: ${clip(reply)}`);
      if (!/^\+OK/i.test(reply)) throw new PreambleError("refused", `STLS answered: ${clip(reply)}`);
    }
    const trailingBytes = reader.pending;
    reader.detach();
    return { ok: true, transcript, elapsedMs: Date.now() - started, capabilities, trailingBytes };
  } catch (err) {
    reader.detach();
    const reason = err instanceof PreambleError ? err.reason : "error";
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, reason, detail, transcript, elapsedMs: Date.now() - started, capabilities };
  }
}

/** The usual protocol of a port: 25/587/2525 SMTP STARTTLS, 143 IMAP, 110 POP3; undefined = implicit TLS. */
export function defaultStarttls(port: number): StarttlsProtocol | undefined {
  if (port === 25 || port === 587 || port === 2525) return "smtp";
  if (port === 143) return "imap";
  if (port === 110) return "pop3";
  return undefined;
}
