import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { lab, requireLab } from "../../helpers/lab.js";
import { having, labAudit, summary } from "./helpers.js";

test("DNSSEC: lab.test and secure are validated, bogus is bogus, insecure is unsigned", async (t) => {
  if (!(await requireLab(t))) return;
  assert.deepEqual(summary((await labAudit("lab.test")).findings, "dnssec"), [
    "dnssec.validated ok lab.test",
    "dnssec.validated ok mail.lab.test",
    "dnssec.validated ok mx2.lab.test",
  ]);
  assert.deepEqual(summary((await labAudit("secure.lab.test")).findings, "dnssec"), [
    "dnssec.validated ok mail.lab.test",
    "dnssec.validated ok secure.lab.test",
  ]);
  const bogus = await labAudit("bogus.lab.test");
  assert.deepEqual(summary(bogus.findings, "dnssec"), ["dnssec.bogus error bogus.lab.test"]);
  const zone = bogus.evidence.dnssec?.zones.find((z) => z.apex === "bogus.lab.test");
  assert.equal(zone?.ds.status, "noerror", "the parent publishes the DS");
  assert.equal(zone?.dnskey.status, "servfail");
  const insecure = await labAudit("insecure.lab.test");
  assert.deepEqual(summary(insecure.findings, "dnssec"), [
    "dnssec.unsigned info insecure.lab.test",
    "dnssec.validated ok mail.lab.test",
  ]);
  assert.equal(having(insecure.findings, "dnssec.unsigned")[0]?.params.zone, "insecure.lab.test");
});

test("DNSSEC through a non-validating server: a signed zone is 'not validated', never 'validated' or 'unsigned'", async (t) => {
  if (!(await requireLab(t))) return;
  const { createDnsClient } = await import("../../../src/net/dns/client.js");
  const { silentProgress } = await import("../../../src/core/context.js");
  const { collectDomainEvidence } = await import("../../../src/audit.js");
  const { dnssecProbe } = await import("../../../src/probes/dnssec.js");
  const { mxProbe } = await import("../../../src/probes/mx.js");
  const { dnssecCheck } = await import("../../../src/checks/dnssec.js");
  const ctx = {
    dns: createDnsClient({ servers: [lab.auth], timeoutMs: 3000 }),
    timeoutMs: 3000,
    now: () => new Date(),
    progress: silentProgress,
    perHostConcurrency: 2,
  };
  // secure.lab.test has its DS in lab.test (served by the same knotd) and its own DNSKEY, but an
  // authoritative server never sets AD. (lab.test itself is the lab's trust anchor: it has no DS anywhere.)
  const evidence = await collectDomainEvidence("secure.lab.test", ctx, 2, [mxProbe, dnssecProbe]);
  const found = dnssecCheck.run(evidence).find((f) => f.subject === "secure.lab.test");
  assert.equal(found?.id, "dnssec.not-validated");
  assert.equal(found?.severity, "warning");
  assert.equal(found?.params.resolver, lab.auth);
});

test("DANE records: mail.lab.test has usable TLSA matching the lab's key hash; weak's record is malformed PKIX", async (t) => {
  if (!(await requireLab(t))) return;
  const { evidence, findings } = await labAudit("lab.test");
  const mail = evidence.tlsa?.hosts.find((h) => h.host === "mail.lab.test");
  const hash = readFileSync(`${lab.run}/certs/mail.lab.test.tlsa311`, "utf8").trim().toLowerCase();
  assert.ok(
    mail?.answer.records.some(
      (r) =>
        r.type === "TLSA" && r.usage === 3 && r.selector === 1 && r.matchingType === 1 && r.data === hash,
    ),
  );
  assert.deepEqual(summary(findings, "dane"), [
    "dane.tlsa.none info _25._tcp.mx2.lab.test",
    "dane.tlsa.present ok _25._tcp.mail.lab.test",
  ]);
  assert.equal(
    having(findings, "dane.tlsa.present")[0]?.params.records,
    "DANE-EE SPKI SHA2-256, DANE-TA Cert SHA2-256",
  );

  const weak = await labAudit("weak.lab.test");
  assert.deepEqual(summary(weak.findings, "dane"), [
    "dane.tlsa.invalid error _25._tcp.weak.lab.test",
    "dane.tlsa.unusable warning _25._tcp.weak.lab.test",
    "dane.tlsa.usage-pkix warning _25._tcp.weak.lab.test",
  ]);
  // expired.lab.test's TLSA is well-formed (it matches no certificate: that is the TLS area's finding).
  assert.deepEqual(summary((await labAudit("expired.lab.test")).findings, "dane"), [
    "dane.tlsa.present ok _25._tcp.expired.lab.test",
  ]);
});

test("TLS-RPT: valid, bad scheme, two records, missing", async (t) => {
  if (!(await requireLab(t))) return;
  assert.deepEqual(summary((await labAudit("lab.test")).findings, "tls-rpt"), [
    "tlsrpt.ok ok _smtp._tls.lab.test",
  ]);
  const weak = await labAudit("weak.lab.test");
  assert.deepEqual(summary(weak.findings, "tls-rpt"), ["tlsrpt.rua.scheme error _smtp._tls.weak.lab.test"]);
  assert.equal(having(weak.findings, "tlsrpt.rua.scheme")[0]?.params.text, "ftp://reports.lab.test/tlsrpt");
  assert.deepEqual(summary((await labAudit("expired.lab.test")).findings, "tls-rpt"), [
    "tlsrpt.multiple error _smtp._tls.expired.lab.test",
  ]);
  assert.deepEqual(summary((await labAudit("nullmx.lab.test")).findings, "tls-rpt"), [
    "tlsrpt.missing info _smtp._tls.nullmx.lab.test",
  ]);
});

test("BIMI: lab.test lacks a mark certificate; weak.lab.test has http/png and DMARC p=none", async (t) => {
  if (!(await requireLab(t))) return;
  assert.deepEqual(summary((await labAudit("lab.test")).findings, "bimi"), [
    "bimi.authority.missing warning default._bimi.lab.test",
    "bimi.ok ok default._bimi.lab.test",
  ]);
  const weak = await labAudit("weak.lab.test");
  assert.deepEqual(summary(weak.findings, "bimi"), [
    "bimi.authority.missing warning default._bimi.weak.lab.test",
    "bimi.dmarc.not-enforced warning weak.lab.test",
    "bimi.location.not-https error default._bimi.weak.lab.test",
    "bimi.location.not-svg warning default._bimi.weak.lab.test",
  ]);
  assert.equal(having(weak.findings, "bimi.dmarc.not-enforced")[0]?.params.p, "none");
  // nomx.lab.test has no BIMI record of its own, and falls back to lab.test's (the organizational domain).
  const nomx = await labAudit("nomx.lab.test");
  assert.deepEqual(
    nomx.evidence.bimi?.lookups.map((l) => l.name),
    ["default._bimi.nomx.lab.test", "default._bimi.lab.test"],
  );
});

test("DNSBL: 127.0.0.10 listed in bl.lab.test with its reason; refusal and a rogue list are told apart", async (t) => {
  if (!(await requireLab(t))) return;
  const { evidence, findings } = await labAudit("lab.test", [
    "bl.lab.test",
    "refuse.lab.test",
    "everything.lab.test",
  ]);
  assert.equal(evidence.dnsbl?.lookups.length, 6);
  assert.deepEqual(summary(findings, "dnsbl"), [
    "dnsbl.listed error 127.0.0.10 bl.lab.test",
    "dnsbl.listed.unreliable warning 127.0.0.10 everything.lab.test",
    "dnsbl.listed.unreliable warning 127.0.0.99 everything.lab.test",
    "dnsbl.refused warning 127.0.0.10 refuse.lab.test",
    "dnsbl.refused warning 127.0.0.99 refuse.lab.test",
    "dnsbl.zone.lists-everything warning everything.lab.test",
  ]);
  const listed = having(findings, "dnsbl.listed")[0];
  assert.equal(listed?.params.codes, "127.0.0.2");
  assert.equal(
    listed?.params.reason,
    "Listed by bl.lab.test for testing, see https://bl.lab.test/?ip=127.0.0.10",
  );
  const clean = await labAudit("lab.test", ["bl.lab.test"]);
  assert.deepEqual(summary(clean.findings, "dnsbl"), [
    "dnsbl.clean ok 127.0.0.99",
    "dnsbl.listed error 127.0.0.10 bl.lab.test",
  ]);
});
