import type { Command } from "commander";
import { UsageError } from "../../core/exit-codes.js";

// Placeholder until this command's issue lands; replaced by the real command.
export function register(program: Command): void {
  program
    .command("demo")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("mxray demo is not built yet");
    });
}
