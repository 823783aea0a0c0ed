import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatDuration, parseMailDate } from "../../../src/message/date.js";
import { firstExternalHop, parseReceived } from "../../../src/message/received.js";

const POSTFIX =
  "from client.lab.test (client.lab.test [127.0.0.20])\r\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\r\n\t(No client certificate requested)\r\n\tby mail.lab.test (Postfix) with ESMTPS id 0AA9916809D\r\n\tfor <x@lab.test>; Thu,  3 Dec 2026 19:39:41 +0000 (UTC)";

describe("Received field parsing", () => {
  it("reads Postfix's field: client, rDNS, TLS version and cipher, protocol, id, recipient, date", () => {
    const h = parseReceived(POSTFIX, 0);
    assert.deepEqual(h.from, { helo: "client.lab.test", ip: "127.0.0.20", rdns: "client.lab.test" });
    assert.equal(h.by, "mail.lab.test");
    assert.equal(h.software, "Postfix");
    assert.equal(h.protocol, "ESMTPS");
    assert.deepEqual(h.tls, { version: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384", bits: "256/256" });
    assert.equal(h.encrypted, true);
    assert.equal(h.authenticated, false);
    assert.equal(h.id, "0AA9916809D");
    assert.equal(h.for, "x@lab.test");
    assert.equal(h.time, Date.UTC(2026, 11, 3, 19, 39, 41));
    assert.deepEqual(h.problems, []);
  });

  it("reads Exim's helo=, its tls clause and envelope-from", () => {
    const h = parseReceived(
      "from host.example ([192.0.2.7] helo=foo.example) by mx.example with esmtpsa (TLS1.2) tls ECDHE-RSA-AES256-GCM-SHA384 (Exim 4.96) (envelope-from <a@b.example>) id 1abc-0001; Tue, 3 Jan 2017 12:22:54 -0800",
      0,
    );
    assert.equal(h.from?.ip, "192.0.2.7");
    assert.equal(h.from?.helo, "foo.example");
    assert.equal(h.protocol, "ESMTPSA");
    assert.equal(h.authenticated, true);
    assert.deepEqual(h.tls, { version: "TLSv1.2", cipher: "ECDHE-RSA-AES256-GCM-SHA384" });
    assert.equal(h.envelopeFrom, "a@b.example");
    assert.equal(h.time, Date.UTC(2017, 0, 3, 20, 22, 54));
  });

  it("reads Microsoft's bare IPv6 client and version=/cipher= facts, and LMTP", () => {
    const ms = parseReceived(
      "from AM0PR.eurprd.prod.outlook.com (2603:10a6:208:1::1) by DB9PR.outlook.com (2603:10a6:10::2) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.1; Tue, 3 Jan 2017 12:22:54 +0000",
      0,
    );
    assert.equal(ms.from?.ip, "2603:10a6:208:1::1");
    assert.equal(ms.tls?.version, "TLSv1.2");
    assert.equal(ms.with, "Microsoft SMTP Server");
    const lmtp = parseReceived(
      "from mail.lab.test by imap.lab.test (Dovecot) with LMTP id abc for <x@lab.test>; Thu, 3 Dec 2026 19:39:42 +0000",
      1,
    );
    assert.equal(lmtp.protocol, "LMTP");
    assert.equal(lmtp.encrypted, false);
  });

  it("reads a qmail-style field with the HELO in a comment", () => {
    const h = parseReceived(
      "from unknown (HELO foo) (198.51.100.4) by mx with SMTP; 3 Jan 2017 12:22:54 -0000",
      0,
    );
    assert.deepEqual(h.from, { helo: "foo", ip: "198.51.100.4" });
  });

  it("records what it could not read instead of failing", () => {
    assert.deepEqual(parseReceived("garbage without anything", 0).problems, [
      "no date after ';'",
      "neither a from nor a by clause",
    ]);
    assert.deepEqual(parseReceived("from a by b; yesterday-ish", 0).problems, ["date not understood"]);
    const long = parseReceived(`from ${"x".repeat(20000)} by b; Tue, 3 Jan 2017 12:22:54 +0000`, 0);
    assert.equal(long.raw.length, 8192);
    assert.match(long.problems[0] ?? "", /longer than 8192/);
  });

  it("picks the first external hop below internal hand-offs, or the topmost SMTP hop in a private network", () => {
    const hops = [
      parseReceived(
        "from mx.example.net (mx.example.net [10.0.0.5]) by store.example.net with LMTP; Tue, 3 Jan 2017 12:23:00 +0000",
        0,
      ),
      parseReceived(
        "from relay (relay [10.0.0.9]) by mx.example.net with ESMTP; Tue, 3 Jan 2017 12:22:59 +0000",
        1,
      ),
      parseReceived(
        "from out.sender.example (out.sender.example [203.0.113.5]) by relay with ESMTPS; Tue, 3 Jan 2017 12:22:58 +0000",
        2,
      ),
      parseReceived(
        "from [192.168.1.5] by out.sender.example with ESMTPSA; Tue, 3 Jan 2017 12:22:50 +0000",
        3,
      ),
    ];
    assert.deepEqual(firstExternalHop(hops), { index: 2, reason: "public-client" });
    assert.deepEqual(firstExternalHop([parseReceived(POSTFIX, 0)]), { index: 0, reason: "private-only" });
    assert.deepEqual(
      firstExternalHop([parseReceived("by mail.lab.test (Postfix) id 1; Thu, 3 Dec 2026 19:34:38 +0000", 0)]),
      { index: -1, reason: "none" },
    );
  });
});

describe("mail dates and durations", () => {
  it("parses RFC 5322 dates with offsets, obsolete zones, two-digit years and no weekday", () => {
    assert.equal(parseMailDate("Thu, 14 Jan 2015 15:00:01 -0800"), Date.UTC(2015, 0, 14, 23, 0, 1));
    assert.equal(parseMailDate("14 Jan 15 15:00 PST"), Date.UTC(2015, 0, 14, 23, 0, 0));
    assert.equal(parseMailDate("Tue, 3 Jan 2017 12:22:54 +0530 (IST)"), Date.UTC(2017, 0, 3, 6, 52, 54));
    assert.equal(parseMailDate("not a date"), undefined);
    assert.equal(parseMailDate("Tue, 45 Jan 2017 12:22:54 +0000"), undefined);
    assert.equal(parseMailDate("Tue, 3 Jan 2017 12:22:54 +9999"), undefined);
  });

  it("formats durations for people", () => {
    assert.equal(formatDuration(850), "850 ms");
    assert.equal(formatDuration(12_000), "12s");
    assert.equal(formatDuration(250_000), "4m 10s");
    assert.equal(formatDuration(2 * 3600_000 + 3 * 60_000), "2h 03m");
    assert.equal(formatDuration(-90_000), "-1m 30s");
  });
});
