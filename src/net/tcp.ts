import { connect, isIP, type Socket } from "node:net";

/** What a TCP connect attempt found. */
export type PortState =
  | "open" // the handshake completed
  | "closed" // RST: nothing listens (ECONNREFUSED)
  | "filtered" // no answer at all within the time limit: a firewall drops the packets
  | "unreachable" // an ICMP error came back (EHOSTUNREACH, ENETUNREACH...)
  | "error"; // anything else (EADDRNOTAVAIL, aborted...)

export type ConnectResult =
  | { state: "open"; socket: Socket; connectMs: number }
  | { state: Exclude<PortState, "open">; code: string; elapsedMs: number };

export interface ConnectOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  localAddress?: string;
}

const UNREACHABLE = new Set(["EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EPROTO", "ENONET"]);

/** Maps a connect error code to a port state. */
export function classifyConnectError(code: string | undefined): Exclude<PortState, "open" | "filtered"> {
  if (code === "ECONNREFUSED") return "closed";
  if (code && UNREACHABLE.has(code)) return "unreachable";
  return "error";
}

/**
 * Opens a TCP connection and says what happened, without throwing: refused, dropped (timeout) and
 * ICMP errors are the answers a port scan is after.
 *
 * @example
 *   const r = await connectTcp("127.0.0.10", 25, { timeoutMs: 5000 });
 *   if (r.state === "open") r.socket.end();
 */
export function connectTcp(host: string, port: number, options: ConnectOptions): Promise<ConnectResult> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
  return new Promise((resolve) => {
    if (options.signal?.aborted) return resolve({ state: "error", code: "ABORTED", elapsedMs: 0 });
    const socket = connect({
      host,
      port,
      localAddress: options.localAddress,
      family: isIP(host) || undefined,
    });
    let settled = false;
    const finish = (result: ConnectResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      socket.off("connect", onConnect);
      socket.off("error", onError);
      if (result.state !== "open") socket.destroy();
      resolve(result);
    };
    const onConnect = () => {
      socket.setNoDelay(true);
      finish({ state: "open", socket, connectMs: elapsed() });
    };
    const onError = (err: NodeJS.ErrnoException) => {
      const code = err.code ?? "ERROR";
      finish({
        state: code === "ETIMEDOUT" ? "filtered" : classifyConnectError(code),
        code,
        elapsedMs: elapsed(),
      });
    };
    const onAbort = () => finish({ state: "error", code: "ABORTED", elapsedMs: elapsed() });
    const timer = setTimeout(
      () => finish({ state: "filtered", code: "TIMEOUT", elapsedMs: elapsed() }),
      options.timeoutMs,
    );
    socket.once("connect", onConnect);
    socket.once("error", onError);
    options.signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Closes a socket politely, then for sure. */
export function closeSocket(socket: Socket): void {
  socket.end();
  setTimeout(() => socket.destroy(), 1000).unref();
  socket.on("error", () => {});
}

/**
 * Splits `host[:port]`: `mx.example.com:587`, `192.0.2.1`, `[2001:db8::1]:25`, or a bare IPv6
 * address. Returns undefined when the port is not a number from 1 to 65535.
 *
 * @example
 *   parseHostPort("[::1]:25") // { host: "::1", port: 25 }
 *   parseHostPort("::1") // { host: "::1", port: undefined }
 */
export function parseHostPort(input: string): { host: string; port: number | undefined } | undefined {
  const text = input.trim();
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const [host, portText] = bracket
    ? [bracket[1]!, bracket[2]]
    : isIP(text) === 6
      ? [text, undefined]
      : ((m) => (m ? [m[1]!, m[2]] : [text, undefined]))(/^([^:]+):(\d+)$/.exec(text));
  if (!host || (host.includes(":") && isIP(host) !== 6)) return undefined;
  if (portText === undefined) return { host, port: undefined };
  const port = Number(portText);
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? { host, port } : undefined;
}
