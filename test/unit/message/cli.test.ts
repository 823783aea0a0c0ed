import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";

// DNS questions go to a closed local port (refused at once), never to the system's resolver.
function mxray(args: string[], input?: string) {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "message", ...args, "--resolver", "127.0.0.1:9"],
    {
      encoding: "utf8",
      timeout: 60_000,
      ...(input !== undefined ? { input } : {}),
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("mxray message (CLI)", () => {
  it("exits 3 with a clear message for an unreadable file or a bad --ip", () => {
    const missing = mxray(["/nonexistent/mail.eml"]);
    assert.equal(missing.code, 3);
    assert.match(missing.err, /cannot read \/nonexistent\/mail\.eml: ENOENT/);
    const dir = mkdtempSync(join(tmpdir(), "mxray-cli-"));
    writeFileSync(join(dir, "m.eml"), "From: a@example.com\r\n\r\nx\r\n");
    const badIp = mxray([join(dir, "m.eml"), "--ip", "999.1.1.1"]);
    assert.equal(badIp.code, 3);
    assert.match(badIp.err, /--ip takes an IPv4 or IPv6 address/);
  });

  it("reads stdin with -, prints one JSON document and exits 2 for a message without headers", () => {
    const r = mxray(["-", "--json"], "\r\njust a body\r\n");
    assert.equal(r.code, 2, r.err);
    const doc = JSON.parse(r.out) as {
      command: string;
      target: string;
      findings: { id: string; summary: string }[];
    };
    assert.equal(doc.command, "message");
    assert.equal(doc.target, "-");
    assert.ok(
      doc.findings.some(
        (f) => f.id === "message.headers.none" && f.summary === "The message has no header fields",
      ),
    );
  });

  it("prints the timeline and findings in Chinese", () => {
    const msg =
      "Received: from a.example (a.example [127.0.0.5]) by b.example with ESMTP id 1; Tue, 3 Jan 2017 12:22:54 +0000\r\nDate: Tue, 3 Jan 2017 12:22:50 +0000\r\n\r\nx\r\n";
    const r = mxray(["-", "--lang", "zh-CN", "--no-color"], msg);
    assert.match(r.out, /投递路径 \(1 跳, 总耗时 4s\)/);
    assert.match(r.out, /a\.example \[127\.0\.0\.5\] → b\.example {2}with ESMTP/);
    assert.match(r.out, /邮件没有 From 字段/);
  });
});
