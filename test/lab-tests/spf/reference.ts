/** The reference SPF implementations installed by the lab: Mail::SPF (spfquery) and pyspf. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const PYSPF = fileURLToPath(new URL("../../lab/tools/pyspf-check.py", import.meta.url));
const RESULTS = new Set(["pass", "fail", "softfail", "neutral", "none", "permerror", "temperror"]);

function firstWord(out: string, tool: string): string {
  const w = out.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  if (!RESULTS.has(w)) throw new Error(`${tool} printed no SPF result: ${JSON.stringify(out.slice(0, 200))}`);
  return w;
}

/** Mail::SPF's spfquery against `resolver` (RES_NAMESERVERS), mfrom identity, or helo when sender is empty. */
export async function mailSpf(
  ip: string,
  sender: string,
  helo: string,
  resolver = "127.0.0.3",
): Promise<string> {
  const args = sender ? ["--mfrom", sender, "--ip", ip] : ["--helo", helo, "--ip", ip];
  // spfquery exits non-zero for every result but pass; the result is on the first line
  const out = await run("spfquery", args, {
    env: { ...process.env, RES_NAMESERVERS: resolver },
    timeout: 20000,
  }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? "" }));
  return firstWord(out.stdout, "spfquery");
}

/** pyspf's check2 through test/lab/tools/pyspf-check.py (its own resolver, not /etc/resolv.conf). */
export async function pyspf(
  ip: string,
  sender: string,
  helo: string,
  resolver = "127.0.0.3",
): Promise<string> {
  const out = await run("/usr/bin/python3", [PYSPF, ip, sender, helo], {
    env: { ...process.env, LAB_RESOLVER: resolver },
    timeout: 20000,
  });
  return firstWord(out.stdout, "pyspf");
}
