import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { catalog } from "../../../src/i18n/index.js";
import { analyseLogs } from "../../../src/server-side/analyse-logs.js";
import { emptyLineCounts, LineSplitter } from "../../../src/server-side/log-input.js";
import { logFindings } from "../../../src/server-side/log-findings.js";
import { mxrayAsPflogsumm, parsePflogsummTotals } from "../../../src/server-side/pflogsumm-compat.js";

const FIX = "test/fixtures/inside";
const now = new Date("2026-12-03T21:00:00Z");
const tmp = mkdtempSync(join(tmpdir(), "mxray-logs-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe("corrupt input", () => {
  it("counts CRLF, binary, truncated, unrecognised and blank lines and skips the broken ones", async () => {
    const s = await analyseLogs([`${FIX}/corrupt.log`], { now });
    assert.deepEqual(s.lines, {
      total: 16,
      postfix: 6,
      exim: 0,
      otherPrograms: 1,
      blank: 2,
      crlf: 2,
      binary: 4,
      truncated: 2,
      overlong: 0,
      unrecognized: 1,
      outOfRange: 0,
    });
    // the CRLF lines and the last line without a newline are still read
    assert.equal(s.totals.received, 1);
    assert.equal(s.totals.delivered, 1);
    assert.equal(s.totals.bytesDelivered, 1000);
    assert.equal(s.totals.rejectWarnings, 1, "cleanup's header WARN with a Latin-1 byte is kept");
    assert.equal(s.messages.completed, 1);
    const ids = logFindings(s, "corrupt.log").map((f) => `${f.id}:${f.severity}`);
    assert.ok(ids.includes("logs.input.skipped:warning"));
  });
  it("skips an overlong line with bounded memory and reads the next one", async () => {
    const p = join(tmp, "long.log");
    writeFileSync(
      p,
      `${"Dec  3 19:21:39 mail postfix/smtpd[1]: warning: " + "x".repeat(200_000)}\nDec  3 19:21:40 mail postfix/pickup[2]: ABCDEF1234: uid=0 from=<a@b.example>\n`,
    );
    const s = await analyseLogs([p], { now });
    assert.equal(s.lines.overlong, 1);
    assert.equal(s.lines.postfix, 1);
    assert.equal(s.totals.received, 1);
  });
  it("splits lines the same whatever the chunk boundaries", () => {
    const text = readFileSync(`${FIX}/corrupt.log`);
    const whole = emptyLineCounts();
    const a: string[] = [];
    const s1 = new LineSplitter(whole, (l) => a.push(...l));
    s1.push(text);
    s1.end();
    const bytewise = emptyLineCounts();
    const b: string[] = [];
    const s2 = new LineSplitter(bytewise, (l) => b.push(...l));
    for (let i = 0; i < text.length; i++) s2.push(text.subarray(i, i + 1));
    s2.end();
    assert.deepEqual(b, a);
    assert.deepEqual(bytewise, whole);
  });
});

describe("Exim main log", () => {
  it("gives exact totals for the hand-written fixture", async () => {
    const s = await analyseLogs([`${FIX}/exim-main.log`], { now });
    assert.equal(s.format, "exim");
    assert.equal(s.lines.exim, 22);
    const t = s.totals;
    assert.deepEqual(
      [
        t.received,
        t.delivered,
        t.deferred,
        t.deferrals,
        t.bounced,
        t.rejected,
        t.bytesReceived,
        t.bytesDelivered,
        t.placedOnHold,
      ],
      [3, 2, 1, 2, 1, 2, 4448, 4096, 1],
    );
    assert.deepEqual(
      s.rejects.map((r) => [r.category, r.rule]),
      [
        ["dnsbl", "zen.spamhaus.org"],
        ["relay-denied", "relay_from_hosts / relay_to_domains"],
      ],
    );
    assert.deepEqual(
      s.sasl.byClient.map((c) => [c.client, c.count]),
      [
        ["unknown[203.0.113.70]", 5],
        ["unknown[203.0.113.71]", 1],
      ],
    );
    assert.equal(s.connections.scanLike, 1);
    assert.equal(s.connections.tlsFailures.length, 1);
    assert.deepEqual(
      s.deferrals.byHost.map((d) => [d.host, d.category, d.count]),
      [["down.example", "unreachable", 2]],
    );
    assert.deepEqual(s.delays[0] && [s.delays[0].relay, s.delays[0].count, s.delays[0].p50], [
      "mx.example.net[198.51.100.20]",
      2,
      1,
    ]);
    const ids = logFindings(s, "exim").map((f) => f.id);
    assert.ok(
      ids.includes("logs.sasl.brute-force") &&
        ids.includes("logs.reject.dnsbl") &&
        ids.includes("logs.deferral.unreachable"),
    );
  });
});

describe("the real lab log (test/fixtures/inside/lab-traffic.log, written by test/lab/traffic.sh)", () => {
  it("gives exact totals and groups", async () => {
    const s = await analyseLogs([`${FIX}/lab-traffic.log`], { now });
    const t = s.totals;
    assert.deepEqual(
      {
        received: t.received,
        delivered: t.delivered,
        deferred: t.deferred,
        deferrals: t.deferrals,
        bounced: t.bounced,
        rejected: t.rejected,
        placedOnHold: t.placedOnHold,
        removedByAdmin: t.removedByAdmin,
        bytesReceived: t.bytesReceived,
        bytesDelivered: t.bytesDelivered,
      },
      {
        received: 10,
        delivered: 7,
        deferred: 3,
        deferrals: 3,
        bounced: 2,
        rejected: 5,
        placedOnHold: 1,
        removedByAdmin: 2,
        bytesReceived: 5339,
        bytesDelivered: 7289,
      },
    );
    assert.deepEqual(
      Object.fromEntries(Object.entries(s.receivedByService).map(([k, v]) => [k, v.messages])),
      { "postfix/submission/smtpd": 4, "postfix/smtpd": 3, pickup: 2, "postfix/submissions/smtpd": 1 },
    );
    assert.deepEqual(s.rejects.map((r) => r.category).sort(), [
      "helo",
      "recipient-rejected",
      "relay-denied",
      "unknown-recipient",
      "unknown-sender-domain",
    ]);
    assert.deepEqual(
      s.deferrals.byDsn.map((d) => [d.dsn, d.category, d.count]),
      [
        ["4.4.1", "unreachable", 2],
        ["4.7.5", "tls", 1],
      ],
    );
    assert.deepEqual(
      s.sasl.byClient.map((c) => [c.client, c.count]),
      [
        ["unknown[127.0.0.53]", 5],
        ["unknown[127.0.0.54]", 1],
      ],
    );
    assert.equal(s.connections.scanLike, 3);
    assert.deepEqual([s.tls.receivedOverTls, s.tls.receivedPlaintext, s.tls.inbound.tlsSessions], [7, 1, 14]);
    assert.equal(s.messages.open, 1);
    assert.equal(s.messages.held.length, 1);
    const ids = logFindings(s, "lab").map((f) => `${f.id}:${f.severity}`);
    for (const id of [
      "logs.sasl.brute-force:warning",
      "logs.connection.scan:info",
      "logs.reject.relay-denied:info",
      "logs.deferral.tls:warning",
      "logs.held:info",
    ])
      assert.ok(ids.includes(id), id);
  });
  it("follows each message by queue id from arrival to removal (--messages)", async () => {
    const s = await analyseLogs([`${FIX}/lab-traffic.log`], { now, traces: 5 });
    assert.equal(s.traces?.length, 5, "a ring of the last 5 finished messages");
    const all = await analyseLogs([`${FIX}/lab-traffic.log`], { now, traces: 100 });
    const traces = all.traces ?? [];
    assert.equal(traces.length, 11, "every removed message (qmgr or postsuper)");
    const bounced = traces.find((m) => m.via === "pickup" && m.attempts[0]?.status === "bounced");
    assert.deepEqual(
      bounced && [bounced.sender, bounced.size > 0, bounced.attempts[0]?.to, bounced.attempts[0]?.dsn],
      ["x@lab.test", true, "nobody@lab.test", "5.1.1"],
    );
    const notice = traces.find((m) => m.via === `sender non-delivery of ${bounced?.qid}`);
    assert.deepEqual(
      notice?.attempts.map((a) => `${a.to} ${a.status}`),
      ["x@lab.test sent"],
    );
    const deferred = traces.filter((m) => m.attempts.some((a) => a.status === "deferred"));
    assert.deepEqual(
      deferred.map((m) => [m.via, m.tls, m.attempts[0]?.dsn]),
      [
        ["postfix/submission/smtpd", true, "4.4.1"],
        ["postfix/submission/smtpd", true, "4.7.5"],
      ],
    );
    assert.equal(s.totals.received, all.totals.received, "tracing changes no count");
  });
  it("agrees with pflogsumm's grand totals", async (t) => {
    const pf = spawnSync("pflogsumm", [`${FIX}/lab-traffic.log`], { encoding: "utf8" });
    if (pf.error) return t.skip("pflogsumm is not installed");
    const s = await analyseLogs([`${FIX}/lab-traffic.log`], { now });
    const theirs = parsePflogsummTotals(pf.stdout);
    const mine = mxrayAsPflogsumm(s);
    for (const [k, v] of Object.entries(mine)) if (theirs[k] !== undefined) assert.equal(v, theirs[k], k);
    assert.equal(theirs.received, "9", "pflogsumm misses the message received on postfix/submissions/smtpd");
  });
});

describe("postscreen, timeouts, fatal errors and slow relays", () => {
  it("are counted and judged", async () => {
    const p = join(tmp, "screen.log");
    const L = (t: string, m: string) => `2026-12-02T${t}+01:00 mx ${m}`;
    const lines = [
      L("10:00:00", "postfix/postscreen[10]: CONNECT from [192.0.2.7]:4000 to [198.51.100.1]:25"),
      L("10:00:00", "postfix/postscreen[10]: PREGREET 11 after 0.1 from [192.0.2.7]:4000: EHLO x\\r\\n"),
      L("10:00:01", "postfix/dnsblog[11]: addr 192.0.2.7 listed by domain zen.spamhaus.org as 127.0.0.2"),
      L("10:00:01", "postfix/postscreen[10]: DNSBL rank 3 for [192.0.2.7]:4000"),
      L(
        "10:00:01",
        "postfix/postscreen[10]: NOQUEUE: reject: RCPT from [192.0.2.7]:4000: 550 5.7.1 Service unavailable; client [192.0.2.7] blocked using zen.spamhaus.org; from=<a@b.example>, to=<c@d.example>, proto=ESMTP, helo=<x>",
      ),
      L("10:00:02", "postfix/postscreen[10]: CONNECT from [192.0.2.8]:4001 to [198.51.100.1]:25"),
      L("10:00:02", "postfix/postscreen[10]: PASS NEW [192.0.2.8]:4001"),
      L("10:00:03", "postfix/smtpd[12]: connect from mail.example.net[192.0.2.8]"),
      L("10:00:33", "postfix/smtpd[12]: timeout after DATA from mail.example.net[192.0.2.8]"),
      L(
        "10:00:33",
        "postfix/smtpd[12]: disconnect from mail.example.net[192.0.2.8] ehlo=1 mail=1 rcpt=1 data=0/1 commands=3/4",
      ),
      L(
        "10:01:00",
        "postfix/smtpd[13]: fatal: open database /etc/postfix/virtual.db: No such file or directory",
      ),
      L("10:01:00", "postfix/master[1]: warning: process /usr/lib/postfix/sbin/smtpd pid 13 exit status 1"),
      L(
        "10:01:00",
        "postfix/master[1]: warning: /usr/lib/postfix/sbin/smtpd: bad command startup -- throttling",
      ),
      ...[1, 2, 3].map((i) =>
        L(
          `10:0${i}:00`,
          `postfix/smtp[20]: ABCDEF12${i}0: to=<u${i}@slow.example>, relay=mx.slow.example[203.0.113.9]:25, delay=${i * 600}, delays=0/0/1/1, dsn=2.0.0, status=sent (250 ok)`,
        ),
      ),
    ];
    writeFileSync(p, lines.join("\n") + "\n");
    const s = await analyseLogs([p], { now });
    assert.deepEqual(s.postscreen.events.map((e) => `${e.key} ${e.count}`).sort(), [
      "CONNECT 2",
      "DNSBL rank 1",
      "PASS NEW 1",
      "PREGREET 1",
    ]);
    assert.deepEqual(s.postscreen.dnsblHits, [{ key: "zen.spamhaus.org", count: 1 }]);
    assert.deepEqual(
      s.rejects.map((r) => [r.category, r.rule, r.count]),
      [["dnsbl", "zen.spamhaus.org", 1]],
    );
    assert.deepEqual(s.connections.timeouts, [{ key: "DATA", count: 1 }]);
    assert.deepEqual(
      s.errors.map((e) => [e.level, e.daemon]),
      [["fatal", "smtpd"]],
    );
    assert.deepEqual(
      s.delays.map((d) => [d.relay, d.p50, d.p90, d.max]),
      [["mx.slow.example[203.0.113.9]:25", 1200, 1800, 1800]],
    );
    assert.deepEqual(
      s.perHour.filter((h) => h.delivered).map((h) => [h.hour, h.delivered]),
      [[10, 3]],
    );
    const ids = logFindings(s, "screen").map((f) => `${f.id}:${f.severity}`);
    for (const id of [
      "logs.postscreen.activity:info",
      "logs.reject.dnsbl:info",
      "logs.connection.timeout:warning",
      "logs.diagnostic.fatal:error",
      "logs.master.throttling:error",
      "logs.delay.slow:warning",
    ])
      assert.ok(ids.includes(id), id);
  });
});

describe("inputs", () => {
  it("merges a rotated .gz and the current file in time order, and reads stdin", async () => {
    const lines = readFileSync(`${FIX}/lab-traffic.log`, "utf8").trimEnd().split("\n");
    const half = Math.floor(lines.length / 2);
    const old = join(tmp, "mail.log.1.gz");
    const cur = join(tmp, "mail.log");
    writeFileSync(old, gzipSync(lines.slice(0, half).join("\n") + "\n"));
    writeFileSync(cur, lines.slice(half).join("\n") + "\n");
    const whole = await analyseLogs([`${FIX}/lab-traffic.log`], { now });
    // given newest first: the merge still orders by time
    const merged = await analyseLogs([cur, old], { now });
    assert.deepEqual(merged.totals, whole.totals);
    const piped = await analyseLogs(
      ["-"],
      { now },
      Readable.from([gzipSync(readFileSync(`${FIX}/lab-traffic.log`))]),
    );
    assert.deepEqual(piped.totals, whole.totals);
  });
  it("keeps only the lines inside --since/--until", async () => {
    const s = await analyseLogs([`${FIX}/exim-main.log`], {
      now,
      since: Date.UTC(2026, 11, 1, 10, 5, 0),
      until: Date.UTC(2026, 11, 1, 10, 12, 0),
    });
    assert.equal(s.lines.outOfRange, 16);
    assert.equal(s.totals.received, 2);
    assert.equal(s.totals.rejected, 1);
  });
  it("refuses an unreadable file with a UsageError", async () => {
    await assert.rejects(analyseLogs([join(tmp, "missing.log")], { now }), { name: "UsageError" });
  });
});

describe("log finding texts", () => {
  it("exist in both languages for every group the summariser can produce", () => {
    const cats = [
      "relay-denied",
      "unknown-recipient",
      "unknown-sender-domain",
      "unknown-recipient-domain",
      "dnsbl",
      "spf",
      "helo",
      "client-rdns",
      "non-fqdn",
      "pipelining",
      "size",
      "greylist",
      "access",
      "content",
      "milter",
      "recipient-rejected",
      "sender-rejected",
      "other",
    ];
    const defers = ["unreachable", "timeout", "tls", "dns", "remote-temporary", "mailbox", "local", "other"];
    const ids = [
      ...cats.map((c) => `logs.reject.${c}`),
      ...defers.map((d) => `logs.deferral.${d}`),
      "logs.diagnostic.fatal",
      "logs.diagnostic.panic",
      "logs.diagnostic.error",
    ];
    for (const id of ids) assert.ok(catalog[id]?.en.summary && catalog[id]?.["zh-CN"].summary, id);
  });
});
