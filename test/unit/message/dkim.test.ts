import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeMessage } from "../../../src/message/analyze.js";
import { checkMessage } from "../../../src/message/index.js";
import type { RawMessage } from "../../../src/message/read.js";
import type { DnsRecord } from "../../../src/net/dns/types.js";
import type { MemoryZoneOptions } from "../../../src/net/dns/memory.js";
import {
  context,
  ed25519Key,
  keyRecord,
  memoryDns,
  NOW,
  plainMessage,
  rsaKey,
  sign,
  txt,
} from "./helpers.js";

const raw = (text: string): RawMessage => ({
  bytes: Buffer.from(text),
  source: "test.eml",
  size: text.length,
  truncated: false,
});

async function verify(message: string, records: DnsRecord[], options?: MemoryZoneOptions) {
  const ev = await analyzeMessage(raw(message), context(memoryDns(records, options)));
  assert.ok(ev.dkim, `DKIM not checked: ${ev.dkimSkipped} ${ev.dkimError ?? ""}`);
  return ev.dkim;
}

describe("DKIM verification in RFC 8601 terms", () => {
  const rsa = rsaKey(2048);
  const records = [keyRecord("s1", "example.com", rsa), txt("_dmarc.example.com", "v=DMARC1; p=reject")];

  it("passes a good rsa-sha256 signature and reports key length and strict alignment", async () => {
    const [s] = await verify(
      await sign(plainMessage(), { domain: "example.com", selector: "s1", key: rsa }),
      records,
    );
    assert.equal(s?.result, "pass");
    assert.equal(s?.reason, "ok");
    assert.equal(s?.keyBits, 2048);
    assert.equal(s?.alignment, "strict");
    assert.equal(s?.bodyHashMatches, true);
  });

  it("passes an ed25519-sha256 signature (RFC 8463)", async () => {
    const ed = ed25519Key();
    const [s] = await verify(await sign(plainMessage(), { domain: "example.com", selector: "ed", key: ed }), [
      keyRecord("ed", "example.com", ed),
    ]);
    assert.equal(s?.result, "pass");
    assert.equal(s?.keyType, "ed25519");
  });

  it("maps a body hash mismatch to fail (mailauth 4.13 says neutral) with both hashes", async () => {
    const signed = await sign(plainMessage(), { domain: "example.com", selector: "s1", key: rsa });
    const [s] = await verify(signed.replace("this is a test.", "this is a tset."), records);
    assert.equal(s?.mailauth?.result, "neutral");
    assert.equal(s?.result, "fail");
    assert.equal(s?.reason, "body-hash");
    assert.equal(s?.bodyHashMatches, false);
    assert.notEqual(s?.bodyHashComputed, s?.bodyHashExpected);
  });

  it("fails a signature whose signed header changed", async () => {
    const signed = await sign(plainMessage(), { domain: "example.com", selector: "s1", key: rsa });
    const [s] = await verify(signed.replace("Subject: test", "Subject: changed"), records);
    assert.equal(s?.result, "fail");
    assert.equal(s?.reason, "signature");
  });

  it("fails an expired signature against the pinned clock, and passes it before x=", async () => {
    const expires = new Date(NOW.getTime() - 60_000);
    const signed = await sign(plainMessage(), {
      domain: "example.com",
      selector: "s1",
      key: rsa,
      expires,
      signTime: new Date(NOW.getTime() - 7200_000),
    });
    const [s] = await verify(signed, records);
    assert.equal(s?.result, "fail");
    assert.equal(s?.reason, "expired");
    assert.equal(s?.expiresAt, expires.toISOString().replace(/\.\d+Z$/, ".000Z"));
    const early = await analyzeMessage(raw(signed), {
      ...context(memoryDns(records)),
      now: () => new Date(NOW.getTime() - 3600_000),
    });
    assert.equal(early.dkim?.[0]?.result, "pass");
  });

  it("reports a revoked key (empty p=) as permerror", async () => {
    const signed = await sign(plainMessage(), { domain: "example.com", selector: "gone", key: rsa });
    const [s] = await verify(signed, [txt("gone._domainkey.example.com", "v=DKIM1; k=rsa; p=")]);
    assert.equal(s?.result, "permerror");
    assert.equal(s?.reason, "key-revoked");
  });

  it("refuses rsa-sha1 by policy (RFC 8301) naming the hash, and says the signature itself verified", async () => {
    const signed = await sign(plainMessage(), {
      domain: "example.com",
      selector: "s1",
      key: rsa,
      algorithm: "rsa-sha1",
    });
    const [s] = await verify(signed, records);
    assert.equal(s?.result, "policy");
    assert.equal(s?.reason, "sha1");
    assert.equal(s?.cryptoVerified, true);
    assert.match(s?.detail ?? "", /rsa-sha1/);
  });

  it("refuses a 512-bit key by policy, naming the length; a 1024-bit key passes", async () => {
    const small = rsaKey(512);
    const signed = await sign(plainMessage(), { domain: "example.com", selector: "k512", key: small });
    const [s] = await verify(signed, [keyRecord("k512", "example.com", small)]);
    assert.equal(s?.result, "policy");
    assert.equal(s?.reason, "short-key");
    assert.equal(s?.keyBits, 512);
    assert.match(s?.detail ?? "", /512-bit/);
    const k1024 = rsaKey(1024);
    const [t] = await verify(
      await sign(plainMessage(), { domain: "example.com", selector: "k1024", key: k1024 }),
      [keyRecord("k1024", "example.com", k1024)],
    );
    assert.equal(t?.result, "pass");
    assert.equal(t?.keyBits, 1024);
  });

  it("tells a missing key (NXDOMAIN: permerror) from a failed lookup (SERVFAIL: temperror)", async () => {
    const signed = await sign(plainMessage(), { domain: "example.com", selector: "s1", key: rsa });
    const [missing] = await verify(signed, [txt("example.com", "v=spf1 -all")]);
    assert.equal(missing?.result, "permerror");
    assert.equal(missing?.reason, "no-key");
    const [failed] = await verify(signed, records, {
      statuses: { "s1._domainkey.example.com TXT": "servfail" },
    });
    assert.equal(failed?.result, "temperror");
    assert.equal(failed?.reason, "dns");
    const [timedOut] = await verify(signed, records, {
      statuses: { "s1._domainkey.example.com TXT": "timeout" },
    });
    assert.equal(timedOut?.result, "temperror");
  });

  it("refuses a key whose h= does not allow the signature's hash", async () => {
    const signed = await sign(plainMessage(), {
      domain: "example.com",
      selector: "s1",
      key: rsa,
      algorithm: "rsa-sha256",
    });
    const [s] = await verify(signed, [keyRecord("s1", "example.com", rsa, " h=sha1;")]);
    assert.equal(s?.result, "permerror");
    assert.equal(s?.reason, "key-hash");
  });

  it("honours the key's s= (service) and t=s (strict identity) flags", async () => {
    const signed = await sign(plainMessage(), { domain: "example.com", selector: "s1", key: rsa });
    const [notMail] = await verify(signed, [keyRecord("s1", "example.com", rsa, " s=other;")]);
    assert.deepEqual([notMail?.result, notMail?.reason], ["permerror", "bad-key"]);
    assert.match(notMail?.detail ?? "", /not-for-email/);
    const withSub = signed.replace("d=example.com;", "d=example.com; i=@news.example.com;");
    const [strict] = await verify(withSub, [keyRecord("s1", "example.com", rsa, " t=s;")]);
    assert.equal(strict?.result, "permerror");
    assert.match(strict?.detail ?? "", /t=s/);
  });

  it("reports relaxed alignment for a parent-domain signature and none for a third party", async () => {
    const sub = plainMessage().replace("a@example.com", "a@news.example.com");
    const [relaxed] = await verify(
      await sign(sub, { domain: "example.com", selector: "s1", key: rsa }),
      records,
    );
    assert.equal(relaxed?.alignment, "relaxed");
    const [third] = await verify(
      await sign(plainMessage(), { domain: "mailer.example.net", selector: "s1", key: rsa }),
      [keyRecord("s1", "mailer.example.net", rsa)],
    );
    assert.equal(third?.alignment, "none");
    assert.equal(third?.result, "pass");
  });

  it("turns signatures with absurd tags into permerror findings naming the tag", async () => {
    const base = await sign(plainMessage(), { domain: "example.com", selector: "s1", key: rsa });
    const cases: [string | RegExp, string, RegExp][] = [
      ["a=rsa-sha256", "a=rsa-md5", /^a= unknown algorithm/],
      ["d=example.com", "d=", /^d= empty/],
      ["d=example.com", "d=exa mple..com", /^d= not a domain/],
      ["c=relaxed/relaxed", "c=weird/relaxed", /^c= unknown canonicalization/],
      ["v=1", "v=999999999999999999999", /^v= unknown version/],
      ["d=example.com", `d=example.com; x=${"9".repeat(400)}`, /^x= 400 digits/],
      ["d=example.com", "d=example.com; l=-5", /^l= not a number/],
      ["d=example.com", "d=example.com; i=@evil.example", /^i= identity domain/],
      ["d=example.com", "d=example.com; d=example.org", /^d= duplicate tag/],
      [/h=[^;]+;/, "h=Subject:To;", /^h= From is not signed/],
    ];
    for (const [from, to, expected] of cases) {
      const mangled = base.replace(from, to);
      assert.notEqual(mangled, base, `${String(from)} not found in the signature`);
      const report = await checkMessage(raw(mangled), context(memoryDns(records)));
      const sig = (report.data as { dkim?: { result: string; detail: string }[] }).dkim?.[0];
      assert.equal(sig?.result, "permerror", `${to}: ${sig?.result} ${sig?.detail}`);
      assert.match(sig?.detail ?? "", expected);
      assert.ok(report.findings.some((f) => f.id === "message.dkim.permerror.syntax"));
    }
  });

  it("says so when there is no signature at all", async () => {
    const report = await checkMessage(raw(plainMessage()), context(memoryDns(records)));
    assert.ok(report.findings.some((f) => f.id === "message.dkim.none"));
  });
});
