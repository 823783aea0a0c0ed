import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { allTimedOut, createDnsClient } from "../../../src/net/dns/client.js";
import { startDnsServer, type RunningDnsServer } from "../../../src/net/dns/server.js";
import { formatAnswer, txtValues, type DnsRecord } from "../../../src/net/dns/types.js";
import { zoneRecords } from "./fixtures.js";

let srv: RunningDnsServer;
before(async () => {
  srv = await startDnsServer({
    records: zoneRecords,
    zones: ["example.test", "other.test", "0.0.127.in-addr.arpa"],
    authenticated: ["example.test"],
  });
});
after(() => srv.close());

const client = (extra: Partial<Parameters<typeof createDnsClient>[0]> = {}) =>
  createDnsClient({ servers: [srv.server], timeoutMs: 2000, ...extra });

const strip = (records: DnsRecord[]) => records.map((r) => ({ ...r, ttl: 0 }));

describe("createDnsClient against the in-process authoritative server", () => {
  it("answers NOERROR with records, rcode, AD flag, server and time", async () => {
    const a = await client().query("example.test", "MX");
    assert.equal(a.status, "noerror");
    assert.equal(a.rcode, "NOERROR");
    assert.equal(a.authenticated, true);
    assert.equal(a.server, srv.server);
    assert.equal(a.viaTcp, undefined);
    assert.deepEqual(a.records, [
      { type: "MX", name: "example.test", ttl: 300, preference: 10, exchange: "mail.example.test" },
    ]);
    assert.equal(formatAnswer(a)[1], "example.test. 300 IN MX 10 mail.example.test.");
  });

  it("tells NODATA from NXDOMAIN, and an empty non-terminal is NODATA", async () => {
    const dns = client();
    const nodata = await dns.query("example.test", "AAAA");
    assert.equal(nodata.status, "nodata");
    assert.equal(nodata.rcode, "NOERROR");
    const nx = await dns.query("nope.example.test", "A");
    assert.equal(nx.status, "nxdomain");
    assert.equal(nx.rcode, "NXDOMAIN");
    const ent = await dns.query("_domainkey.example.test", "TXT");
    assert.equal(ent.status, "nodata");
  });

  it("reads REFUSED for a name outside the server's zones, without AD", async () => {
    const a = await client().query("example.com", "A");
    assert.equal(a.status, "refused");
    assert.equal(a.rcode, "REFUSED");
    assert.equal(a.authenticated, false);
  });

  it("follows a CNAME chain inside the answer", async () => {
    const a = await client().query("smtp.example.test", "A");
    assert.equal(a.status, "noerror");
    assert.deepEqual(a.cnameChain, ["relay.example.test", "mail.example.test"]);
    assert.deepEqual(strip(a.records), [
      { type: "A", name: "mail.example.test", ttl: 0, address: "127.0.0.25" },
    ]);
    assert.equal(
      formatAnswer(a)[1],
      ";; CNAME chain: smtp.example.test -> relay.example.test -> mail.example.test",
    );
  });

  it("asks for a CNAME target in another zone itself; AD only if every step had it", async () => {
    const dns = client();
    const a = await dns.query("away.example.test", "A");
    assert.equal(a.status, "noerror");
    assert.deepEqual(a.cnameChain, ["host.other.test"]);
    assert.deepEqual(strip(a.records), [
      { type: "A", name: "host.other.test", ttl: 0, address: "127.0.0.80" },
    ]);
    assert.equal(a.authenticated, false, "other.test is not in the authenticated list");
    assert.equal(dns.stats.queries, 2);
  });

  it("reports NXDOMAIN for a CNAME whose target does not exist (RFC 6604), with the chain", async () => {
    const a = await client().query("dangling.example.test", "A");
    assert.equal(a.status, "nxdomain");
    assert.deepEqual(a.cnameChain, ["gone.example.test"]);
  });

  it("asked for CNAME itself, gives the CNAME record and does not follow it", async () => {
    const a = await client().query("smtp.example.test", "CNAME");
    assert.equal(a.status, "noerror");
    assert.deepEqual(a.cnameChain, []);
    assert.deepEqual(strip(a.records), [
      { type: "CNAME", name: "smtp.example.test", ttl: 0, target: "relay.example.test" },
    ]);
  });

  it("maps every record type: TXT strings as UTF-8, binary as hex/base64, null MX as the root", async () => {
    const dns = client();
    const want = zoneRecords.filter((r) =>
      ["TXT", "SPF", "TLSA", "DS", "DNSKEY", "CAA", "SRV", "PTR", "SOA", "NS", "AAAA"].includes(r.type),
    );
    for (const r of want) {
      const a = await dns.query(r.name, r.type);
      assert.equal(a.status, "noerror", `${r.name} ${r.type}`);
      assert.ok(
        a.records.some((got) => JSON.stringify(got) === JSON.stringify(r)),
        `${r.name} ${r.type}: ${JSON.stringify(a.records)}`,
      );
    }
    const nullMx = await dns.query("nullmx.example.test", "MX");
    assert.deepEqual(formatAnswer(nullMx)[1], "nullmx.example.test. 300 IN MX 0 .");
    const dkim = await dns.query("sel._domainkey.example.test", "TXT");
    assert.deepEqual(txtValues(dkim), ["v=DKIM1; k=ed25519; p=ÄÖ"]);
    const dmarc = await dns.query("_dmarc.example.test", "TXT");
    assert.deepEqual(txtValues(dmarc), ["v=DMARC1; p=reject; rua=mailto:d@example.test"]);
  });

  it("retries a truncated answer over TCP and gets it whole", async () => {
    const a = await client().query("big.example.test", "TXT");
    assert.equal(a.status, "noerror");
    assert.equal(a.viaTcp, true);
    const rec = a.records[0];
    assert.ok(rec?.type === "TXT");
    assert.equal(rec.strings.length, 8);
    assert.equal(rec.strings.join("").length, 8 * 255);
  });

  it("without EDNS the server truncates at 512 bytes, and TCP brings the rest", async () => {
    const dns = client({ udpPayloadSize: 0 });
    const a = await dns.query("big.example.test", "TXT");
    assert.equal(a.viaTcp, true);
    assert.equal(a.records.length, 1);
    const small = await dns.query("example.test", "MX");
    assert.equal(small.viaTcp, undefined);
  });

  it("caches answers (also negative ones, by the SOA minimum) and merges identical questions in flight", async () => {
    const dns = client();
    const before = srv.queries;
    const [a, b, c] = await Promise.all([
      dns.query("example.test", "TXT"),
      dns.query("EXAMPLE.test.", "TXT"),
      dns.query("example.test", "TXT"),
    ]);
    assert.deepEqual(a.records, b.records);
    assert.deepEqual(a.records, c.records);
    await dns.query("nope.example.test", "A");
    await dns.query("nope.example.test", "A");
    assert.equal(srv.queries - before, 2);
    assert.equal(dns.stats.queries, 2);
    assert.equal(dns.stats.cacheHits, 3);
    assert.equal(dns.stats.responses, 2);
    // A cached answer handed out is a copy: changing it does not change the next one.
    a.records.length = 0;
    assert.equal((await dns.query("example.test", "TXT")).records.length, 1);
  });

  it("asks again once an answer's TTL has passed (the smallest TTL along the CNAME chain)", async () => {
    let now = 1_000_000;
    const dns = client({ now: () => now });
    await dns.query("smtp.example.test", "A"); // CNAME TTLs 60 and 120, A TTL 300
    now += 59_000;
    await dns.query("smtp.example.test", "A");
    assert.equal(dns.stats.cacheHits, 1);
    now += 2_000;
    await dns.query("smtp.example.test", "A");
    assert.equal(dns.stats.queries, 2);
    // A negative answer lives min(SOA TTL 3600, SOA minimum 300).
    await dns.query("nope.example.test", "A");
    now += 299_000;
    await dns.query("nope.example.test", "A");
    now += 2_000;
    await dns.query("nope.example.test", "A");
    assert.equal(dns.stats.queries, 4);
    assert.equal(dns.stats.cacheHits, 2);
  });

  it("keeps no more than cacheSize answers, and asks again when the cache is off", async () => {
    const dns = client({ cacheSize: 0 });
    await dns.query("example.test", "MX");
    await dns.query("example.test", "MX");
    assert.equal(dns.stats.queries, 2);
    assert.equal(dns.stats.cacheHits, 0);
  });

  it("drops the oldest answer when the cache is full", async () => {
    const dns = client({ cacheSize: 1 });
    await dns.query("example.test", "MX");
    await dns.query("example.test", "TXT");
    await dns.query("example.test", "TXT");
    await dns.query("example.test", "MX");
    assert.equal(dns.stats.queries, 3);
    assert.equal(dns.stats.cacheHits, 1);
  });

  it("converts IDN names to punycode, and refuses an impossible name without sending anything", async () => {
    const dns = client();
    const idn = await dns.query("bücher.example.test", "A");
    assert.equal(idn.name, "xn--bcher-kva.example.test");
    assert.equal(idn.status, "nxdomain");
    const bad = await dns.query(`${"x".repeat(64)}.example.test`, "A");
    assert.equal(bad.status, "error");
    assert.match(bad.detail ?? "", /63/);
    const empty = await dns.query("a..example.test", "A");
    assert.equal(empty.status, "error");
    assert.equal(dns.stats.queries, 1);
  });

  it("reverse names work like any other", async () => {
    const a = await client().query("25.0.0.127.in-addr.arpa", "PTR");
    assert.deepEqual(
      a.records.map((r) => (r.type === "PTR" ? r.target : "")),
      ["mail.example.test"],
    );
  });

  it("a query aborted by its own signal resolves at once with status error", async () => {
    const dns = client();
    const ctl = new AbortController();
    ctl.abort();
    const a = await dns.query("example.test", "MX", { signal: ctl.signal });
    assert.equal(a.status, "error");
    assert.equal(a.detail, "query aborted");
    assert.equal(allTimedOut(dns), false);
  });

  it("rejects an empty server list as a usage error", () => {
    assert.throws(() => createDnsClient({ servers: [], timeoutMs: 1000 }), /no DNS server/);
  });
});
