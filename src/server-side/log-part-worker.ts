/**
 * Worker thread entry: reads one later part of a split log (split-log.ts) and posts its analyser's
 * state for the calling thread to fold in.
 */
import { parentPort, workerData } from "node:worker_threads";
import { LogAnalyser, readLines } from "./analyse-logs.js";
import { openLogRange } from "./log-input.js";
import type { PartJob, PartMessage } from "./split-log.js";

const job = workerData as PartJob;
const port = parentPort;
if (!port) throw new Error("log-part-worker runs as a worker thread");

const { nowMs, ...options } = job.options;
const analyser = new LogAnalyser({ ...options, now: new Date(nowMs), laterPart: true });
await readLines(analyser, openLogRange(job.path, job.start, job.end), {
  onProgress: (lines) => port.postMessage({ progress: lines } satisfies PartMessage),
});
port.postMessage({ done: analyser.snapshot() } satisfies PartMessage);
