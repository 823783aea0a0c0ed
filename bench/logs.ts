/**
 * `mxray logs` against pflogsumm on one large log built from real lab lines.
 *
 * The log (MXRAY_BENCH_LOG_MB, default 1024 MB, under /var/tmp/mxray-bench-logs, deleted afterwards)
 * replays the lines of a real Postfix log from the lab (test/fixtures/inside/lab-traffic.log, or
 * MXRAY_BENCH_SEED) again and again, each replay with fresh queue ids and later times. Both tools run
 * as separate processes under /usr/bin/time -v (peak RSS, user+system CPU) on the same file, mxray as
 * `npx mxray` runs it (bin/mxray.js on the compiled dist/, rebuilt first; start-up included); the grand
 * totals are compared the way pflogsumm prints them (src/server-side/pflogsumm-compat.ts).
 * mxray by default (the file split across one thread per CPU) and pflogsumm run in rounds, back to
 * back in alternating order (MXRAY_BENCH_ROUNDS, default 3): the machine's speed drifts between runs,
 * and the round with the median ratio is the one reported, with the range. mxray then runs with
 * `--jobs 1` (one pass, one thread), and by default with V8's old space capped at 64 MB per thread:
 * that it finishes with the same totals shows its memory does not grow with the log (the uncapped
 * peak is V8 collecting lazily).
 *
 *   npm run bench -- logs                      # 1 GB
 *   node --import tsx bench/logs.ts            # the same, without the lab
 *   MXRAY_BENCH_LOG_MB=100 node --import tsx bench/logs.ts
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildLog } from "./replay-log.js";
import {
  mxrayAsPflogsumm,
  parsePflogsummTotals,
  type PflogsummView,
} from "../src/server-side/pflogsumm-compat.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIR = "/var/tmp/mxray-bench-logs";
/** Old-space cap (MB) of the second mxray run, which shows that memory does not grow with the log. */
const CAPPED_HEAP_MB = 64;
/** Rounds of mxray and pflogsumm back to back (MXRAY_BENCH_ROUNDS, default 3). */
const ROUNDS = Math.max(1, Math.min(20, Math.floor(Number(process.env.MXRAY_BENCH_ROUNDS ?? 3)) || 1));

interface Round {
  mx: Measured;
  pf: Measured;
  speedup: number;
}

interface Measured {
  seconds: number;
  /** User + system CPU seconds (from /usr/bin/time): fairer than wall time on a busy machine. */
  cpuSeconds: number;
  maxRssKb: number;
  stdout: string;
}

/** Runs a command under /usr/bin/time -v; wall time and peak RSS from its report. */
function timed(cmd: string, args: string[]): Measured {
  const hasTime = existsSync("/usr/bin/time");
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync("/usr/bin/time", ["-v", cmd, ...args], { encoding: "utf8", maxBuffer: 512 << 20 })
    : spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 512 << 20 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1 && r.status !== 2)
    throw new Error(`${cmd} failed (${r.status}): ${r.stderr.slice(-500)}`);
  const num = (re: RegExp) => Number(re.exec(r.stderr ?? "")?.[1] ?? NaN);
  const cpuSeconds = num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/);
  return {
    seconds,
    cpuSeconds,
    maxRssKb: num(/Maximum resident set size \(kbytes\): (\d+)/),
    stdout: r.stdout,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const mb = Number(process.env.MXRAY_BENCH_LOG_MB ?? 1024);
  const seedPath = process.env.MXRAY_BENCH_SEED ?? join(ROOT, "test/fixtures/inside/lab-traffic.log");
  mkdirSync(DIR, { recursive: true });
  const log = join(DIR, `bench-${process.pid}.log`);
  try {
    const t0 = Date.now();
    const built = buildLog(log, readFileSync(seedPath, "utf8"), mb * 1024 * 1024);
    const size = statSync(log).size;
    const sizeMb = size / 1024 / 1024;
    console.log(
      `bench/logs: built ${sizeMb.toFixed(0)} MB (${built.lines.toLocaleString("en")} lines, ${built.replays} replays of ${seedPath}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    // read the file once so both tools start from the page cache
    execFileSync("cat", [log], { stdio: ["ignore", "ignore", "ignore"] });
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
    const mxrayLogs = (nodeFlags: string[], flags: string[] = []) =>
      timed(process.execPath, [...nodeFlags, join(ROOT, "bin/mxray.js"), "logs", "--json", ...flags, log]);
    const totalsOf = (m: Measured) =>
      mxrayAsPflogsumm((JSON.parse(m.stdout) as { data: PflogsummView }).data);
    // the machine's speed drifts between runs (by a quarter on a shared 2-core one): the tools run
    // in rounds, back to back in alternating order, and the round with the median ratio is reported
    const rounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      let mx: Measured;
      let pf: Measured;
      if (r % 2 === 0) {
        mx = mxrayLogs([]);
        pf = timed("pflogsumm", [log]);
      } else {
        pf = timed("pflogsumm", [log]);
        mx = mxrayLogs([]);
      }
      const speedup = pf.seconds / mx.seconds;
      rounds.push({ mx, pf, speedup });
      console.log(
        `bench/logs: round ${r + 1}/${ROUNDS}: mxray ${mx.seconds.toFixed(2)} s, pflogsumm ${pf.seconds.toFixed(2)} s, ${speedup.toFixed(2)}x`,
      );
    }
    const median = [...rounds].sort((a, b) => a.speedup - b.speedup)[(rounds.length - 1) >> 1] as Round;
    const { mx, pf } = median;
    const onePass = mxrayLogs([], ["--jobs", "1"]);
    // the same run with V8's old space capped: it completes, so the summary's state is bounded and the
    // default run's larger peak is V8 collecting lazily, not memory that grows with the log
    const capped = mxrayLogs([`--max-old-space-size=${CAPPED_HEAP_MB}`]);
    const mine = totalsOf(mx);
    const theirs = parsePflogsummTotals(pf.stdout);
    const disagreements = Object.entries(mine)
      .filter(([k, v]) => theirs[k] !== undefined && theirs[k] !== v)
      .map(([k, v]) => `${k}: mxray ${v}, pflogsumm ${theirs[k]}`);
    for (const [i, r] of rounds.entries()) {
      if (JSON.stringify(totalsOf(r.mx)) !== JSON.stringify(mine))
        disagreements.push(`round ${i + 1}: mxray's totals differ`);
      if (JSON.stringify(parsePflogsummTotals(r.pf.stdout)) !== JSON.stringify(theirs))
        disagreements.push(`round ${i + 1}: pflogsumm's totals differ`);
    }
    const compared = Object.keys(mine).filter((k) => theirs[k] !== undefined).length;
    const result = {
      sizeMb: Math.round(sizeMb),
      lines: built.lines,
      rounds: rounds.map((r) => ({
        mxraySeconds: round(r.mx.seconds),
        pflogsummSeconds: round(r.pf.seconds),
        speedup: round(r.speedup),
      })),
      mxray: {
        seconds: round(mx.seconds),
        cpuSeconds: round(mx.cpuSeconds),
        mbPerSecond: round(sizeMb / mx.seconds),
        mbPerCpuSecond: round(sizeMb / mx.cpuSeconds),
        maxRssMb: round(Math.max(...rounds.map((r) => r.mx.maxRssKb)) / 1024),
      },
      mxrayOneThread: {
        seconds: round(onePass.seconds),
        cpuSeconds: round(onePass.cpuSeconds),
        mbPerSecond: round(sizeMb / onePass.seconds),
        maxRssMb: round(onePass.maxRssKb / 1024),
        sameTotals: JSON.stringify(totalsOf(onePass)) === JSON.stringify(mine),
      },
      mxrayCappedHeap: {
        maxOldSpaceMb: CAPPED_HEAP_MB,
        seconds: round(capped.seconds),
        maxRssMb: round(capped.maxRssKb / 1024),
        sameTotals: JSON.stringify(totalsOf(capped)) === JSON.stringify(mine),
      },
      pflogsumm: {
        seconds: round(pf.seconds),
        cpuSeconds: round(pf.cpuSeconds),
        mbPerSecond: round(sizeMb / pf.seconds),
        mbPerCpuSecond: round(sizeMb / pf.cpuSeconds),
        maxRssMb: round(Math.max(...rounds.map((r) => r.pf.maxRssKb)) / 1024),
      },
      /** The median round's ratio of wall times (and of CPU times). */
      speedup: round(median.speedup),
      cpuSpeedup: round(pf.cpuSeconds / mx.cpuSeconds),
      speedupRange: [
        round(Math.min(...rounds.map((r) => r.speedup))),
        round(Math.max(...rounds.map((r) => r.speedup))),
      ],
      totalsCompared: compared,
      totalsAgree: disagreements.length === 0 && compared > 0,
      disagreements,
      grandTotals: mine,
    };
    console.log(
      `bench/logs: mxray ${result.mxray.mbPerSecond} MB/s wall, ${result.mxray.mbPerCpuSecond} MB/CPU-s (${result.mxray.seconds} s, peak ${result.mxray.maxRssMb} MB) | ` +
        `pflogsumm ${result.pflogsumm.mbPerSecond} MB/s wall, ${result.pflogsumm.mbPerCpuSecond} MB/CPU-s (${result.pflogsumm.seconds} s, peak ${result.pflogsumm.maxRssMb} MB) | ` +
        `mxray --jobs 1: ${result.mxrayOneThread.mbPerSecond} MB/s (${result.mxrayOneThread.seconds} s, totals ${result.mxrayOneThread.sameTotals ? "same" : "DIFFER"}) | ` +
        `mxray with a ${CAPPED_HEAP_MB} MB heap cap: ${result.mxrayCappedHeap.seconds} s, peak ${result.mxrayCappedHeap.maxRssMb} MB, totals ${result.mxrayCappedHeap.sameTotals ? "same" : "DIFFER"} | ` +
        `speedup ${result.speedup}x wall (median of ${ROUNDS} rounds, ${result.speedupRange[0]}–${result.speedupRange[1]}x), ${result.cpuSpeedup}x CPU | grand totals ${result.totalsAgree ? `agree (${compared} values)` : `DISAGREE: ${disagreements.join("; ")}`}`,
    );
    return result;
  } finally {
    rmSync(log, { force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const invokedDirectly =
  process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (invokedDirectly) await run();
