import type { Socket } from "node:net";
import type { TLSSocket } from "node:tls";

/** Why a read ended without a line. Each is an expected outcome with a hostile or broken peer. */
export type WireFailureKind =
  | "timeout" // the reply did not complete within its own time limit
  | "deadline" // the whole session ran out of time (a slow drip ends here at the latest)
  | "closed" // the peer closed the connection (possibly mid-line)
  | "line-too-long" // more bytes than allowed without a line end: not buffered, connection dropped
  | "too-many-lines" // a multi-line reply longer than allowed
  | "invalid-reply" // a line that is not a reply of the protocol spoken (e.g. no 3-digit code)
  | "tls-failed" // the TLS handshake failed
  | "aborted" // the caller's AbortSignal fired
  | "error"; // socket error (ECONNRESET...)

/**
 * A failed wire step. Thrown inside the protocol clients and caught by the probes, which turn it
 * into evidence: a hostile server is an expected outcome, never a crash.
 */
export class WireFailure extends Error {
  override readonly name = "WireFailure";
  constructor(
    readonly kind: WireFailureKind,
    message: string,
    /** Start of the offending data, for evidence (never the whole of it). */
    readonly sample?: string,
  ) {
    super(message);
  }
}

export interface LineReaderOptions {
  /** Longest line accepted, in bytes, without its line end. */
  maxLineLength: number;
  /** Epoch ms after which every read fails with `deadline`: bounds a whole session. */
  deadline: number;
  signal?: AbortSignal;
}

type Waiter = { resolve: (line: string) => void; reject: (err: WireFailure) => void };

/**
 * Splits what a socket sends into lines (LF or CRLF), holding at most `maxLineLength` bytes of an
 * unfinished line: a 10 MB line fails with `line-too-long` after the first chunk, and the socket is
 * destroyed so nothing more is read. Every read has its own timeout and the session a deadline, so a
 * server that drips one byte a second still ends in bounded time.
 *
 * @example
 *   const reader = new LineReader(socket, { maxLineLength: 4096, deadline: Date.now() + 30_000 });
 *   const banner = await reader.readLine(5000); // "220 mx.example.com ESMTP"
 */
export class LineReader {
  private lines: string[] = [];
  /** Raw size (line end included) of each queued line, to report unread bytes exactly. */
  private lineBytes: number[] = [];
  private partial: Buffer[] = [];
  private partialLength = 0;
  private failure: WireFailure | undefined;
  private waiter: Waiter | undefined;
  private detached = false;
  private readonly onData = (chunk: Buffer) => this.push(chunk);
  private readonly onEnd = () =>
    this.fail(new WireFailure("closed", "the server closed the connection", this.partialSample()));
  private readonly onError = (err: NodeJS.ErrnoException) =>
    this.fail(new WireFailure("error", `socket error: ${err.code ?? err.message}`));
  private readonly onAbort = () => this.fail(new WireFailure("aborted", "aborted"));

  constructor(
    private readonly socket: Socket | TLSSocket,
    private readonly options: LineReaderOptions,
  ) {
    socket.on("data", this.onData);
    socket.on("end", this.onEnd);
    socket.on("close", this.onEnd);
    socket.on("error", this.onError);
    options.signal?.addEventListener("abort", this.onAbort, { once: true });
  }

  /** True when complete lines are waiting (e.g. sent before they were asked for). */
  get hasBufferedData(): boolean {
    return this.lines.length > 0 || this.partialLength > 0;
  }

  /**
   * The next line, without its line end, decoded as latin1 so that any byte survives (callers treat
   * it as data). Rejects with a WireFailure on timeout, deadline, close, overlong line or abort.
   */
  readLine(timeoutMs: number): Promise<string> {
    const ready = this.lines.shift();
    if (ready !== undefined) {
      this.lineBytes.shift();
      return Promise.resolve(ready);
    }
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiter) return Promise.reject(new WireFailure("error", "concurrent reads on one connection"));
    const remaining = this.options.deadline - Date.now();
    if (remaining <= 0)
      return Promise.reject(new WireFailure("deadline", "the session time limit was reached"));
    const ms = Math.min(timeoutMs, remaining);
    const kind: WireFailureKind = timeoutMs <= remaining ? "timeout" : "deadline";
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        const sample = this.partialSample();
        const what = sample ? ` (${this.partialLength} bytes of an unfinished line)` : "";
        reject(new WireFailure(kind, `no complete line within ${ms} ms${what}`, sample));
      }, ms);
      this.waiter = {
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
    });
  }

  /**
   * Stops reading from the socket (before a TLS upgrade) and returns how many bytes were received
   * but not yet read: after `220 Ready to start TLS` there must be none (RFC 3207 §5).
   */
  detach(): number {
    this.detached = true;
    this.socket.off("data", this.onData);
    this.socket.off("end", this.onEnd);
    this.socket.off("close", this.onEnd);
    this.socket.off("error", this.onError);
    this.options.signal?.removeEventListener("abort", this.onAbort);
    const unread = this.lineBytes.reduce((a, b) => a + b, 0) + this.partialLength;
    this.lines = [];
    this.lineBytes = [];
    this.partial = [];
    this.partialLength = 0;
    return unread;
  }

  private push(chunk: Buffer): void {
    if (this.failure || this.detached) return;
    let start = 0;
    for (;;) {
      const lf = chunk.indexOf(0x0a, start);
      if (lf < 0) break;
      const piece = chunk.subarray(start, lf);
      if (this.partialLength + piece.length > this.options.maxLineLength) return this.tooLong(piece);
      const whole = this.partial.length ? Buffer.concat([...this.partial, piece]) : piece;
      this.partial = [];
      this.partialLength = 0;
      const end = whole.length && whole[whole.length - 1] === 0x0d ? whole.length - 1 : whole.length;
      this.deliver(whole.toString("latin1", 0, end), whole.length + 1);
      start = lf + 1;
    }
    const rest = chunk.subarray(start);
    if (!rest.length) return;
    if (this.partialLength + rest.length > this.options.maxLineLength) return this.tooLong(rest);
    // copy: the chunk may be a view into a larger pooled buffer we must not pin
    this.partial.push(Buffer.from(rest));
    this.partialLength += rest.length;
  }

  private tooLong(piece: Buffer): void {
    const sample = Buffer.concat([...this.partial, piece.subarray(0, 80)]).toString("latin1", 0, 80);
    this.partial = [];
    this.partialLength = 0;
    this.fail(
      new WireFailure("line-too-long", `a line longer than ${this.options.maxLineLength} bytes`, sample),
    );
    // Stop the flood at once: reading on would buffer it in the kernel and in Node.
    this.socket.destroy();
  }

  private deliver(line: string, rawBytes: number): void {
    const w = this.waiter;
    if (w) {
      this.waiter = undefined;
      w.resolve(line);
      return;
    }
    // Unrequested lines are kept, but only a few: a server that streams lines unasked is failed.
    if (this.lines.length >= 1000) {
      this.fail(new WireFailure("too-many-lines", "more than 1000 unrequested lines"));
      this.socket.destroy();
      return;
    }
    this.lines.push(line);
    this.lineBytes.push(rawBytes);
  }

  private fail(err: WireFailure): void {
    if (this.failure || this.detached) return;
    this.failure = err;
    const w = this.waiter;
    this.waiter = undefined;
    w?.reject(err);
  }

  private partialSample(): string | undefined {
    if (!this.partialLength) return undefined;
    return Buffer.concat(this.partial).toString("latin1", 0, 80);
  }
}
