import { execFile } from "node:child_process";

/** The outcome of running a local tool: never throws (a missing tool or a timeout is a value). */
export interface ToolResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** ENOENT (not installed), ETIMEDOUT, or the exit code as text. */
  error?: string;
}

/**
 * Runs a local admin tool (postqueue, postconf, doveconf, iptables-save, nft) with a time and output
 * bound. `configDir` sets MAIL_CONFIG for Postfix tools.
 *
 * @example
 *   const r = await runTool("postconf", ["-n"], { configDir: "/etc/postfix" });
 *   if (r.ok) parsePostconf(r.stdout);
 */
export function runTool(
  cmd: string,
  args: string[],
  opts: { configDir?: string; timeoutMs?: number; maxBytes?: number } = {},
): Promise<ToolResult> {
  const env = { ...process.env, ...(opts.configDir ? { MAIL_CONFIG: opts.configDir } : {}) };
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      {
        env,
        timeout: opts.timeoutMs ?? 30_000,
        maxBuffer: opts.maxBytes ?? 256 * 1024 * 1024,
        encoding: "utf8",
        killSignal: "SIGKILL",
      },
      (err, stdout, stderr) => {
        if (!err) return resolve({ ok: true, stdout, stderr });
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
        const error =
          e.code === "ENOENT" ? "ENOENT" : e.killed ? "ETIMEDOUT" : `exit ${String(e.code ?? "?")}`;
        resolve({ ok: false, stdout: String(stdout ?? ""), stderr: String(stderr ?? ""), error });
      },
    );
  });
}
