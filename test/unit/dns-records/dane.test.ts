import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assessTlsa, parseTlsaText, tlsaName } from "../../../src/standards/tlsa.js";
import { audit, having, rr, summary } from "./fixtures.js";

const SHA256 = "3b".repeat(32);
const base = () => [
  rr.soa("example.com"),
  rr.mx("example.com", 10, "mx.example.com"),
  rr.a("mx.example.com", "8.8.4.4"),
  rr.ds("example.com"),
  rr.dnskey("example.com"),
];

describe("TLSA parsing and syntax (src/standards/tlsa.ts)", () => {
  it("parses presentation form with split hex", () => {
    assert.deepEqual(parseTlsaText("3 1 1 AB cd"), { usage: 3, selector: 1, matchingType: 1, data: "abcd" });
    assert.equal(parseTlsaText("3 1"), undefined);
    assert.equal(parseTlsaText("300 1 1 ab"), undefined);
  });

  it("accepts DANE-EE SPKI SHA2-256 with 32 bytes and names it", () => {
    const t = assessTlsa({ usage: 3, selector: 1, matchingType: 1, data: SHA256 });
    assert.deepEqual(t.problems, []);
    assert.equal(t.mnemonic, "DANE-EE SPKI SHA2-256");
    assert.equal(t.usableForSmtp, true);
  });

  it("checks the data length against the matching type", () => {
    assert.deepEqual(assessTlsa({ usage: 3, selector: 1, matchingType: 1, data: "abcd" }).problems, [
      { code: "data.length", detail: { expected: 32, actual: 2 } },
    ]);
    assert.deepEqual(assessTlsa({ usage: 2, selector: 0, matchingType: 2, data: SHA256 }).problems, [
      { code: "data.length", detail: { expected: 64, actual: 32 } },
    ]);
    assert.deepEqual(
      assessTlsa({ usage: 3, selector: 1, matchingType: 2, data: "ab".repeat(64) }).problems,
      [],
    );
  });

  it("rejects unknown field values, non-hex and non-DER full data", () => {
    const codes = (f: Parameters<typeof assessTlsa>[0]) => assessTlsa(f).problems.map((p) => p.code);
    assert.deepEqual(codes({ usage: 4, selector: 2, matchingType: 3, data: "30" }), [
      "usage.unknown",
      "selector.unknown",
      "matching-type.unknown",
    ]);
    assert.deepEqual(codes({ usage: 3, selector: 1, matchingType: 1, data: "zz" }), ["data.not-hex"]);
    assert.deepEqual(codes({ usage: 3, selector: 1, matchingType: 0, data: "0102" }), ["data.not-der"]);
    assert.deepEqual(codes({ usage: 3, selector: 1, matchingType: 0, data: "" }), ["data.empty"]);
  });

  it("marks PKIX usages unusable for SMTP (RFC 7672 §3.1.3)", () => {
    assert.equal(assessTlsa({ usage: 1, selector: 1, matchingType: 1, data: SHA256 }).usableForSmtp, false);
    assert.equal(assessTlsa({ usage: 2, selector: 1, matchingType: 1, data: SHA256 }).usableForSmtp, true);
  });

  it("builds the owner name", () => assert.equal(tlsaName("MX.Example.com."), "_25._tcp.mx.example.com"));
});

describe("TLSA probe and checks", () => {
  it("reports usable, DNSSEC-validated records as present", async () => {
    const { evidence, findings } = await audit(
      [...base(), rr.tlsa("_25._tcp.mx.example.com", 3, 1, 1, SHA256)],
      { authenticated: ["example.com"] },
    );
    assert.equal(evidence.tlsa?.hosts[0]?.name, "_25._tcp.mx.example.com");
    assert.deepEqual(summary(findings, "dane"), ["dane.tlsa.present ok _25._tcp.mx.example.com"]);
    assert.equal(having(findings, "dane.tlsa.present")[0]?.params.records, "DANE-EE SPKI SHA2-256");
  });

  it("says DANE is not used when there is no TLSA", async () => {
    const { findings } = await audit(base(), { authenticated: ["example.com"] });
    assert.deepEqual(summary(findings, "dane"), ["dane.tlsa.none info _25._tcp.mx.example.com"]);
  });

  it("flags a malformed PKIX record: invalid, discouraged usage, and nothing usable", async () => {
    const { findings } = await audit([...base(), rr.tlsa("_25._tcp.mx.example.com", 1, 0, 1, "abcd")], {
      authenticated: ["example.com"],
    });
    assert.deepEqual(summary(findings, "dane"), [
      "dane.tlsa.invalid error _25._tcp.mx.example.com",
      "dane.tlsa.unusable warning _25._tcp.mx.example.com",
      "dane.tlsa.usage-pkix warning _25._tcp.mx.example.com",
    ]);
    assert.equal(
      having(findings, "dane.tlsa.invalid")[0]?.params.problems,
      "data.length (expected 32, actual 2)",
    );
    assert.equal(having(findings, "dane.tlsa.usage-pkix")[0]?.params.usage, "PKIX-EE");
  });

  it("says TLSA without DNSSEC is ignored", async () => {
    const { findings } = await audit([...base(), rr.tlsa("_25._tcp.mx.example.com", 3, 1, 1, SHA256)]);
    assert.deepEqual(summary(findings, "dane"), ["dane.tlsa.insecure warning _25._tcp.mx.example.com"]);
  });

  it("flags signed TLSA behind an unsigned MX record set", async () => {
    const { findings } = await audit([...base(), rr.tlsa("_25._tcp.mx.example.com", 3, 1, 1, SHA256)], {
      authenticated: ["_25._tcp.mx.example.com", "mx.example.com"],
    });
    const f = having(findings, "dane.chain.insecure")[0];
    assert.equal(f?.params.insecure, "example.com MX");
  });

  it("makes a failed TLSA lookup an error (DANE senders defer), never 'no TLSA'", async () => {
    const { findings } = await audit(base(), {
      authenticated: ["example.com"],
      statuses: { "_25._tcp.mx.example.com TLSA": "servfail" },
    });
    assert.deepEqual(summary(findings, "dane"), ["dane.tlsa.lookup-failed error _25._tcp.mx.example.com"]);
  });

  it("uses the TLSA of the CNAME-expanded name first when the alias is secure (RFC 7672 §2.2.2)", async () => {
    const records = [
      rr.soa("example.com"),
      rr.mx("example.com", 10, "smtp.example.com"),
      rr.cname("smtp.example.com", "mail.example.com"),
      rr.a("mail.example.com", "8.8.4.4"),
      rr.tlsa("_25._tcp.mail.example.com", 3, 1, 1, SHA256),
    ];
    const secure = await audit(records, { authenticated: ["example.com"] });
    const host = secure.evidence.tlsa?.hosts[0];
    assert.deepEqual(
      [host?.host, host?.name, host?.tried.map((a) => a.name)],
      ["smtp.example.com", "_25._tcp.mail.example.com", ["_25._tcp.mail.example.com"]],
    );
    assert.deepEqual(summary(secure.findings, "dane"), ["dane.tlsa.present ok _25._tcp.mail.example.com"]);
    // Without DNSSEC the alias cannot be trusted: only the original name counts.
    const insecure = await audit(records);
    assert.deepEqual(
      insecure.evidence.tlsa?.hosts[0]?.tried.map((a) => a.name),
      ["_25._tcp.smtp.example.com"],
    );
    assert.deepEqual(summary(insecure.findings, "dane"), ["dane.tlsa.none info _25._tcp.smtp.example.com"]);
  });

  it("falls back to the original name when the expanded name has no TLSA", async () => {
    const records = [
      rr.soa("example.com"),
      rr.mx("example.com", 10, "smtp.example.com"),
      rr.cname("smtp.example.com", "mail.example.com"),
      rr.a("mail.example.com", "8.8.4.4"),
    ];
    const { evidence } = await audit(records, { authenticated: ["example.com"] });
    assert.deepEqual(
      evidence.tlsa?.hosts[0]?.tried.map((a) => `${a.name}:${a.status}`),
      ["_25._tcp.mail.example.com:nxdomain", "_25._tcp.smtp.example.com:nxdomain"],
    );
  });
});
