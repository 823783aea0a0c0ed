import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { audit, having, rr, summary } from "./fixtures.js";

/** example.com with its MX host in another zone (mail.provider.net). */
function zones(opts: { ds?: boolean; dnskey?: boolean; providerSigned?: boolean } = {}) {
  return [
    rr.soa("example.com"),
    rr.mx("example.com", 10, "mx.provider.net"),
    ...(opts.ds === false ? [] : [rr.ds("example.com")]),
    ...(opts.dnskey === false ? [] : [rr.dnskey("example.com")]),
    rr.soa("provider.net"),
    rr.a("mx.provider.net", "8.8.4.4"),
    ...(opts.providerSigned ? [rr.ds("provider.net"), rr.dnskey("provider.net")] : []),
  ];
}

describe("DNSSEC of the domain and of its MX zones", () => {
  it("finds each subject's zone by walking SOA up, and reads DS and DNSKEY there", async () => {
    const { evidence } = await audit(zones(), { authenticated: ["example.com"] });
    assert.deepEqual(
      evidence.dnssec?.subjects.map((s) => [
        s.name,
        s.role,
        s.zone,
        s.walk.map((a) => `${a.name}:${a.status}`),
      ]),
      [
        ["example.com", "domain", "example.com", ["example.com:noerror"]],
        ["mx.provider.net", "mx", "provider.net", ["mx.provider.net:nodata", "provider.net:noerror"]],
      ],
    );
    assert.deepEqual(
      evidence.dnssec?.zones.map((z) => [z.apex, z.ds.status, z.dnskey.status]),
      [
        ["example.com", "noerror", "noerror"],
        ["provider.net", "nodata", "nodata"],
      ],
    );
  });

  it("says validated when the validating resolver set AD, and unsigned for a zone without DS or DNSKEY", async () => {
    const { findings } = await audit(zones(), { authenticated: ["example.com"] });
    assert.deepEqual(summary(findings, "dnssec"), [
      "dnssec.unsigned info mx.provider.net",
      "dnssec.validated ok example.com",
    ]);
    assert.equal(having(findings, "dnssec.validated")[0]?.params.resolver, "memory");
  });

  it("does not call a signed zone insecure when the resolver did not validate: it says so", async () => {
    const { findings } = await audit(zones({ providerSigned: true }));
    assert.deepEqual(summary(findings, "dnssec"), [
      "dnssec.not-validated warning example.com",
      "dnssec.not-validated warning mx.provider.net",
    ]);
  });

  it("calls a zone bogus when the parent has a DS but the resolver answers SERVFAIL", async () => {
    const records = zones();
    const { findings } = await audit(records, {
      authenticated: ["example.com"],
      statuses: {
        "example.com MX": "servfail",
        "example.com SOA": "servfail",
        "example.com DNSKEY": "servfail",
      },
    });
    assert.deepEqual(summary(findings, "dnssec"), ["dnssec.bogus error example.com"]);
  });

  it("cannot tell bogus from broken without a DS: indeterminate, not bogus", async () => {
    const { findings } = await audit(zones({ ds: false }), {
      statuses: { "example.com MX": "servfail", "example.com SOA": "servfail" },
    });
    assert.deepEqual(summary(findings, "dnssec"), ["dnssec.indeterminate warning example.com"]);
    assert.equal(having(findings, "dnssec.indeterminate")[0]?.params.status, "SERVFAIL");
  });

  it("flags a DNSKEY without DS (island) and a DS without DNSKEY", async () => {
    const island = await audit(zones({ ds: false }));
    assert.equal(having(island.findings, "dnssec.ds.missing", "example.com")[0]?.severity, "warning");
    const orphan = await audit(zones({ dnskey: false }));
    assert.equal(having(orphan.findings, "dnssec.dnskey.missing", "example.com")[0]?.severity, "error");
  });
});
