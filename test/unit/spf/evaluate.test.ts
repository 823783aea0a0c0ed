import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMemoryResolver } from "../../../src/net/dns/memory.js";
import type { DnsAnswer, DnsClient, DnsRecord, RRType } from "../../../src/net/dns/types.js";
import { checkHost, spfQuery } from "../../../src/standards/spf/index.js";
import { a, aaaa, mx, ptr, txt } from "./helpers.js";

const run = (
  records: DnsRecord[],
  ip: string,
  domain = "example.com",
  sender = `user@${domain}`,
  statuses = {},
) =>
  checkHost(
    { ip, domain, sender, helo: "mail.example.com" },
    { dns: createMemoryResolver(records, { statuses }) },
  );

describe("check_host: mechanisms and qualifiers", () => {
  test("ip4 with CIDR, qualifiers, and the mechanism that decided", async () => {
    const zone = [txt("example.com", "v=spf1 -ip4:192.0.2.128/25 ~ip4:192.0.2.64/26 ip4:192.0.2.0/24 ?all")];
    assert.equal((await run(zone, "192.0.2.200")).result, "fail");
    assert.equal((await run(zone, "192.0.2.70")).result, "softfail");
    const pass = await run(zone, "192.0.2.1");
    assert.equal(pass.result, "pass");
    assert.equal(pass.mechanism, "ip4:192.0.2.0/24");
    assert.equal((await run(zone, "198.51.100.1")).result, "neutral");
  });
  test("ip6 with CIDR; ip4 never matches an IPv6 client", async () => {
    const zone = [txt("example.com", "v=spf1 ip4:0.0.0.0/0 ip6:2001:db8:1::/48 -all")];
    assert.equal((await run(zone, "2001:db8:1:ffff::1")).result, "pass");
    assert.equal((await run(zone, "2001:db8:2::1")).result, "fail");
  });
  test("an IPv4-mapped IPv6 client is evaluated as IPv4", async () => {
    const zone = [txt("example.com", "v=spf1 ip4:192.0.2.1 -all")];
    const r = await run(zone, "::ffff:192.0.2.1");
    assert.equal(r.result, "pass");
    assert.equal(r.ip, "192.0.2.1");
  });
  test("a and mx with dual CIDR lengths", async () => {
    const zone = [
      txt("example.com", "v=spf1 a/24//64 mx:mx.example.com/30 -all"),
      a("example.com", "192.0.2.10"),
      aaaa("example.com", "2001:db8::1"),
      mx("mx.example.com", 10, "m1.example.com"),
      a("m1.example.com", "198.51.100.4"),
    ];
    assert.equal((await run(zone, "192.0.2.99")).result, "pass");
    assert.equal((await run(zone, "2001:db8::ffff:1")).result, "pass");
    assert.equal((await run(zone, "198.51.100.7")).result, "pass");
    assert.equal((await run(zone, "198.51.100.8")).result, "fail");
  });
  test("ptr matches validated names only", async () => {
    const zone = [
      txt("example.com", "v=spf1 ptr -all"),
      ptr("1.2.0.192.in-addr.arpa", "host.example.com"),
      a("host.example.com", "192.0.2.1"),
      ptr("2.2.0.192.in-addr.arpa", "liar.example.com"),
      a("liar.example.com", "192.0.2.99"),
    ];
    assert.equal((await run(zone, "192.0.2.1")).result, "pass");
    assert.equal(
      (await run(zone, "192.0.2.2")).result,
      "fail",
      "a PTR name that does not resolve back does not count",
    );
  });
  test("exists asks A even for an IPv6 client", async () => {
    const zone = [
      txt("example.com", "v=spf1 exists:%{ir}.%{v}.allow.example.com -all"),
      a("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.allow.example.com", "127.0.0.2"),
    ];
    assert.equal((await run(zone, "2001:db8::1")).result, "pass");
  });
  test("include: pass matches, fail does not, none is permerror", async () => {
    const zone = [
      txt("example.com", "v=spf1 include:p.example.net include:q.example.net -all"),
      txt("p.example.net", "v=spf1 ip4:192.0.2.1 -all"),
      txt("q.example.net", "v=spf1 ip4:192.0.2.2 -all"),
      txt("broken.example.com", "v=spf1 include:nothing.example.net -all"),
    ];
    assert.equal((await run(zone, "192.0.2.2")).result, "pass");
    assert.equal((await run(zone, "192.0.2.3")).result, "fail");
    const r = await run(zone, "192.0.2.3", "broken.example.com");
    assert.equal(r.result, "permerror");
    assert.match(r.reason ?? "", /no SPF record/);
  });
  test("redirect is used when nothing matched and ignored beside all", async () => {
    const zone = [
      txt("example.com", "v=spf1 ip4:192.0.2.1 redirect=_spf.example.net"),
      txt("_spf.example.net", "v=spf1 ip4:192.0.2.2 -all"),
      txt("all.example.com", "v=spf1 ?all redirect=_spf.example.net"),
      txt("nowhere.example.com", "v=spf1 redirect=none.example.net"),
    ];
    assert.equal((await run(zone, "192.0.2.2")).result, "pass");
    assert.equal((await run(zone, "192.0.2.3")).result, "fail");
    assert.equal((await run(zone, "192.0.2.3", "all.example.com")).result, "neutral");
    assert.equal((await run(zone, "192.0.2.3", "nowhere.example.com")).result, "permerror");
  });
});

describe("check_host: limits of RFC 7208 §4.6.4", () => {
  const chain = (n: number) => [
    txt(
      "example.com",
      `v=spf1 ${Array.from({ length: n }, (_, i) => `include:i${i}.example.com`).join(" ")} -all`,
    ),
    ...Array.from({ length: n }, (_, i) => txt(`i${i}.example.com`, `v=spf1 ip4:198.51.100.${i} -all`)),
  ];
  test("10 DNS-querying terms are allowed, the 11th is permerror", async () => {
    const ten = await run(chain(10), "198.51.100.9");
    assert.equal(ten.result, "pass");
    assert.equal(ten.lookups, 10);
    const eleven = await run(chain(11), "198.51.100.10");
    assert.equal(eleven.result, "permerror");
    assert.equal(eleven.lookups, 11);
    assert.match(eleven.reason ?? "", /lookup limit \(10\)/);
    // the trace shows the counter at each term, and the term that broke the limit
    const last = eleven.trace.terms[10];
    assert.equal(last?.lookups, 11);
    assert.match(last?.error ?? "", /limit/);
  });
  test("a match before the limit is reached is a match", async () => {
    assert.equal((await run(chain(11), "198.51.100.0")).result, "pass");
  });
  test("two void lookups are allowed, the third is permerror", async () => {
    const two = [txt("example.com", "v=spf1 a:nx1.example.com a:nx2.example.com ip4:192.0.2.1 -all")];
    const r2 = await run(two, "192.0.2.1");
    assert.equal(r2.result, "pass");
    assert.equal(r2.voidLookups, 2);
    const three = [
      txt(
        "example.com",
        "v=spf1 a:nx1.example.com a:nx2.example.com exists:nx3.example.com ip4:192.0.2.1 -all",
      ),
    ];
    const r3 = await run(three, "192.0.2.1");
    assert.equal(r3.result, "permerror");
    assert.match(r3.reason ?? "", /void lookup limit/);
  });
  test("a v4-only host asked for AAAA by an IPv6 client is not void (mailauth issue 104)", async () => {
    const zone = [
      txt("example.com", "v=spf1 mx ip6:2001:db8::1 -all"),
      mx("example.com", 10, "m1.example.com"),
      mx("example.com", 20, "m2.example.com"),
      mx("example.com", 30, "m3.example.com"),
      a("m1.example.com", "192.0.2.1"),
      a("m2.example.com", "192.0.2.2"),
      a("m3.example.com", "192.0.2.3"),
    ];
    const r = await run(zone, "2001:db8::1");
    assert.equal(r.result, "pass");
    assert.equal(r.voidLookups, 0);
    // a name with neither family is still void
    const gone = [
      txt("example.com", "v=spf1 a:gone.example.com a:gone2.example.com a:gone3.example.com -all"),
      txt("gone.example.com", "x"),
      txt("gone2.example.com", "x"),
      txt("gone3.example.com", "x"),
    ];
    assert.equal((await run(gone, "2001:db8::1")).result, "permerror");
  });
  test("more than 10 MX names is permerror", async () => {
    const zone = [
      txt("example.com", "v=spf1 mx -all"),
      ...Array.from({ length: 11 }, (_, i) => mx("example.com", i, `m${i}.example.com`)),
    ];
    const r = await run(zone, "192.0.2.1");
    assert.equal(r.result, "permerror");
    assert.match(r.reason ?? "", /11 MX names/);
  });
  test("only the first 10 PTR names are examined", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `h${i}.example.com`);
    const zone = [
      txt("example.com", "v=spf1 ptr -all"),
      ...names.map((n) => ptr("1.2.0.192.in-addr.arpa", n)),
      a("h11.example.com", "192.0.2.1"),
    ];
    const r = await run(zone, "192.0.2.1");
    assert.equal(r.result, "fail");
    const asked = r.trace.terms[0]?.queries.filter((q) => q.note === "validating PTR name").length;
    assert.equal(asked, 10);
  });
  test("an include loop ends in permerror at the lookup limit, quickly", async () => {
    const zone = [
      txt("example.com", "v=spf1 include:b.example.com -all"),
      txt("b.example.com", "v=spf1 include:example.com -all"),
    ];
    const r = await run(zone, "192.0.2.1");
    assert.equal(r.result, "permerror");
    assert.equal(r.lookups, 11);
  });
  test("a fan-out of includes stops at the limit", async () => {
    const fan = (p: string) =>
      `v=spf1 ${Array.from({ length: 10 }, (_, i) => `include:${p}${i}.example.com`).join(" ")} -all`;
    const zone = [
      txt("example.com", fan("x")),
      ...Array.from({ length: 10 }, (_, i) => txt(`x${i}.example.com`, fan(`x${i}y`))),
    ];
    const dns = createMemoryResolver(zone);
    const r = await checkHost({ ip: "192.0.2.1", domain: "example.com", sender: "u@example.com" }, { dns });
    assert.equal(r.result, "permerror");
    assert.ok(dns.stats.queries <= 12, `asked ${dns.stats.queries} questions`);
  });
});

describe("check_host: DNS outcomes", () => {
  test("no record and NXDOMAIN are none; a timeout or SERVFAIL is temperror, never none", async () => {
    assert.equal((await run([a("example.com", "192.0.2.1")], "192.0.2.1")).result, "none");
    assert.equal((await run([], "192.0.2.1")).result, "none");
    for (const status of ["timeout", "servfail", "refused", "malformed"] as const) {
      const r = await run([txt("example.com", "v=spf1 -all")], "192.0.2.1", "example.com", "u@example.com", {
        "example.com TXT": status,
      });
      assert.equal(r.result, "temperror", status);
      assert.match(r.reason ?? "", new RegExp(status));
    }
  });
  test("a mechanism's lookup that times out is temperror; inside an include too", async () => {
    const zone = [
      txt("example.com", "v=spf1 include:slow.example.net -all"),
      txt("slow.example.net", "v=spf1 a:host.slow.example.net -all"),
    ];
    const r = await run(zone, "192.0.2.1", "example.com", "u@example.com", {
      "host.slow.example.net": "timeout",
    });
    assert.equal(r.result, "temperror");
    assert.equal(r.trace.terms[0]?.child?.terms[0]?.queries[0]?.status, "timeout");
  });
  test("a resolver that throws gives temperror, not an exception", async () => {
    const dns: DnsClient = {
      servers: ["broken"],
      stats: { queries: 0, cacheHits: 0 },
      query: async () => {
        throw new Error("garbage on the wire");
      },
    };
    const r = await checkHost({ ip: "192.0.2.1", domain: "example.com", sender: "u@example.com" }, { dns });
    assert.equal(r.result, "temperror");
    assert.match(r.reason ?? "", /garbage/);
  });
  test("an aborted evaluation ends in temperror", async () => {
    const ac = new AbortController();
    const hanging: DnsClient = {
      servers: ["slow"],
      stats: { queries: 0, cacheHits: 0 },
      query: (name: string, type: RRType, opts) =>
        new Promise<DnsAnswer>((resolve) => {
          opts?.signal?.addEventListener("abort", () =>
            resolve({
              name,
              type,
              status: "error",
              detail: "query aborted",
              records: [],
              cnameChain: [],
              authenticated: false,
              server: "slow",
              elapsedMs: 0,
            }),
          );
        }),
    };
    const p = checkHost(
      { ip: "192.0.2.1", domain: "example.com", sender: "u@example.com" },
      { dns: hanging, signal: ac.signal },
    );
    ac.abort();
    assert.equal((await p).result, "temperror");
  });
});

describe("check_host: explanations", () => {
  const zone = [
    txt("example.com", "v=spf1 ip4:192.0.2.1 include:inc.example.com -all exp=why.example.com"),
    txt("why.example.com", "%{i} may not send for %{d} (sender %{s}, at %{t})"),
    txt("inc.example.com", "v=spf1 -ip4:192.0.2.66 exp=incwhy.example.com"),
    txt("incwhy.example.com", "include's own explanation"),
  ];
  const now = () => new Date("2024-01-02T03:04:05Z");
  test("exp= is expanded on fail only", async () => {
    const dns = createMemoryResolver(zone);
    const fail = await checkHost(
      { ip: "192.0.2.9", domain: "example.com", sender: "bob@example.com" },
      { dns, now },
    );
    assert.equal(fail.result, "fail");
    assert.equal(
      fail.explanation,
      "192.0.2.9 may not send for example.com (sender bob@example.com, at 1704164645)",
    );
    const pass = await checkHost(
      { ip: "192.0.2.1", domain: "example.com", sender: "bob@example.com" },
      { dns, now },
    );
    assert.equal(pass.explanation, null);
    assert.equal(pass.trace.explanation, undefined, "no exp lookup on pass");
  });
  test("an include's exp= is never used", async () => {
    const dns = createMemoryResolver([
      ...zone,
      txt("x.example.com", "v=spf1 include:inc2.example.com -all"),
      txt("inc2.example.com", "v=spf1 -all exp=incwhy.example.com"),
    ]);
    const r = await checkHost(
      { ip: "192.0.2.9", domain: "x.example.com", sender: "bob@x.example.com" },
      { dns },
    );
    assert.equal(r.result, "fail");
    assert.equal(r.explanation, null);
  });
  test("a broken exp never changes the result", async () => {
    for (const [why, statuses] of [
      ["%{x} bad macro", {}],
      ["fine", { "why.example.com": "timeout" }],
    ] as const) {
      const dns = createMemoryResolver(
        [txt("example.com", "v=spf1 -all exp=why.example.com"), txt("why.example.com", why)],
        { statuses },
      );
      const r = await checkHost(
        { ip: "192.0.2.9", domain: "example.com", sender: "bob@example.com" },
        { dns },
      );
      assert.equal(r.result, "fail");
      assert.equal(r.explanation, null);
      assert.ok(r.trace.explanation?.problem);
    }
    const two = createMemoryResolver([
      txt("example.com", "v=spf1 -all exp=why.example.com"),
      txt("why.example.com", "one"),
      txt("why.example.com", "two"),
    ]);
    assert.equal(
      (await checkHost({ ip: "192.0.2.9", domain: "example.com", sender: "b@example.com" }, { dns: two }))
        .explanation,
      null,
    );
  });
  test("a macro bomb in the explanation is bounded", async () => {
    const bomb = "%{s}".repeat(2000);
    const dns = createMemoryResolver([
      txt("example.com", "v=spf1 -all exp=why.example.com"),
      txt("why.example.com", ...bomb.match(/.{1,255}/g)!),
    ]);
    const r = await checkHost(
      { ip: "192.0.2.9", domain: "example.com", sender: `${"x".repeat(64)}@example.com` },
      { dns, limits: { explanationChars: 4096 } },
    );
    assert.equal(r.result, "fail");
    assert.equal(r.explanation?.length, 4096);
  });
  test("%{c} and %{r} and URL escaping work in exp", async () => {
    const dns = createMemoryResolver([
      txt("example.com", "v=spf1 -all exp=why.example.com"),
      txt("why.example.com", "%{c} via %{r}: see https://example.com/?s=%{S}"),
    ]);
    const r = await checkHost(
      { ip: "2001:DB8::1", domain: "example.com", sender: "a+b@example.com", receiver: "mx.example.org" },
      { dns },
    );
    assert.equal(
      r.explanation,
      "2001:db8::1 via mx.example.org: see https://example.com/?s=a%2Bb%40example.com",
    );
  });
});

describe("identities and bad input", () => {
  const zone = [
    txt("example.com", "v=spf1 ip4:192.0.2.1 -all exp=why.example.com"),
    txt("why.example.com", "%{l}"),
    txt("mail.example.com", "v=spf1 a -all"),
    a("mail.example.com", "192.0.2.5"),
  ];
  test("the null reverse-path checks the HELO name as postmaster@helo", async () => {
    const r = await spfQuery(
      { ip: "192.0.2.5", sender: "", helo: "mail.example.com" },
      { dns: createMemoryResolver(zone) },
    );
    assert.equal(r.identity, "helo");
    assert.equal(r.domain, "mail.example.com");
    assert.equal(r.sender, "postmaster@mail.example.com");
    assert.equal(r.result, "pass");
  });
  test("an empty local part becomes postmaster", async () => {
    const r = await spfQuery(
      { ip: "192.0.2.9", sender: "@example.com" },
      { dns: createMemoryResolver(zone) },
    );
    assert.equal(r.result, "fail");
    assert.equal(r.explanation, "postmaster");
  });
  test("a 64-character label, an empty label, a single label or a literal give none without any query", async () => {
    for (const d of [`${"a".repeat(64)}.example.com`, "a..example.com", "localhost", "[192.0.2.1]"]) {
      const dns = createMemoryResolver(zone);
      const r = await checkHost({ ip: "192.0.2.1", domain: d, sender: `u@${d}` }, { dns });
      assert.equal(r.result, "none", d);
      assert.equal(dns.stats.queries, 0);
    }
    const ok63 = await checkHost(
      { ip: "192.0.2.1", domain: `${"a".repeat(63)}.example.com`, sender: "u@x" },
      { dns: createMemoryResolver([txt(`${"a".repeat(63)}.example.com`, "v=spf1 -all")]) },
    );
    assert.equal(ok63.result, "fail");
  });
  test("non-ASCII bytes and control characters in a record are permerror, with the position", async () => {
    for (const rec of [
      "v=spf1 a:\u00efgarbage.example.net -all",
      "v=spf1 a:ctrl.example.com\rptr -all",
      "v=spf1 ip4:192.0.2.1\t-all",
    ]) {
      const r = await run([txt("example.com", rec)], "192.0.2.1");
      assert.equal(r.result, "permerror", JSON.stringify(rec));
      assert.match(r.reason ?? "", /syntax error at position \d+/);
    }
    // non-SPF TXT records with such bytes are none of our business
    assert.equal(
      (
        await run(
          [txt("example.com", "v=spf1 ip4:192.0.2.1 -all"), txt("example.com", "\u0096")],
          "192.0.2.1",
        )
      ).result,
      "pass",
    );
  });
  test("several records are permerror; v=spf10 is not a record", async () => {
    assert.equal(
      (await run([txt("example.com", "v=spf1 -all"), txt("example.com", "V=SPF1 +all")], "192.0.2.1")).result,
      "permerror",
    );
    assert.equal((await run([txt("example.com", "v=spf10 -all")], "192.0.2.1")).result, "none");
  });
  test("a record split across strings is joined without spaces", async () => {
    assert.equal(
      (await run([txt("example.com", "v=spf1 ip4:192.0.", "2.1 -all")], "192.0.2.1")).result,
      "pass",
    );
    assert.equal(
      (await run([txt("example.com", "v=spf1 ip4:192.0.2.1", "-all")], "192.0.2.1")).result,
      "permerror",
    );
  });
  test("an invalid client address is a caller's bug: TypeError", async () => {
    await assert.rejects(
      checkHost(
        { ip: "not-an-ip", domain: "example.com", sender: "a@example.com" },
        { dns: createMemoryResolver([]) },
      ),
      TypeError,
    );
  });
  test("a macro that expands to a name no DNS can carry is no match, not an error", async () => {
    const zone2 = [txt("example.com", "v=spf1 a:%{l}.example.com ip4:192.0.2.1 -all")];
    const r = await checkHost(
      { ip: "192.0.2.1", domain: "example.com", sender: `${"x".repeat(64)}@example.com` },
      { dns: createMemoryResolver(zone2) },
    );
    assert.equal(r.result, "pass");
    assert.match(r.trace.terms[0]?.note ?? "", /not a usable DNS name/);
  });
});
