import type { Command } from "commander";
import { UsageError } from "../../core/exit-codes.js";

// Placeholder until this command's issue lands; replaced by the real command.
export function register(program: Command): void {
  program
    .command("tls")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("mxray tls is not built yet");
    });
}
