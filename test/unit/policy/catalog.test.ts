import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { checkDkim } from "../../../src/checks/dkim.js";
import { checkDmarc } from "../../../src/checks/dmarc.js";
import { checkMtaSts } from "../../../src/checks/mta-sts.js";
import type { Finding } from "../../../src/core/finding.js";
import { catalog, describe as describeFinding, LANGS } from "../../../src/i18n/index.js";
import { policyMessages } from "../../../src/i18n/catalogs/policy.js";
import { createMemoryResolver } from "../../../src/net/dns/memory.js";
import { probeDkim } from "../../../src/probes/dkim.js";
import { probeDmarc } from "../../../src/probes/dmarc.js";
import { probeMtaSts } from "../../../src/probes/mta-sts.js";
import { testContext, txt } from "./helpers.js";

const placeholders = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();

test("every id the policy checks can emit has English and Chinese texts", () => {
  const sources = ["src/checks/dmarc.ts", "src/checks/dkim.ts", "src/checks/mta-sts.ts"]
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  const literal = [...sources.matchAll(/"((?:dmarc|dkim|mta-sts)\.[a-z0-9-]+\.[a-z0-9.-]+)"/g)].map(
    (m) => m[1] as string,
  );
  const built = ["dmarc", "dkim"].flatMap((a) =>
    ["empty-tag", "missing-equals", "bad-name", "bad-value-char"]
      .map((k) => `${a}.syntax.${k}`)
      .concat(`${a}.tag.duplicate`),
  );
  const all = [...new Set([...literal, ...built])].filter(
    (id) => !["dmarc.record", "dkim.keys", "mta-sts.policy"].includes(id),
  );
  assert.ok(all.length > 70, `found ${all.length} ids`);
  for (const id of all) {
    for (const lang of LANGS) assert.ok(catalog[id]?.[lang]?.summary, `${id} has no ${lang} summary`);
  }
  for (const id of Object.keys(policyMessages))
    assert.ok(all.includes(id), `catalog entry ${id} is never emitted`);
});

test("both languages use the same placeholders, and Chinese texts are Chinese", () => {
  for (const [id, texts] of Object.entries(policyMessages)) {
    for (const part of ["summary", "why", "fix"] as const) {
      assert.deepEqual(placeholders(texts["zh-CN"][part]), placeholders(texts.en[part]), `${id} ${part}`);
      if (texts.en[part]) assert.match(texts["zh-CN"][part], /[\u4e00-\u9fff]/, `${id} ${part} zh-CN`);
    }
  }
});

test("findings from real checks render with every placeholder filled, in both languages", async () => {
  const dns = createMemoryResolver(
    [
      txt(
        "_dmarc.a.test",
        "v=DMARC1; p=quarantine; sp=none; pct=50; t=y; fo=1; foo=x; rua=https://x.test/,mailto:r@other.test; ruf=mailto:nobody; psd=y;; x y",
      ),
      txt("_dmarc.b.test", "v=DMARC1; p=rejectt; adkim=q; p=none; 1a=2"),
      txt("_dmarc.c.test", "v=DMARC1; p=none"),
      txt("_dmarc.c.test", "v=DMARC1; p=none"),
      txt("_dmarc.d.test", "v=dmarc1; p=none"),
      txt("_dmarc.e.test", "v=DMARC1; rua=mailto:a@e.test"),
      txt("a.test._report._dmarc.other.test", "v=DMARC1"),
      txt("x._domainkey.a.test", "v=DKIM1; k=rsa; h=sha1; s=tlsrpt; t=y; zz=1; p=AAAA"),
      txt("y._domainkey.a.test", "v=DKIM2; p="),
      txt("_mta-sts.a.test", "v=STSv1; id=bad_id; id=2"),
      txt("_mta-sts.a.test", "V=STSv1; id=1"),
    ],
    { statuses: { "z._domainkey.a.test": "servfail" } },
  );
  const ctx = testContext(dns, { timeoutMs: 300 });
  const findings: Finding[] = [];
  for (const d of ["a.test", "b.test", "c.test", "d.test", "e.test", "sub.a.test"])
    findings.push(...checkDmarc(await probeDmarc(d, ctx)));
  findings.push(...checkDkim(await probeDkim("a.test", ["x", "y", "z", "w", "b@d"], ctx)));
  findings.push(...checkMtaSts(await probeMtaSts("a.test", ctx)));
  findings.push(...checkMtaSts(await probeMtaSts("b.test", ctx)));
  assert.ok(findings.length > 25);
  for (const f of findings) {
    for (const lang of LANGS) {
      const t = describeFinding(f, lang);
      assert.ok(catalog[f.id], `${f.id} missing from the catalog`);
      for (const part of [t.summary, t.why, t.fix])
        assert.doesNotMatch(part, /\{[A-Za-z0-9_]+\}/, `${f.id} ${lang}: ${part}`);
    }
  }
});
