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

  it("judges an MX host named like the domain once, with the MX and address answers together", async () => {
    const records = [
      rr.soa("example.com"),
      rr.mx("example.com", 10, "example.com"),
      rr.a("example.com", "8.8.4.4"),
      rr.ds("example.com"),
      rr.dnskey("example.com"),
    ];
    const { evidence, findings } = await audit(records, { authenticated: ["example.com"] });
    assert.deepEqual(
      evidence.dnssec?.subjects.map((s) => [s.name, s.answers.map((a) => a.type)]),
      [["example.com", ["MX", "A", "AAAA"]]],
    );
    assert.deepEqual(summary(findings, "dnssec"), ["dnssec.validated ok example.com"]);
  });

  it("warns about SHA-1 era signing algorithms and SHA-1-only DS digests (RFC 8624)", async () => {
    const records = [
      rr.soa("example.com"),
      rr.mx("example.com", 10, "mx.example.com"),
      rr.a("mx.example.com", "8.8.4.4"),
      {
        type: "DS",
        name: "example.com",
        ttl: 300,
        keyTag: 1,
        algorithm: 5,
        digestType: 1,
        digest: "ab".repeat(20),
      } as const,
      {
        type: "DNSKEY",
        name: "example.com",
        ttl: 300,
        flags: 257,
        protocol: 3,
        algorithm: 5,
        publicKey: "AAAA",
      } as const,
    ];
    const { findings } = await audit(records, { authenticated: ["example.com"] });
    const weak = having(findings, "dnssec.algorithm.weak", "example.com")[0];
    assert.equal(weak?.params.algorithms, "RSASHA1");
    assert.equal(having(findings, "dnssec.ds.digest-weak", "example.com")[0]?.params.digests, "SHA-1");
    const modern = await audit(zones(), { authenticated: ["example.com"] });
    assert.equal(having(modern.findings, "dnssec.algorithm.weak").length, 0);
    assert.equal(having(modern.findings, "dnssec.ds.digest-weak").length, 0);
  });
});
