import type { Command } from "commander";
import { runDemo } from "../../demo/run-demo.js";
import { DEMO_DOMAIN } from "../../demo/zone.js";
import { terminalProgress } from "../progress.js";
import { addOutputOptions, emitReport, saveEvidence, wantsJson, type CommonFlags } from "../common.js";

interface DemoFlags extends CommonFlags {
  saveEvidence?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command("demo")
    .description(
      `run \`mxray check\` on a built-in demo mail domain (${DEMO_DOMAIN}) served on 127.0.0.1: no internet, no root`,
    )
    .option("--timeout <seconds>", "time limit of each network step", (v: string) => Number(v), 2)
    .option("--save-evidence <file>", "write the gathered evidence to FILE");
  addOutputOptions(cmd).action(async (flags: DemoFlags) => {
    const progress = wantsJson(flags) ? { step: () => {}, done: () => {} } : terminalProgress();
    const report = await runDemo({ timeoutMs: Math.round((flags.timeout ?? 2) * 1000), progress }).finally(
      () => progress.done(),
    );
    saveEvidence(flags.saveEvidence, report);
    process.exitCode = emitReport(report, flags);
  });
}
