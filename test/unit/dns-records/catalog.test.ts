import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { describe as describeFinding, LANGS } from "../../../src/i18n/index.js";
import { dnsRecordsMessages } from "../../../src/i18n/catalogs/dns-records.js";
import { catalog } from "../../../src/i18n/catalogs/index.js";
import type { Finding } from "../../../src/core/finding.js";
import { audit, goodDomain, rr } from "./fixtures.js";

const CHECK_FILES = ["mx", "ptr", "dnssec", "dane-records", "tls-rpt", "bimi", "dnsbl"].map(
  (f) => new URL(`../../../src/checks/${f}.ts`, import.meta.url),
);
const ID = /(?<!name: )"((?:mx|ptr|dnssec|dane|tlsrpt|bimi|dnsbl)\.[a-z0-9.-]+)"/g;
const placeholders = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();

describe("dns-records catalog", () => {
  const emitted = new Set(
    CHECK_FILES.flatMap((f) => [...readFileSync(f, "utf8").matchAll(ID)].map((m) => m[1] ?? "")),
  );

  it("has an entry in both languages for every id the checks can emit, and no dead entries", () => {
    assert.ok(emitted.size > 40, `found ${emitted.size} ids`);
    for (const id of emitted)
      for (const lang of LANGS) assert.ok(catalog[id]?.[lang]?.summary, `${id} ${lang}`);
    for (const id of Object.keys(dnsRecordsMessages))
      assert.ok(emitted.has(id), `catalog entry ${id} is never emitted`);
  });

  it("uses the same placeholders in English and Chinese, and Chinese text in zh-CN", () => {
    for (const [id, texts] of Object.entries(dnsRecordsMessages)) {
      for (const part of ["summary", "why", "fix"] as const) {
        assert.deepEqual(placeholders(texts["zh-CN"][part]), placeholders(texts.en[part]), `${id} ${part}`);
      }
      assert.match(texts["zh-CN"].summary, /[\u4e00-\u9fff]/, `${id} zh-CN summary is not Chinese`);
    }
  });

  it("fills every placeholder of findings from many scenarios", async () => {
    const scenarios = [
      audit(goodDomain(), { authenticated: ["example.com"] }, "example.com", { dnsbls: ["bl.example.net"] }),
      audit(
        [
          rr.soa("acme.de"),
          rr.mx("acme.de", 0, ""),
          rr.mx("acme.de", 10, "10.0.0.1.acme.de"),
          rr.a("10.0.0.1.acme.de", "10.0.0.1"),
        ],
        {},
        "acme.de",
      ),
      audit([
        rr.soa("example.com"),
        rr.a("example.com", "8.8.4.4"),
        rr.txt("_smtp._tls.example.com", "v=TLSRPTv1; rua=ftp://x"),
      ]),
      audit([
        rr.soa("example.com"),
        rr.mx("example.com", 5, ""),
        rr.txt("default._bimi.example.com", "v=BIMI1; l=http://x.example/l.png"),
        rr.txt("_dmarc.example.com", "v=DMARC1; p=none"),
      ]),
      audit(
        [
          rr.soa("example.com"),
          rr.mx("example.com", 10, "mx.example.com"),
          rr.a("mx.example.com", "8.8.4.4"),
          rr.a("4.4.8.8.bl.example.net", "127.0.0.2"),
          rr.a("1.0.0.127.bl.example.net", "127.0.0.2"),
        ],
        { statuses: { "example.com DNSKEY": "servfail" } },
        "example.com",
        { dnsbls: ["bl.example.net", "rf.example.net"] },
      ),
    ];
    const findings: Finding[] = (await Promise.all(scenarios)).flatMap((r) => r.findings);
    assert.ok(new Set(findings.map((f) => f.id)).size >= 20);
    for (const f of findings) {
      for (const lang of LANGS) {
        const t = describeFinding(f, lang);
        for (const text of [t.summary, t.why, t.fix])
          assert.doesNotMatch(text, /\{[A-Za-z0-9_]+\}/, `${f.id} ${lang}: ${text}`);
      }
    }
  });
});
