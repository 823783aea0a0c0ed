import { readFileSync, writeFileSync } from "node:fs";
import { Option, type Command } from "commander";
import type { RunContext } from "../core/context.js";
import { EXIT, exitCodeFor, UsageError, type ExitCode } from "../core/exit-codes.js";
import type { Report } from "../core/report.js";
import { langFromEnv, LANGS, type Lang } from "../i18n/index.js";
import { checkResolvers, createDnsClient, parseResolverSpec, systemResolvers } from "../net/dns/client.js";
import { renderJson } from "../report/json.js";
import { isValidDnsblZone } from "../standards/dnsbl.js";
import { renderReport } from "../report/terminal.js";
import { terminalProgress } from "./progress.js";

/** Flags every command shares. */
export interface CommonFlags {
  json?: boolean;
  format?: "text" | "json";
  lang?: Lang;
  color?: boolean;
  resolver?: string[];
  timeout?: number;
  verbose?: boolean;
  /** Not a flag: lets a caller (the server, tests) abort the run. */
  signal?: AbortSignal;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function positiveSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 600)
    throw new UsageError(`--timeout takes seconds between 0 and 600, not ${JSON.stringify(value)}`);
  return n;
}

/** Adds --json, --format, --lang, --no-color, --verbose to a command. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .option("--json", "print one JSON document")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]))
    .addOption(
      new Option("--lang <lang>", "language of the findings (default: from the locale)").choices([...LANGS]),
    )
    .option("--no-color", "no colours (also off when stdout is not a terminal)")
    .option("-v, --verbose", "show evidence and advice for passing findings too");
}

/** Adds --resolver (repeatable) and --timeout. */
export function addNetworkOptions(cmd: Command): Command {
  return cmd
    .option(
      "--resolver <host[:port]>",
      "DNS server to ask, like dig @server (repeatable; default: /etc/resolv.conf)",
      collect,
    )
    .option("--timeout <seconds>", "time limit of each network step", positiveSeconds, 5);
}

export function wantsJson(flags: CommonFlags): boolean {
  return flags.json === true || flags.format === "json";
}

export function langOf(flags: CommonFlags): Lang {
  return flags.lang ?? langFromEnv();
}

/** Builds the run context from the flags: the DNS client, time limits, progress on a TTY. */
export function contextFrom(flags: CommonFlags): RunContext & { finish(): void } {
  const timeoutMs = Math.round((flags.timeout ?? 5) * 1000);
  const servers = flags.resolver?.length ? flags.resolver.map(parseResolverSpec) : systemResolvers();
  if (servers.length === 0)
    throw new UsageError("no DNS resolver: /etc/resolv.conf lists none; pass --resolver HOST[:PORT]");
  const progress = wantsJson(flags) ? { step: () => {}, done: () => {} } : terminalProgress();
  // MXRAY_DNSBLS (comma-separated zones, empty for none) replaces the built-in blocklists; --dnsbl wins.
  const envDnsbls = process.env.MXRAY_DNSBLS;
  return {
    ...(envDnsbls !== undefined
      ? {
          dnsbls: envDnsbls
            .split(",")
            .map((z) => z.trim())
            .filter((z) => z && z !== "none"),
        }
      : {}),
    dns: createDnsClient({ servers, timeoutMs, signal: flags.signal }),
    timeoutMs,
    now: () => new Date(),
    progress,
    perHostConcurrency: 2,
    finish: () => progress.done(),
  };
}

/** Prints a report as the flags ask and returns the exit code its findings call for. */
export function emitReport(
  report: Report,
  flags: CommonFlags,
  extraText: string[] = [],
  includeEvidence = false,
): ExitCode {
  const lang = langOf(flags);
  if (wantsJson(flags)) {
    process.stdout.write(renderJson(report, lang, includeEvidence) + "\n");
  } else {
    const color = flags.color !== false && process.stdout.isTTY === true && !process.env.NO_COLOR;
    process.stdout.write(renderReport(report, { lang, color, verbose: flags.verbose }, extraText) + "\n");
  }
  return exitCodeFor(report.findings.map((f) => f.severity));
}

/** Writes saved evidence when --save-evidence was given. */
export function saveEvidence(path: string | undefined, report: Report): void {
  if (!path || !report.evidence) return;
  writeFileSync(
    path,
    JSON.stringify(
      { mxray: "evidence", version: report.version, command: report.command, evidence: report.evidence },
      null,
      2,
    ) + "\n",
  );
}

/** Exit code for a command that could not run. */
export const COULD_NOT_RUN: ExitCode = EXIT.unknown;

/** Flags of the domain audits (`dns`, `check`). */
export interface AuditFlags extends CommonFlags {
  selector?: string[];
  ca?: string[];
  dnsbl?: string[];
  saveEvidence?: string;
}

const repeatable = (v: string, p: string[] = []) => [...p, v];

/** Adds --selector, --ca, --dnsbl and --save-evidence. */
export function addAuditOptions(cmd: Command): Command {
  return cmd
    .option(
      "--selector <name>",
      "DKIM selector to look for, before the built-in list (repeatable)",
      repeatable,
    )
    .option(
      "--ca <file>",
      "extra trusted CA certificate, PEM, for TLS and the MTA-STS policy (repeatable)",
      repeatable,
    )
    .option(
      "--dnsbl <zone>",
      "DNS blocklist zone to look MX addresses up in (repeatable; replaces the built-in list; `--dnsbl none` for none)",
      repeatable,
    )
    .option(
      "--save-evidence <file>",
      "write the gathered evidence to FILE (re-judge it with `mxray report FILE`)",
    );
}

/** Builds the context of a domain audit and makes sure a resolver answers (else exit 3). */
export async function auditContextFrom(
  flags: AuditFlags,
  domain: string,
): Promise<RunContext & { finish(): void }> {
  const ctx = contextFrom(flags);
  ctx.dkimSelectors = flags.selector;
  if (flags.dnsbl) {
    const zones = flags.dnsbl.filter((z) => z !== "none");
    const bad = zones.find((z) => !isValidDnsblZone(z));
    if (bad)
      throw new UsageError(`--dnsbl takes a DNS zone such as zen.example.org, not ${JSON.stringify(bad)}`);
    ctx.dnsbls = zones;
  }
  if (flags.ca) {
    ctx.extraCa = flags.ca.map((file) => {
      try {
        return readFileSync(file, "utf8");
      } catch (err) {
        throw new UsageError(`cannot read CA file ${file}: ${(err as Error).message}`);
      }
    });
  }
  const problem = await checkResolvers(ctx.dns, domain);
  if (problem) {
    ctx.finish();
    throw new UsageError(problem);
  }
  return ctx;
}
