import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import type { RunContext } from "../../../src/core/context.js";
import { createMemoryResolver } from "../../../src/net/dns/memory.js";

/** An in-process TCP server on 127.0.0.1 that runs `handler` for each connection. */
export interface TestServer {
  port: number;
  connections: number;
  close(): Promise<void>;
}

export async function startServer(handler: (socket: Socket) => void): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
    handler(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const state: TestServer = {
    port: (server.address() as AddressInfo).port,
    connections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return state;
}

/** Writes `total` bytes of `byte` in 64 KiB chunks, respecting backpressure, until done or closed. */
export async function flood(socket: Socket, total: number, byte = 0x41): Promise<void> {
  const chunk = Buffer.alloc(65536, byte);
  let sent = 0;
  while (sent < total && !socket.destroyed) {
    const ok = socket.write(chunk);
    sent += chunk.length;
    if (!ok)
      await new Promise<void>((resolve) => {
        socket.once("drain", resolve);
        socket.once("close", resolve);
      });
  }
}

/** A line-based fake SMTP server: `answers` maps a command prefix (upper case) to the reply. */
export function smtpScript(banner: string, answers: Record<string, string>): (socket: Socket) => void {
  return (socket) => {
    socket.write(banner);
    let buf = "";
    socket.on("data", (d) => {
      buf += d.toString("latin1");
      let i;
      while ((i = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, i).replace(/\r$/, "");
        buf = buf.slice(i + 1);
        const key = Object.keys(answers).find((k) => line.toUpperCase().startsWith(k));
        socket.write(key ? answers[key]! : "502 5.5.2 unknown\r\n");
        if (line.toUpperCase() === "QUIT") socket.end();
      }
    });
  };
}

/** A run context for unit tests: in-memory DNS, short time limits. */
export function testContext(
  timeoutMs = 500,
  records: Parameters<typeof createMemoryResolver>[0] = [],
): RunContext {
  return {
    dns: createMemoryResolver(records),
    timeoutMs,
    now: () => new Date("2026-12-03T12:00:00Z"),
    progress: { step: () => {} },
    perHostConcurrency: 2,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
