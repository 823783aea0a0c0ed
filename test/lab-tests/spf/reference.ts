/**
 * The reference SPF implementations the lab installs, each run once over a batch of cases:
 * Mail::SPF (the library behind `spfquery`) and pyspf. Both ask the lab resolver directly.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface SpfCase {
  ip: string;
  /** Empty: the null reverse-path, so the HELO identity is checked. */
  sender: string;
  helo: string;
}

const RESULTS = new Set(["pass", "fail", "softfail", "neutral", "none", "permerror", "temperror"]);
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

export interface ReferenceResult {
  result: string;
  /** The explanation the tool reports (its own default text when the record has no exp=). */
  explanation: string;
}

function batch(
  command: string,
  script: string,
  cases: SpfCase[],
  resolver: string,
): Promise<ReferenceResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [script], { env: { ...process.env, LAB_RESOLVER: resolver } });
    let out = "";
    let err = "";
    const timer = setTimeout(() => child.kill(), 120_000);
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      const lines = out.trim().split("\n").filter(Boolean);
      if (code !== 0 || lines.length !== cases.length) {
        reject(
          new Error(
            `${script} exited ${code} after ${lines.length}/${cases.length} answers: ${err.slice(0, 500)}`,
          ),
        );
        return;
      }
      resolve(
        lines.map((l) => {
          const [result, explanation] = JSON.parse(l) as [string, string];
          if (!RESULTS.has(result)) throw new Error(`${script} gave ${JSON.stringify(l)}`);
          return { result, explanation };
        }),
      );
    });
    child.stdin.end(cases.map((c) => JSON.stringify([c.ip, c.sender, c.helo])).join("\n") + "\n");
  });
}

/** Mail::SPF results for the cases (scope mfrom, or helo when the sender is empty). */
export function mailSpf(cases: SpfCase[], resolver = "127.0.0.3"): Promise<ReferenceResult[]> {
  return batch("/usr/bin/perl", here("./mail-spf-batch.pl"), cases, resolver);
}

/** pyspf's check2 results for the cases. */
export function pyspf(cases: SpfCase[], resolver = "127.0.0.3"): Promise<ReferenceResult[]> {
  return batch("/usr/bin/python3", here("./pyspf-batch.py"), cases, resolver);
}
