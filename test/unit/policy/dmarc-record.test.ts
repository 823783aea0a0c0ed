import assert from "node:assert/strict";
import { test } from "node:test";
import {
  effectiveNonExistentPolicy,
  effectiveSubdomainPolicy,
  isDmarcRecord,
  isPublicSuffix,
  looksLikeDmarc,
  organizationalDomain,
  parseDmarcRecord,
  parseDmarcUri,
  reportAuthorizationName,
  sameOrganization,
} from "../../../src/standards/dmarc.js";

test("organizational domains come from the Public Suffix List, unknown TLDs count as one label", () => {
  assert.equal(organizationalDomain("sub.lab.test"), "lab.test");
  assert.equal(organizationalDomain("a.b.lab.test."), "lab.test");
  assert.equal(organizationalDomain("lab.test"), "lab.test");
  assert.equal(organizationalDomain("mail.example.co.uk"), "example.co.uk");
  assert.equal(organizationalDomain("x.y.foo.github.io"), "foo.github.io");
  assert.equal(organizationalDomain("test"), "test");
  assert.equal(organizationalDomain("MAIL.Bücher.example"), "xn--bcher-kva.example");
  assert.equal(isPublicSuffix("co.uk"), true);
  assert.equal(isPublicSuffix("example.co.uk"), false);
  assert.equal(sameOrganization("a.lab.test", "b.c.lab.test"), true);
  assert.equal(sameOrganization("lab.test", "elsewhere.test"), false);
});

test("only records starting with v=DMARC1 (case-sensitive) are DMARC records", () => {
  assert.equal(isDmarcRecord("v=DMARC1; p=none"), true);
  assert.equal(isDmarcRecord("v = DMARC1 ;p=none"), true);
  assert.equal(isDmarcRecord("v=DMARC1"), true);
  assert.equal(isDmarcRecord("v=dmarc1; p=none"), false);
  assert.equal(isDmarcRecord("p=none; v=DMARC1"), false);
  assert.equal(isDmarcRecord("v=DMARC10; p=none"), false);
  assert.equal(looksLikeDmarc("v=dmarc1; p=none"), true);
  assert.equal(looksLikeDmarc("p=reject; v=DMARC1"), true);
  assert.equal(looksLikeDmarc("v=spf1 -all"), false);
  assert.equal(looksLikeDmarc("v=DMARC1; p=none"), false);
});

test("a complete record parses with every tag", () => {
  const r = parseDmarcRecord(
    "v=DMARC1; p=reject; sp=quarantine; np=reject; adkim=s; aspf=r; fo=1:d; rua=mailto:a@lab.test!10m,mailto:b@x.example; ruf=mailto:f@lab.test; t=n; psd=n",
  );
  assert.equal(r.usable, true);
  assert.deepEqual(r.problems, []);
  assert.equal(r.p, "reject");
  assert.equal(r.sp, "quarantine");
  assert.equal(r.np, "reject");
  assert.equal(r.adkim, "s");
  assert.deepEqual(r.fo, ["1", "d"]);
  assert.equal(r.rua.length, 2);
  assert.equal(r.rua[0]?.maxSize, "10m");
  assert.equal(r.rua[0]?.domain, "lab.test");
  assert.equal(r.rua[1]?.domain, "x.example");
  assert.equal(r.testing, false);
  assert.equal(r.psd, "n");
});

test("defaults apply when tags are absent", () => {
  const r = parseDmarcRecord("v=DMARC1; p=quarantine");
  assert.equal(r.adkim, "r");
  assert.equal(r.aspf, "r");
  assert.equal(r.pct, 100);
  assert.deepEqual(r.fo, ["0"]);
  assert.equal(r.ri, 86400);
  assert.equal(effectiveSubdomainPolicy(r), "quarantine");
  assert.equal(effectiveNonExistentPolicy(r), "quarantine");
  assert.equal(effectiveNonExistentPolicy(parseDmarcRecord("v=DMARC1; p=none; sp=reject")), "reject");
});

test("the lab's broken record: invalid p and pct out of range, with positions", () => {
  const r = parseDmarcRecord("v=DMARC1; p=rejectt; pct=200");
  assert.equal(r.usable, false);
  assert.equal(r.p, undefined);
  const invalid = r.problems.filter((p) => p.kind === "invalid-value");
  assert.deepEqual(
    invalid.map((p) => (p.kind === "invalid-value" ? [p.tag, p.value, p.position] : [])),
    [
      ["p", "rejectt", 10],
      ["pct", "200", 21],
    ],
  );
  assert.equal(r.pct, 100, "an invalid pct keeps the default");
  assert.ok(r.problems.some((p) => p.kind === "removed-tag" && p.tag === "pct"));
});

test("every tag's value is validated", () => {
  const r = parseDmarcRecord(
    "v=DMARC1; p=none; sp=all; np=x; adkim=strict; aspf=1; fo=2; rf=iodef; ri=soon; t=maybe; psd=q; rua=",
  );
  const tags = r.problems.flatMap((p) => (p.kind === "invalid-value" ? [p.tag] : []));
  assert.deepEqual(tags, ["sp", "np", "adkim", "aspf", "fo", "rf", "ri", "t", "psd", "rua"]);
  assert.equal(r.usable, true, "invalid optional tags do not make the record unusable");
});

test("missing p, p not second, unknown and duplicate tags", () => {
  const missing = parseDmarcRecord("v=DMARC1; rua=mailto:a@lab.test");
  assert.equal(missing.usable, false);
  assert.ok(missing.problems.some((p) => p.kind === "missing-policy"));
  const late = parseDmarcRecord("v=DMARC1; rua=mailto:a@lab.test; p=none; foo=bar");
  assert.ok(late.problems.some((p) => p.kind === "policy-not-second" && p.position === 33));
  assert.ok(late.problems.some((p) => p.kind === "unknown-tag" && p.tag === "foo"));
  const dup = parseDmarcRecord("v=DMARC1; p=none; p=reject");
  assert.equal(dup.usable, false, "a duplicated tag invalidates the tag-list (RFC 6376 §3.2)");
  assert.equal(dup.p, "none");
});

test("t=y and psd are read (RFC 9989)", () => {
  const r = parseDmarcRecord("v=DMARC1; p=reject; t=y; psd=y");
  assert.equal(r.testing, true);
  assert.equal(r.psd, "y");
});

test("report URIs: mailto with size, other schemes, broken addresses", () => {
  assert.deepEqual(parseDmarcUri("mailto:d%40x@Reports.Example!50k"), {
    raw: "mailto:d%40x@Reports.Example!50k",
    uri: "mailto:d%40x@Reports.Example",
    scheme: "mailto",
    maxSize: "50k",
    address: "d@x@Reports.Example",
    domain: "reports.example",
  });
  assert.equal(parseDmarcUri("https://r.example/dmarc").problem, "not-mailto");
  assert.equal(parseDmarcUri("dmarc@example.com").problem, "bad-uri");
  assert.equal(parseDmarcUri("mailto:nobody").problem, "bad-address");
  assert.equal(parseDmarcUri("mailto:a@bad_domain!.example").problem, "bad-address");
  assert.equal(
    reportAuthorizationName("lab.test", "elsewhere.test"),
    "lab.test._report._dmarc.elsewhere.test",
  );
});

test("a hostile record of many tags parses in one pass", () => {
  const raw = "v=DMARC1; p=none; " + Array.from({ length: 5000 }, (_, i) => `x${i}=y`).join("; ");
  const r = parseDmarcRecord(raw);
  assert.equal(r.problems.filter((p) => p.kind === "unknown-tag").length, 5000);
});
