import { closeSync, openSync, readSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { AnalyserSnapshot, LogAnalysisOptions } from "./analyse-logs.js";
import { isGzipFile } from "./log-input.js";

/**
 * Reading one large log file in parallel: the file is cut at line boundaries into parts, the first
 * part is read by the calling thread and each later part by a worker thread, and the later parts'
 * states are folded into the first in file order (LogSummarizer.absorb replays the events that
 * crossed a boundary). A plain file is needed: pipes and gzip streams can only be read in order.
 */

/** A part is worth a thread from this size on (thread start-up and the merge cost ~0.1 s). */
export const PART_MIN_BYTES = 16 << 20;

/** What a worker reads: bytes [start, end) of `path`, with the caller's options. */
export interface PartJob {
  path: string;
  start: number;
  end: number;
  options: PartOptions;
}

/** The serialisable subset of LogAnalysisOptions (functions and signals stay in the caller). */
export type PartOptions = Omit<LogAnalysisOptions, "now" | "signal" | "onProgress"> & { nowMs: number };

/** A worker's messages: progress (lines read so far) and, at the end, its state. */
export type PartMessage = { progress: number } | { done: AnalyserSnapshot };

/**
 * How many parts `spec` can be read in: 1 for stdin, gzip, anything but a regular file, or a file
 * too small for `jobs` parts of at least `partMinBytes`.
 */
export function partsFor(spec: string, jobs: number, partMinBytes = PART_MIN_BYTES): number {
  if (spec === "-" || jobs < 2) return 1;
  try {
    const st = statSync(spec);
    if (!st.isFile() || isGzipFile(spec)) return 1;
    return Math.max(1, Math.min(jobs, Math.floor(st.size / Math.max(1, partMinBytes))));
  } catch {
    return 1; // openLog reports the error
  }
}

/**
 * The default number of parallel parts: one per CPU the process may use, at most 4. Each thread
 * holds its own heap (100–150 MB at peak on a large log), and the mail server being diagnosed
 * needs CPUs and memory too; `--jobs` asks for more.
 */
export function defaultJobs(): number {
  return Math.min(4, availableParallelism());
}

/**
 * Byte offsets that cut `path` into about `parts` equal parts, each starting at a line start:
 * [0, ..., size]. Parts that would be empty (a line longer than a part) are merged away.
 */
export function splitPoints(path: string, parts: number): number[] {
  const size = statSync(path).size;
  const points = [0];
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(64 * 1024);
    for (let k = 1; k < parts; k++) {
      let pos = Math.max(Math.floor((size * k) / parts), points[points.length - 1] as number);
      // the part starts after the first newline at or after the nominal offset
      let start = size;
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, pos);
        if (n <= 0) break;
        const nl = buf.subarray(0, n).indexOf(10);
        if (nl >= 0) {
          start = pos + nl + 1;
          break;
        }
        pos += n;
      }
      if (start > (points[points.length - 1] as number) && start < size) points.push(start);
    }
  } finally {
    closeSync(fd);
  }
  points.push(size);
  return points;
}

/** A worker running log-part-worker: the compiled module, or the TypeScript source under tsx. */
function startWorker(job: PartJob): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./log-part-worker.js", import.meta.url), { workerData: job });
  // Node 20 does not give worker threads the loader hooks that `--import tsx` registered: the
  // worker registers tsx itself before importing the TypeScript module
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const entry = JSON.stringify(new URL("./log-part-worker.ts", import.meta.url).href);
  return new Worker(`import(${tsx}).then((t) => t.register()).then(() => import(${entry}))`, {
    eval: true,
    workerData: job,
  });
}

/** A running worker for one part, its state promised when it finishes. */
export interface PartReader {
  result: Promise<AnalyserSnapshot>;
  /** Lines read so far (from its progress messages). */
  lines(): number;
  stop(): Promise<void>;
}

/** Starts a worker thread reading one part. */
export function readPartInWorker(job: PartJob): PartReader {
  const worker = startWorker(job);
  let lines = 0;
  let settled = false;
  const result = new Promise<AnalyserSnapshot>((resolve, reject) => {
    worker.on("message", (m: PartMessage) => {
      if ("progress" in m) lines = m.progress;
      else {
        settled = true;
        resolve(m.done);
      }
    });
    worker.once("error", (err) => {
      settled = true;
      reject(err);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`log reader thread exited with code ${code} before its result`));
    });
  });
  // the caller awaits the result only after reading its own part: an early failure must not count
  // as an unhandled rejection meanwhile
  result.catch(() => undefined);
  return {
    result,
    lines: () => lines,
    stop: async () => {
      settled = true;
      await worker.terminate();
    },
  };
}
