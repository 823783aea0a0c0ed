import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { DnsAnswer } from "../../../src/net/dns/types.js";
import {
  describeDnsblCode,
  dnsblIpv6TestName,
  dnsblQueryName,
  interpretDnsblAnswer,
  isValidDnsblZone,
} from "../../../src/standards/dnsbl.js";
import { audit, having, rr, summary } from "./fixtures.js";

const answer = (status: DnsAnswer["status"], ...addresses: string[]): DnsAnswer => ({
  name: "q",
  type: "A",
  status,
  records: addresses.map((address) => ({ type: "A", name: "q", ttl: 60, address })),
  cnameChain: [],
  authenticated: false,
  server: "test",
  elapsedMs: 1,
});

describe("DNSBL query names and answers (RFC 5782)", () => {
  it("reverses IPv4 octets and IPv6 nibbles, IPv4-mapped as IPv4", () => {
    assert.equal(dnsblQueryName("192.0.2.99", "bl.example."), "99.2.0.192.bl.example");
    assert.equal(
      dnsblQueryName("2001:db8::1", "bl.example"),
      `1.${"0.".repeat(23)}8.b.d.0.1.0.0.2.bl.example`,
    );
    assert.equal(dnsblQueryName("::ffff:127.0.0.2", "bl.example"), "2.0.0.127.bl.example");
    assert.equal(dnsblQueryName("not-an-ip", "bl.example"), undefined);
    assert.equal(dnsblIpv6TestName("bl.example."), `2.0.0.0.0.0.f.7.f.f.f.f.${"0.".repeat(20)}bl.example`);
  });

  it("interprets return codes, refusals, strange answers and failures", () => {
    assert.deepEqual(interpretDnsblAnswer(answer("noerror", "127.0.0.2", "127.0.0.4")), {
      outcome: "listed",
      codes: ["127.0.0.2", "127.0.0.4"],
    });
    assert.equal(interpretDnsblAnswer(answer("nxdomain")).outcome, "not-listed");
    assert.equal(interpretDnsblAnswer(answer("noerror", "127.255.255.254")).outcome, "refused");
    assert.equal(interpretDnsblAnswer(answer("noerror", "127.0.0.1")).outcome, "refused");
    assert.equal(interpretDnsblAnswer(answer("noerror", "198.51.100.7")).outcome, "unexpected");
    for (const s of ["timeout", "servfail", "refused", "malformed"] as const)
      assert.equal(interpretDnsblAnswer(answer(s)).outcome, "failed", s);
  });

  it("explains Spamhaus codes and validates zone names", () => {
    assert.equal(describeDnsblCode("zen.spamhaus.org", "127.0.0.4"), "127.0.0.4 (XBL)");
    assert.equal(describeDnsblCode("bl.example", "127.0.0.4"), "127.0.0.4");
    assert.equal(isValidDnsblZone("bl.example"), true);
    assert.equal(isValidDnsblZone("bl"), false);
    assert.equal(isValidDnsblZone("bad zone.example"), false);
  });
});

describe("DNSBL probe and checks", () => {
  const base = () => [
    rr.soa("example.com"),
    rr.mx("example.com", 10, "mx.example.com"),
    rr.a("mx.example.com", "8.8.4.4"),
    rr.aaaa("mx.example.com", "2a00:1450::4"),
  ];
  /** RFC 5782 §5 test entries: 127.0.0.2, and ::FFFF:7F00:2 for a list that covers IPv6. */
  const selfTest = (zone: string, ipv6 = true) => [
    rr.a(`2.0.0.127.${zone}`, "127.0.0.2"),
    ...(ipv6 ? [rr.a(dnsblIpv6TestName(zone), "127.0.0.2")] : []),
  ];
  const ctx = { dnsbls: ["bl.example.net", "v6.example.net"] };

  it("reports clean addresses, asking IPv4 and IPv6 of every list", async () => {
    const { evidence, findings } = await audit(
      [...base(), ...selfTest("bl.example.net", false), ...selfTest("v6.example.net")],
      {},
      "example.com",
      ctx,
    );
    assert.equal(evidence.dnsbl?.lookups.length, 4);
    assert.ok(
      evidence.dnsbl?.lookups.some(
        (l) => l.name === `4.0.0.0.${"0.".repeat(20)}0.5.4.1.0.0.a.2.v6.example.net`,
      ),
    );
    // bl.example.net lacks the IPv6 test entry: only v6.example.net's answer counts for the IPv6 address.
    assert.deepEqual(summary(findings, "dnsbl"), [
      "dnsbl.clean ok 2a00:1450::4",
      "dnsbl.clean ok 8.8.4.4",
      "dnsbl.zone.no-ipv6 info bl.example.net",
    ]);
    assert.equal(having(findings, "dnsbl.clean", "2a00:1450::4")[0]?.params.count, 1);
    assert.equal(having(findings, "dnsbl.clean", "8.8.4.4")[0]?.params.count, 2);
  });

  it("reports a listing as an error with its code and TXT reason", async () => {
    const records = [
      ...base(),
      ...selfTest("bl.example.net"),
      rr.a("4.4.8.8.bl.example.net", "127.0.0.2"),
      rr.txt("4.4.8.8.bl.example.net", "spam source, see https://bl.example.net/"),
    ];
    const { findings } = await audit(records, {}, "example.com", { dnsbls: ["bl.example.net"] });
    const f = having(findings, "dnsbl.listed")[0];
    assert.equal(f?.severity, "error");
    assert.deepEqual(
      [f?.params.address, f?.params.codes, f?.params.reason],
      ["8.8.4.4", "127.0.0.2", "spam source, see https://bl.example.net/"],
    );
  });

  it("never reads a timeout as 'not listed'", async () => {
    const { findings } = await audit(
      [...base(), ...selfTest("bl.example.net")],
      { statuses: { "4.4.8.8.bl.example.net A": "timeout" } },
      "example.com",
      { dnsbls: ["bl.example.net"] },
    );
    assert.deepEqual(summary(findings, "dnsbl"), [
      "dnsbl.clean ok 2a00:1450::4",
      "dnsbl.lookup-failed warning 8.8.4.4 bl.example.net",
    ]);
  });

  it("reports a refusing list (127.255.255.254) as unknown, not listed", async () => {
    const records = [
      ...base(),
      rr.a("4.4.8.8.bl.example.net", "127.255.255.254"),
      rr.a("2.0.0.127.bl.example.net", "127.255.255.254"),
    ];
    const { findings } = await audit(records, {}, "example.com", { dnsbls: ["bl.example.net"] });
    assert.equal(having(findings, "dnsbl.refused")[0]?.severity, "warning");
    assert.equal(having(findings, "dnsbl.listed").length, 0);
  });

  it("distrusts a list that fails its RFC 5782 self-test", async () => {
    const everything = [
      rr.a("4.4.8.8.bl.example.net", "127.0.0.2"),
      rr.a("1.0.0.127.bl.example.net", "127.0.0.2"),
      ...selfTest("bl.example.net"),
    ];
    const { findings } = await audit([...base(), ...everything], {}, "example.com", {
      dnsbls: ["bl.example.net"],
    });
    assert.deepEqual(summary(findings, "dnsbl"), [
      "dnsbl.clean ok 2a00:1450::4",
      "dnsbl.listed.unreliable warning 8.8.4.4 bl.example.net",
      "dnsbl.zone.lists-everything warning bl.example.net",
    ]);
    // A list without its test entry answers NXDOMAIN to everything: no "clean" verdict rests on it.
    const dead = await audit(base(), {}, "example.com", { dnsbls: ["bl.example.net"] });
    assert.deepEqual(summary(dead.findings, "dnsbl"), ["dnsbl.zone.test-missing warning bl.example.net"]);
  });

  it("asks nothing when the list of zones is empty", async () => {
    const { evidence } = await audit(base(), {}, "example.com", { dnsbls: [] });
    assert.deepEqual(evidence.dnsbl, { zones: [], lookups: [], selfTests: [] });
  });
});
