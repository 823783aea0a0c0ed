import { Command, CommanderError } from "commander";
import { EXIT, UsageError } from "../core/exit-codes.js";
import { escapeTerminal } from "../report/escape.js";
import { VERSION } from "../version.js";
import * as check from "./commands/check.js";
import * as demo from "./commands/demo.js";
import * as dns from "./commands/dns.js";
import * as local from "./commands/local.js";
import * as logs from "./commands/logs.js";
import * as message from "./commands/message.js";
import * as ports from "./commands/ports.js";
import * as queue from "./commands/queue.js";
import * as report from "./commands/report.js";
import * as smtp from "./commands/smtp.js";
import * as spf from "./commands/spf.js";
import * as tls from "./commands/tls.js";

const COMMANDS = [check, dns, spf, ports, smtp, tls, message, logs, queue, local, report, demo];

/** Builds the program: one module per command, each registering itself. */
export function buildProgram(): Command {
  const program = new Command("mxray")
    .description("Tells whether a mail server really works, and why not.")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  for (const c of COMMANDS) c.register(program);
  for (const sub of program.commands) sub.exitOverride();
  return program;
}

/**
 * Runs the CLI and returns the exit code: 0 ok, 1 warnings, 2 errors or critical findings,
 * 3 could not run (bad flags, unreadable input, unreachable resolver).
 */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = undefined;
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0
      return err.exitCode === 0 ? 0 : EXIT.unknown;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`mxray: ${escapeTerminal(message)}\n`);
    if (!(err instanceof UsageError) && process.env.MXRAY_DEBUG)
      process.stderr.write(`${(err as Error).stack}\n`);
    return EXIT.unknown;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
