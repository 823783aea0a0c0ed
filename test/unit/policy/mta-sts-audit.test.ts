import assert from "node:assert/strict";
import { createServer, type Server } from "node:https";
import type { Socket } from "node:net";
import { after, before, test } from "node:test";
import { checkMtaSts } from "../../../src/checks/mta-sts.js";
import type { MxEvidence } from "../../../src/core/mail-hosts.js";
import { createMemoryResolver } from "../../../src/net/dns/memory.js";
import type { DnsRecord, DnsStatus } from "../../../src/net/dns/types.js";
import { probeMtaSts } from "../../../src/probes/mta-sts.js";
import { ids, makeTestPki, one, testContext, txt, type TestPki } from "./helpers.js";

/*
 * The MTA-STS probe and check end to end, against an in-process HTTPS server on 127.0.0.30:443 (the
 * real policy port; the lab's nginx holds 127.0.0.10:443). Each test domain gets its own behaviour
 * through the Host header; names resolve through a memory resolver.
 */

const ADDR = "127.0.0.30";
const POLICIES: Record<string, { status?: number; type?: string; body?: string; location?: string }> = {
  good: {
    body: "version: STSv1\nmode: enforce\nmx: mail.good.pol.test\nmx: *.relay.pol.test\nmax_age: 1209600\n",
  },
  partial: {
    body: "version: STSv1\nmode: enforce\nmx: mail.partial.pol.test\nmx: old.partial.pol.test\nmax_age: 86400\n",
  },
  testing: { body: "version: STSv1\r\nmode: testing\r\nmx: mail.testing.pol.test\r\nmax_age: 604800\r\n" },
  none: { body: "version: STSv1\nmode: none\nmax_age: 0\n" },
  short: { body: "version: STSv1\nmode: enforce\nmx: mail.short.pol.test\nmax_age: 3600\n" },
  html: {
    type: "text/html; charset=utf-8",
    body: "version: STSv1\nmode: enforce\nmx: mail.html.pol.test\nmax_age: 604800\n",
  },
  bad: { body: "version: STSv1\nmode: enforced\nmx: mail.bad.pol.test\nmax_age: forever\nMode: enforce\n" },
  redirect: { status: 301, location: "https://www.redirect.pol.test/mta-sts.txt" },
  notfound: { status: 404, type: "text/html", body: "<h1>404</h1>" },
  bom: { body: "\ufeffversion: STSv1\nmode: enforce\nmx: mail.bom.pol.test\nmax_age: 604800\n" },
  longline: {
    body: `version: STSv1\nmode: enforce\nmx: mail.longline.pol.test\nmax_age: 604800\nx${"y".repeat(5000)}: z\n`,
  },
  norecord: { body: "version: STSv1\nmode: testing\nmx: mail.norecord.pol.test\nmax_age: 604800\n" },
};
const CERT_NAMES = Object.keys(POLICIES).map((d) => `mta-sts.${d}.pol.test`);

let pki: TestPki;
let server: Server;
const sockets = new Set<Socket>();

before(async () => {
  pki = makeTestPki();
  server = createServer({ ...pki.issue(CERT_NAMES) }, (req, res) => {
    const domain = /^mta-sts\.([a-z]+)\.pol\.test$/.exec(req.headers.host ?? "")?.[1] ?? "";
    const p = POLICIES[domain];
    if (!p || req.url !== "/.well-known/mta-sts.txt") return void res.writeHead(500).end();
    res
      .writeHead(p.status ?? 200, {
        "content-type": p.type ?? "text/plain",
        ...(p.location ? { location: p.location } : {}),
      })
      .end(p.body ?? "");
  });
  server.on("connection", (s: Socket) => (sockets.add(s), s.on("close", () => sockets.delete(s))));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(443, ADDR, resolve);
  });
});

after(() => {
  for (const s of sockets) s.destroy();
  server.close();
  pki.cleanup();
});

function zone(): DnsRecord[] {
  const records: DnsRecord[] = [];
  for (const d of [...Object.keys(POLICIES), "wrongname"]) {
    if (d !== "norecord") records.push(txt(`_mta-sts.${d}.pol.test`, `v=STSv1; id=2026${d.length}`));
    records.push({ type: "A", name: `mta-sts.${d}.pol.test`, ttl: 60, address: ADDR });
  }
  records.push(txt("_mta-sts.nohost.pol.test", "v=STSv1; id=1"));
  return records;
}

function mx(domain: string, hosts: string[]): MxEvidence {
  return {
    answer: {
      name: domain,
      type: "MX",
      status: "noerror",
      rcode: "NOERROR",
      records: hosts.map((h, i) => ({
        type: "MX",
        name: domain,
        ttl: 60,
        preference: 10 * (i + 1),
        exchange: h,
      })),
      cnameChain: [],
      authenticated: false,
      server: "memory",
      elapsedMs: 0,
    },
    implicit: false,
    nullMx: false,
    hosts: hosts.map((name, i) => ({ name, preference: 10 * (i + 1), addresses: [], addressAnswers: [] })),
  };
}

async function audit(
  domain: string,
  mxHosts: string[] | undefined,
  statuses: Record<string, DnsStatus> = {},
) {
  const dns = createMemoryResolver(zone(), { statuses });
  const ev = await probeMtaSts(domain, testContext(dns, { extraCa: [pki.caPem] }));
  return { ev, findings: checkMtaSts(ev, mxHosts ? mx(domain, mxHosts) : undefined) };
}

test("a good enforce policy covering every MX, wildcard included", async () => {
  const { findings } = await audit("good.pol.test", ["mail.good.pol.test", "a.relay.pol.test"]);
  assert.deepEqual(ids(findings), ["mta-sts.mx.covered", "mta-sts.policy.valid", "mta-sts.record.valid"]);
  assert.deepEqual(one(findings, "mta-sts.policy.valid").params, {
    url: "https://mta-sts.good.pol.test/.well-known/mta-sts.txt",
    mode: "enforce",
    maxAge: 1209600,
    mx: "mail.good.pol.test, *.relay.pol.test",
  });
  const http = one(findings, "mta-sts.policy.valid").evidence[0];
  assert.equal(http?.kind, "http");
  assert.ok(http?.lines.includes("certificate verified for the host name"));
  assert.ok(http?.lines.includes("mode: enforce"));
});

test("enforce mode: an MX outside the patterns is an error naming the host, unused patterns are info", async () => {
  const { findings } = await audit("partial.pol.test", ["mail.partial.pol.test", "mx2.partial.pol.test"]);
  const f = one(findings, "mta-sts.mx.not-covered");
  assert.deepEqual(
    [f.severity, f.subject, f.params.patterns],
    ["error", "mx2.partial.pol.test", "mail.partial.pol.test, old.partial.pol.test"],
  );
  assert.ok(f.evidence[1]?.lines.includes("mx2.partial.pol.test -> (no pattern)"));
  assert.equal(one(findings, "mta-sts.mx.pattern-unused").params.pattern, "old.partial.pol.test");
  assert.equal(
    findings.some((x) => x.id === "mta-sts.mx.covered"),
    false,
  );
});

test("testing mode: an uncovered MX is a warning", async () => {
  const { findings } = await audit("testing.pol.test", ["mx9.testing.pol.test"]);
  assert.equal(one(findings, "mta-sts.mx.not-covered").severity, "warning");
  assert.equal(one(findings, "mta-sts.policy.mode-testing").severity, "info");
});

test("mode none needs no mx and matches nothing", async () => {
  const { findings } = await audit("none.pol.test", ["mail.none.pol.test"]);
  assert.deepEqual(ids(findings), [
    "mta-sts.policy.mode-none",
    "mta-sts.policy.valid",
    "mta-sts.record.valid",
  ]);
});

test("a max_age under a day is a warning", async () => {
  const { findings } = await audit("short.pol.test", ["mail.short.pol.test"]);
  assert.equal(one(findings, "mta-sts.policy.max-age-short").params.maxAge, 3600);
});

test("a policy served as text/html is a warning but still parsed", async () => {
  const { findings } = await audit("html.pol.test", ["mail.html.pol.test"]);
  assert.equal(one(findings, "mta-sts.policy.content-type").params.contentType, "text/html");
  assert.ok(findings.some((f) => f.id === "mta-sts.mx.covered"));
});

test("bad policy syntax: each problem with its line, no MX matching", async () => {
  const { findings } = await audit("bad.pol.test", ["mail.bad.pol.test"]);
  assert.deepEqual(ids(findings), [
    "mta-sts.policy.max-age-invalid",
    "mta-sts.policy.mode-invalid",
    "mta-sts.policy.unknown-field",
    "mta-sts.record.valid",
  ]);
  assert.deepEqual(one(findings, "mta-sts.policy.mode-invalid").params, {
    url: "https://mta-sts.bad.pol.test/.well-known/mta-sts.txt",
    line: 2,
    value: "enforced",
  });
});

test("a redirect is an error with its target", async () => {
  const { findings } = await audit("redirect.pol.test", ["mail.redirect.pol.test"]);
  const f = one(findings, "mta-sts.policy.redirect");
  assert.deepEqual(
    [f.severity, f.params.status, f.params.location],
    ["error", 301, "https://www.redirect.pol.test/mta-sts.txt"],
  );
});

test("404 is an error", async () => {
  const { findings } = await audit("notfound.pol.test", ["mail.notfound.pol.test"]);
  assert.equal(one(findings, "mta-sts.policy.http-status").params.status, 404);
});

test("a certificate without the policy host name is an error with the reason", async () => {
  const { findings } = await audit("wrongname.pol.test", ["mail.wrongname.pol.test"]);
  const f = one(findings, "mta-sts.policy.certificate-invalid");
  assert.equal(f.params.reason, "ERR_TLS_CERT_ALTNAME_INVALID");
  assert.ok(f.evidence[0]?.lines.some((l) => l.startsWith("certificate SAN: DNS:mta-sts.good.pol.test")));
});

test("a record without a policy host is an error", async () => {
  const { findings } = await audit("nohost.pol.test", ["mail.nohost.pol.test"]);
  assert.deepEqual(ids(findings), ["mta-sts.policy.host-missing", "mta-sts.record.valid"]);
});

test("a policy without the TXT record is a warning; nothing at all is info", async () => {
  const present = await audit("norecord.pol.test", ["mail.norecord.pol.test"]);
  assert.deepEqual(ids(present.findings), ["mta-sts.record.missing-policy-present"]);
  const nothing = await audit("absent.pol.test", ["mail.absent.pol.test"]);
  assert.deepEqual(ids(nothing.findings), ["mta-sts.record.missing"]);
  assert.equal(nothing.findings[0]?.severity, "info");
});

test("a failed TXT lookup is reported as such and nothing is fetched", async () => {
  const { ev, findings } = await audit("good.pol.test", ["mail.good.pol.test"], {
    "_mta-sts.good.pol.test": "servfail",
  });
  assert.equal(ev.fetch, undefined);
  assert.deepEqual(ids(findings), ["dns.lookup.failed"]);
});

test("without MX evidence the policy is judged and the MX match is said to be unknown", async () => {
  const { findings } = await audit("good.pol.test", undefined);
  assert.ok(findings.some((f) => f.id === "mta-sts.mx.unknown"));
});

test("several records, an invalid id", async () => {
  const dns = createMemoryResolver([
    txt("_mta-sts.dup.test", "v=STSv1; id=1"),
    txt("_mta-sts.dup.test", "v=STSv1; id=2"),
    txt("_mta-sts.id.test", "v=STSv1; id=not_valid!"),
    txt("_mta-sts.case.test", "v=stsv1; id=1"),
  ]);
  const check = async (d: string) => checkMtaSts(await probeMtaSts(d, testContext(dns)));
  assert.equal(one(await check("dup.test"), "mta-sts.record.multiple").params.count, 2);
  assert.equal(one(await check("id.test"), "mta-sts.record.id-invalid").params.value, "not_valid!");
  assert.equal(one(await check("case.test"), "mta-sts.record.ignored").params.record, "v=stsv1; id=1");
});

test("saved evidence (JSON) is judged exactly like the live evidence", async () => {
  const { ev, findings } = await audit("partial.pol.test", ["mail.partial.pol.test", "mx2.partial.pol.test"]);
  const saved = JSON.parse(JSON.stringify(ev)) as typeof ev;
  assert.deepEqual(
    checkMtaSts(saved, mx("partial.pol.test", ["mail.partial.pol.test", "mx2.partial.pol.test"])),
    findings,
  );
});

test("a BOM is a warning; over-long lines are cut in the evidence", async () => {
  const bom = await audit("bom.pol.test", ["mail.bom.pol.test"]);
  assert.equal(one(bom.findings, "mta-sts.policy.bom").severity, "warning");
  assert.ok(bom.findings.some((f) => f.id === "mta-sts.mx.covered"));
  const long = await audit("longline.pol.test", ["mail.longline.pol.test"]);
  const f = one(long.findings, "mta-sts.policy.syntax");
  assert.equal(f.params.line, 5);
  const shown = f.evidence[0]?.lines.find((l) => l.startsWith("xyyy")) ?? "";
  assert.equal(shown.length, 203);
  assert.ok(shown.endsWith("..."));
});

test("a policy host certificate close to expiry is a warning, judged at the evidence's time", async () => {
  const { ev } = await audit("good.pol.test", ["mail.good.pol.test"]);
  const validTo = Date.parse(ev.fetch?.tls?.certificate?.validTo ?? "");
  const soon = checkMtaSts(ev, undefined, new Date(validTo - 3 * 86400000 - 1000).toISOString());
  assert.deepEqual(one(soon, "mta-sts.policy.certificate-expiring").params.days, 3);
  const early = checkMtaSts(ev, undefined, new Date(validTo - 30 * 86400000).toISOString());
  assert.equal(
    early.some((f) => f.id === "mta-sts.policy.certificate-expiring"),
    false,
  );
});
