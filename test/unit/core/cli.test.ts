import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";

function mxray(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("the CLI's contract", () => {
  it("prints its version and exits 0", () => {
    const r = mxray("--version");
    assert.equal(r.code, 0);
    assert.match(r.out, /^\d+\.\d+\.\d+/);
  });

  it("exits 3 with a message on an unknown command or flag", () => {
    assert.equal(mxray("frobnicate").code, 3);
    const r = mxray("dns", "x.test", "--no-such-flag");
    assert.equal(r.code, 3);
    assert.match(r.err, /unknown option/);
  });

  it("exits 3 on a bad timeout and on a name that cannot be a domain", () => {
    assert.equal(mxray("dns", "x.test", "--timeout", "-1", "--resolver", "127.0.0.1:1").code, 3);
    const r = mxray("dns", "not a domain", "--resolver", "127.0.0.1:1");
    assert.equal(r.code, 3);
    assert.match(r.err, /not a domain name/);
  });

  it("exits 3 when `report` is given something that is not saved evidence", () => {
    const dir = mkdtempSync(join(tmpdir(), "mxray-cli-"));
    writeFileSync(join(dir, "x.json"), '{"hello":1}');
    writeFileSync(join(dir, "y.json"), "not json");
    assert.match(mxray("report", join(dir, "x.json")).err, /not mxray evidence/);
    assert.equal(mxray("report", join(dir, "y.json")).code, 3);
    assert.equal(mxray("report", join(dir, "missing.json")).code, 3);
  });

  it("re-judges saved evidence offline and agrees with itself", () => {
    const dir = mkdtempSync(join(tmpdir(), "mxray-cli-"));
    const file = join(dir, "ev.json");
    const evidence = {
      schema: 1,
      target: "x.test",
      input: "x.test",
      collectedAt: "2026-01-01T00:00:00Z",
      resolvers: [],
    };
    writeFileSync(file, JSON.stringify({ mxray: "evidence", version: "0", command: "dns", evidence }));
    const r = mxray("report", file, "--json");
    const doc = JSON.parse(r.out) as { target: string; command: string; findings: unknown[] };
    assert.equal(doc.target, "x.test");
    assert.equal(doc.command, "dns");
  });
});
