import assert from "node:assert/strict";
import { test } from "node:test";
import { allTimedOut, createDnsClient } from "../../../src/net/dns/client.js";
import { txtValues } from "../../../src/net/dns/types.js";
import { lab, requireLab } from "../../helpers/lab.js";

const client = () => createDnsClient({ servers: [lab.resolver], timeoutMs: 3000 });

test("lab.test MX through the validating resolver is NOERROR with AD set", async (t) => {
  if (!(await requireLab(t))) return;
  const a = await client().query("lab.test", "MX");
  assert.equal(a.status, "noerror");
  assert.equal(a.rcode, "NOERROR");
  assert.equal(a.authenticated, true);
  assert.equal(a.server, lab.resolver);
  const mx = a.records.flatMap((r) => (r.type === "MX" ? [`${r.preference} ${r.exchange}`] : [])).sort();
  assert.deepEqual(mx, ["10 mail.lab.test", "20 mx2.lab.test"]);
  assert.ok(a.records.every((r) => r.ttl > 0 && r.ttl <= 300));
  assert.ok(a.elapsedMs >= 0);
});

test("the authoritative server answers without AD (it does not validate)", async (t) => {
  if (!(await requireLab(t))) return;
  const a = await createDnsClient({ servers: [lab.auth], timeoutMs: 3000 }).query("lab.test", "MX");
  assert.equal(a.status, "noerror");
  assert.equal(a.authenticated, false);
  assert.equal(a.server, lab.auth);
});

test("bogus.lab.test (DS matches no key) is SERVFAIL, not 'no record'", async (t) => {
  if (!(await requireLab(t))) return;
  const a = await client().query("bogus.lab.test", "SOA");
  assert.equal(a.status, "servfail");
  assert.equal(a.rcode, "SERVFAIL");
  assert.deepEqual(a.records, []);
});

test("nx.lab.test is NXDOMAIN and lab.test AAAA is NODATA", async (t) => {
  if (!(await requireLab(t))) return;
  const dns = client();
  const nx = await dns.query("nx.lab.test", "A");
  assert.equal(nx.status, "nxdomain");
  assert.equal(nx.rcode, "NXDOMAIN");
  const nodata = await dns.query("lab.test", "AAAA");
  assert.equal(nodata.status, "nodata");
  assert.equal(nodata.rcode, "NOERROR");
  assert.equal(nodata.authenticated, true);
});

test("smtp.lab.test A follows the CNAME to mail.lab.test", async (t) => {
  if (!(await requireLab(t))) return;
  const a = await client().query("smtp.lab.test", "A");
  assert.equal(a.status, "noerror");
  assert.deepEqual(a.cnameChain, ["mail.lab.test"]);
  assert.deepEqual(
    a.records.map((r) => (r.type === "A" ? `${r.name} ${r.address}` : r.type)),
    ["mail.lab.test 127.0.0.10"],
  );
  // Knot itself includes the target in the same answer; the chain must read the same there.
  const auth = await createDnsClient({ servers: [lab.auth], timeoutMs: 3000 }).query("smtp.lab.test", "A");
  assert.deepEqual(auth.cnameChain, ["mail.lab.test"]);
  assert.equal(auth.status, "noerror");
});

test("the split DKIM key TXT comes whole, each character-string as UTF-8 text", async (t) => {
  if (!(await requireLab(t))) return;
  const a = await client().query("sel1._domainkey.lab.test", "TXT");
  assert.equal(a.status, "noerror");
  const rec = a.records[0];
  assert.ok(
    rec && rec.type === "TXT" && rec.strings.length >= 2,
    "the 2048-bit key is split over several strings",
  );
  const value = txtValues(a)[0] ?? "";
  assert.match(value, /^v=DKIM1; k=rsa;.* p=[A-Za-z0-9+/=]{300,}$/);
});

test("a TXT answer larger than the EDNS buffer comes over TCP, whole", async (t) => {
  if (!(await requireLab(t))) return;
  // A tiny advertised buffer makes the resolver set TC for the DKIM key, as a 512-byte path would.
  const dns = createDnsClient({ servers: [lab.resolver], timeoutMs: 3000, udpPayloadSize: 512 });
  const a = await dns.query("sel1._domainkey.lab.test", "TXT");
  assert.equal(a.status, "noerror");
  assert.equal(a.viaTcp, true);
  assert.match(txtValues(a)[0] ?? "", /^v=DKIM1; k=rsa;/);
});

test("binary records: DNSKEY as base64, TLSA as hex", async (t) => {
  if (!(await requireLab(t))) return;
  const dns = client();
  const keys = await dns.query("lab.test", "DNSKEY");
  assert.equal(keys.status, "noerror");
  const key = keys.records[0];
  assert.ok(key && key.type === "DNSKEY");
  assert.equal(key.algorithm, 13);
  assert.equal(Buffer.from(key.publicKey, "base64").length, 64, "an ECDSA P-256 key is 64 bytes");
  const tlsa = await dns.query("_25._tcp.mail.lab.test", "TLSA");
  assert.equal(tlsa.status, "noerror");
  for (const r of tlsa.records) {
    assert.ok(r.type === "TLSA");
    assert.match(r.data, /^[0-9a-f]{64}$/);
  }
});

test("a null MX reads as exchange '' (the root)", async (t) => {
  if (!(await requireLab(t))) return;
  const a = await client().query("nullmx.lab.test", "MX");
  assert.deepEqual(
    a.records.map((r) => (r.type === "MX" ? [r.preference, r.exchange] : [])),
    [[0, ""]],
  );
});

test("a name outside the lab is REFUSED by the lab resolver", async (t) => {
  if (!(await requireLab(t))) return;
  const a = await client().query("example.com", "A");
  assert.equal(a.status, "refused");
  assert.equal(a.rcode, "REFUSED");
});

test("answers are cached and identical questions in flight are asked once", async (t) => {
  if (!(await requireLab(t))) return;
  const dns = client();
  const [a, b] = await Promise.all([dns.query("lab.test", "TXT"), dns.query("LAB.test.", "TXT")]);
  assert.deepEqual(a.records, b.records);
  await dns.query("lab.test", "TXT");
  assert.equal(dns.stats.queries, 1);
  assert.equal(dns.stats.cacheHits, 2);
  assert.equal(allTimedOut(dns), false);
});

test("IDN names go out as punycode", async (t) => {
  if (!(await requireLab(t))) return;
  const a = await client().query("bücher.lab.test", "MX");
  assert.equal(a.name, "xn--bcher-kva.lab.test");
  assert.equal(a.status, "nxdomain");
});

test("an unreachable first server is passed over for the next one", async (t) => {
  if (!(await requireLab(t))) return;
  const dns = createDnsClient({ servers: [`${lab.dead}:53`, lab.resolver], timeoutMs: 3000 });
  const a = await dns.query("lab.test", "MX");
  assert.equal(a.status, "noerror");
  assert.equal(a.server, lab.resolver);
});
