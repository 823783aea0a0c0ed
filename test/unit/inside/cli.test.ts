import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    encoding: "utf8",
    input,
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("inside-view commands", () => {
  it("exit 3 on unreadable input or bad flags", () => {
    assert.equal(run(["logs", "/nonexistent/mail.log"]).code, 3);
    assert.equal(run(["logs", "--since", "yesterday-ish", "test/fixtures/inside/exim-main.log"]).code, 3);
    assert.equal(run(["queue", "/nonexistent/queue.txt"]).code, 3);
    assert.equal(run(["logs", "--follow", "a.log", "b.log"]).code, 3);
  });
  it("print the tables and findings in Chinese, the summary in --json, and exit by the findings", () => {
    const zh = run(["logs", "--lang", "zh-CN", "test/fixtures/inside/lab-traffic.log"]);
    assert.equal(zh.code, 1);
    assert.match(zh.out, /总计/);
    assert.match(zh.out, /按原因统计拒收/);
    assert.match(zh.out, /SASL 登录失败 5 次/);
    const q = run(["queue", "-", "--json"], "Mail queue is empty\n");
    assert.equal(q.code, 0);
    assert.equal((JSON.parse(q.out) as { data: { total: number } }).data.total, 0);
    const local = run([
      "local",
      "--main-cf",
      "test/fixtures/inside/main-open.cf",
      "--master-cf",
      "test/fixtures/inside/master-open.cf",
      "--doveconf",
      "test/fixtures/inside/doveconf-n.txt",
      "--firewall",
      "test/fixtures/inside/nft-ruleset.txt",
      "--json",
    ]);
    assert.equal(local.code, 2);
    const ids = (JSON.parse(local.out) as { findings: { id: string }[] }).findings.map((f) => f.id);
    for (const id of [
      "local.postfix.relay.open",
      "local.dovecot.plaintext-auth",
      "local.firewall.inbound-blocked",
    ])
      assert.ok(ids.includes(id), id);
  });
});
