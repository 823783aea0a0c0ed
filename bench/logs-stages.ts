/**
 * Where the time of `mxray logs` goes, per line and per stage, in one thread and in process (no
 * start-up, no output): splitting into lines, the syslog header, classifying the Postfix text, and
 * the whole analysis with the summary. A tool for tuning the parser, not part of `npm run bench`.
 *
 *   node --import tsx bench/logs-stages.ts FILE [STAGE...]   (default: every stage)
 *
 * Build FILE with bench/replay-log.ts (as `npm run bench -- logs` does). Each stage runs four times
 * over the file held in memory; the best run is reported.
 */
import { readFileSync } from "node:fs";
import { LogAnalyser } from "../src/server-side/analyse-logs.js";
import { emptyLineCounts, LineSplitter } from "../src/server-side/log-input.js";
import { HeaderContext } from "../src/server-side/postfix-log/line.js";
import { ByteHeaderCache } from "../src/server-side/postfix-log/line-bytes.js";
import { classifyPostfix } from "../src/server-side/postfix-log/postfix.js";

type Sink = (buf: Buffer, text: string, start: number, end: number) => void;
const STAGES = ["split", "header", "classify", "all"] as const;
const CHUNK = 1 << 20;
const now = new Date();

function sinkFor(stage: (typeof STAGES)[number], analyser: LogAnalyser, kept: { n: number }): Sink {
  const headers = new ByteHeaderCache(new HeaderContext(now));
  switch (stage) {
    case "split":
      return () => void kept.n++;
    case "header":
      return (b, t, s, e) => {
        if (headers.parse(b, t, s, e) !== undefined) kept.n++;
      };
    case "classify":
      return (b, t, s, e) => {
        const p = headers.parse(b, t, s, e);
        if (p !== undefined && typeof p !== "string" && classifyPostfix(p)) kept.n++;
      };
    case "all":
      return (b, t, s, e) => analyser.lineAt(b, t, s, e);
  }
}

/** µs per line of one stage over the whole file. */
function once(data: Buffer, stage: (typeof STAGES)[number]): number {
  const counts = emptyLineCounts();
  const analyser = new LogAnalyser({ now });
  const kept = { n: 0 };
  const splitter = new LineSplitter(counts, () => {}, sinkFor(stage, analyser, kept));
  const t0 = performance.now();
  for (let o = 0; o < data.length; o += CHUNK) splitter.push(data.subarray(o, o + CHUNK));
  splitter.end();
  if (stage === "all") analyser.summary();
  return ((performance.now() - t0) * 1000) / Math.max(1, counts.total);
}

const [file, ...wanted] = process.argv.slice(2);
const unknown = wanted.filter((w) => !(STAGES as readonly string[]).includes(w));
if (!file || unknown.length > 0) {
  process.stderr.write(`usage: node --import tsx bench/logs-stages.ts FILE [${STAGES.join("|")}...]\n`);
  process.exit(2);
}
const data = readFileSync(file);
let previous = 0;
for (const stage of STAGES.filter((s) => wanted.length === 0 || wanted.includes(s))) {
  const best = Math.min(...[0, 1, 2, 3].map(() => once(data, stage)));
  process.stdout.write(
    `${stage.padEnd(9)} ${best.toFixed(3)} µs/line (this stage ${(best - previous).toFixed(3)})\n`,
  );
  previous = best;
}
