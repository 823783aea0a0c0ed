import { Command, CommanderError } from "commander";
import { EXIT, UsageError } from "../core/exit-codes.js";
import { escapeTerminal } from "../report/escape.js";
import { VERSION } from "../version.js";
/** A command module: registers its name, options and action on the program. */
interface CommandModule {
  register(program: Command): void;
}

/**
 * The commands in help order, loaded on demand: a run loads only its own command's modules (the
 * outside checks pull in TLS, DNS and DKIM libraries that `mxray logs` does not need).
 */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  check: () => import("./commands/check.js"),
  dns: () => import("./commands/dns.js"),
  spf: () => import("./commands/spf.js"),
  ports: () => import("./commands/ports.js"),
  smtp: () => import("./commands/smtp.js"),
  tls: () => import("./commands/tls.js"),
  message: () => import("./commands/message.js"),
  logs: () => import("./commands/logs.js"),
  queue: () => import("./commands/queue.js"),
  local: () => import("./commands/local.js"),
  report: () => import("./commands/report.js"),
  demo: () => import("./commands/demo.js"),
};

/** The modules a run needs: its command's when the first argument names one, else all (for help). */
async function commandModules(argv: string[]): Promise<CommandModule[]> {
  const load = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? COMMANDS[argv[0]] : undefined;
  if (load) return [await load()];
  return Promise.all(Object.values(COMMANDS).map((load) => load()));
}

/** Builds the program: one module per command, each registering itself. */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command("mxray")
    .description("Tells whether a mail server really works, and why not.")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  for (const c of await commandModules(argv)) c.register(program);
  for (const sub of program.commands) sub.exitOverride();
  return program;
}

/**
 * Runs the CLI and returns the exit code: 0 ok, 1 warnings, 2 errors or critical findings,
 * 3 could not run (bad flags, unreadable input, unreachable resolver).
 */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = undefined;
  const program = await buildProgram(argv);
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
