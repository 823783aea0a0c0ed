import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMemoryResolver } from "../../../src/net/dns/memory.js";
import { checkHost, parseMacroString, truncateDomain, urlEscape } from "../../../src/standards/spf/index.js";
import { a, ptr, txt } from "./helpers.js";

/** Expands `spec` through a real evaluation (exists:<spec>) and returns the name it asked about. */
async function expand(
  spec: string,
  ip = "192.0.2.3",
  sender = "strong-bad@email.example.com",
  extra = [a("mx.example.org", "192.0.2.3")],
) {
  const dns = createMemoryResolver([txt("email.example.com", `v=spf1 exists:${spec} -all`), ...extra]);
  const r = await checkHost({ ip, domain: "email.example.com", sender, helo: "mx.example.org" }, { dns });
  return r.trace.terms[0]?.target;
}

describe("macro expansion: the examples of RFC 7208 §7.4", () => {
  const cases: [string, string][] = [
    ["%{s}.x.test", "strong-bad@email.example.com.x.test"],
    ["%{o}", "email.example.com"],
    ["%{d}", "email.example.com"],
    ["%{d4}", "email.example.com"],
    ["%{d3}", "email.example.com"],
    ["%{d2}", "example.com"],
    ["%{d1}.x.test", "com.x.test"],
    ["%{dr}", "com.example.email"],
    ["%{d2r}", "example.email"],
    ["%{l}.x.test", "strong-bad.x.test"],
    ["%{l-}.x.test", "strong.bad.x.test"],
    ["%{lr}.x.test", "strong-bad.x.test"],
    ["%{lr-}.x.test", "bad.strong.x.test"],
    ["%{l1r-}.x.test", "strong.x.test"],
    ["%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com"],
    ["%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"],
    ["%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", "bad.strong.lp.3.2.0.192.in-addr._spf.example.com"],
    ["%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}", "3.2.0.192.in-addr.strong.lp._spf.example.com"],
    ["%{d2}.trusted-domains.example.net", "example.com.trusted-domains.example.net"],
  ];
  for (const [spec, expected] of cases) {
    test(`${spec} -> ${expected}`, async () => {
      assert.equal(await expand(spec), expected);
    });
  }
  test("IPv6: %{ir}.%{v}._spf.%{d2} gives the nibble form", async () => {
    const got = await expand("%{ir}.%{v}._spf.%{d2}", "2001:db8::cb01");
    assert.equal(got, "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com");
  });
  test("an IPv4-mapped IPv6 client expands as IPv4", async () => {
    assert.equal(await expand("%{i}.%{v}.x.test", "::ffff:192.0.2.3"), "192.0.2.3.in-addr.x.test");
  });
  test("%{h} is the HELO name and %{p} the validated PTR name", async () => {
    assert.equal(await expand("%{h}.x.test"), "mx.example.org.x.test");
    const extra = [
      a("mx.example.org", "192.0.2.3"),
      ptr("3.2.0.192.in-addr.arpa", "mx.example.org"),
      ptr("3.2.0.192.in-addr.arpa", "forged.example.net"),
    ];
    assert.equal(await expand("%{p}.x.test", "192.0.2.3", undefined, extra), "mx.example.org.x.test");
    // no PTR at all -> "unknown"
    assert.equal(await expand("%{p}.x.test", "192.0.2.99"), "unknown.x.test");
  });
  test("upper-case letters are URL-escaped; %% %_ %- are literal escapes", async () => {
    assert.equal(urlEscape("jack&jill=up"), "jack%26jill%3Dup");
    const p = parseMacroString("a%%b%_c%-d", { exp: true });
    assert.ok(p.ok);
    assert.deepEqual(p.ok && p.tokens, [{ kind: "literal", text: "a%b c%20d" }]);
  });
  test("letters c, r, t are refused outside exp=, accepted inside", () => {
    assert.equal(parseMacroString("%{c}.example.com", { exp: false }).ok, false);
    assert.equal(parseMacroString("%{c} %{r} %{t}", { exp: true }).ok, true);
  });
  test("bad macros are refused with their position", () => {
    const bad = parseMacroString("ok.%{x}.example.com", { exp: false });
    assert.deepEqual(bad.ok ? null : bad.position, 3);
    assert.equal(parseMacroString("%{d0}", { exp: false }).ok, false, "zero digits");
    assert.equal(parseMacroString("50%", { exp: false }).ok, false, "lone %");
    assert.equal(parseMacroString("%{d", { exp: false }).ok, false, "unterminated");
  });
  test("names longer than 253 characters lose labels on the left", () => {
    const long = `${"a".repeat(60)}.`.repeat(5) + "example.com";
    const t = truncateDomain(long);
    assert.ok(t.length <= 253);
    assert.ok(t.endsWith(".example.com"));
    assert.ok(long.endsWith(t));
  });
});
