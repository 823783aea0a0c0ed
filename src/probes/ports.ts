import { isIP } from "node:net";
import type { RunContext } from "../core/context.js";
import type { HostLimiter } from "../net/host-limiter.js";
import { connectTcp } from "../net/tcp.js";
import type { PortResult } from "./servers-evidence.js";

/**
 * Connects once to one address and port and closes again.
 *
 * @example
 *   await probePort("mx.example.com", "192.0.2.1", 25, { timeoutMs: 5000 }); // { state: "open", ms: 0.4, ... }
 */
export async function probePort(
  host: string,
  address: string,
  port: number,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<PortResult> {
  const r = await connectTcp(address, port, options);
  if (r.state === "open") {
    // RST rather than FIN handshake: a scan should not leave sessions for the server to time out
    r.socket.resetAndDestroy();
    return { host, address, port, state: "open", ms: r.connectMs };
  }
  return { host, address, port, state: r.state, ms: r.elapsedMs, code: r.code };
}

/**
 * Scans `ports` on every address of every host, at most `ctx.perHostConcurrency` connections at
 * once per address (through the shared limiter), all addresses in parallel. Results come back in
 * host, address, port order.
 */
export async function scanPorts(
  hosts: ReadonlyArray<{ name: string; addresses: readonly string[] }>,
  ports: readonly number[],
  ctx: RunContext,
  limiter: HostLimiter,
): Promise<PortResult[]> {
  const jobs: Array<Promise<PortResult>> = [];
  // An address shared by two MX names is scanned once, under the first (most preferred) name.
  const seen = new Set<string>();
  for (const h of hosts) {
    for (const address of h.addresses) {
      if (!isIP(address) || seen.has(address)) continue;
      seen.add(address);
      for (const port of ports) {
        jobs.push(
          (async () => {
            const release = await limiter.acquire(address, ctx.signal);
            try {
              return await probePort(h.name, address, port, { timeoutMs: ctx.timeoutMs, signal: ctx.signal });
            } finally {
              release();
            }
          })(),
        );
      }
    }
  }
  return Promise.all(jobs);
}

/**
 * Parses `--ports 25,465,587` (ranges allowed: `25,587-588`). Returns undefined for invalid input.
 *
 * @example
 *   parsePortList("25,110-111") // [25, 110, 111]
 */
export function parsePortList(spec: string): number[] | undefined {
  const out: number[] = [];
  for (const part of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    if (!m) return undefined;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (a < 1 || b > 65535 || b < a || b - a > 1024) return undefined;
    for (let p = a; p <= b; p++) if (!out.includes(p)) out.push(p);
  }
  return out.length ? out : undefined;
}
