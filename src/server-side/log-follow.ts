import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { UsageError } from "../core/exit-codes.js";
import { LineSplitter } from "./log-input.js";
import type { LineCounts } from "./postfix-log/summary.js";

export interface FollowOptions {
  signal: AbortSignal;
  /** How often to look for new data and rotation, ms. */
  pollMs?: number;
  /** Called after each poll that read something, and at least once per poll. */
  onPoll?: () => void;
}

/**
 * Reads a log from its start, then keeps reading what is appended (like `tail -F`), until `signal`
 * aborts. A rotated file (the path now names another inode) is read to its end, then the new file is
 * opened from its start; a truncated file (copytruncate) is read again from the start.
 *
 * @example
 *   const ac = new AbortController(); process.once("SIGINT", () => ac.abort());
 *   await followLog("/var/log/mail.log", counts, (lines) => lines.forEach(a.line, a), { signal: ac.signal });
 */
export async function followLog(
  path: string,
  counts: LineCounts,
  emit: (lines: string[]) => void,
  opts: FollowOptions,
): Promise<void> {
  const pollMs = opts.pollMs ?? 250;
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    throw new UsageError(
      `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  let ino = fstatSync(fd).ino;
  let pos = 0;
  let splitter = new LineSplitter(counts, emit);
  const buf = Buffer.allocUnsafe(1 << 20);
  const drain = () => {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n <= 0) return;
      pos += n;
      splitter.push(buf.subarray(0, n));
    }
  };
  try {
    while (!opts.signal.aborted) {
      drain();
      let st;
      try {
        st = statSync(path);
      } catch {
        st = undefined; // between rename and create during rotation
      }
      if (st && st.ino !== ino) {
        drain();
        splitter.end();
        closeSync(fd);
        fd = openSync(path, "r");
        ino = fstatSync(fd).ino;
        pos = 0;
        splitter = new LineSplitter(counts, emit);
        continue;
      }
      if (st && st.size < pos) {
        // copytruncate: the same file started again
        splitter.end();
        splitter = new LineSplitter(counts, emit);
        pos = 0;
        continue;
      }
      opts.onPoll?.();
      await sleep(pollMs, undefined, { signal: opts.signal }).catch(() => undefined);
    }
    drain();
    splitter.end();
  } finally {
    closeSync(fd);
  }
}
