import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { looksGenericPtr } from "../../../src/standards/ptr-name.js";
import { audit, goodDomain, having, rr, summary } from "./fixtures.js";

const base = () => [
  rr.soa("example.com"),
  rr.mx("example.com", 10, "mx.example.com"),
  rr.a("mx.example.com", "8.8.4.4"),
];

describe("reverse DNS of MX addresses", () => {
  it("confirms IPv4 and IPv6 PTRs that resolve back to the address", async () => {
    const { evidence, findings } = await audit(goodDomain());
    assert.deepEqual(
      evidence.reverseDns?.entries.map((e) => [
        e.address,
        e.reverseName.endsWith(".ip6.arpa") ? "ip6.arpa" : e.reverseName,
        e.hosts,
      ]),
      [
        ["8.8.4.10", "10.4.8.8.in-addr.arpa", ["mx1.example.com"]],
        ["2a00:1450:4001::10", "ip6.arpa", ["mx1.example.com"]],
        ["8.8.4.20", "20.4.8.8.in-addr.arpa", ["mx2.example.com"]],
      ],
    );
    assert.deepEqual(summary(findings, "ptr"), [
      "ptr.confirmed ok 2a00:1450:4001::10",
      "ptr.confirmed ok 8.8.4.10",
      "ptr.confirmed ok 8.8.4.20",
    ]);
  });

  it("warns when an address has no PTR", async () => {
    const { findings } = await audit(base());
    assert.deepEqual(summary(findings, "ptr"), ["ptr.missing warning 8.8.4.4"]);
    assert.equal(having(findings, "ptr.missing")[0]?.params.hosts, "mx.example.com");
  });

  it("warns when the PTR name does not resolve back (FCrDNS fails), naming what it resolves to", async () => {
    const { findings } = await audit([
      ...base(),
      rr.ptr("4.4.8.8.in-addr.arpa", "other.example.net"),
      rr.a("other.example.net", "8.8.4.5"),
    ]);
    assert.deepEqual(summary(findings, "ptr"), ["ptr.not-confirmed warning 8.8.4.4"]);
    assert.equal(having(findings, "ptr.not-confirmed")[0]?.params.found, "8.8.4.5");
  });

  it("notes a confirmed PTR whose name differs from the MX name", async () => {
    const { findings } = await audit([
      ...base(),
      rr.ptr("4.4.8.8.in-addr.arpa", "host-4.isp.example.net"),
      rr.a("host-4.isp.example.net", "8.8.4.4"),
    ]);
    assert.deepEqual(summary(findings, "ptr"), ["ptr.confirmed ok 8.8.4.4", "ptr.name.differs info 8.8.4.4"]);
  });

  it("warns about several PTRs", async () => {
    const records = [
      ...base(),
      rr.ptr("4.4.8.8.in-addr.arpa", "mx.example.com"),
      rr.ptr("4.4.8.8.in-addr.arpa", "alias.example.com"),
    ];
    const { findings } = await audit(records);
    assert.deepEqual(summary(findings, "ptr"), ["ptr.confirmed ok 8.8.4.4", "ptr.multiple warning 8.8.4.4"]);
  });

  it("reports a failed PTR lookup as a failure, not as a missing PTR", async () => {
    const { findings } = await audit(base(), { statuses: { "4.4.8.8.in-addr.arpa PTR": "servfail" } });
    assert.deepEqual(summary(findings, "ptr"), ["dns.lookup.failed warning 8.8.4.4"]);
  });

  it("warns about generic, ISP-style PTR names", async () => {
    const name = "8-8-4-4.dyn.isp.example.net";
    const { findings } = await audit([
      ...base(),
      rr.ptr("4.4.8.8.in-addr.arpa", name),
      rr.a(name, "8.8.4.4"),
    ]);
    assert.equal(having(findings, "ptr.name.generic")[0]?.params.name, name);
  });
});

describe("generic PTR names", () => {
  it("recognises embedded addresses and dynamic words left of the organizational domain", () => {
    assert.equal(looksGenericPtr("host-192-0-2-1.example.net", "192.0.2.1"), true);
    assert.equal(looksGenericPtr("1.2.0.192.broadband.example.net", "192.0.2.1"), true);
    assert.equal(looksGenericPtr("c192000002001.example.net", "192.0.2.1"), true);
    assert.equal(looksGenericPtr("pool-7.example.net", "192.0.2.1"), true);
    assert.equal(looksGenericPtr("mail.example.com", "192.0.2.1"), false);
    assert.equal(looksGenericPtr("mx2.example.com", "192.0.2.1"), false);
    assert.equal(
      looksGenericPtr("dsl.example", "192.0.2.1"),
      false,
      "the organizational domain itself is not judged",
    );
    assert.equal(
      looksGenericPtr("dynamics.mail.example.com", "192.0.2.1"),
      false,
      "words inside other words do not count",
    );
  });
});
