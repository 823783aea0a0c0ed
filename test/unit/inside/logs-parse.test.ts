import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { classifyExim, eximDuration, parseEximStamp } from "../../../src/server-side/exim-log.js";
import {
  parseSyslogLine,
  HeaderContext,
  type SyslogLine,
} from "../../../src/server-side/postfix-log/line.js";
import { ByteHeaderCache } from "../../../src/server-side/postfix-log/line-bytes.js";
import { classifyPostfix } from "../../../src/server-side/postfix-log/postfix.js";
import { classifyDeferral, classifyReject } from "../../../src/server-side/postfix-log/reasons.js";
import { MessageTracker } from "../../../src/server-side/postfix-log/tracker.js";

const years = () => new HeaderContext(new Date("2026-12-03T20:00:00Z"));

function line(text: string): SyslogLine {
  const p = parseSyslogLine(text, years());
  assert.equal(typeof p, "object", text);
  return p as SyslogLine;
}

describe("syslog header read from bytes", () => {
  const edge = [
    "Dec  3 19:21:39 mail postfix/smtpd[1",
    "Dec  3 19:21:39 mail",
    "Dec  3 19:21:39 mail ",
    "Dec  3 19:21:39  postfix/smtpd[1]: two spaces before the program",
    "Dec  3 19:21:39 mail postfix/smtpd[12a]: letters in the pid",
    "Dec  3 19:21:39 mail postfix/smtpd[]: empty pid",
    "Dec  3 19:21:39 mail [9]: no program",
    "Dec  3 19:21:39 mail: no program either",
    "Dec  3 19:21:39 mail postfix smtpd[3]: a space in the program",
    "Dec  3 19:21:39 mail kernel: no pid: and a second colon",
    "Dec  3 19:21:39 mail postfix/qmgr[7]:no space after the colon",
    "Dec  3 19:21:39 mail postfix/qmgr[7]: ",
    "Dec 32 19:21:39 mail postfix/qmgr[7]: day 32",
    "Dec  3 19:21:60 mail postfix/qmgr[7]: a leap second",
    "Feb 30 10:00:00 mail postfix/qmgr[7]: no such day",
    "Jan  1 00:00:00 mail postfix/qmgr[7]: new year",
    "Dec 31 23:59:59 mail postfix/qmgr[7]: old year",
    "Dec 31 23:59:59 mail postfix/qmgr[7]: the same stamp again",
    "Dec 31 23:59:30 mail postfix/qmgr[7]: an earlier second of the same minute",
    "Dec 31 23:59:6x mail postfix/qmgr[7]: a letter in the seconds of the same minute",
    "Dec 31 23:59:61 mail postfix/qmgr[7]: second 61 of the same minute",
    "Dec 31 23:59:05mail postfix/qmgr[7]: the same minute, no space after the stamp",
    "Dec  3 19:21:39 mail postfix/smtpd[1 2]: a space inside the pid",
    "Dec  3 19:21:39 mail postfix/smtpd[12] : a space before the colon",
    "Dec  3 19:21:39 mail postfix/smtpd[12]:: two colons",
    "Dec  3 19:21:39 mail a:b[3]: a colon inside the program",
    "Dec  3 19:21:39 mail postfix/smtpd[12]x: text after the pid",
    "Dec  3 1:21:39 mail postfix/qmgr[7]: one-digit hour",
    "Dec 3 19:21:39 mail postfix/qmgr[7]: unpadded day",
    "Dec  3 19:21:39mail postfix/qmgr[7]: no space after the stamp",
    "Dez  3 19:21:39 mail postfix/qmgr[7]: not a month",
    "Dec  3 25:21:39 mail postfix/qmgr[7]: hour 25",
    "2026-12-03T19:21:39+01:00 mail postfix/qmgr[7]: 1A2B3C: removed",
    "2026-12-03 19:21:39 1vQxYz-000Abc-De Completed",
    "hello world",
  ];
  const fixtures = readdirSync("test/fixtures/inside")
    .filter((f) => f.endsWith(".log"))
    .flatMap((f) => readFileSync(`test/fixtures/inside/${f}`, "latin1").split("\n"));

  it("gives parseSyslogLine's result for every line it reads, and leaves the others to it", () => {
    const ctx = years();
    const bytes = new ByteHeaderCache(years());
    let read = 0;
    for (const l of [...edge, ...fixtures]) {
      // only clean ASCII lines take this path (LineSplitter)
      if (/[^\x20-\x7e\t]/.test(l)) continue;
      const text = `${l}\n`;
      const got = bytes.parse(Buffer.from(text, "latin1"), text, 0, l.length);
      if (got === undefined) continue;
      read++;
      assert.deepEqual(got, parseSyslogLine(l, ctx), l);
    }
    assert.ok(read > 140, `most lines are read from bytes (${read})`);
    const other = (l: string) => bytes.parse(Buffer.from(`${l}\n`), `${l}\n`, 0, l.length);
    assert.equal(other("2026-12-03T19:21:39+01:00 mail postfix/qmgr[7]: 1A2B3C: removed"), undefined);
    assert.equal(other("2026-12-03 19:21:39 1vQxYz-000Abc-De Completed"), undefined);
    assert.equal(other("Dez  3 19:21:39 mail postfix/qmgr[7]: x"), undefined);
  });

  it("shares one string per host and program name", () => {
    const bytes = new ByteHeaderCache(years());
    const a = "Dec  3 19:21:39 mail postfix/qmgr[7]: 1A2B3C: removed\n";
    const b = "Dec  3 19:21:40 mail postfix/qmgr[8]: 1A2B3D: removed\n";
    const pa = bytes.parse(Buffer.from(a), a, 0, a.length - 1) as SyslogLine;
    const pb = bytes.parse(Buffer.from(b), b, 0, b.length - 1) as SyslogLine;
    assert.equal(pa.program, "postfix/qmgr");
    assert.equal(pb.pid, 8);
    assert.equal(pb.ts - pa.ts, 1000);
    assert.equal(pb.text, "1A2B3D: removed");
  });
});

describe("syslog line parser", () => {
  it("reads classic, postlogd and RFC 3339 stamps to the same wall clock", () => {
    const a = line("Dec  3 19:21:39 mail postfix/qmgr[7]: 1A2B3C: removed");
    const b = line("Dec 03 19:21:39 mail postfix/qmgr[7]: 1A2B3C: removed");
    const c = line("2026-12-03T19:21:39.250+01:00 mail postfix/qmgr[7]: 1A2B3C: removed");
    assert.equal(a.ts, Date.UTC(2026, 11, 3, 19, 21, 39));
    assert.equal(b.ts, a.ts);
    assert.equal(c.ts, a.ts + 250);
    assert.deepEqual([a.host, a.program, a.pid, a.text], ["mail", "postfix/qmgr", 7, "1A2B3C: removed"]);
  });
  it("puts a December line read in January into the year before", () => {
    const p = parseSyslogLine(
      "Dec 31 23:59:59 mail postfix/qmgr[7]: X",
      new HeaderContext(new Date("2027-01-01T00:10:00Z")),
    );
    assert.equal(typeof p === "object" && new Date(p.ts).getUTCFullYear(), 2026);
  });
  it("tells truncated lines from unrecognised ones", () => {
    assert.equal(parseSyslogLine("Dec  3 19:21:39 mail postfix/smtpd[1", years()), "truncated");
    assert.equal(parseSyslogLine("Dec  3 19:21:39 mail", years()), "truncated");
    assert.equal(parseSyslogLine("hello world", years()), "unrecognized");
    assert.equal(parseSyslogLine("Foo  3 19:21:39 mail postfix/qmgr[7]: x", years()), "unrecognized");
    assert.equal(parseSyslogLine("Dec 33 19:21:39 mail postfix/qmgr[7]: x", years()), "unrecognized");
  });
});

describe("Postfix line classifier", () => {
  const ev = (text: string) => classifyPostfix(line(`Dec  3 19:21:39 mail ${text}`))?.event;
  it("reads a delivery with orig_to, delay and dsn", () => {
    assert.deepEqual(
      ev(
        "postfix/virtual[9]: C1D2F1680A1: to=<alice@lab.test>, orig_to=<postmaster@lab.test>, relay=virtual, delay=0.01, delays=0.01/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)",
      ),
      {
        kind: "delivery",
        qid: "C1D2F1680A1",
        to: "alice@lab.test",
        origTo: "postmaster@lab.test",
        relay: "virtual",
        delay: 0.01,
        dsn: "2.0.0",
        status: "sent",
        reason: "delivered to maildir",
        agent: "virtual",
      },
    );
  });
  it("reads an smtpd reject with its code, DSN, client and envelope", () => {
    const e = ev(
      "postfix/smtpd[5]: NOQUEUE: reject: RCPT from unknown[127.0.0.56]: 554 5.7.1 <victim@elsewhere.lab.test>: Relay access denied; from=<sender@lab.test> to=<victim@elsewhere.lab.test> proto=ESMTP helo=<traffic.lab.test>",
    );
    assert.ok(e && e.kind === "reject");
    assert.deepEqual(
      [e.stage, e.code, e.dsn, e.peer?.ip, e.from, e.to, e.text],
      [
        "RCPT",
        "554",
        "5.7.1",
        "127.0.0.56",
        "sender@lab.test",
        "victim@elsewhere.lab.test",
        "<victim@elsewhere.lab.test>: Relay access denied",
      ],
    );
    assert.deepEqual(classifyReject(e.text, e.source, e.action), {
      category: "relay-denied",
      rule: "reject_unauth_destination",
      key: "relay-denied\u0000reject_unauth_destination",
    });
  });
  it("names the DNSBL of a postscreen reject", () => {
    const e = ev(
      "postfix/postscreen[3]: NOQUEUE: reject: RCPT from [192.0.2.9]:4711: 550 5.7.1 Service unavailable; client [192.0.2.9] blocked using zen.spamhaus.org; from=<a@b.example>, to=<c@d.example>, proto=ESMTP, helo=<x>",
    );
    assert.ok(e && e.kind === "reject");
    assert.deepEqual(classifyReject(e.text, e.source, e.action), {
      category: "dnsbl",
      rule: "zen.spamhaus.org",
      key: "dnsbl\u0000zen.spamhaus.org",
    });
  });
  it("reads SASL failures, lost connections, TLS sessions and submission services", () => {
    const sasl = ev(
      "postfix/submission/smtpd[8]: warning: unknown[127.0.0.53]: SASL PLAIN authentication failed: (reason unavailable), sasl_username=x@lab.test",
    );
    assert.deepEqual(sasl, {
      kind: "sasl-fail",
      peer: { name: "unknown", ip: "127.0.0.53" },
      method: "PLAIN",
      user: "x@lab.test",
    });
    assert.deepEqual(ev("postfix/smtpd[8]: lost connection after CONNECT from unknown[127.0.0.55]"), {
      kind: "lost",
      what: "lost",
      stage: "CONNECT",
      service: "postfix/smtpd",
      peer: { name: "unknown", ip: "127.0.0.55" },
    });
    const tls = ev(
      "postfix/smtpd[8]: Anonymous TLS connection established from unknown[127.0.0.51]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519",
    );
    assert.ok(tls && tls.kind === "tls-in");
    assert.deepEqual(
      [tls.protocol, tls.cipher, tls.trust],
      ["TLSv1.3", "TLS_AES_256_GCM_SHA384", "Anonymous"],
    );
    const rcv = ev(
      "postfix/submissions/smtpd[9]: 69BAB168391: client=unknown[127.0.0.52], sasl_method=LOGIN, sasl_username=bob@lab.test",
    );
    assert.deepEqual(rcv, {
      kind: "received",
      qid: "69BAB168391",
      service: "postfix/submissions/smtpd",
      client: "unknown[127.0.0.52]",
      saslUser: "bob@lab.test",
      pid: 9,
    });
  });
  it("reads qmgr, pickup, postsuper and bounce lines", () => {
    assert.deepEqual(
      ev("postfix/qmgr[7]: 957311680A1: from=<sender@lab.test>, size=608, nrcpt=1 (queue active)"),
      { kind: "queued", qid: "957311680A1", sender: "sender@lab.test", size: 608, nrcpt: 1 },
    );
    assert.deepEqual(
      ev("postfix/qmgr[7]: 957311680A1: from=<a@b.example>, status=expired, returned to sender"),
      { kind: "expired", qid: "957311680A1", sender: "a@b.example" },
    );
    assert.deepEqual(ev("postfix/pickup[7]: 7F616168146: uid=0 from=<x@lab.test>"), {
      kind: "pickup",
      qid: "7F616168146",
      sender: "x@lab.test",
    });
    assert.deepEqual(ev("postfix/postsuper[2]: 2BEC11683A1: placed on hold"), {
      kind: "hold",
      qid: "2BEC11683A1",
      on: true,
    });
    assert.deepEqual(ev("postfix/bounce[3]: 866E2168147: sender non-delivery notification: 8C7C6168148"), {
      kind: "notification",
      qid: "866E2168147",
      newQid: "8C7C6168148",
      what: "sender non-delivery",
    });
    assert.deepEqual(ev("postfix/qmgr[7]: 3XyZ0b4NqcZ2x: removed"), {
      kind: "removed",
      qid: "3XyZ0b4NqcZ2x",
      by: "qmgr",
    });
  });
  it("keeps fatal errors as diagnostics and ignores other programs", () => {
    const f = classifyPostfix(
      line(
        "Dec  3 19:21:39 mail postfix/smtpd[8]: fatal: open /etc/postfix/main.cf: No such file or directory",
      ),
    );
    assert.deepEqual(f?.diagnostic, {
      level: "fatal",
      daemon: "smtpd",
      text: "open /etc/postfix/main.cf: No such file or directory",
    });
    assert.equal(classifyPostfix(line("Dec  3 19:21:39 mail dovecot: imap-login: Login")), undefined);
  });
  it("groups deferrals by cause", () => {
    assert.equal(
      classifyDeferral("4.4.1", "connect to dead.lab.test[127.0.0.99]:25: Connection refused"),
      "unreachable",
    );
    assert.equal(classifyDeferral("4.7.5", "Server certificate not verified"), "tls");
    assert.equal(classifyDeferral("4.4.3", "Host or domain name not found. Name service error"), "dns");
    assert.equal(
      classifyDeferral(
        "4.7.1",
        "host mx.example[192.0.2.1] said: 450 4.7.1 Greylisted (in reply to RCPT TO command)",
      ),
      "remote-temporary",
    );
  });
});

describe("open messages by queue id", () => {
  it("finds, closes and evicts messages, ids that differ in leading zeros apart", () => {
    const t = new MessageTracker(2);
    t.open("0A", 1).sender = "a";
    t.open("A", 2).sender = "b";
    assert.equal(t.get("0A")?.sender, "a");
    assert.equal(t.get("A")?.sender, "b");
    assert.equal(t.close("0A")?.sender, "a");
    assert.equal(t.get("0A"), undefined);
    t.open("4dXyZq1Abcz", 3);
    t.open("3dXyZq1Abcz", 4); // over capacity: "A", the oldest, is evicted
    assert.equal(t.get("A"), undefined);
    assert.equal(t.evicted, 1);
    assert.equal(t.get("4dXyZq1Abcz")?.firstSeen, 3);
    assert.deepEqual(
      t.snapshot().open.map((m) => m.qid),
      ["4dXyZq1Abcz", "3dXyZq1Abcz"],
    );
  });
});

describe("Exim main log", () => {
  it("reads stamps with fraction, zone and pid", () => {
    assert.deepEqual(parseEximStamp("2026-12-01 10:00:00.123 +0100 [4711] 1vAbCd-000001-AB Completed"), [
      Date.UTC(2026, 11, 1, 10, 0, 0) + 123,
      37,
    ]);
    assert.equal(parseEximStamp("Dec  3 19:21:39 mail x"), undefined);
    assert.equal(eximDuration("1h2m3s"), 3723);
  });
  it("turns arrivals, deliveries, deferrals and bounces into events", () => {
    const arrival = classifyExim(
      "1vAbCd-000001-AB <= alice@example.org H=mx.example.org [192.0.2.10] P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S=2048",
    );
    assert.deepEqual(
      arrival.map((e) => e.kind),
      ["received", "tls-in", "queued"],
    );
    const defer = classifyExim(
      "1vAbCf-000003-EF == erin@down.example R=dnslookup T=remote_smtp defer (111): Connection refused",
    );
    assert.ok(defer[0]?.kind === "delivery");
    assert.deepEqual(
      [defer[0].status, defer[0].reason, defer[0].relay],
      ["deferred", "Connection refused", "down.example"],
    );
    const rej = classifyExim(
      "H=(bot) [203.0.113.66] F=<spam@spam.example> rejected RCPT <x@example.org>: relay not permitted",
    );
    assert.ok(rej[0]?.kind === "reject");
    assert.deepEqual(
      [rej[0].peer?.ip, rej[0].from, rej[0].to, rej[0].text],
      ["203.0.113.66", "spam@spam.example", "x@example.org", "relay not permitted"],
    );
  });
});
