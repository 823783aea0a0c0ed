import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeHtml, escapeTerminal } from "../../../src/report/escape.js";
import { renderReport } from "../../../src/report/terminal.js";
import { countSeverities } from "../../../src/core/report.js";
import type { Finding } from "../../../src/core/finding.js";

describe("escapeTerminal", () => {
  it("makes escape sequences, carriage returns and bidi overrides visible", () => {
    assert.equal(escapeTerminal("ok\u001b[2J\rhidden\u202e"), "ok\\x1b[2J\\x0dhidden\\u202e");
  });
  it("keeps ordinary and Chinese text and tabs", () => {
    assert.equal(escapeTerminal("v=spf1 -all\t中文"), "v=spf1 -all\t中文");
  });
});

describe("escapeHtml", () => {
  it("escapes markup and quotes", () => {
    assert.equal(
      escapeHtml(`<script>"x"&'y'</script>`),
      "&#60;script&#62;&#34;x&#34;&#38;&#39;y&#39;&#60;/script&#62;",
    );
  });
});

describe("terminal report", () => {
  it("never lets a hostile TXT record reach the terminal raw", () => {
    const f: Finding = {
      id: "no.such.id",
      severity: "error",
      area: "spf",
      subject: "evil.test\u001b]0;pwned\u0007",
      params: {},
      evidence: [{ kind: "dns", label: "evil.test TXT", lines: ['"v=spf1 \u001b[31mred -all"'] }],
    };
    const text = renderReport(
      {
        tool: "mxray",
        version: "0",
        command: "dns",
        target: "evil.test",
        startedAt: "",
        durationMs: 0,
        findings: [f],
        counts: countSeverities([f]),
      },
      { lang: "en", color: false },
    );
    assert.equal(text.includes("\u001b"), false);
    assert.ok(text.includes("\\x1b[31mred"));
  });
});
