import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runChecks } from "../../../src/core/check.js";
import { normalizeDomain } from "../../../src/core/domain-name.js";
import { exitCodeFor, UsageError } from "../../../src/core/exit-codes.js";
import { worstSeverity } from "../../../src/core/severity.js";
import { langFromEnv } from "../../../src/i18n/index.js";
import { createMemoryResolver } from "../../../src/net/dns/memory.js";
import { formatAnswer, txtValues } from "../../../src/net/dns/types.js";

describe("exit codes", () => {
  it("follow the monitoring-plugin convention", () => {
    assert.equal(exitCodeFor([]), 0);
    assert.equal(exitCodeFor(["ok", "info"]), 0);
    assert.equal(exitCodeFor(["ok", "warning"]), 1);
    assert.equal(exitCodeFor(["warning", "error"]), 2);
    assert.equal(exitCodeFor(["critical"]), 2);
    assert.equal(worstSeverity(["info", "critical", "warning"]), "critical");
  });
});

describe("normalizeDomain", () => {
  it("lower-cases, drops the root dot and converts IDN to punycode", () => {
    assert.equal(normalizeDomain("Example.COM."), "example.com");
    assert.equal(normalizeDomain("bücher.example"), "xn--bcher-kva.example");
  });
  it("refuses what cannot be a domain", () => {
    for (const bad of ["", "a b.test", "user@x.test", "a..b", "x".repeat(64) + ".test", "http://x.test"]) {
      assert.throws(() => normalizeDomain(bad), UsageError, bad);
    }
  });
});

describe("langFromEnv", () => {
  it("picks Chinese for zh locales and English otherwise", () => {
    assert.equal(langFromEnv({ LANG: "zh_CN.UTF-8" }), "zh-CN");
    assert.equal(langFromEnv({ LC_ALL: "C", LANG: "zh_CN.UTF-8" }), "en");
    assert.equal(langFromEnv({}), "en");
  });
});

describe("runChecks", () => {
  it("turns a crashing check into a finding instead of crashing the run", () => {
    const out = runChecks(
      [
        {
          name: "boom",
          area: "x",
          run: () => {
            throw new Error("kaput");
          },
        },
      ],
      { schema: 1, target: "x.test", input: "x.test", collectedAt: "", resolvers: [] },
    );
    assert.equal(out[0]?.id, "internal.check.crashed");
    assert.equal(out[0]?.params.error, "kaput");
  });
});

describe("memory resolver", () => {
  const dns = createMemoryResolver(
    [
      { type: "CNAME", name: "www.x.test", ttl: 60, target: "x.test" },
      { type: "A", name: "x.test", ttl: 60, address: "127.0.0.1" },
      { type: "TXT", name: "x.test", ttl: 60, strings: ["v=spf1 ", "-all"] },
      { type: "CNAME", name: "loop1.x.test", ttl: 60, target: "loop2.x.test" },
      { type: "CNAME", name: "loop2.x.test", ttl: 60, target: "loop1.x.test" },
    ],
    { statuses: { "sf.x.test": "servfail" } },
  );
  it("keeps NXDOMAIN, NODATA and SERVFAIL apart", async () => {
    assert.equal((await dns.query("nx.x.test", "A")).status, "nxdomain");
    assert.equal((await dns.query("x.test", "MX")).status, "nodata");
    assert.equal((await dns.query("sf.x.test", "TXT")).status, "servfail");
  });
  it("follows CNAMEs and stops on loops", async () => {
    const a = await dns.query("www.x.test", "A");
    assert.deepEqual(a.cnameChain, ["x.test"]);
    assert.equal(a.status, "noerror");
    assert.equal((await dns.query("loop1.x.test", "A")).status, "error");
  });
  it("joins TXT strings and formats dig-like evidence", async () => {
    const a = await dns.query("x.test", "TXT");
    assert.deepEqual(txtValues(a), ["v=spf1 -all"]);
    assert.equal(formatAnswer(a)[1], 'x.test. 60 IN TXT "v=spf1 " "-all"');
  });
});
