import assert from "node:assert/strict";
import { test } from "node:test";
import { checkDmarc } from "../../../src/checks/dmarc.js";
import { createMemoryResolver, type MemoryZoneOptions } from "../../../src/net/dns/memory.js";
import type { DnsRecord } from "../../../src/net/dns/types.js";
import { probeDmarc } from "../../../src/probes/dmarc.js";
import { ids, one, testContext, txt } from "./helpers.js";

const LAB: DnsRecord[] = [
  txt(
    "_dmarc.lab.test",
    "v=DMARC1; p=reject; sp=quarantine; adkim=s; aspf=r; fo=1; rua=mailto:dmarc-rua@lab.test; ruf=mailto:dmarc-ruf@lab.test",
  ),
  txt("_dmarc.weak.lab.test", "v=DMARC1; p=none"),
  txt("_dmarc.broken.lab.test", "v=DMARC1; p=rejectt; pct=200"),
  txt("_dmarc.nomx.lab.test", "v=DMARC1; p=quarantine; rua=mailto:dmarc@elsewhere.test"),
  txt(
    "_dmarc.authz.lab.test",
    "v=DMARC1; p=reject; rua=mailto:agg@reports.example, mailto:local@lab.test; ruf=mailto:f@reports.example",
  ),
  txt("authz.lab.test._report._dmarc.reports.example", "v=DMARC1"),
  txt("_dmarc.twodmarc.lab.test", "v=DMARC1; p=reject"),
  txt("_dmarc.twodmarc.lab.test", "v=DMARC1; p=none"),
  txt("_dmarc.other.lab.test", "google-site-verification=abc"),
  txt(
    "_dmarc.partial.lab.test",
    "v=DMARC1; p=quarantine; sp=none; pct=50; t=y; ri=3600; rf=afrf; fo=1; foo=bar; rua=mailto:dmarc-rua@lab.test",
  ),
  txt("_dmarc.nearmiss.example", "v=dmarc1; p=reject"),
  txt("_dmarc.uris.lab.test", "v=DMARC1; p=reject; rua=https://r.example/x,mailto:nobody"),
  txt("_dmarc.psd.lab.test", "v=DMARC1; p=reject; psd=y; rua=mailto:a@lab.test"),
];

async function audit(domain: string, extra: DnsRecord[] = [], options: MemoryZoneOptions = {}) {
  const dns = createMemoryResolver([...LAB, ...extra], options);
  const ev = await probeDmarc(domain, testContext(dns));
  return { ev, findings: checkDmarc(ev), dns };
}

test("lab.test: a valid reject policy with internal report addresses", async () => {
  const { findings, ev } = await audit("lab.test");
  assert.deepEqual(ids(findings), ["dmarc.record.valid"]);
  const ok = one(findings, "dmarc.record.valid");
  assert.equal(ok.severity, "ok");
  assert.deepEqual(ok.params, {
    name: "_dmarc.lab.test",
    policy: "reject",
    subdomainPolicy: "quarantine",
    nonExistentPolicy: "quarantine",
    adkim: "s",
    aspf: "r",
  });
  assert.equal(ev.lookups.length, 1, "the organizational domain is asked only once");
  assert.equal(ev.authorizations.length, 0, "no authorisation lookups for the domain's own addresses");
  assert.match(ok.evidence[0]?.lines.join("\n") ?? "", /_dmarc\.lab\.test\. 300 IN TXT "v=DMARC1; p=reject/);
});

test("weak.lab.test: p=none and no rua are warnings", async () => {
  const { findings } = await audit("weak.lab.test");
  assert.deepEqual(ids(findings), ["dmarc.policy.none", "dmarc.record.valid", "dmarc.rua.missing"]);
  assert.equal(one(findings, "dmarc.policy.none").severity, "warning");
  assert.equal(one(findings, "dmarc.rua.missing").severity, "warning");
});

test("broken.lab.test: an invalid p makes the record unusable, pct=200 is reported", async () => {
  const { findings } = await audit("broken.lab.test");
  assert.deepEqual(ids(findings), ["dmarc.policy.invalid", "dmarc.tag.invalid", "dmarc.tag.removed"]);
  assert.equal(one(findings, "dmarc.policy.invalid").params.value, "rejectt");
  const pct = one(findings, "dmarc.tag.invalid");
  assert.deepEqual(
    [pct.severity, pct.params.tag, pct.params.value, pct.params.position],
    ["error", "pct", "200", 21],
  );
  assert.deepEqual(pct.evidence[1]?.lines, ["v=DMARC1; p=rejectt; pct=200", `${" ".repeat(21)}^`]);
});

test("nomx.lab.test: an external rua without authorisation names the destination", async () => {
  const { findings, ev } = await audit("nomx.lab.test");
  assert.deepEqual(
    ev.authorizations.map((a) => a.answer.name),
    ["nomx.lab.test._report._dmarc.elsewhere.test"],
  );
  const f = one(findings, "dmarc.report.unauthorized");
  assert.equal(f.severity, "warning");
  assert.equal(f.params.destination, "elsewhere.test");
  assert.equal(f.params.tags, "rua");
  assert.equal(f.subject, "nomx.lab.test._report._dmarc.elsewhere.test");
});

test("an authorised external destination is ok, once per destination, for rua and ruf", async () => {
  const { findings, ev } = await audit("authz.lab.test");
  assert.equal(ev.authorizations.length, 1);
  const f = one(findings, "dmarc.report.authorized");
  assert.equal(f.severity, "ok");
  assert.equal(f.params.tags, "rua, ruf");
});

test("a failed authorisation lookup is not reported as unauthorised", async () => {
  const { findings } = await audit("nomx.lab.test", [], {
    statuses: { "nomx.lab.test._report._dmarc.elsewhere.test": "timeout" },
  });
  assert.equal(
    findings.some((f) => f.id === "dmarc.report.unauthorized"),
    false,
  );
  const f = one(findings, "dns.lookup.failed");
  assert.equal(f.params.status, "TIMEOUT");
  assert.equal(f.area, "dmarc");
});

test("a subdomain without its own record inherits the organizational domain's policy", async () => {
  const { findings, ev } = await audit("sub.lab.test");
  assert.deepEqual(
    ev.lookups.map((l) => [l.answer.name, l.answer.status]),
    [
      ["_dmarc.sub.lab.test", "nxdomain"],
      ["_dmarc.lab.test", "noerror"],
    ],
  );
  const f = one(findings, "dmarc.record.inherited");
  assert.deepEqual(f.params, { domain: "sub.lab.test", orgDomain: "lab.test", policy: "quarantine" });
  assert.equal(one(findings, "dmarc.record.valid").subject, "_dmarc.lab.test");
});

test("TXT records that are not DMARC are discarded before falling back", async () => {
  const { findings, ev } = await audit("other.lab.test");
  assert.equal(ev.lookups.length, 2);
  assert.ok(findings.some((f) => f.id === "dmarc.record.inherited"));
});

test("SERVFAIL at _dmarc is a lookup failure, never 'no record', and stops discovery", async () => {
  const { findings, ev } = await audit("sub.lab.test", [], {
    statuses: { "_dmarc.sub.lab.test": "servfail" },
  });
  assert.equal(ev.lookups.length, 1, "no fallback after a failure");
  assert.deepEqual(ids(findings), ["dns.lookup.failed"]);
  assert.equal(findings[0]?.params.status, "SERVFAIL");
  assert.equal(findings[0]?.severity, "error");
});

test("two DMARC records: error, no policy, no fallback", async () => {
  const { findings, ev } = await audit("twodmarc.lab.test");
  assert.equal(ev.lookups.length, 1);
  assert.deepEqual(ids(findings), ["dmarc.record.multiple"]);
  assert.equal(one(findings, "dmarc.record.multiple").params.count, 2);
});

test("no record anywhere: a warning naming every name asked", async () => {
  const { findings } = await audit("a.nothing.example");
  const f = one(findings, "dmarc.record.missing");
  assert.equal(f.params.names, "_dmarc.a.nothing.example, _dmarc.nothing.example");
  assert.equal(f.evidence.length, 2);
});

test("a near-miss record is reported as ignored, and the domain has no policy", async () => {
  const { findings } = await audit("nearmiss.example");
  assert.deepEqual(ids(findings), ["dmarc.record.ignored", "dmarc.record.missing"]);
  assert.equal(one(findings, "dmarc.record.ignored").params.record, "v=dmarc1; p=reject");
});

test("pct, t=y, sp=none, removed and unknown tags, fo without ruf", async () => {
  const { findings } = await audit("partial.lab.test");
  assert.deepEqual(ids(findings), [
    "dmarc.fo.without-ruf",
    "dmarc.pct.partial",
    "dmarc.policy.testing",
    "dmarc.record.valid",
    "dmarc.subdomain-policy.none",
    "dmarc.tag.removed",
    "dmarc.tag.removed",
    "dmarc.tag.removed",
    "dmarc.tag.unknown",
  ]);
  assert.deepEqual(one(findings, "dmarc.policy.testing").params, {
    name: "_dmarc.partial.lab.test",
    policy: "quarantine",
    appliedAs: "none",
  });
  assert.equal(one(findings, "dmarc.pct.partial").params.pct, 50);
  assert.equal(one(findings, "dmarc.tag.unknown").params.tag, "foo");
});

test("report URIs that are not mailto or not addresses", async () => {
  const { findings } = await audit("uris.lab.test");
  assert.equal(one(findings, "dmarc.uri.not-mailto").params.uri, "https://r.example/x");
  assert.equal(one(findings, "dmarc.uri.invalid").params.uri, "mailto:nobody");
});

test("psd=y on an ordinary domain is a warning", async () => {
  const { findings } = await audit("psd.lab.test");
  assert.equal(one(findings, "dmarc.psd.misused").params.domain, "psd.lab.test");
});

test("RFC 9989 tree walk: a record between the domain and its organizational domain", async () => {
  const { findings, ev } = await audit("a.b.lab.test", [
    txt("_dmarc.b.lab.test", "v=DMARC1; p=none; rua=mailto:x@lab.test"),
  ]);
  assert.deepEqual(
    ev.treeWalk?.map((l) => `${l.answer.name} ${l.answer.status}`),
    ["_dmarc.b.lab.test noerror"],
  );
  const f = one(findings, "dmarc.discovery.tree-walk-differs");
  assert.deepEqual(
    [f.severity, f.params.pslName, f.params.pslPolicy, f.params.walkName, f.params.walkPolicy],
    ["warning", "_dmarc.lab.test", "quarantine", "_dmarc.b.lab.test", "none"],
  );
  assert.ok(
    findings.some((x) => x.id === "dmarc.record.inherited"),
    "the RFC 7489 verdict is still given",
  );
});

test("RFC 9989 tree walk: only the walk finds a policy; no walk for the domain's own record", async () => {
  const { findings } = await audit("x.y.z.nothing.example", [
    txt("_dmarc.z.nothing.example", "v=DMARC1; p=reject"),
  ]);
  assert.equal(one(findings, "dmarc.discovery.tree-walk-only").params.walkName, "_dmarc.z.nothing.example");
  assert.ok(findings.some((x) => x.id === "dmarc.record.missing"));
  const own = await audit("lab.test");
  assert.equal(own.ev.treeWalk, undefined);
  const sub = await audit("sub.lab.test");
  assert.deepEqual(sub.ev.treeWalk, [], "one label below the organizational domain: nothing in between");
});

test("RFC 9989 tree walk: the same policy found both ways is info", async () => {
  const { findings } = await audit("a.b.lab.test", [txt("_dmarc.b.lab.test", "v=DMARC1; p=quarantine")]);
  assert.equal(one(findings, "dmarc.discovery.tree-walk-differs").severity, "info");
});

test("saved evidence (JSON) is judged exactly like the live evidence", async () => {
  const { ev, findings } = await audit("a.b.lab.test", [
    txt("_dmarc.b.lab.test", "v=DMARC1; p=none; rua=mailto:x@elsewhere.test"),
  ]);
  assert.deepEqual(checkDmarc(JSON.parse(JSON.stringify(ev)) as typeof ev), findings);
});
