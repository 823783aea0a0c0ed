import { randomInt } from "node:crypto";
import { createSocket, type Socket } from "node:dgram";
import type { ServerAddress } from "./resolver-spec.js";

/** Called with each datagram carrying the listener's query id, or once with a socket error. */
export interface Listener {
  onMessage(msg: Buffer): void;
  onError(err: unknown): void;
}

/** A socket closes itself after this long without a pending query, so a client leaks nothing. */
const IDLE_MS = 2000;

/**
 * One connected UDP socket shared by concurrent queries to one server, told apart by query id (as
 * c-ares and stub resolvers do): a socket per query costs more in system calls than the query itself.
 * Connected, so the kernel drops datagrams from any other address and turns ICMP port-unreachable
 * into ECONNREFUSED for us.
 */
export class UdpChannel {
  private readonly socket: Socket;
  private readonly pending = new Map<number, Listener>();
  private readonly ready: Promise<void>;
  private idle: NodeJS.Timeout | undefined;
  closed = false;

  constructor(
    server: ServerAddress,
    private readonly onClose: (channel: UdpChannel) => void,
  ) {
    this.socket = createSocket(server.family === 6 ? "udp6" : "udp4");
    this.socket.on("message", (msg: Buffer) => {
      if (msg.length >= 2) this.pending.get(msg.readUInt16BE(0))?.onMessage(msg);
    });
    this.socket.on("error", (err) => this.fail(err));
    this.ready = new Promise<void>((resolve) =>
      this.socket.connect(server.port, server.host, () => resolve()),
    );
    // Pending queries hold their own timers; an idle shared socket must not keep the process alive.
    this.socket.unref();
    this.armIdle();
  }

  /** A random id not in use on this socket, or undefined when (absurdly) all 65536 are taken. */
  freeId(): number | undefined {
    if (this.pending.size >= 0x10000) return undefined;
    for (;;) {
      const id = randomInt(0, 0x10000);
      if (!this.pending.has(id)) return id;
    }
  }

  get load(): number {
    return this.pending.size;
  }

  /** Sends a query and routes datagrams with its id to `listener` until the returned function is called. */
  send(id: number, query: Buffer, listener: Listener): () => void {
    this.pending.set(id, listener);
    clearTimeout(this.idle);
    this.ready.then(
      () => {
        if (this.closed || this.pending.get(id) !== listener) return;
        this.socket.send(query, (err) => {
          if (err) listener.onError(err);
        });
      },
      (err: unknown) => listener.onError(err),
    );
    return () => {
      if (this.pending.get(id) === listener) this.pending.delete(id);
      if (this.pending.size === 0) this.armIdle();
    };
  }

  private armIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.close(), IDLE_MS);
    this.idle.unref();
  }

  /** A socket error concerns every query on it (they all go to the same server): tell them, then retire. */
  private fail(err: unknown): void {
    const listeners = [...this.pending.values()];
    this.pending.clear();
    this.close();
    for (const l of listeners) l.onError(err);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idle);
    this.onClose(this);
    try {
      this.socket.close();
    } catch {
      // already closed by an error
    }
  }
}

/**
 * A few channels per server, picked at random, so the answers to one client do not all arrive on a
 * single source port (a little harder to spoof, and no head-of-line wait on one socket buffer).
 * @example
 *   const pool = new UdpPool(4);
 *   const { channel, id } = pool.acquire({ host: "127.0.0.3", port: 53, family: 4 });
 */
export class UdpPool {
  private readonly channels = new Map<string, UdpChannel[]>();

  constructor(private readonly perServer = 4) {}

  acquire(server: ServerAddress): { channel: UdpChannel; id: number } {
    const key = `${server.host}|${server.port}`;
    const list = this.channels.get(key) ?? [];
    this.channels.set(key, list);
    if (list.length < this.perServer) {
      list.push(
        new UdpChannel(server, (c) => {
          const at = list.indexOf(c);
          if (at >= 0) list.splice(at, 1);
        }),
      );
    }
    const first = randomInt(0, list.length);
    for (let i = 0; i < list.length; i++) {
      const channel = list[(first + i) % list.length];
      const id = channel?.freeId();
      if (channel && id !== undefined) return { channel, id };
    }
    // The client bounds queries in flight far below 65536 per socket; getting here is a bug.
    throw new Error("no free DNS query id");
  }
}
