import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { UsageError } from "../../core/exit-codes.js";
import { countSeverities, type Report } from "../../core/report.js";
import { renderQueueTables } from "../../report/inside.js";
import { postfixDuration, summariseQueue } from "../../server-side/queue.js";
import { DEFAULT_QUEUE_THRESHOLDS, queueFindings } from "../../server-side/queue-findings.js";
import { runTool } from "../../server-side/run-tool.js";
import { VERSION } from "../../version.js";
import { addOutputOptions, emitReport, langOf, wantsJson, type CommonFlags } from "../common.js";

interface QueueFlags extends CommonFlags {
  configDir?: string;
  warnCount: number;
  critCount: number;
  lifetime?: string;
}

function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0)
      throw new UsageError(`${name} takes a positive whole number, not ${JSON.stringify(v)}`);
    return n;
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The listing to summarise: a file, stdin, or `postqueue -j` from the local Postfix. */
async function listing(
  file: string | undefined,
  flags: QueueFlags,
): Promise<{ text: string; source: string; lifetime?: number }> {
  if (file === "-") return { text: await readStdin(), source: "stdin" };
  if (file) {
    try {
      return { text: readFileSync(file, "utf8"), source: file };
    } catch (err) {
      throw new UsageError(
        `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
  }
  const q = await runTool("postqueue", ["-j"], { configDir: flags.configDir, timeoutMs: 60_000 });
  if (!q.ok) {
    if (q.error === "ENOENT")
      throw new UsageError(
        "postqueue not found: Postfix is not installed here; give a file with the output of postqueue -j, postqueue -p, mailq or exim -bp (or - for stdin)",
      );
    throw new UsageError(
      `postqueue -j failed (${q.error}): ${q.stderr.trim().split("\n")[0] ?? ""}${flags.configDir ? "" : " (try --config-dir)"}`,
    );
  }
  const pc = await runTool(
    "postconf",
    flags.configDir
      ? ["-c", flags.configDir, "-h", "maximal_queue_lifetime"]
      : ["-h", "maximal_queue_lifetime"],
    { timeoutMs: 10_000 },
  );
  const lifetime = pc.ok ? postfixDuration(pc.stdout.trim(), "d") : undefined;
  return {
    text: q.stdout,
    source: `postqueue -j${flags.configDir ? ` (${flags.configDir})` : ""}`,
    lifetime: Number.isFinite(lifetime) ? lifetime : undefined,
  };
}

export function register(program: Command): void {
  const cmd = program
    .command("queue")
    .description(
      "summarise the mail queue: postqueue -j of the local Postfix, or a postqueue -j / postqueue -p / mailq / exim -bp listing",
    )
    .argument(
      "[file]",
      "a saved listing (format recognised by itself); - reads standard input; none runs postqueue -j",
    )
    .option("--config-dir <dir>", "Postfix configuration directory (MAIL_CONFIG) of the instance to ask")
    .option(
      "--warn-count <n>",
      "messages in the queue that make a warning",
      positiveInt("--warn-count"),
      DEFAULT_QUEUE_THRESHOLDS.warnCount,
    )
    .option(
      "--crit-count <n>",
      "messages in the queue that make an error",
      positiveInt("--crit-count"),
      DEFAULT_QUEUE_THRESHOLDS.critCount,
    )
    .option(
      "--lifetime <duration>",
      "maximal_queue_lifetime to compare ages with (default: from postconf, else 5d)",
    );
  addOutputOptions(cmd).action(async (file: string | undefined, flags: QueueFlags) => {
    const started = Date.now();
    const now = new Date();
    const src = await listing(file, flags);
    let lifetime = src.lifetime ?? 5 * 86400;
    if (flags.lifetime) {
      lifetime = postfixDuration(flags.lifetime, "d");
      if (!Number.isFinite(lifetime))
        throw new UsageError(
          `--lifetime takes a Postfix time such as 5d or 12h, not ${JSON.stringify(flags.lifetime)}`,
        );
    }
    const summary = summariseQueue(src.text, src.source, now, lifetime);
    const findings = queueFindings(summary, src.source, {
      ...DEFAULT_QUEUE_THRESHOLDS,
      warnCount: flags.warnCount,
      critCount: flags.critCount,
    });
    const report: Report = {
      tool: "mxray",
      version: VERSION,
      command: "queue",
      target: src.source,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      findings,
      counts: countSeverities(findings),
      data: summary,
    };
    const color = flags.color !== false && process.stdout.isTTY === true && !process.env.NO_COLOR;
    process.exitCode = emitReport(
      report,
      flags,
      wantsJson(flags) ? [] : renderQueueTables(summary, langOf(flags), color),
    );
  });
}
