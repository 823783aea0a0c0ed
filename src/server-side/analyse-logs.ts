import type { Readable } from "node:stream";
import { classifyExim, parseEximStamp } from "./exim-log.js";
import { emptyLineCounts, lineBatches, LineSplitter, openLog, openLogRange } from "./log-input.js";
import { ByteHeaderCache } from "./postfix-log/line-bytes.js";
import { defaultJobs, partsFor, readPartInWorker, splitPoints, type PartReader } from "./split-log.js";
import { parseSyslogLine, HeaderContext, type SyslogLine } from "./postfix-log/line.js";
import { classifyPostfix } from "./postfix-log/postfix.js";
import {
  LogSummarizer,
  type LineCounts,
  type LogSummary,
  type SummarizerOptions,
  type SummarizerSnapshot,
} from "./postfix-log/summary.js";

export interface LogAnalysisOptions extends SummarizerOptions {
  /** Reference time for the year of classic syslog lines. */
  now: Date;
  /** Wall-clock ms; lines before/after are counted as out of range and skipped. */
  since?: number;
  until?: number;
  signal?: AbortSignal;
  /** Called every ~N lines, for progress. */
  onProgress?: (lines: number) => void;
  /**
   * Threads for one large plain file (default: one per CPU, at most 4); 1 reads in one pass.
   * Several files, stdin and gzip are always read in one pass (they are merged in time order).
   */
  jobs?: number;
  /** Smallest part worth a thread (default 16 MB; tests lower it). */
  partMinBytes?: number;
}

const PROGRESS_EVERY = 200_000;

/**
 * Reads one input into the analyser, batch by batch; `onProgress` gets the analyser's line count
 * every PROGRESS_EVERY lines.
 */
export async function readLines(
  a: LogAnalyser,
  input: Readable,
  opts: { signal?: AbortSignal; onProgress?: (lines: number) => void },
): Promise<void> {
  let seen = 0;
  const splitter = new LineSplitter(
    a.counts,
    (lines) => {
      for (const raw of lines) a.line(raw);
    },
    (buf, text, start, end) => a.lineAt(buf, text, start, end),
  );
  for await (const chunk of input) {
    if (opts.signal?.aborted) {
      input.destroy();
      return;
    }
    splitter.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
    if (opts.onProgress && a.counts.total - seen >= PROGRESS_EVERY) {
      seen = a.counts.total;
      opts.onProgress(seen);
    }
  }
  splitter.end();
}

type Parsed = { ts: number; line: SyslogLine; exim: boolean };

/** A LogAnalyser's state as plain data (see LogSummarizer.snapshot). */
export interface AnalyserSnapshot {
  counts: LineCounts;
  postfixSeen: boolean;
  eximSeen: boolean;
  summary: SummarizerSnapshot;
}

/**
 * Streams log lines into a summary: Postfix (classic syslog, RFC 3339, postlogd) and Exim lines,
 * other programs' lines ignored, garbage counted.
 *
 * @example
 *   const a = new LogAnalyser({ now: new Date() });
 *   a.line("Dec 03 19:21:39 mail postfix/qmgr[7]: 1A2B3C: removed");
 *   a.summary().totals;
 */
export class LogAnalyser {
  readonly counts: LineCounts = emptyLineCounts();
  readonly summarizer: LogSummarizer;
  private readonly years: HeaderContext;
  private readonly bytes: ByteHeaderCache;
  private postfixSeen = false;
  private eximSeen = false;

  /** The time range, read on every line (not from the options object the caller built). */
  private readonly since: number;
  private readonly until: number;

  constructor(opts: LogAnalysisOptions) {
    this.since = opts.since ?? -Infinity;
    this.until = opts.until ?? Infinity;
    this.summarizer = new LogSummarizer(opts);
    this.years = new HeaderContext(opts.now);
    this.bytes = new ByteHeaderCache(this.years);
  }

  /** Parses a clean line (from LineSplitter); counts it as unrecognised/truncated when it fails. */
  parse(raw: string): Parsed | undefined {
    const exim = parseEximStamp(raw);
    if (exim) {
      return {
        ts: exim[0],
        exim: true,
        line: { ts: exim[0], host: "", program: "exim", pid: 0, text: raw.slice(exim[1]) },
      };
    }
    const p = parseSyslogLine(raw, this.years);
    if (typeof p === "string") {
      this.counts[p]++;
      return undefined;
    }
    const prog = p.program;
    return { ts: p.ts, exim: prog === "exim" || prog === "exim4", line: p };
  }

  /** Feeds a parsed line into the summary (after the time-range filter). */
  consume(p: Parsed): void {
    this.consumeLine(p.line, p.exim);
  }

  private consumeLine(line: SyslogLine, exim: boolean): void {
    const ts = line.ts;
    if (ts < this.since || ts >= this.until) {
      this.counts.outOfRange++;
      return;
    }
    const s = this.summarizer;
    if (exim) {
      this.counts.exim++;
      this.eximSeen = true;
      for (const e of classifyExim(line.text)) s.event(ts, e);
      return;
    }
    const pf = classifyPostfix(line);
    if (!pf) {
      this.counts.otherPrograms++;
      return;
    }
    this.counts.postfix++;
    this.postfixSeen = true;
    if (pf.diagnostic) s.diagnostic(pf.diagnostic);
    s.event(ts, pf.event);
  }

  /** One clean line. */
  line(raw: string): void {
    const p = this.parse(raw);
    if (p) this.consume(p);
  }

  /** One line of a plain ASCII chunk, `text[start, end)` = `buf[start, end)` (see LineSplitter). */
  lineAt(buf: Buffer, text: string, start: number, end: number): void {
    const p = this.bytes.parse(buf, text, start, end);
    if (p === undefined) this.line(text.slice(start, end));
    else if (typeof p === "string") this.counts[p]++;
    else this.consumeLine(p, p.program === "exim" || p.program === "exim4");
  }

  get format(): string {
    return this.postfixSeen && this.eximSeen
      ? "postfix+exim"
      : this.eximSeen
        ? "exim"
        : this.postfixSeen
          ? "postfix"
          : "none";
  }

  summary(topN?: number): LogSummary {
    return this.summarizer.finish({ ...this.counts }, this.format, topN);
  }

  snapshot(): AnalyserSnapshot {
    return {
      counts: this.counts,
      postfixSeen: this.postfixSeen,
      eximSeen: this.eximSeen,
      summary: this.summarizer.snapshot(),
    };
  }

  /** Continues with the next part of a split log, read by an analyser with `laterPart` set. */
  absorb(o: AnalyserSnapshot): void {
    for (const k of Object.keys(this.counts) as (keyof LineCounts)[]) this.counts[k] += o.counts[k];
    this.postfixSeen ||= o.postfixSeen;
    this.eximSeen ||= o.eximSeen;
    this.summarizer.absorb(o.summary);
  }
}

async function* parsedBatches(input: Readable, a: LogAnalyser): AsyncGenerator<Parsed[]> {
  for await (const batch of lineBatches(input, a.counts)) {
    const out: Parsed[] = [];
    for (const raw of batch) {
      const p = a.parse(raw);
      if (p) out.push(p);
    }
    yield out;
  }
}

/**
 * Reads the logs named by `specs` (files, .gz, `-` for stdin), several merged in time order, into
 * one summary. Unreadable files throw UsageError before anything is read.
 */
export async function analyseLogs(
  specs: string[],
  opts: LogAnalysisOptions,
  stdin?: Readable,
): Promise<LogSummary> {
  const a = new LogAnalyser(opts);
  if (specs.length === 1) {
    const spec = specs[0] as string;
    const parts = partsFor(spec, opts.jobs ?? defaultJobs(), opts.partMinBytes);
    if (parts > 1) return analyseSplit(a, spec, parts, opts);
    await readLines(a, openLog(spec, stdin), opts);
    return a.summary();
  }
  const inputs = specs.map((s) => openLog(s, stdin));
  let seen = 0;
  const tick = () => {
    if (opts.onProgress && a.counts.total - seen >= PROGRESS_EVERY) {
      seen = a.counts.total;
      opts.onProgress(seen);
    }
  };
  // k-way merge by time: each input is read batch by batch; the earliest head goes first
  const iters = inputs.map((i) => parsedBatches(i, a));
  const heads: { batch: Parsed[]; i: number }[] = [];
  const alive: number[] = [];
  for (let k = 0; k < iters.length; k++) {
    const n = await nextNonEmpty(iters[k] as AsyncGenerator<Parsed[]>);
    heads.push({ batch: n ?? [], i: 0 });
    if (n) alive.push(k);
  }
  while (alive.length) {
    if (opts.signal?.aborted) break;
    let best = -1;
    let bestTs = Infinity;
    for (const k of alive) {
      const h = heads[k] as { batch: Parsed[]; i: number };
      const ts = (h.batch[h.i] as Parsed).ts;
      if (ts < bestTs) {
        bestTs = ts;
        best = k;
      }
    }
    const h = heads[best] as { batch: Parsed[]; i: number };
    a.consume(h.batch[h.i] as Parsed);
    h.i++;
    if (h.i >= h.batch.length) {
      const n = await nextNonEmpty(iters[best] as AsyncGenerator<Parsed[]>);
      if (n) {
        h.batch = n;
        h.i = 0;
      } else alive.splice(alive.indexOf(best), 1);
      tick();
    }
  }
  return a.summary();
}

/**
 * One plain file in `parts` parts read at once (split-log.ts): this thread reads the first part
 * into `a` while workers read the others; their states are then folded into `a` in file order.
 */
async function analyseSplit(
  a: LogAnalyser,
  path: string,
  parts: number,
  opts: LogAnalysisOptions,
): Promise<LogSummary> {
  const points = splitPoints(path, parts);
  const { now, signal: _signal, onProgress, ...rest } = opts;
  const readers: PartReader[] = [];
  try {
    for (let k = 1; k < points.length - 1; k++) {
      readers.push(
        readPartInWorker({
          path,
          start: points[k] as number,
          end: points[k + 1] as number,
          options: { ...rest, nowMs: now.getTime() },
        }),
      );
    }
    const progress = onProgress
      ? (own: number) => onProgress(readers.reduce((n, r) => n + r.lines(), own))
      : undefined;
    await readLines(a, openLogRange(path, 0, points[1] as number), {
      signal: opts.signal,
      onProgress: progress,
    });
    for (const r of readers) {
      if (opts.signal?.aborted) break;
      a.absorb(await r.result);
    }
  } finally {
    await Promise.all(readers.map((r) => r.stop()));
  }
  return a.summary();
}

async function nextNonEmpty(it: AsyncGenerator<Parsed[]>): Promise<Parsed[] | undefined> {
  for (;;) {
    const r = await it.next();
    if (r.done) return undefined;
    if (r.value.length) return r.value;
  }
}
