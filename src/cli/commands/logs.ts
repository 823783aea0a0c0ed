import type { Command } from "commander";
import { UsageError } from "../../core/exit-codes.js";
import { countSeverities, type Report } from "../../core/report.js";
import { renderLogTables } from "../../report/inside.js";
import { analyseLogs, LogAnalyser } from "../../server-side/analyse-logs.js";
import { followLog } from "../../server-side/log-follow.js";
import { DEFAULT_LOG_THRESHOLDS, logFindings } from "../../server-side/log-findings.js";
import type { LogSummary } from "../../server-side/postfix-log/summary.js";
import { VERSION } from "../../version.js";
import { addOutputOptions, emitReport, langOf, wantsJson, type CommonFlags } from "../common.js";
import { terminalProgress } from "../progress.js";

interface LogsFlags extends CommonFlags {
  since?: string;
  until?: string;
  follow?: boolean;
  top: number;
  tableSize: number;
  saslThreshold: number;
  slowDelay: number;
  messages: number;
  jobs?: number;
}

function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0)
      throw new UsageError(`${name} takes a positive whole number, not ${JSON.stringify(v)}`);
    return n;
  };
}

/**
 * A time bound for --since/--until, as wall-clock ms (the log's own local time): `2026-12-03`,
 * `2026-12-03 19:00`, `2026-12-03T19:00:00`, or a duration back from now: `90m`, `24h`, `7d`.
 */
export function parseTimeBound(value: string, now: Date): number {
  const rel = /^(\d+)\s*([smhdw])$/.exec(value.trim());
  const localNow = now.getTime() - now.getTimezoneOffset() * 60_000;
  if (rel) {
    const unit = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[rel[2] as "s" | "m" | "h" | "d" | "w"];
    return localNow - Number(rel[1]) * unit * 1000;
  }
  const abs = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
  if (!abs)
    throw new UsageError(
      `not a time: ${JSON.stringify(value)} (use YYYY-MM-DD[ HH:MM[:SS]] or 90m / 24h / 7d)`,
    );
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = abs;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) throw new UsageError(`not a time: ${JSON.stringify(value)}`);
  return ms;
}

function buildReport(summary: LogSummary, target: string, started: number, flags: LogsFlags): Report {
  const findings = logFindings(summary, target, {
    ...DEFAULT_LOG_THRESHOLDS,
    saslBruteForce: flags.saslThreshold,
    slowDelay: flags.slowDelay,
  });
  return {
    tool: "mxray",
    version: VERSION,
    command: "logs",
    target,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    findings,
    counts: countSeverities(findings),
    data: summary,
  };
}

export function register(program: Command): void {
  const cmd = program
    .command("logs")
    .description(
      "analyse Postfix or Exim logs: totals, traffic, rejects, deferrals, bounces, SASL, TLS, delays (files, .gz, or - for stdin)",
    )
    .argument(
      "<files...>",
      "log files (rotated .gz are read as they are), merged in time order; - reads standard input",
    )
    .option("--since <time>", "only lines at or after TIME (YYYY-MM-DD[ HH:MM[:SS]], or 90m / 24h / 7d ago)")
    .option("--until <time>", "only lines before TIME")
    .option(
      "-f, --follow",
      "keep reading the file as it grows or rotates, with live counters; Ctrl-C prints the report",
    )
    .option("--top <n>", "rows per table", positiveInt("--top"), 10)
    .option(
      "--jobs <n>",
      "threads that read one large file in parts (default: one per CPU, at most 4; 1 reads in one pass)",
      (v: string) => {
        const n = positiveInt("--jobs")(v);
        if (n > 64) throw new UsageError(`--jobs takes 1..64, not ${n}`);
        return n;
      },
    )
    .option(
      "--table-size <n>",
      "rows kept per table in memory (beyond 2x, the smallest are folded)",
      positiveInt("--table-size"),
      1000,
    )
    .option(
      "--sasl-threshold <n>",
      "SASL failures from one client reported as brute force",
      positiveInt("--sasl-threshold"),
      DEFAULT_LOG_THRESHOLDS.saslBruteForce,
    )
    .option(
      "--slow-delay <seconds>",
      "p90 delivery delay of a relay reported as slow",
      positiveInt("--slow-delay"),
      DEFAULT_LOG_THRESHOLDS.slowDelay,
    )
    .option(
      "--messages <n>",
      "also report the last N finished messages: sender, size, arrival, every delivery attempt (in --json)",
      (v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 100_000)
          throw new UsageError(`--messages takes 0..100000, not ${JSON.stringify(v)}`);
        return n;
      },
      0,
    );
  addOutputOptions(cmd).action(async (files: string[], flags: LogsFlags) => {
    const started = Date.now();
    const now = new Date();
    const since = flags.since ? parseTimeBound(flags.since, now) : undefined;
    const until = flags.until ? parseTimeBound(flags.until, now) : undefined;
    const target = files.join(" ");
    let summary: LogSummary;
    if (flags.follow) {
      if (files.length !== 1 || files[0] === "-")
        throw new UsageError("--follow reads exactly one file (for a pipe, just use -)");
      summary = await follow(files[0] as string, {
        now,
        since,
        until,
        tableCapacity: flags.tableSize,
        traces: flags.messages,
      });
    } else {
      const progress = wantsJson(flags) ? undefined : terminalProgress();
      summary = await analyseLogs(files, {
        now,
        since,
        until,
        tableCapacity: flags.tableSize,
        traces: flags.messages,
        jobs: flags.jobs,
        onProgress: progress ? (n) => progress.step(`${n.toLocaleString("en")} lines`) : undefined,
      }).finally(() => progress?.done());
    }
    const report = buildReport(summary, target, started, flags);
    const color = flags.color !== false && process.stdout.isTTY === true && !process.env.NO_COLOR;
    const extra = wantsJson(flags) ? [] : renderLogTables(summary, langOf(flags), color, flags.top);
    process.exitCode = emitReport(report, flags, extra);
  });
}

async function follow(path: string, opts: ConstructorParameters<typeof LogAnalyser>[0]): Promise<LogSummary> {
  const a = new LogAnalyser(opts);
  const ac = new AbortController();
  const stop = () => ac.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const err = process.stderr;
  let lastPrint = 0;
  let lastLine = "";
  const live = () => {
    const now = Date.now();
    if (now - lastPrint < 1000) return;
    lastPrint = now;
    const t = a.summarizer.finish(a.counts, a.format).totals;
    const line = `lines ${a.counts.total}  received ${t.received}  delivered ${t.delivered}  deferred ${t.deferred}  bounced ${t.bounced}  rejected ${t.rejected}  held ${t.placedOnHold + t.held}`;
    if (line === lastLine && !err.isTTY) return;
    lastLine = line;
    err.write(err.isTTY ? `\r\u001b[2K${line}` : `${line}\n`);
  };
  try {
    await followLog(path, a.counts, (lines) => lines.forEach((l) => a.line(l)), {
      signal: ac.signal,
      onPoll: live,
    });
  } finally {
    process.removeListener("SIGINT", stop);
    process.removeListener("SIGTERM", stop);
    if (err.isTTY) err.write("\n");
  }
  return a.summary();
}
