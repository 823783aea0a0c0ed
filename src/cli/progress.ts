import type { Progress } from "../core/context.js";
import { silentProgress } from "../core/context.js";
import { escapeTerminal } from "../report/escape.js";

/** A one-line progress indicator on stderr, only when stderr is a terminal (never in JSON pipes). */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress & { done(): void } {
  if (!stream.isTTY) return { ...silentProgress, done: () => {} };
  let shown = false;
  return {
    step(message: string) {
      const width = Math.max(20, (stream.columns ?? 80) - 4);
      stream.write(`\r\u001b[2K… ${escapeTerminal(message).slice(0, width)}`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\u001b[2K");
      shown = false;
    },
  };
}
