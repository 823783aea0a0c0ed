import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

const lines = readFileSync("test/fixtures/inside/lab-traffic.log", "utf8").trimEnd().split("\n");
const tmp = mkdtempSync(join(tmpdir(), "mxray-follow-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe("mxray logs --follow", () => {
  it(
    "keeps reading a growing and rotated file, shows live counters, and reports on SIGINT",
    { timeout: 60_000 },
    async () => {
      const log = join(tmp, "mail.log");
      const a = Math.floor(lines.length / 3);
      const b = Math.floor((2 * lines.length) / 3);
      writeFileSync(log, lines.slice(0, a).join("\n") + "\n");
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "src/cli/main.ts", "logs", "--follow", "--json", log],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      const killer = setTimeout(() => child.kill("SIGKILL"), 50_000);
      const waitFor = async (n: number) => {
        const deadline = Date.now() + 20_000;
        while (!stderr.includes(`lines ${n} `)) {
          if (Date.now() > deadline)
            throw new Error(`no live counter for ${n} lines; stderr: ${stderr.slice(-500)}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      try {
        await waitFor(a);
        // the file grows, with a line split across two writes
        const grow = lines.slice(a, b).join("\n") + "\n";
        appendFileSync(log, grow.slice(0, 50));
        await new Promise((r) => setTimeout(r, 400));
        appendFileSync(log, grow.slice(50));
        await waitFor(b);
        // rotation: the old file is renamed, a new one takes its name
        renameSync(log, `${log}.1`);
        writeFileSync(log, lines.slice(b).join("\n") + "\n");
        await waitFor(lines.length);
        child.kill("SIGINT");
        const code = await exited;
        const report = JSON.parse(stdout) as {
          data: { totals: Record<string, number>; lines: { total: number } };
        };
        assert.equal(report.data.lines.total, lines.length);
        assert.deepEqual(
          [
            report.data.totals.received,
            report.data.totals.delivered,
            report.data.totals.deferred,
            report.data.totals.bounced,
            report.data.totals.rejected,
          ],
          [10, 7, 3, 2, 5],
        );
        assert.equal(code, 1, "warnings give exit code 1");
        assert.match(stderr, /received 10 +delivered 7 +deferred 3 +bounced 2 +rejected 5/);
      } finally {
        clearTimeout(killer);
        child.kill("SIGKILL");
      }
    },
  );
});
