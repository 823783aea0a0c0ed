import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { audit, goodDomain, having, rr, summary } from "./fixtures.js";

describe("MX probe and checks", () => {
  it("resolves every MX host's A and AAAA into evidence.mx and reports a healthy set", async () => {
    const { evidence, findings } = await audit(goodDomain());
    assert.deepEqual(
      evidence.mx?.hosts.map((h) => [h.name, h.preference, h.addresses]),
      [
        ["mx1.example.com", 10, ["8.8.4.10", "2a00:1450:4001::10"]],
        ["mx2.example.com", 20, ["8.8.4.20"]],
      ],
    );
    assert.equal(evidence.mx?.implicit, false);
    assert.equal(evidence.mx?.nullMx, false);
    assert.deepEqual(summary(findings, "mx"), ["mx.present ok example.com"]);
    assert.equal(having(findings, "mx.present")[0]?.params.hosts, "10 mx1.example.com, 20 mx2.example.com");
  });

  it("warns about the implicit MX when the name has only an address", async () => {
    const { evidence, findings } = await audit([rr.soa("example.com"), rr.a("example.com", "8.8.4.4")]);
    assert.equal(evidence.mx?.implicit, true);
    assert.deepEqual(evidence.mx?.hosts[0]?.addresses, ["8.8.4.4"]);
    assert.deepEqual(summary(findings, "mx"), ["mx.implicit warning example.com"]);
  });

  it("says the domain cannot receive mail when there is neither MX nor address", async () => {
    const { findings } = await audit([rr.soa("example.com"), rr.txt("example.com", "v=spf1 -all")]);
    assert.deepEqual(summary(findings, "mx"), ["mx.none error example.com"]);
  });

  it("reports NXDOMAIN as a missing domain, not as a missing MX", async () => {
    const { findings } = await audit([rr.soa("other.com")]);
    assert.deepEqual(summary(findings, "mx"), ["mx.domain.nxdomain error example.com"]);
  });

  it("keeps SERVFAIL and timeout apart from 'no MX'", async () => {
    for (const status of ["servfail", "timeout"] as const) {
      const { evidence, findings } = await audit(goodDomain(), { statuses: { "example.com MX": status } });
      assert.equal(evidence.mx?.implicit, false, "a failed MX lookup must not fall back to the implicit MX");
      assert.deepEqual(summary(findings, "mx"), ["dns.lookup.failed error example.com"]);
      assert.equal(findings[0]?.params.status, status.toUpperCase());
    }
  });

  it("reads a lone MX 0 . as a null MX (info) with no hosts", async () => {
    const { evidence, findings } = await audit([rr.soa("example.com"), rr.mx("example.com", 0, "")]);
    assert.equal(evidence.mx?.nullMx, true);
    assert.deepEqual(evidence.mx?.hosts, []);
    assert.deepEqual(summary(findings, "mx"), ["mx.null info example.com"]);
  });

  it("flags a null MX with a non-zero preference as malformed", async () => {
    const { findings } = await audit([rr.soa("example.com"), rr.mx("example.com", 10, "")]);
    assert.deepEqual(summary(findings, "mx"), [
      "mx.null info example.com",
      "mx.null.malformed warning example.com",
    ]);
  });

  it("makes a null MX mixed with real MX an error", async () => {
    const records = [...goodDomain(), rr.mx("example.com", 0, "")];
    const { evidence, findings } = await audit(records);
    assert.equal(evidence.mx?.nullMx, false);
    assert.equal(having(findings, "mx.null.mixed")[0]?.severity, "error");
    assert.equal(having(findings, "mx.null.mixed")[0]?.params.count, 2);
  });

  it("reports a single MX host as info and duplicates as a warning", async () => {
    const records = [
      rr.soa("example.com"),
      rr.mx("example.com", 10, "mx.example.com"),
      rr.mx("example.com", 20, "mx.example.com"),
      rr.a("mx.example.com", "8.8.4.4"),
    ];
    const { evidence, findings } = await audit(records);
    assert.equal(evidence.mx?.hosts.length, 1, "hosts are unique by name");
    assert.equal(evidence.mx?.hosts[0]?.preference, 10, "the lowest preference is kept");
    assert.deepEqual(summary(findings, "mx"), [
      "mx.duplicate warning mx.example.com",
      "mx.present ok example.com",
      "mx.single info example.com",
    ]);
    assert.equal(having(findings, "mx.duplicate")[0]?.params.preferences, "10, 20");
  });

  it("flags an MX target that is a CNAME, with the chain", async () => {
    const records = [
      rr.soa("example.com"),
      rr.mx("example.com", 10, "smtp.example.com"),
      rr.cname("smtp.example.com", "mail.example.com"),
      rr.a("mail.example.com", "8.8.4.4"),
    ];
    const { findings } = await audit(records);
    const f = having(findings, "mx.target.cname")[0];
    assert.equal(f?.severity, "error");
    assert.equal(f?.params.chain, "smtp.example.com -> mail.example.com");
  });

  it("flags an MX target that is an IP address turned into a name", async () => {
    const records = [
      rr.soa("example.com"),
      rr.mx("example.com", 10, "8.8.4.4.example.com"),
      rr.a("8.8.4.4.example.com", "8.8.4.4"),
    ];
    const { findings } = await audit(records);
    assert.equal(having(findings, "mx.target.address-literal", "8.8.4.4.example.com")[0]?.severity, "error");
  });

  it("flags targets without addresses, and the whole domain when no target has one", async () => {
    const records = [rr.soa("example.com"), rr.mx("example.com", 10, "nowhere.example.com")];
    const { findings } = await audit(records);
    assert.deepEqual(summary(findings, "mx"), [
      "mx.present ok example.com",
      "mx.single info example.com",
      "mx.target.no-address error nowhere.example.com",
      "mx.unreachable critical example.com",
    ]);
  });

  it("reports a failed address lookup as a failure, not as a missing address", async () => {
    const records = [
      rr.soa("example.com"),
      rr.mx("example.com", 10, "mx.example.com"),
      rr.a("mx.example.com", "8.8.4.4"),
    ];
    const { findings } = await audit(records, { statuses: { "mx.example.com AAAA": "timeout" } });
    const f = having(findings, "dns.lookup.failed", "mx.example.com")[0];
    assert.equal(f?.severity, "warning", "the host still has an IPv4 address");
    assert.equal(having(findings, "mx.target.no-address").length, 0);
  });

  it("makes private and loopback MX addresses an error for a public domain", async () => {
    // example.com itself is reserved (RFC 2606), so an ordinary-looking name under .de is used; the zone is in memory.
    const records = [
      rr.soa("acme.de"),
      rr.mx("acme.de", 10, "mx.acme.de"),
      rr.a("mx.acme.de", "10.1.2.3"),
      rr.aaaa("mx.acme.de", "::1"),
    ];
    const { findings } = await audit(records, {}, "acme.de");
    const got = having(findings, "mx.address.not-public").map((f) => [
      f.params.address,
      f.params.range,
      f.severity,
    ]);
    assert.deepEqual(got, [
      ["10.1.2.3", "private", "error"],
      ["::1", "loopback", "error"],
    ]);
  });

  it("makes them a warning under a special-use name such as .test", async () => {
    const records = [
      rr.soa("lab.test"),
      rr.mx("lab.test", 10, "mail.lab.test"),
      rr.a("mail.lab.test", "127.0.0.10"),
    ];
    const { findings } = await audit(records, {}, "lab.test");
    assert.equal(having(findings, "mx.address.not-public")[0]?.severity, "warning");
  });

  it("bounds a hostile MX set: at most 32 hosts are resolved, and the report says so", async () => {
    const records = [rr.soa("example.com")];
    for (let i = 0; i < 200; i++)
      records.push(rr.mx("example.com", i, `mx${i}.example.com`), rr.a(`mx${i}.example.com`, "8.8.4.4"));
    const { evidence, findings } = await audit(records);
    assert.equal(evidence.mx?.hosts.length, 32);
    assert.deepEqual(
      evidence.mx?.hosts.slice(0, 2).map((h) => h.name),
      ["mx0.example.com", "mx1.example.com"],
    );
    const f = having(findings, "mx.hosts.truncated")[0];
    assert.deepEqual([f?.params.count, f?.params.checked], [200, 32]);
    assert.ok((evidence.reverseDns?.entries.length ?? 0) <= 64);
  });

  it("notes MX hosts that all lead to one address", async () => {
    const records = [
      rr.soa("example.com"),
      rr.mx("example.com", 10, "mx1.example.com"),
      rr.mx("example.com", 20, "mx2.example.com"),
      rr.a("mx1.example.com", "8.8.4.4"),
      rr.a("mx2.example.com", "8.8.4.4"),
    ];
    const f = having((await audit(records)).findings, "mx.hosts.same-address")[0];
    assert.deepEqual(
      [f?.severity, f?.params.hosts, f?.params.addresses],
      ["info", "mx1.example.com, mx2.example.com", "8.8.4.4"],
    );
    assert.equal(having((await audit(goodDomain())).findings, "mx.hosts.same-address").length, 0);
  });
});
