import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { plaintextLogin } from "../../../src/checks/mailbox.js";
import { relayVerdict } from "../../../src/checks/relay.js";
import { imapCapabilities } from "../../../src/net/imap-client.js";
import { classifyConnectError, parseHostPort } from "../../../src/net/tcp.js";
import { parsePortList } from "../../../src/probes/ports.js";
import { relayCases } from "../../../src/probes/relay.js";
import { addressLiteral, ehloNameFor, isHostName, tlsServerName } from "../../../src/probes/smtp.js";
import { reverseName } from "../../../src/standards/reverse-name.js";
import { bannerMeaning, diffCapabilities, parseEhlo } from "../../../src/standards/smtp-ehlo.js";

describe("EHLO parsing", () => {
  it("reads every capability, SIZE and AUTH mechanisms", () => {
    const c = parseEhlo([
      "mx.example.test Hello",
      "PIPELINING",
      "SIZE 52428800",
      "8BITMIME",
      "SMTPUTF8",
      "CHUNKING",
      "DSN",
      "ENHANCEDSTATUSCODES",
      "STARTTLS",
      "AUTH PLAIN LOGIN CRAM-MD5",
      "REQUIRETLS",
      "VRFY",
    ]);
    assert.equal(c.greetName, "mx.example.test");
    assert.equal(c.size, 52428800);
    assert.deepEqual(c.auth, ["PLAIN", "LOGIN", "CRAM-MD5"]);
    for (const k of [
      "starttls",
      "pipelining",
      "eightBitMime",
      "smtpUtf8",
      "chunking",
      "dsn",
      "enhancedStatusCodes",
      "requireTls",
      "vrfy",
    ] as const)
      assert.equal(c[k], true, k);
  });

  it("understands the old AUTH= form and lower case", () => {
    const c = parseEhlo(["mx", "auth=LOGIN PLAIN", "starttls"]);
    assert.deepEqual(c.auth, ["LOGIN", "PLAIN"]);
    assert.deepEqual(c.keywords, ["AUTH", "STARTTLS"]);
    assert.equal(c.size, undefined);
  });

  it("says what changed after STARTTLS", () => {
    const before = parseEhlo(["mx", "STARTTLS", "SIZE 1000"]);
    const after = parseEhlo(["mx", "SIZE 1000", "AUTH PLAIN"]);
    assert.deepEqual(diffCapabilities(before, after), { added: ["AUTH PLAIN"], removed: ["STARTTLS"] });
  });

  it("names the banner codes", () => {
    assert.equal(bannerMeaning(220), "ready");
    assert.equal(bannerMeaning(421), "busy");
    assert.equal(bannerMeaning(554), "refused");
    assert.equal(bannerMeaning(250), "other");
  });
});

describe("targets and ports", () => {
  it("splits host[:port] including IPv6", () => {
    assert.deepEqual(parseHostPort("mx.example.test:587"), { host: "mx.example.test", port: 587 });
    assert.deepEqual(parseHostPort("[2001:db8::1]:25"), { host: "2001:db8::1", port: 25 });
    assert.deepEqual(parseHostPort("2001:db8::1"), { host: "2001:db8::1", port: undefined });
    assert.deepEqual(parseHostPort("192.0.2.1"), { host: "192.0.2.1", port: undefined });
    assert.equal(parseHostPort("host:0"), undefined);
    assert.equal(parseHostPort("host:70000"), undefined);
    assert.equal(parseHostPort("a:b:c"), undefined);
  });

  it("parses port lists and ranges, refusing nonsense", () => {
    assert.deepEqual(parsePortList("25, 587,110-112,25"), [25, 587, 110, 111, 112]);
    assert.equal(parsePortList("0"), undefined);
    assert.equal(parsePortList("25,x"), undefined);
    assert.equal(parsePortList("1-65535"), undefined, "huge ranges are refused");
    assert.equal(parsePortList(""), undefined);
  });

  it("classifies connect errors", () => {
    assert.equal(classifyConnectError("ECONNREFUSED"), "closed");
    assert.equal(classifyConnectError("EHOSTUNREACH"), "unreachable");
    assert.equal(classifyConnectError("ENETUNREACH"), "unreachable");
    assert.equal(classifyConnectError("EADDRNOTAVAIL"), "error");
  });

  it("builds reverse names for IPv4 and IPv6", () => {
    assert.equal(reverseName("192.0.2.1"), "1.2.0.192.in-addr.arpa");
    assert.equal(
      reverseName("2001:db8::1"),
      "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
    );
    assert.equal(reverseName("::ffff:192.0.2.1"), "1.2.0.192.in-addr.arpa");
    assert.equal(reverseName("nope"), undefined);
  });

  it("only valid host names are used for SNI", () => {
    assert.equal(isHostName("mx1.example.test"), true);
    assert.equal(isHostName("mx.example.test."), true);
    assert.equal(isHostName("bad name"), false);
    assert.equal(tlsServerName("192.0.2.1"), undefined);
    assert.equal(tlsServerName("mx\r\n.test"), undefined);
  });

  it("uses an address literal for EHLO when the name is not given", () => {
    assert.equal(addressLiteral("192.0.2.1"), "[192.0.2.1]");
    assert.equal(addressLiteral("2001:db8::1"), "[IPv6:2001:db8::1]");
    assert.equal(ehloNameFor("probe.example.net", "192.0.2.1"), "probe.example.net");
  });
});

describe("relay test forms and verdicts", () => {
  it("tries the plain form first and the address tricks after, never more than eight", () => {
    const cases = relayCases("t@relay.invalid", "192.0.2.1", "mx.example.test");
    assert.deepEqual(cases[0], { from: "<>", to: "<t@relay.invalid>" });
    assert.ok(cases.some((c) => c.to === "<t%relay.invalid@[192.0.2.1]>"));
    assert.ok(cases.some((c) => c.to === "<relay.invalid!t>"));
    assert.ok(cases.some((c) => c.to === "<@[192.0.2.1]:t@relay.invalid>"));
    assert.equal(cases.length, 8);
    assert.ok(relayCases("t@x.invalid", "2001:db8::1", "mx")[2]!.to.includes("[IPv6:2001:db8::1]"));
    assert.equal(
      relayCases("t@x.invalid", "192.0.2.1", "192.0.2.1")[1]!.from,
      "<mxray-relay-test@[192.0.2.1]>",
    );
  });

  const reply = (code: number, text: string, enhanced?: string) => ({
    code,
    lines: [text],
    ms: 1,
    ...(enhanced ? { enhanced } : {}),
  });
  const ok = reply(250, "2.1.0 Ok", "2.1.0");

  it("tells acceptance, refusal, domain and sender checks and temporary answers apart", () => {
    assert.equal(
      relayVerdict({ from: "<>", to: "<a@b>", mail: ok, rcpt: reply(250, "2.1.5 Ok", "2.1.5") }),
      "accepted",
    );
    assert.equal(
      relayVerdict({
        from: "<>",
        to: "<a@b>",
        mail: ok,
        rcpt: reply(554, "5.7.1 Relay access denied", "5.7.1"),
      }),
      "refused",
    );
    assert.equal(
      relayVerdict({
        from: "<>",
        to: "<a@b>",
        mail: ok,
        rcpt: reply(450, "4.1.2 <a@b>: Recipient address rejected: Domain not found", "4.1.2"),
      }),
      "refused-domain",
    );
    assert.equal(
      relayVerdict({
        from: "<>",
        to: "<a@b>",
        mail: ok,
        rcpt: reply(550, "5.1.8 <x@y>: Sender address rejected: Domain not found", "5.1.8"),
      }),
      "refused-sender",
    );
    assert.equal(
      relayVerdict({ from: "<>", to: "<a@b>", mail: ok, rcpt: reply(451, "4.7.1 greylisted", "4.7.1") }),
      "temporary",
    );
    assert.equal(
      relayVerdict({ from: "<>", to: "<a@b>", mail: reply(553, "5.1.7 bad sender", "5.1.7") }),
      "sender-refused",
    );
  });
});

describe("mailbox capabilities", () => {
  it("reads IMAP capabilities from the untagged line or the greeting code", () => {
    assert.deepEqual(imapCapabilities(["* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED"]), [
      "IMAP4REV1",
      "STARTTLS",
      "LOGINDISABLED",
    ]);
    assert.deepEqual(imapCapabilities(["* OK [CAPABILITY IMAP4rev1 SASL-IR] ready"]), [
      "IMAP4REV1",
      "SASL-IR",
    ]);
    assert.equal(imapCapabilities(["* OK ready"]), undefined);
  });

  it("knows when a password can be sent before TLS", () => {
    assert.equal(plaintextLogin("imap", ["IMAP4REV1", "STARTTLS", "LOGINDISABLED"]), false);
    assert.equal(plaintextLogin("imap", ["IMAP4REV1", "STARTTLS"]), true);
    assert.equal(plaintextLogin("imap", ["IMAP4REV1", "LOGINDISABLED", "AUTH=PLAIN"]), true);
    assert.equal(plaintextLogin("pop3", ["TOP", "UIDL", "STLS", "SASL"]), false);
    assert.equal(plaintextLogin("pop3", ["USER", "STLS"]), true);
    assert.equal(plaintextLogin("pop3", ["SASL PLAIN LOGIN", "STLS"]), true);
  });
});
