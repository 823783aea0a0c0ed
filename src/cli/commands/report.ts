import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { rejudgeEvidence, makeReport } from "../../audit.js";
import type { SavedEvidence } from "../../core/evidence.js";
import { UsageError } from "../../core/exit-codes.js";
import { addOutputOptions, emitReport, type CommonFlags } from "../common.js";

/** Reads and minimally validates a file written by --save-evidence. */
export function readSavedEvidence(path: string): SavedEvidence {
  let text: string;
  try {
    text = path === "-" ? readFileSync(0, "utf8") : readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UsageError(`${path} is not JSON; expected a file written by --save-evidence`);
  }
  const saved = doc as Partial<SavedEvidence>;
  if (
    saved?.mxray !== "evidence" ||
    typeof saved.evidence !== "object" ||
    saved.evidence === null ||
    saved.evidence.schema !== 1
  ) {
    throw new UsageError(
      `${path} is not mxray evidence (schema 1); expected a file written by --save-evidence`,
    );
  }
  return saved as SavedEvidence;
}

export function register(program: Command): void {
  const cmd = program
    .command("report")
    .description("judge saved evidence again, offline (from --save-evidence)")
    .argument("<file>", "evidence file, or - for stdin");
  addOutputOptions(cmd).action((file: string, flags: CommonFlags) => {
    const saved = readSavedEvidence(file);
    const now = new Date();
    const report = makeReport(saved.command, saved.evidence, rejudgeEvidence(saved.evidence), now, now);
    process.exitCode = emitReport(report, flags);
  });
}
