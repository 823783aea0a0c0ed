import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { test } from "node:test";
import { checkDkim } from "../../../src/checks/dkim.js";
import { createMemoryResolver } from "../../../src/net/dns/memory.js";
import type { DnsRecord } from "../../../src/net/dns/types.js";
import { DKIM_QUERY_CONCURRENCY, probeDkim } from "../../../src/probes/dkim.js";
import { COMMON_DKIM_SELECTORS, parseDkimKeyRecord } from "../../../src/standards/dkim-key.js";
import { ids, one, testContext, txt } from "./helpers.js";

const rsa = (bits: number, type: "spki" | "pkcs1" = "spki") =>
  generateKeyPairSync("rsa", { modulusLength: bits })
    .publicKey.export({ format: "der", type })
    .toString("base64");
const ed25519Raw = () => {
  const jwk = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" });
  return Buffer.from(jwk.x ?? "", "base64url").toString("base64");
};
const RSA2048 = rsa(2048);
/** Split like a zone file splits long TXT data: several strings of one record. */
const split = (s: string) => s.match(/.{1,250}/g) ?? [];

test("an RSA 2048 key split over TXT strings: length read from the key", () => {
  const k = parseDkimKeyRecord(split(`v=DKIM1; k=rsa; h=sha256; p=${RSA2048}`).join(""));
  assert.deepEqual(k.problems, []);
  assert.equal(k.keyType, "rsa");
  assert.equal(k.bits, 2048);
  assert.equal(k.encoding, "spki");
  assert.deepEqual(k.hashes, ["sha256"]);
});

test("an ed25519 key is the raw 32 bytes (RFC 8463); an SPKI-wrapped one is an error", () => {
  const raw = ed25519Raw();
  const k = parseDkimKeyRecord(`v=DKIM1; k=ed25519; p=${raw}`);
  assert.deepEqual([k.problems, k.bits, k.encoding], [[], 256, "raw"]);
  const spki = generateKeyPairSync("ed25519")
    .publicKey.export({ format: "der", type: "spki" })
    .toString("base64");
  const wrapped = parseDkimKeyRecord(`v=DKIM1; k=ed25519; p=${spki}`);
  assert.equal(wrapped.problems[0]?.kind, "bad-key");
});

test("folding whitespace inside p= is allowed", () => {
  const k = parseDkimKeyRecord(`v=DKIM1; p=${RSA2048.slice(0, 100)} ${RSA2048.slice(100)}`);
  assert.equal(k.bits, 2048);
});

test("malformed keys: bad base64, not a key, wrong type, unknown k=", () => {
  assert.equal(parseDkimKeyRecord("v=DKIM1; k=rsa; p=not-base64!!").problems[0]?.kind, "bad-base64");
  assert.equal(parseDkimKeyRecord("v=DKIM1; k=rsa; p=AAAA").problems[0]?.kind, "bad-key");
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" })
    .publicKey.export({ format: "der", type: "spki" })
    .toString("base64");
  const wrongType = parseDkimKeyRecord(`v=DKIM1; k=rsa; p=${ec}`);
  assert.deepEqual(wrongType.problems, [{ kind: "bad-key", detail: "the key is ec, not rsa" }]);
  assert.equal(parseDkimKeyRecord(`v=DKIM1; k=dsa; p=${RSA2048}`).problems[0]?.kind, "unknown-key-type");
});

test("revoked, testing, sha1-only, service type, version and unknown tags", () => {
  assert.equal(parseDkimKeyRecord("v=DKIM1; k=rsa; p=").revoked, true);
  assert.deepEqual(parseDkimKeyRecord(`v=DKIM1; t=y:s; p=${RSA2048}`).flags, ["y", "s"]);
  assert.deepEqual(parseDkimKeyRecord(`h=sha1; p=${RSA2048}`).problems, [
    { kind: "no-acceptable-hash", value: "sha1" },
  ]);
  assert.deepEqual(parseDkimKeyRecord(`h=sha1:sha256; p=${RSA2048}`).problems, []);
  assert.deepEqual(parseDkimKeyRecord(`s=tlsrpt; p=${RSA2048}`).problems, [
    { kind: "not-for-email", value: "tlsrpt" },
  ]);
  assert.equal(parseDkimKeyRecord(`k=rsa; v=DKIM1; p=${RSA2048}`).problems[0]?.kind, "bad-version");
  assert.equal(parseDkimKeyRecord(`v=DKIM2; p=${RSA2048}`).problems[0]?.kind, "bad-version");
  assert.deepEqual(parseDkimKeyRecord(`g=*; p=${RSA2048}`).problems, [
    { kind: "unknown-tag", tag: "g", position: 0 },
  ]);
  assert.deepEqual(parseDkimKeyRecord("v=DKIM1; k=rsa").problems, [{ kind: "missing-key" }]);
});

test("a PKCS#1 RSA key is read but flagged", () => {
  const k = parseDkimKeyRecord(`p=${rsa(2048, "pkcs1")}`);
  assert.deepEqual([k.bits, k.encoding], [2048, "pkcs1"]);
});

const ZONE: DnsRecord[] = [
  txt("sel1._domainkey.lab.test", ...split(`v=DKIM1; k=rsa; h=sha256; p=${RSA2048}`)),
  txt("ed1._domainkey.lab.test", `v=DKIM1; k=ed25519; p=${ed25519Raw()}`),
  txt("revoked._domainkey.lab.test", "v=DKIM1; k=rsa; p="),
  txt("broken._domainkey.lab.test", "v=DKIM1; k=rsa; p=not-base64!!"),
  txt("short._domainkey.lab.test", `v=DKIM1; p=${rsa(1024)}`),
  txt("tiny._domainkey.lab.test", `v=DKIM1; p=${rsa(512)}`),
  txt("testing._domainkey.lab.test", `v=DKIM1; t=y; p=${RSA2048}`),
  txt("sha1only._domainkey.lab.test", `v=DKIM1; h=sha1; p=${RSA2048}`),
  txt("pk1._domainkey.lab.test", `v=DKIM1; p=${rsa(2048, "pkcs1")}`),
  { type: "CNAME", name: "provider._domainkey.lab.test", ttl: 300, target: "sel1._domainkey.lab.test" },
  txt("twice._domainkey.lab.test", `v=DKIM1; p=${RSA2048}`),
  txt("twice._domainkey.lab.test", `v=DKIM1; p=${RSA2048}`),
  txt("google._domainkey.lab.test", `v=DKIM1; k=rsa; p=${RSA2048}`),
  txt("sha512._domainkey.lab.test", `v=DKIM1; h=sha512; p=${RSA2048}`),
];

async function audit(
  selectors: string[],
  statuses: Record<string, "timeout" | "servfail"> = {},
  zone = ZONE,
  domain = "lab.test",
) {
  const dns = createMemoryResolver(zone, { statuses });
  const ev = await probeDkim(domain, selectors, testContext(dns));
  return { ev, findings: checkDkim(ev), dns };
}

const bySelector = (findings: ReturnType<typeof checkDkim>, selector: string) =>
  findings.filter((f) => f.params.selector === selector).map((f) => `${f.severity}:${f.id}`);

test("the lab selectors and the common list: one finding set per key", async () => {
  const { findings, ev } = await audit([
    "sel1",
    "ed1",
    "revoked",
    "broken",
    "short",
    "tiny",
    "testing",
    "sha1only",
    "sha512",
    "pk1",
    "provider",
    "twice",
    "nokey",
    "bad selector",
  ]);
  assert.deepEqual(bySelector(findings, "sel1"), ["ok:dkim.key.found"]);
  assert.deepEqual(
    one(
      findings.filter((f) => f.params.selector === "ed1"),
      "dkim.key.found",
    ).params.bits,
    256,
  );
  assert.deepEqual(bySelector(findings, "revoked"), ["warning:dkim.key.revoked"]);
  assert.deepEqual(bySelector(findings, "broken"), ["error:dkim.key.bad-base64"]);
  assert.deepEqual(bySelector(findings, "short"), ["warning:dkim.key.rsa-short", "ok:dkim.key.found"]);
  assert.deepEqual(bySelector(findings, "tiny"), ["error:dkim.key.rsa-weak"]);
  assert.deepEqual(bySelector(findings, "testing"), ["warning:dkim.key.testing", "ok:dkim.key.found"]);
  assert.deepEqual(bySelector(findings, "sha1only"), ["error:dkim.key.sha1-only"]);
  assert.deepEqual(bySelector(findings, "sha512"), ["error:dkim.key.hash-unknown"]);
  assert.deepEqual(bySelector(findings, "pk1"), ["warning:dkim.key.pkcs1", "ok:dkim.key.found"]);
  assert.deepEqual(bySelector(findings, "twice"), ["ok:dkim.key.found"]);
  assert.equal(one(findings, "dkim.record.multiple").params.count, 2);
  assert.deepEqual(bySelector(findings, "nokey"), ["error:dkim.selector.missing"]);
  assert.equal(one(findings, "dkim.selector.invalid").params.selector, "bad selector");
  assert.deepEqual(
    bySelector(findings, "google"),
    ["ok:dkim.key.found"],
    "a common selector with a key is reported too",
  );
  const tiny = findings.find((f) => f.params.selector === "tiny");
  assert.equal(tiny?.params.bits, 512);
  assert.equal(ev.lookups.filter((l) => l.source === "user").length, 13);
  assert.equal(
    findings.some((f) => f.id === "dkim.selectors.none-found"),
    false,
  );
});

test("a CNAME'd selector is fine and its chain is in the evidence", async () => {
  const { findings } = await audit(["provider"]);
  const f = findings.find((x) => x.params.selector === "provider");
  assert.equal(f?.id, "dkim.key.found");
  assert.equal(f?.params.via, "sel1._domainkey.lab.test");
  assert.match(
    f?.evidence[0]?.lines.join("\n") ?? "",
    /CNAME chain: provider\._domainkey\.lab\.test -> sel1\._domainkey\.lab\.test/,
  );
});

test("no key under any selector is info, listing what was tried", async () => {
  const { findings, dns } = await audit([], {}, [], "nokeys.example");
  assert.deepEqual(ids(findings), ["dkim.selectors.none-found"]);
  const f = one(findings, "dkim.selectors.none-found");
  assert.equal(f.severity, "info");
  assert.equal(f.params.count, COMMON_DKIM_SELECTORS.length);
  assert.match(String(f.params.selectors), /^default, dkim, mail, .*selector1, selector2, google/);
  assert.equal(
    dns.stats.queries,
    COMMON_DKIM_SELECTORS.length + 1,
    "the common list plus the wildcard probe",
  );
});

test("failed lookups stay failures: user selectors one by one, guessed ones summarised", async () => {
  const { findings } = await audit(["sel1"], {
    "sel1._domainkey.lab.test": "servfail",
    "default._domainkey.lab.test": "timeout",
    "s1._domainkey.lab.test": "servfail",
  });
  const failed = one(findings, "dns.lookup.failed");
  assert.deepEqual([failed.area, failed.severity, failed.params.status], ["dkim", "error", "SERVFAIL"]);
  const summary = one(findings, "dkim.selectors.lookup-failed");
  assert.deepEqual(summary.params, { count: 2, selectors: "default (TIMEOUT), s1 (SERVFAIL)" });
  assert.equal(
    findings.some((f) => f.id === "dkim.selector.missing"),
    false,
  );
});

test("selector lookups run in parallel but never more than the bound", async () => {
  const inner = createMemoryResolver([]);
  let running = 0;
  let peak = 0;
  const slow = {
    ...inner,
    servers: inner.servers,
    stats: inner.stats,
    async query(...args: Parameters<typeof inner.query>) {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setImmediate(r));
      running--;
      return inner.query(...args);
    },
  };
  await probeDkim("lab.test", [], testContext(slow));
  assert.equal(peak, DKIM_QUERY_CONCURRENCY);
});

test("saved evidence (JSON) is judged exactly like the live evidence", async () => {
  const { ev, findings } = await audit(["sel1", "tiny", "provider", "nokey"]);
  assert.deepEqual(checkDkim(JSON.parse(JSON.stringify(ev)) as typeof ev), findings);
});

test("a wildcard key under _domainkey is reported once, guessed selectors echoing it are not keys", async () => {
  const wildKey = `v=DKIM1; p=${RSA2048}`;
  const explicit = createMemoryResolver([
    txt("sel9._domainkey.wild.test", `v=DKIM1; k=ed25519; p=${ed25519Raw()}`),
  ]);
  // The memory resolver has no wildcards: synthesise *._domainkey.wild.test as an authoritative server would.
  const dns = {
    ...explicit,
    servers: explicit.servers,
    stats: explicit.stats,
    async query(...args: Parameters<typeof explicit.query>) {
      const answer = await explicit.query(...args);
      if (answer.status !== "nxdomain" || !answer.name.endsWith("._domainkey.wild.test")) return answer;
      return {
        ...answer,
        status: "noerror" as const,
        rcode: "NOERROR",
        records: [txt(answer.name, wildKey)],
      };
    },
  };
  const ev = await probeDkim("wild.test", ["sel9", "default"], testContext(dns));
  const findings = checkDkim(ev);
  assert.equal(ev.wildcard?.answer.name, "mxray-no-such-selector._domainkey.wild.test");
  assert.equal(one(findings, "dkim.selectors.wildcard").severity, "warning");
  const found = findings.filter((f) => f.id === "dkim.key.found").map((f) => f.params.selector);
  assert.deepEqual(
    found,
    ["sel9", "default"],
    "selectors the user named are still judged, guessed ones are not",
  );
});

test("only ed25519 keys found: info that RSA should sign alongside", async () => {
  const { findings } = await audit(
    ["ed1"],
    {},
    ZONE.filter((r) => !r.name.startsWith("google.")),
  );
  assert.equal(one(findings, "dkim.key.ed25519-without-rsa").severity, "info");
  const both = await audit(["ed1", "sel1"]);
  assert.equal(
    both.findings.some((f) => f.id === "dkim.key.ed25519-without-rsa"),
    false,
  );
});

test("a selector pasted as the whole record name is reduced to the selector", async () => {
  const { ev, findings } = await audit(["SEL1._domainkey.lab.test.", "ed1._domainkey"]);
  assert.deepEqual(
    ev.lookups.filter((l) => l.source === "user").map((l) => l.answer.name),
    ["sel1._domainkey.lab.test", "ed1._domainkey.lab.test"],
  );
  assert.equal(findings.filter((f) => f.id === "dkim.key.found" && f.params.source === "user").length, 2);
});
