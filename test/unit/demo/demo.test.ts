import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { runDemo } from "../../../src/demo/run-demo.js";
import { describe as texts } from "../../../src/i18n/index.js";

describe("mxray demo", () => {
  it("runs the real check on the demo domain and finds what the zone breaks on purpose", async () => {
    const report = await runDemo({ timeoutMs: 2000 });
    const ids = new Map(report.findings.map((f) => [`${f.id} ${f.subject}`, f.severity]));
    const expect = (key: string, severity: string) => assert.equal(ids.get(key), severity, key);
    expect("mx.target.cname backup.shop.demo.test", "error");
    expect("ptr.confirmed 127.0.0.1", "ok");
    expect("ptr.missing 127.0.0.2", "warning");
    expect("dmarc.policy.none _dmarc.shop.demo.test", "warning");
    expect("dkim.key.revoked old._domainkey.shop.demo.test", "warning");
    expect("dkim.key.testing default._domainkey.shop.demo.test", "warning");
    expect("spf.ptr.used _spf.shop.demo.test", "warning");
    expect("dnsbl.listed 127.0.0.2 bl.demo.test", "error");
    expect("dane.tlsa.insecure _25._tcp.mx1.shop.demo.test", "warning");
    expect("bimi.dmarc.not-enforced shop.demo.test", "warning");
    assert.equal(report.target, "shop.demo.test");
    assert.ok(report.evidence?.mx, "the evidence carries the MX section");
  });

  it("says every finding in Chinese too", async () => {
    const report = await runDemo({ timeoutMs: 2000 });
    for (const f of report.findings) {
      assert.match(texts(f, "zh-CN").summary, /[\u4e00-\u9fff]|^[\x20-\x7e]+$/, f.id);
      assert.notEqual(
        texts(f, "zh-CN").summary,
        texts(f, "en").summary === "" ? "x" : f.id,
        `${f.id} has no catalog entry`,
      );
    }
  });

  it("prints one JSON document through the CLI and exits 2 for the errors it shows", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "demo", "--json"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    assert.equal(r.status, 2, r.stderr);
    const doc = JSON.parse(r.stdout) as {
      command: string;
      findings: { id: string; summary: string; fix: string }[];
    };
    assert.equal(doc.command, "check");
    assert.ok(doc.findings.length > 20);
    assert.ok(doc.findings.every((f) => f.summary && typeof f.fix === "string"));
  });
});
