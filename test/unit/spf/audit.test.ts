import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { spfAuditFindings } from "../../../src/checks/spf.js";
import { silentProgress, type RunContext } from "../../../src/core/context.js";
import type { Evidence } from "../../../src/core/evidence.js";
import type { Finding } from "../../../src/core/finding.js";
import { catalog } from "../../../src/i18n/index.js";
import { createMemoryResolver, type MemoryZoneOptions } from "../../../src/net/dns/memory.js";
import type { DnsRecord } from "../../../src/net/dns/types.js";
import { probeDmarc } from "../../../src/probes/dmarc.js";
import { probeSpf, spfAnswerLookup, MAX_SPF_QUERIES } from "../../../src/probes/spf.js";
import { analyzeSpf } from "../../../src/standards/spf/analyze.js";
import { flattenSpf } from "../../../src/standards/spf/flatten.js";
import { formatSpfTree } from "../../../src/standards/spf/format.js";
import { a, aaaa, mx, txt } from "./helpers.js";

function ctxFor(records: DnsRecord[], options: MemoryZoneOptions = {}): RunContext {
  return {
    dns: createMemoryResolver(records, options),
    timeoutMs: 1000,
    now: () => new Date("2025-01-01T00:00:00Z"),
    progress: silentProgress,
    perHostConcurrency: 2,
  };
}

async function audit(
  records: DnsRecord[],
  domain = "example.com",
  options: MemoryZoneOptions = {},
  candidate?: string,
) {
  const ctx = ctxFor(records, options);
  const evidence: Evidence = {
    schema: 1,
    target: domain,
    input: domain,
    collectedAt: "",
    resolvers: ["memory"],
  };
  evidence.spf = await probeSpf(domain, ctx, candidate);
  evidence.dmarc = await probeDmarc(domain, ctx);
  // evidence must survive a JSON round trip (mxray report re-judges saved files)
  const saved = JSON.parse(JSON.stringify(evidence)) as Evidence;
  const findings = spfAuditFindings(saved);
  return { evidence: saved, findings, ids: findings.map((f) => f.id), ctx };
}

const by = (findings: Finding[], id: string) => findings.filter((f) => f.id === id);

describe("SPF audit findings", () => {
  test("a sound record: found, lookup count, -all", async () => {
    const { ids, findings } = await audit([
      txt("example.com", "v=spf1 mx include:_spf.example.net -all"),
      mx("example.com", 10, "mail.example.com"),
      a("mail.example.com", "192.0.2.10"),
      txt("_spf.example.net", "v=spf1 ip4:198.51.100.0/24 -all"),
    ]);
    // documentation ranges (RFC 5737) are not public addresses: flagged, as they should be in a real record
    assert.deepEqual(ids.sort(), ["spf.all.fail", "spf.ip.private", "spf.lookups.ok", "spf.record.found"]);
    assert.equal(by(findings, "spf.ip.private")[0]?.params.range, "reserved");
    assert.equal(by(findings, "spf.lookups.ok")[0]?.params.count, 2);
  });
  test("no record, a failed lookup, several records", async () => {
    assert.deepEqual((await audit([a("example.com", "192.0.2.1")])).ids, ["spf.record.missing"]);
    const failed = await audit([txt("example.com", "v=spf1 -all")], "example.com", {
      statuses: { "example.com TXT": "servfail" },
    });
    assert.deepEqual(failed.ids, ["spf.lookup.failed"]);
    assert.equal(failed.findings[0]?.params.status, "servfail");
    assert.deepEqual(
      (await audit([txt("example.com", "v=spf1 -all"), txt("example.com", "v=spf1 +all")])).ids,
      ["spf.record.multiple"],
    );
  });
  test("the worst-case lookup count covers the whole tree, with a flattened proposal", async () => {
    const records = [
      txt(
        "example.com",
        `v=spf1 a ${Array.from({ length: 5 }, (_, i) => `include:p${i}.example.net`).join(" ")} -all`,
      ),
      a("example.com", "192.0.2.1"),
      ...Array.from({ length: 5 }, (_, i) =>
        txt(`p${i}.example.net`, `v=spf1 ip4:198.51.100.${i} include:q${i}.example.net -all`),
      ),
      ...Array.from({ length: 5 }, (_, i) => txt(`q${i}.example.net`, `v=spf1 ip6:2001:db8::${i} ~all`)),
    ];
    const { findings, evidence } = await audit(records);
    const exceeded = by(findings, "spf.lookups.exceeded")[0];
    assert.equal(exceeded?.params.count, 11);
    const flat = by(findings, "spf.flatten.proposal")[0];
    assert.ok(flat);
    assert.equal(flat.params.lookups, 0);
    assert.equal(
      flat.params.record,
      "v=spf1 ip4:192.0.2.1 ip4:198.51.100.0 ip6:2001:db8::0 ip4:198.51.100.1 ip6:2001:db8::1 ip4:198.51.100.2 ip6:2001:db8::2 ip4:198.51.100.3 ip6:2001:db8::3 ip4:198.51.100.4 ip6:2001:db8::4 -all",
    );
    // the tree drawing numbers each lookup
    const tree = formatSpfTree(analyzeSpf("example.com", spfAnswerLookup(evidence.spf!)));
    assert.match(tree[0] ?? "", /11 DNS lookups/);
    assert.ok(tree.some((l) => l.includes("[lookup 11]")));
  });
  test("a flattened record too long for one TXT is split into included parts", async () => {
    const records = [
      txt(
        "example.com",
        `v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:p${i}.example.net`).join(" ")} -all`,
      ),
      ...Array.from({ length: 11 }, (_, i) =>
        txt(
          `p${i}.example.net`,
          `v=spf1 ${Array.from({ length: 5 }, (_, j) => `ip6:2001:db8:${i}:${j}::/64`).join(" ")} -all`,
        ),
      ),
    ];
    const ctx = ctxFor(records);
    const ev = await probeSpf("example.com", ctx);
    const f = flattenSpf(analyzeSpf("example.com", spfAnswerLookup(ev)));
    assert.ok(f?.parts && f.parts.length >= 2);
    for (const p of f.parts) assert.ok(p.record.length <= 450, `${p.name} is ${p.record.length} bytes`);
    assert.equal(f.lookups, f.parts.length);
    assert.equal(f.pinned, 55);
  });
  test("void lookups name the term; more than two is an error", async () => {
    const { findings } = await audit([
      txt(
        "example.com",
        "v=spf1 a:nx1.example.com mx:nx2.example.com a:v6only.example.com exists:nx3.example.com -all",
      ),
      aaaa("v6only.example.com", "2001:db8::1"),
    ]);
    const voids = by(findings, "spf.void.lookup");
    assert.deepEqual(
      voids.map((f) => f.params.term),
      ["a:nx1.example.com", "mx:nx2.example.com", "exists:nx3.example.com"],
    );
    assert.equal(by(findings, "spf.void.exceeded")[0]?.params.count, 3);
  });
  test("include and redirect loops, duplicate includes, includes without records", async () => {
    const { findings } = await audit([
      txt(
        "example.com",
        "v=spf1 include:a.example.net include:b.example.net include:gone.example.net redirect=r.example.net",
      ),
      txt("a.example.net", "v=spf1 include:shared.example.net include:example.com -all"),
      txt("b.example.net", "v=spf1 include:shared.example.net -all"),
      txt("shared.example.net", "v=spf1 ip4:192.0.2.0/24 -all"),
      txt("r.example.net", "v=spf1 redirect=r2.example.net"),
      txt("r2.example.net", "v=spf1 redirect=r.example.net"),
    ]);
    assert.equal(
      by(findings, "spf.include.loop")[0]?.params.chain,
      "example.com -> a.example.net -> example.com",
    );
    assert.equal(
      by(findings, "spf.redirect.loop")[0]?.params.chain,
      "example.com -> r.example.net -> r2.example.net -> r.example.net",
    );
    assert.equal(by(findings, "spf.include.duplicate")[0]?.params.target, "shared.example.net");
    assert.equal(by(findings, "spf.include.no-record")[0]?.params.term, "include:gone.example.net");
  });
  test("all: +all critical, ?all, none, text after all, redirect beside all", async () => {
    assert.equal(
      by((await audit([txt("example.com", "v=spf1 +all")])).findings, "spf.all.pass")[0]?.severity,
      "critical",
    );
    assert.ok((await audit([txt("example.com", "v=spf1 ?all")])).ids.includes("spf.all.neutral"));
    assert.ok((await audit([txt("example.com", "v=spf1 ip4:192.0.2.1")])).ids.includes("spf.all.missing"));
    const after = await audit([
      txt("example.com", "v=spf1 -all ip4:192.0.2.1 redirect=x.example.net"),
      txt("x.example.net", "v=spf1 -all"),
    ]);
    assert.equal(by(after.findings, "spf.all.not-last")[0]?.params.terms, "ip4:192.0.2.1");
    assert.ok(after.ids.includes("spf.redirect.ignored"));
  });
  test("~all is judged against the DMARC policy", async () => {
    const soft = [txt("example.com", "v=spf1 ip4:192.0.2.1 ~all")];
    assert.ok((await audit(soft)).ids.includes("spf.all.softfail-no-dmarc"));
    assert.ok(
      (await audit([...soft, txt("_dmarc.example.com", "v=DMARC1; p=none")])).ids.includes(
        "spf.all.softfail-dmarc-none",
      ),
    );
    assert.ok(
      (await audit([...soft, txt("_dmarc.example.com", "v=DMARC1; p=reject")])).ids.includes(
        "spf.all.softfail-dmarc",
      ),
    );
    const hard = await audit([
      txt("example.com", "v=spf1 ip4:192.0.2.1 -all"),
      txt("_dmarc.example.com", "v=DMARC1; p=quarantine"),
    ]);
    assert.equal(by(hard.findings, "spf.all.fail-dmarc")[0]?.params.policy, "quarantine");
  });
  test("ptr, SPF RR type, private ranges, wide and /0 networks, macros", async () => {
    const { ids, findings } = await audit(
      [
        txt(
          "example.com",
          "v=spf1 ptr ip4:10.0.0.0/8 ip4:192.168.1.1 ip4:0.0.0.0/0 ip6:2001:db8::/16 a/8 exists:%{i}.bl.example.net -all",
        ),
        a("example.com", "192.0.2.1"),
      ],
      "example.com",
    );
    for (const id of [
      "spf.ptr.used",
      "spf.ip.private",
      "spf.cidr.everything",
      "spf.cidr.wide",
      "spf.macro.uncountable",
    ])
      assert.ok(ids.includes(id), id);
    assert.equal(
      by(findings, "spf.ip.private")[0]?.params.term,
      "ip4:10.0.0.0/8 ip4:192.168.1.1 ip6:2001:db8::/16",
    );
    assert.deepEqual(
      by(findings, "spf.cidr.wide").map((f) => f.params.term),
      ["ip4:10.0.0.0/8", "ip6:2001:db8::/16", "a/8"],
    );
    const spf99 = await audit([
      txt("example.com", "v=spf1 -all"),
      { type: "SPF", name: "example.com", ttl: 300, strings: ["v=spf1 +all"] },
    ]);
    assert.equal(by(spf99.findings, "spf.type99.differs")[0]?.params.record, "v=spf1 +all");
    const same = await audit([
      txt("example.com", "v=spf1 -all"),
      { type: "SPF", name: "example.com", ttl: 300, strings: ["v=spf1 -all"] },
    ]);
    assert.ok(same.ids.includes("spf.type99.present"));
  });
  test("syntax errors carry their position; a bad string join is pointed out", async () => {
    const { findings } = await audit([
      txt("example.com", "v=spf1 ip4:192.0.2.1", "include:x.example.net -all"),
    ]);
    const syn = by(findings, "spf.syntax.bad-ip4")[0];
    assert.equal(syn?.params.position, 7);
    assert.equal(syn?.params.term, "ip4:192.0.2.1include:x.example.net");
    assert.equal(by(findings, "spf.record.split-joined")[0]?.params.offset, 20);
    const unknown = await audit([txt("example.com", "v=spf1 ip4:192.0.2.1 foo:bar -all")]);
    assert.equal(by(unknown.findings, "spf.syntax.unknown-mechanism")[0]?.params.position, 21);
  });
  test("sizes: over 450 and 512 bytes; a candidate string over 255 gets a split", async () => {
    const long = `v=spf1 ${Array.from({ length: 30 }, (_, i) => `ip4:198.51.100.${i}`).join(" ")} -all`;
    assert.ok(long.length > 512);
    const { ids, findings } = await audit([], "example.com", {}, long);
    assert.ok(ids.includes("spf.record.too-long"));
    const split = by(findings, "spf.string.too-long")[0];
    assert.equal(split?.params.length, long.length);
    const pieces = JSON.parse(`[${String(split?.params.split).replace(/" "/g, '","')}]`) as string[];
    assert.equal(pieces.join(""), long);
    for (const p of pieces) assert.ok(p.length <= 255);
  });
  test("a hostile fan-out of includes is cut at the node cap and the query budget", async () => {
    const fan = (p: string) =>
      `v=spf1 ${Array.from({ length: 10 }, (_, i) => `include:${p}${i}.example.net`).join(" ")} -all`;
    const records = [
      txt("example.com", fan("x")),
      ...Array.from({ length: 10 }, (_, i) => txt(`x${i}.example.net`, fan(`x${i}y`))),
    ];
    const { ids, ctx } = await audit(records);
    assert.ok(ids.includes("spf.tree.capped"));
    assert.ok(ids.includes("spf.lookups.exceeded"));
    assert.ok(ctx.dns.stats.queries <= MAX_SPF_QUERIES + 5);
  });
  test("a null-MX domain without SPF is told to publish v=spf1 -all", async () => {
    const ctx = ctxFor([mx("example.com", 0, ".")]);
    const evidence: Evidence = {
      schema: 1,
      target: "example.com",
      input: "example.com",
      collectedAt: "",
      resolvers: [],
    };
    evidence.spf = await probeSpf("example.com", ctx);
    evidence.mx = {
      answer: await ctx.dns.query("example.com", "MX"),
      implicit: false,
      nullMx: true,
      hosts: [],
    };
    assert.deepEqual(
      spfAuditFindings(evidence).map((f) => f.id),
      ["spf.record.missing-nullmx"],
    );
  });
});

test("every SPF finding id has English and Chinese texts, with the same placeholders", () => {
  const ids = Object.keys(catalog).filter((id) => id.startsWith("spf."));
  assert.ok(ids.length >= 50, `${ids.length} spf ids`);
  for (const id of ids) {
    const en = catalog[id]?.en;
    const zh = catalog[id]?.["zh-CN"];
    assert.ok(en?.summary && zh?.summary, id);
    const holes = (s: string) => [...s.matchAll(/\{([a-z]+)\}/gi)].map((m) => m[1]).sort();
    assert.deepEqual(holes(zh.summary + zh.why + zh.fix), holes(en.summary + en.why + en.fix), id);
  }
});

test("flattening keeps qualifiers, carries include qualifiers, and says when it is approximate", async () => {
  const ctx = ctxFor([
    txt("example.com", "v=spf1 ~include:soft.example.net include:carve.example.net mx -ip4:203.0.113.9 ?all"),
    txt("soft.example.net", "v=spf1 ip4:198.51.100.1 -all"),
    txt("carve.example.net", "v=spf1 -ip4:198.51.100.66 ip4:198.51.100.0/24 ~all"),
    mx("example.com", 10, "mail.example.com"),
    a("mail.example.com", "192.0.2.10"),
    aaaa("mail.example.com", "2001:db8::10"),
  ]);
  const ev = await probeSpf("example.com", ctx);
  const f = flattenSpf(analyzeSpf("example.com", spfAnswerLookup(ev)));
  assert.equal(
    f?.record,
    "v=spf1 ~ip4:198.51.100.1 ip4:198.51.100.0/24 ip4:192.0.2.10 ip6:2001:db8::10 -ip4:203.0.113.9 ?all",
  );
  assert.equal(f?.approximate, true, "carve.example.net excludes .66 before its pass");
  assert.deepEqual(f?.sources.sort(), ["carve.example.net", "example.com", "soft.example.net"]);
});
