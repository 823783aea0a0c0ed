/**
 * DNS client throughput, side by side with Node's own resolver (c-ares) on the same questions:
 * against the in-process authoritative server, and against the lab's Unbound (127.0.0.3) when it
 * runs. Distinct names, mxray's cache off, bounded concurrency. Loopback only.
 * Run alone: `node --import tsx bench/dns-client.ts`.
 */
import { Resolver } from "node:dns/promises";
import { connect } from "node:net";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createDnsClient } from "../src/net/dns/client.js";
import { startDnsServer } from "../src/net/dns/server.js";
import type { DnsRecord } from "../src/net/dns/types.js";

const QUESTIONS = 4000;
const CONCURRENCY = 32;

interface Figures {
  questions: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  answered: number;
}

async function measure(names: string[], ask: (name: string) => Promise<boolean>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  let answered = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < names.length) {
        const name = names[next++] ?? "";
        const t = performance.now();
        if (await ask(name)) answered++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round((latencies[Math.floor(latencies.length * p)] ?? 0) * 100) / 100;
  return {
    questions: names.length,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(names.length / seconds),
    p50Ms: pct(0.5),
    p95Ms: pct(0.95),
    answered,
  };
}

/** `names(tool)` gives each contender its own names, so a caching server favours neither. */
async function compare(server: string, names: (tool: string) => string[]): Promise<Record<string, Figures>> {
  const mxray = createDnsClient({ servers: [server], timeoutMs: 2000, cacheSize: 0 });
  const ours = await measure(names("m"), async (n) => (await mxray.query(n, "A")).status !== "timeout");
  const cares = new Resolver({ timeout: 2000, tries: 2 });
  cares.setServers([server]);
  const reference = await measure(names("c"), async (n) => {
    try {
      await cares.resolve4(n);
      return true;
    } catch (err) {
      // ENOTFOUND/ENODATA are answers; ETIMEOUT is not.
      return (err as { code?: string }).code !== "ETIMEOUT";
    }
  });
  return { mxray: ours, "node:dns (c-ares)": reference };
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(500, () => done(false));
    s.once("connect", () => done(true));
    s.once("error", () => done(false));
  });
}

export async function run(): Promise<Record<string, unknown>> {
  const records: DnsRecord[] = Array.from({ length: QUESTIONS }, (_, i) => ({
    type: "A",
    name: `h${i}.bench.test`,
    ttl: 300,
    address: `127.1.${i >> 8}.${i & 255}`,
  }));
  const srv = await startDnsServer({ records, zones: ["bench.test"] });
  const results: Record<string, unknown> = {};
  try {
    results["in-process server"] = await compare(srv.server, () => records.map((r) => r.name));
  } finally {
    await srv.close();
  }
  if (await reachable("127.0.0.3", 53)) {
    // Fresh names each run: Unbound must ask Knot and prove the NXDOMAIN (NSEC3) every time.
    const run = Date.now().toString(36);
    const names = (tool: string) =>
      Array.from({ length: QUESTIONS }, (_, i) => `${tool}${i}-${run}.lab.test`);
    results["lab unbound 127.0.0.3 (new NXDOMAIN names)"] = await compare("127.0.0.3:53", names);
  }
  results.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  results.concurrency = CONCURRENCY;
  for (const [k, v] of Object.entries(results)) process.stdout.write(`${k}: ${JSON.stringify(v)}\n`);
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
