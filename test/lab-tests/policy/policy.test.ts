import assert from "node:assert/strict";
import { test } from "node:test";
import { auditDns } from "../../../src/audit.js";
import { checkDkim } from "../../../src/checks/dkim.js";
import { checkDmarc } from "../../../src/checks/dmarc.js";
import { checkMtaSts } from "../../../src/checks/mta-sts.js";
import { silentProgress, type RunContext } from "../../../src/core/context.js";
import type { Finding } from "../../../src/core/finding.js";
import { createDnsClient } from "../../../src/net/dns/client.js";
import { probeDkim } from "../../../src/probes/dkim.js";
import { probeDmarc } from "../../../src/probes/dmarc.js";
import { probeMtaSts } from "../../../src/probes/mta-sts.js";
import { lab, requireLab } from "../../helpers/lab.js";

/*
 * The policy areas against the real lab: Knot (signed lab.test) through the validating Unbound on
 * 127.0.0.3, and nginx serving the MTA-STS policy on 127.0.0.10:443 with the lab CA.
 */

function labContext(extra: Partial<RunContext> = {}): RunContext {
  return {
    dns: createDnsClient({ servers: [lab.resolver], timeoutMs: 2000 }),
    timeoutMs: 3000,
    now: () => new Date(),
    progress: silentProgress,
    perHostConcurrency: 2,
    ...extra,
  };
}

const sevIds = (findings: readonly Finding[]) => findings.map((f) => `${f.severity}:${f.id}`).sort();
const only = (findings: readonly Finding[], id: string) => {
  const found = findings.filter((f) => f.id === id);
  assert.equal(found.length, 1, `one ${id} in ${sevIds(findings).join(", ")}`);
  return found[0] as Finding;
};

const dmarc = async (domain: string) => checkDmarc(await probeDmarc(domain, labContext()));

test("DMARC: lab.test is a valid p=reject policy, validated by DNSSEC", async (t) => {
  if (!(await requireLab(t))) return;
  const ev = await probeDmarc("lab.test", labContext());
  assert.equal(ev.lookups[0]?.answer.authenticated, true);
  const findings = checkDmarc(ev);
  assert.deepEqual(sevIds(findings), ["info:dmarc.tag.removed", "ok:dmarc.record.valid"]);
  assert.deepEqual(only(findings, "dmarc.record.valid").params, {
    name: "_dmarc.lab.test",
    policy: "reject",
    subdomainPolicy: "quarantine",
    nonExistentPolicy: "quarantine",
    adkim: "s",
    aspf: "r",
  });
});

test("DMARC: weak.lab.test is p=none without reports", async (t) => {
  if (!(await requireLab(t))) return;
  assert.deepEqual(sevIds(await dmarc("weak.lab.test")), [
    "ok:dmarc.record.valid",
    "warning:dmarc.policy.none",
    "warning:dmarc.rua.missing",
  ]);
});

test("DMARC: broken.lab.test has an invalid p and pct=200", async (t) => {
  if (!(await requireLab(t))) return;
  const findings = await dmarc("broken.lab.test");
  assert.deepEqual(sevIds(findings), [
    "error:dmarc.policy.invalid",
    "error:dmarc.tag.invalid",
    "info:dmarc.tag.removed",
  ]);
  assert.equal(only(findings, "dmarc.tag.invalid").params.value, "200");
});

test("DMARC: nomx.lab.test sends reports to an unauthorised external destination", async (t) => {
  if (!(await requireLab(t))) return;
  const ev = await probeDmarc("nomx.lab.test", labContext());
  assert.equal(ev.authorizations[0]?.answer.name, "nomx.lab.test._report._dmarc.elsewhere.test");
  assert.equal(ev.authorizations[0]?.answer.status, "nxdomain");
  const f = only(checkDmarc(ev), "dmarc.report.unauthorized");
  assert.deepEqual(
    [f.severity, f.params.destination, f.params.policyDomain],
    ["warning", "elsewhere.test", "nomx.lab.test"],
  );
});

test("DMARC: sub.lab.test falls back to the organizational domain lab.test", async (t) => {
  if (!(await requireLab(t))) return;
  const ev = await probeDmarc("sub.lab.test", labContext());
  assert.deepEqual(
    ev.lookups.map((l) => `${l.answer.name} ${l.answer.status}`),
    ["_dmarc.sub.lab.test nxdomain", "_dmarc.lab.test noerror"],
  );
  assert.deepEqual(only(checkDmarc(ev), "dmarc.record.inherited").params, {
    domain: "sub.lab.test",
    orgDomain: "lab.test",
    policy: "quarantine",
  });
});

test("DMARC: pct, t=y, sp=none and two records", async (t) => {
  if (!(await requireLab(t))) return;
  const partial = await dmarc("partial.lab.test");
  for (const id of [
    "dmarc.pct.partial",
    "dmarc.policy.testing",
    "dmarc.subdomain-policy.none",
    "dmarc.tag.unknown",
    "dmarc.fo.without-ruf",
  ])
    only(partial, id);
  assert.deepEqual(sevIds(await dmarc("twodmarc.lab.test")), ["error:dmarc.record.multiple"]);
});

test("DKIM: every lab selector, keys measured from the keys themselves", async (t) => {
  if (!(await requireLab(t))) return;
  const selectors = [
    "sel1",
    "ed1",
    "revoked",
    "broken",
    "k1024",
    "sha1",
    "tiny",
    "sha1only",
    "testing",
    "provider",
  ];
  const findings = checkDkim(await probeDkim("lab.test", selectors, labContext()));
  const of = (s: string) =>
    findings
      .filter((f) => f.params.selector === s)
      .map((f) => `${f.severity}:${f.id}${f.params.bits ? `:${f.params.bits}` : ""}`);
  assert.deepEqual(of("sel1"), ["ok:dkim.key.found:2048"]);
  assert.deepEqual(of("ed1"), ["ok:dkim.key.found:256"]);
  assert.deepEqual(of("revoked"), ["warning:dkim.key.revoked"]);
  assert.deepEqual(of("broken"), ["error:dkim.key.bad-base64"]);
  assert.deepEqual(of("k1024"), ["warning:dkim.key.rsa-short:1024", "ok:dkim.key.found:1024"]);
  assert.deepEqual(of("sha1"), ["ok:dkim.key.found:2048"], "no h= allows every algorithm");
  assert.deepEqual(of("tiny"), ["error:dkim.key.rsa-weak:512"]);
  assert.deepEqual(of("sha1only"), ["error:dkim.key.sha1-only"]);
  assert.deepEqual(of("testing"), ["warning:dkim.key.testing", "ok:dkim.key.found:2048"]);
  const provider = findings.find((f) => f.params.selector === "provider");
  assert.equal(provider?.params.via, "sel1._domainkey.lab.test");
  assert.equal(
    findings.some((f) => f.id === "dkim.selectors.none-found"),
    false,
  );
});

test("DKIM: a domain without keys under any tried selector says so, as info", async (t) => {
  if (!(await requireLab(t))) return;
  const findings = checkDkim(await probeDkim("weak.lab.test", [], labContext()));
  assert.deepEqual(sevIds(findings), ["info:dkim.selectors.none-found"]);
});

test("MTA-STS: lab.test's policy over HTTPS with the lab CA; mx2.lab.test is not covered", async (t) => {
  if (!(await requireLab(t))) return;
  const ctx = labContext({ extraCa: [lab.ca] });
  const report = await auditDns("lab.test", { ...ctx, areas: new Set(["mx", "mta-sts"]) });
  const findings = report.findings.filter((f) => f.area === "mta-sts");
  assert.deepEqual(sevIds(findings), [
    "error:mta-sts.mx.not-covered",
    "ok:mta-sts.policy.valid",
    "ok:mta-sts.record.valid",
  ]);
  assert.equal(only(findings, "mta-sts.mx.not-covered").subject, "mx2.lab.test");
  assert.deepEqual(only(findings, "mta-sts.policy.valid").params, {
    url: "https://mta-sts.lab.test/.well-known/mta-sts.txt",
    mode: "enforce",
    maxAge: 86400,
    mx: "mail.lab.test",
  });
  assert.equal(report.evidence?.mtaSts?.fetch?.tls?.authorized, true);
  assert.equal(report.evidence?.mtaSts?.fetch?.attempts[0]?.address, lab.mail);
});

test("MTA-STS: without the lab CA the certificate is not trusted", async (t) => {
  if (!(await requireLab(t))) return;
  const findings = checkMtaSts(await probeMtaSts("lab.test", labContext()));
  assert.match(
    String(only(findings, "mta-sts.policy.certificate-invalid").params.reason),
    /SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/,
  );
});

test("MTA-STS: broken records and a missing policy host", async (t) => {
  if (!(await requireLab(t))) return;
  const ctx = labContext({ extraCa: [lab.ca] });
  const check = async (d: string) => sevIds(checkMtaSts(await probeMtaSts(d, ctx)));
  assert.deepEqual(await check("weak.lab.test"), ["info:mta-sts.record.missing"]);
  assert.deepEqual(await check("stsbad.lab.test"), [
    "error:mta-sts.policy.host-missing",
    "error:mta-sts.record.id-invalid",
  ]);
  assert.deepEqual(await check("stsdup.lab.test"), [
    "error:mta-sts.policy.host-missing",
    "error:mta-sts.record.multiple",
  ]);
  assert.deepEqual(await check("stsnohost.lab.test"), [
    "error:mta-sts.policy.host-missing",
    "ok:mta-sts.record.valid",
  ]);
});

test("the DNS audit of lab.test includes the three policy areas", async (t) => {
  if (!(await requireLab(t))) return;
  const report = await auditDns("lab.test", {
    ...labContext({ extraCa: [lab.ca], dkimSelectors: ["sel1", "ed1"] }),
    areas: new Set(["mx", "dmarc", "dkim", "mta-sts"]),
  });
  const areas = new Set(report.findings.map((f) => f.area));
  for (const a of ["dmarc", "dkim", "mta-sts"]) assert.ok(areas.has(a), `area ${a} in the report`);
  assert.equal(report.findings.filter((f) => f.area === "dkim" && f.id === "dkim.key.found").length, 2);
});
