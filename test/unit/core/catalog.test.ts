import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe as suite, it } from "node:test";
import { catalog, describe, interpolate, LANGS } from "../../../src/i18n/index.js";

const placeholders = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (path.endsWith(".ts")) yield path;
  }
}

suite("message catalogs", () => {
  it("give every finding both languages, with non-empty summaries", () => {
    for (const [id, entry] of Object.entries(catalog)) {
      for (const lang of LANGS) {
        assert.ok(entry[lang], `${id} lacks ${lang}`);
        assert.ok(entry[lang].summary.trim(), `${id} has an empty ${lang} summary`);
      }
    }
  });

  it("use the same placeholders in English and Chinese", () => {
    for (const [id, entry] of Object.entries(catalog)) {
      for (const field of ["summary", "why", "fix"] as const) {
        assert.deepEqual(
          placeholders(entry["zh-CN"][field]),
          placeholders(entry.en[field]),
          `${id}.${field}`,
        );
      }
    }
  });

  it("have Chinese text that is actually Chinese", () => {
    for (const [id, entry] of Object.entries(catalog)) {
      assert.match(
        entry["zh-CN"].summary + entry["zh-CN"].why,
        /[\u4e00-\u9fff]/,
        `${id} zh-CN summary/why has no Chinese`,
      );
    }
  });

  it("cover every finding id that the source emits with a literal id", () => {
    const missing: string[] = [];
    for (const file of sourceFiles("src")) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bfinding\(\s*"([a-z0-9_.-]+)"/g)) {
        if (!catalog[m[1]!]) missing.push(`${m[1]} (${file})`);
      }
    }
    assert.deepEqual(missing, []);
  });
});

suite("describe", () => {
  it("fills placeholders from the finding's params", () => {
    const t = describe(
      { id: "dns.lookup.failed", params: { name: "x.test", type: "MX", status: "servfail" } },
      "en",
    );
    assert.equal(t.summary, "DNS lookup of x.test MX failed: servfail");
  });

  it("renders an unknown id plainly instead of failing", () => {
    assert.equal(describe({ id: "no.such.id", params: { a: 1 } }, "zh-CN").summary, "no.such.id (a=1)");
  });

  it("leaves unknown placeholders alone", () => {
    assert.equal(interpolate("{a} and {b}", { a: "x" }), "x and {b}");
  });
});
