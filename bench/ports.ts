import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { createDnsClient } from "../src/net/dns/client.js";
import { createHostLimiter } from "../src/net/host-limiter.js";
import { scanPorts } from "../src/probes/ports.js";
import { DEFAULT_MAIL_PORTS } from "../src/probes/servers-evidence.js";

/**
 * `mxray ports` against `nmap -sT -n` on the same eight mail ports of the lab's main host
 * (127.0.0.10), side by side: wall time of each command (median of several runs), the library scan
 * alone, and whether both saw the same open and closed ports.
 */
const sh = promisify(execFile);
const TARGET = "127.0.0.10";
const PORTS = DEFAULT_MAIL_PORTS.join(",");
const RUNS = 7;

/** The compiled CLI when there is one (`npm run build`), else the TypeScript sources through tsx. */
function cliCommand(): { runner: string; args: string[] } {
  // MXRAY_BENCH_CLI points at another build (e.g. one made with `tsc -p tsconfig.build.json --outDir ...`)
  for (const path of [process.env.MXRAY_BENCH_CLI, "dist/cli/main.js"])
    if (path && existsSync(path)) return { runner: `node ${path}`, args: [path] };
  return { runner: "node --import tsx src/cli/main.ts", args: ["--import", "tsx", "src/cli/main.ts"] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed(cmd: string, args: string[]): Promise<{ ms: number; stdout: string }> {
  const t = performance.now();
  const r = await sh(cmd, args, { timeout: 120_000 }).catch((e: { stdout: string }) => ({
    stdout: e.stdout,
  }));
  return { ms: performance.now() - t, stdout: r.stdout };
}

function nmapStates(out: string): Record<number, string> {
  const states: Record<number, string> = {};
  for (const m of out.matchAll(/^(\d+)\/tcp\s+(\S+)/gm)) states[Number(m[1])] = m[2]!;
  return states;
}

export async function run(): Promise<Record<string, unknown>> {
  const cli = [];
  const nmap = [];
  const lib = [];
  let mxStates: Record<number, string> = {};
  let nmStates: Record<number, string> = {};
  const ctx = {
    dns: createDnsClient({ servers: ["127.0.0.3:53"], timeoutMs: 2000 }),
    timeoutMs: 2000,
    now: () => new Date(),
    progress: { step: () => {} },
    perHostConcurrency: 2,
  };
  const cliCmd = cliCommand();
  for (let i = 0; i < RUNS; i++) {
    const m = await timed(process.execPath, [
      ...cliCmd.args,
      "ports",
      TARGET,
      "--ports",
      PORTS,
      "--resolver",
      "127.0.0.3",
      "--json",
    ]);
    cli.push(m.ms);
    const data = (JSON.parse(m.stdout) as { data: Array<{ port: number; state: string }> }).data;
    mxStates = Object.fromEntries(data.map((r) => [r.port, r.state]));
    const n = await timed("nmap", ["-sT", "-n", "-Pn", "-p", PORTS, TARGET]);
    nmap.push(n.ms);
    nmStates = nmapStates(n.stdout);
    const t = performance.now();
    await scanPorts(
      [{ name: TARGET, addresses: [TARGET] }],
      DEFAULT_MAIL_PORTS,
      ctx,
      createHostLimiter({ perHost: 2 }),
    );
    lib.push(performance.now() - t);
  }
  const agree = DEFAULT_MAIL_PORTS.every((p) => mxStates[p] === nmStates[p]);
  const result = {
    target: TARGET,
    ports: PORTS,
    runs: RUNS,
    cli: cliCmd.runner,
    mxrayCliMs: round(median(cli)),
    nmapMs: round(median(nmap)),
    ratioCliToNmap: Math.round((median(cli) / median(nmap)) * 100) / 100,
    mxrayLibraryScanMs: round(median(lib)),
    ratioLibraryToNmap: Math.round((median(lib) / median(nmap)) * 100) / 100,
    sameStates: agree,
    mxrayStates: mxStates,
    nmapStates: nmStates,
    note: "mxray keeps to 2 connections at once per address (politeness); nmap -sT opens them all at once. The CLI time includes Node and tsx start-up.",
  };
  console.log(`ports bench on ${TARGET} (${PORTS}), median of ${RUNS}:`);
  console.log(`  mxray ports (${cliCmd.runner}, incl. start-up): ${result.mxrayCliMs} ms`);
  console.log(`  mxray scan (library):              ${result.mxrayLibraryScanMs} ms`);
  console.log(`  nmap -sT -n -Pn:                   ${result.nmapMs} ms`);
  console.log(
    `  ratio CLI/nmap ${result.ratioCliToNmap}, library/nmap ${result.ratioLibraryToNmap}; same port states: ${agree}`,
  );
  return result;
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) await run();
