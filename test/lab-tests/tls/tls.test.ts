import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { collectDomainEvidence } from "../../../src/audit.js";
import { judgeTlsEndpoint, tlsChecks } from "../../../src/checks/tls.js";
import { runChecks } from "../../../src/core/check.js";
import type { RunContext } from "../../../src/core/context.js";
import type { Finding } from "../../../src/core/finding.js";
import { createDnsClient } from "../../../src/net/dns/client.js";
import { mtaStsProbe } from "../../../src/probes/mta-sts.js";
import { mxProbe } from "../../../src/probes/mx.js";
import { tlsaProbe } from "../../../src/probes/tlsa.js";
import { collectTlsEndpoint, tlsProbe, type TlsEndpointEvidence } from "../../../src/probes/tls.js";
import { parseCertificate } from "../../../src/standards/certificate.js";
import { lab, requireLab } from "../../helpers/lab.js";

function labContext(withCa = true): RunContext {
  return {
    dns: createDnsClient({ servers: [lab.resolver], timeoutMs: 3000 }),
    timeoutMs: 4000,
    now: () => new Date(),
    progress: { step: () => {} },
    perHostConcurrency: 2,
    ...(withCa ? { extraCa: [lab.ca] } : {}),
  };
}

/** The TLSA data the lab's certs.sh computed with openssl: an independent reference. */
const labFile = (name: string) => readFileSync(`${lab.run}/certs/${name}`, "utf8").trim();

const states = (ep: TlsEndpointEvidence) =>
  Object.fromEntries(ep.scan.versions.map((v) => [v.version, v.state]));
const suites = (ep: TlsEndpointEvidence, version: string) =>
  ep.scan.versions.find((v) => v.version === version)?.ciphers.map((c) => c.iana) ?? [];
const sev = (findings: Finding[], id: string) => findings.filter((f) => f.id === id).map((f) => f.severity);

describe("TLS of the lab's real servers", () => {
  it("good Postfix, 25 STARTTLS: TLS 1.2 and 1.3 only, server order, trusted chain, DANE 3 1 1 and 2 0 1 both match", async (t) => {
    if (!(await requireLab(t))) return;
    const ep = await collectTlsEndpoint(
      { host: "mail.lab.test", address: lab.mail, port: 25, starttls: "smtp", depth: "full" },
      labContext(),
    );
    assert.deepEqual(states(ep), {
      TLSv1: "rejected",
      "TLSv1.1": "rejected",
      "TLSv1.2": "accepted",
      "TLSv1.3": "accepted",
    });
    assert.deepEqual(suites(ep, "TLSv1.3"), [
      "TLS_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_AES_128_GCM_SHA256",
    ]);
    const v12 = suites(ep, "TLSv1.2");
    assert.ok(v12.includes("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
    assert.ok(v12.includes("TLS_RSA_WITH_AES_128_CBC_SHA"), "Postfix's default medium list keeps static RSA");
    assert.equal(ep.scan.versions.find((v) => v.version === "TLSv1.2")?.serverPreference, true);
    assert.ok(ep.scan.first.ok);
    assert.equal(ep.scan.first.trusted, true);
    assert.equal(ep.scan.first.chain?.length, 2);
    const leaf = parseCertificate(ep.scan.first.chain?.[0] ?? "");
    assert.ok(leaf.ok);
    assert.equal(leaf.facts.spkiSha256, labFile("mail.lab.test.tlsa311"));
    assert.equal(ep.tlsa?.authenticated, true);
    const findings = judgeTlsEndpoint(ep, new Date());
    const match = findings.find((f) => f.id === "tls.dane.match");
    assert.equal(match?.severity, "ok");
    assert.match(
      String(match?.params.matched),
      new RegExp(`3 1 1 ${labFile("mail.lab.test.tlsa311")} -> certificate #0`),
    );
    assert.match(
      String(match?.params.matched),
      new RegExp(`2 0 1 ${labFile("ca.tlsa201")} -> certificate #1`),
    );
    assert.deepEqual(sev(findings, "tls.version.ok"), ["ok"]);
    assert.deepEqual(sev(findings, "tls.cert.untrusted"), []);
    assert.deepEqual(sev(findings, "tls.cert.name-mismatch"), []);
  });

  it("without the lab CA the same chain is reported untrusted (self-signed root), milder because DANE-EE matches", async (t) => {
    if (!(await requireLab(t))) return;
    const ep = await collectTlsEndpoint(
      { host: "mail.lab.test", address: lab.mail, port: 25, starttls: "smtp", depth: "single" },
      labContext(false),
    );
    assert.ok(ep.scan.first.ok);
    assert.equal(ep.scan.first.trustError, "SELF_SIGNED_CERT_IN_CHAIN");
    assert.deepEqual(sev(judgeTlsEndpoint(ep, new Date()), "tls.cert.self-signed"), ["info"]);
  });

  it("expired host, 25: TLS 1.0 and 1.1 accepted, certificate expired, the wrong TLSA is critical", async (t) => {
    if (!(await requireLab(t))) return;
    const ep = await collectTlsEndpoint(
      { host: "expired.lab.test", address: lab.expired, port: 25, starttls: "smtp", depth: "full" },
      labContext(),
    );
    assert.deepEqual(states(ep), {
      TLSv1: "accepted",
      "TLSv1.1": "accepted",
      "TLSv1.2": "accepted",
      "TLSv1.3": "accepted",
    });
    assert.ok(suites(ep, "TLSv1").includes("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"));
    assert.equal(ep.scan.ssl3?.state, "rejected", "Debian's OpenSSL 3 has no SSLv3, even at SECLEVEL=0");
    assert.deepEqual(
      ep.scan.versions.flatMap((v) => v.ciphers.filter((c) => c.legacy)),
      [],
      "nor 3DES/RC4 suites",
    );
    assert.ok(ep.scan.first.ok);
    assert.equal(ep.scan.first.trustError, "CERT_HAS_EXPIRED");
    const leaf = parseCertificate(ep.scan.first.chain?.[0] ?? "");
    assert.ok(leaf.ok && leaf.facts.notAfter === "2020-02-01T00:00:00.000Z");
    const findings = judgeTlsEndpoint(ep, new Date());
    assert.deepEqual(sev(findings, "tls.cert.expired"), ["error"]);
    assert.deepEqual(sev(findings, "tls.version.insufficient"), ["warning"]);
    assert.equal(
      findings.find((f) => f.id === "tls.version.insufficient")?.params.versions,
      "TLSv1, TLSv1.1",
    );
    assert.deepEqual(sev(findings, "tls.dane.mismatch"), ["critical"]);
    assert.deepEqual(sev(findings, "tls.dane.match"), []);
  });

  it("465 implicit TLS and Dovecot 993/995 (implicit), 143 (IMAP STARTTLS), 110 (POP3 STLS) all present mail.lab.test", async (t) => {
    if (!(await requireLab(t))) return;
    const ctx = labContext();
    const cases = [
      { port: 465 },
      { port: 993 },
      { port: 995 },
      { port: 143, starttls: "imap" as const },
      { port: 110, starttls: "pop3" as const },
    ];
    for (const c of cases) {
      const ep = await collectTlsEndpoint(
        { host: "mail.lab.test", address: lab.mail, depth: "single", lookupTlsa: false, ...c },
        ctx,
      );
      assert.ok(ep.scan.first.ok, `${c.port}: ${JSON.stringify(ep.scan.first)}`);
      assert.equal(ep.scan.first.trusted, true, String(c.port));
      const findings = judgeTlsEndpoint(ep, new Date());
      assert.deepEqual(sev(findings, "tls.handshake.ok"), ["ok"], String(c.port));
      assert.deepEqual(sev(findings, "tls.cert.name-mismatch"), [], String(c.port));
    }
  });

  it("weak host, 25: no STARTTLS is told apart from a failed handshake", async (t) => {
    if (!(await requireLab(t))) return;
    const ep = await collectTlsEndpoint(
      {
        host: "weak.lab.test",
        address: lab.weak,
        port: 25,
        starttls: "smtp",
        depth: "full",
        lookupTlsa: false,
      },
      labContext(),
    );
    assert.ok(!ep.scan.first.ok && ep.scan.first.reason === "not-offered");
    assert.deepEqual(
      judgeTlsEndpoint(ep, new Date()).map((f) => f.id),
      ["tls.endpoint.no-starttls"],
    );
  });

  it("inside a domain run: lab.test's MX passes MTA-STS enforce and DANE, the dead MX adds nothing", async (t) => {
    if (!(await requireLab(t))) return;
    const evidence = await collectDomainEvidence("lab.test", labContext(), 3, [
      mxProbe,
      tlsaProbe,
      mtaStsProbe,
      tlsProbe,
    ]);
    const ports = evidence.tls?.endpoints.map((e) => `${e.host}:${e.port}`).sort();
    assert.deepEqual(ports, [
      "mail.lab.test:25",
      "mail.lab.test:465",
      "mail.lab.test:587",
      "mx2.lab.test:25",
      "mx2.lab.test:465",
      "mx2.lab.test:587",
    ]);
    const findings = runChecks(tlsChecks, evidence);
    assert.deepEqual(sev(findings, "tls.mta-sts.mx-ok"), ["ok"]);
    assert.deepEqual(
      findings.filter((f) => f.id === "tls.dane.match").map((f) => f.subject),
      ["mail.lab.test[127.0.0.10]:25"],
    );
    assert.deepEqual(
      findings.filter((f) => f.subject.startsWith("mx2.lab.test")),
      [],
    );
  });
});
