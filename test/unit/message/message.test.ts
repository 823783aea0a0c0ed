import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseAllDocuments } from "yaml";
import { catalog } from "../../../src/i18n/index.js";
import type { MessageEvidence } from "../../../src/message/analyze.js";
import { parseAuthResults } from "../../../src/message/auth-results.js";
import { checkMessage } from "../../../src/message/index.js";
import type { RawMessage } from "../../../src/message/read.js";
import { renderAuthentication, renderTimeline } from "../../../src/message/render.js";
import { DNS_ERROR_CODES, recordingResolver } from "../../../src/message/resolver.js";
import { renderJson } from "../../../src/report/json.js";
import { renderReport } from "../../../src/report/terminal.js";
import { a, assertTextsComplete, context, keyRecord, memoryDns, rsaKey, sign, txt } from "./helpers.js";

const raw = (text: string | Buffer, source = "test.eml"): RawMessage => {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return { bytes, source, size: bytes.length, truncated: false };
};

const rsa = rsaKey(2048);
const zone = [
  keyRecord("s1", "example.com", rsa),
  txt("example.com", "v=spf1 ip4:203.0.113.0/24 -all"),
  txt("bounce.example.com", "v=spf1 ip4:203.0.113.0/24 -all"),
  txt("_dmarc.example.com", "v=DMARC1; p=reject; adkim=r; aspf=r"),
];

async function deliveredMessage(): Promise<string> {
  const original = [
    "From: Alice <a@example.com>",
    "To: b@example.net",
    "Subject: newsletter",
    "Date: Thu, 03 Dec 2026 10:59:00 +0000",
    "Message-ID: <n1@example.com>",
    "List-Id: news.example.com",
    "List-Unsubscribe: <https://example.com/u/1>, <mailto:u@example.com>",
    "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    "",
    "Hello.",
    "",
  ].join("\r\n");
  const signed = await sign(original, {
    domain: "example.com",
    selector: "s1",
    key: rsa,
    headerList: ["from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post"],
  });
  const trace = [
    "Return-Path: <a@bounce.example.com>",
    "Received: from mx.example.net (mx.example.net [10.0.0.5]) by store.example.net (Dovecot) with LMTP id z; Thu, 03 Dec 2026 11:59:00 +0000",
    "Authentication-Results: mx.example.net; dkim=fail header.d=example.com header.s=s1; spf=pass smtp.mailfrom=a@bounce.example.com; dmarc=pass header.from=example.com",
    "X-Spam-Status: Yes, score=6.3 required=5.0 tests=BAYES_99=3.5,DKIM_SIGNED=0.1,\r\n\tRDNS_NONE=1.3 autolearn=no version=3.4.6",
    "Received: from out.example.com (out.example.com [203.0.113.5])\r\n\t(using TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits))\r\n\tby mx.example.net (Postfix) with ESMTPS id Q1 for <b@example.net>; Thu, 03 Dec 2026 12:05:00 +0000",
    "Received: from [192.168.1.20] (unknown [192.168.1.20]) by out.example.com (Postfix) with ESMTPSA id P1; Thu, 03 Dec 2026 10:59:05 +0000",
  ].join("\r\n");
  return `${trace}\r\n${signed}`;
}

describe("mxray message on a delivered message", () => {
  it("tells the whole story: hops, delays, skew, DKIM, SPF, DMARC, recorded results, spam and list headers", async () => {
    const report = await checkMessage(raw(await deliveredMessage()), context(memoryDns(zone)));
    const ev = report.data as MessageEvidence;
    assert.equal(ev.received.total, 3);
    assert.equal(ev.received.firstExternal, 1);
    assert.equal(ev.received.hops[1]?.from?.ip, "203.0.113.5");
    assert.equal(ev.spf?.ip, "203.0.113.5");
    assert.equal(ev.spf?.sender, "a@bounce.example.com");
    assert.equal(ev.spf?.result.result, "pass");
    assert.equal(ev.dkim?.[0]?.result, "pass");
    assert.equal(ev.dmarc?.result, "pass");
    assert.equal(ev.dmarc?.spf.aligned, true, "relaxed SPF alignment of bounce.example.com");
    assert.equal(ev.dmarc?.dkim[0]?.aligned, true);
    const ids = report.findings.map((f) => f.id);
    for (const id of [
      "message.received.summary",
      "message.received.delay.long",
      "message.received.clock-skew",
      "message.received.first-external",
      "message.dkim.pass",
      "message.spf.pass",
      "message.dmarc.pass",
      "message.auth-results.differs",
      "message.auth-results.agree",
      "message.spam.flagged",
      "message.list.one-click",
      "message.return-path.same-org",
    ])
      assert.ok(ids.includes(id), `missing ${id} in ${ids.join(", ")}`);
    const long = report.findings.find((f) => f.id === "message.received.delay.long");
    assert.equal(long?.params.hop, 2);
    assert.equal(long?.params.delay, "1h 05m");
    const skew = report.findings.find((f) => f.id === "message.received.clock-skew");
    assert.equal(skew?.severity, "warning");
    assert.equal(skew?.params.seconds, -360);
    const differs = report.findings.find((f) => f.id === "message.auth-results.differs");
    assert.deepEqual(
      [differs?.params.method, differs?.params.theirs, differs?.params.ours],
      ["dkim", "fail", "pass"],
    );
    assert.deepEqual(
      ev.spam?.tests.map((t) => `${t.name}=${t.score}`),
      ["BAYES_99=3.5", "DKIM_SIGNED=0.1", "RDNS_NONE=1.3"],
    );
    assertTextsComplete(report);
  });

  it("flags a plaintext entry hop, a late first hop, an unreadable hop, a hop from the future, and no trace at all", async () => {
    const msg = [
      "Received: from relay.example.org (relay.example.org [198.51.100.7]) by mx.example.net with ESMTP id A; Thu, 03 Dec 2026 14:00:00 +0000",
      "Received: something unreadable",
      "Received: from [10.1.1.1] by relay.example.org with ESMTP id B; Thu, 03 Dec 2026 11:00:00 +0000",
      "From: a@example.com",
      "Date: Thu, 03 Dec 2026 09:00:00 +0000",
      "",
      "x",
    ].join("\r\n");
    const report = await checkMessage(raw(msg), context(memoryDns([])));
    const byId = (id: string) => report.findings.find((f) => f.id === id);
    assert.equal(byId("message.received.plaintext")?.params.ip, "198.51.100.7");
    assert.equal(byId("message.received.delay.submission")?.params.delay, "2h 00m");
    assert.equal(byId("message.received.unparseable")?.params.hop, 2);
    assert.equal(byId("message.received.future")?.params.hop, 3);
    assertTextsComplete(report);
    const none = await checkMessage(
      raw("From: a@example.com\r\nSubject: draft\r\n\r\nx\r\n"),
      context(memoryDns([])),
    );
    assert.ok(none.findings.some((f) => f.id === "message.received.none"));
    assert.ok(none.findings.some((f) => f.id === "message.spf.no-client"));
  });

  it("trusts only the final receiver's Authentication-Results (RFC 8601 §5)", async () => {
    const msg = (await deliveredMessage()).replace(
      "Authentication-Results: mx.example.net;",
      "Authentication-Results: mx.forger.example;",
    );
    const report = await checkMessage(raw(msg), context(memoryDns(zone)));
    const foreign = report.findings.find((f) => f.id === "message.auth-results.differs-foreign");
    assert.equal(foreign?.severity, "info");
    assert.equal(foreign?.params.authserv, "mx.forger.example");
    assert.ok(!report.findings.some((f) => f.id === "message.auth-results.differs"));
    assertTextsComplete(report);
  });

  it("draws the timeline to scale and escapes hostile header text", async () => {
    const hostile = (await deliveredMessage()).replace(
      "out.example.com (out.example.com",
      "out\u001b[31m.example.com (out.example.com",
    );
    const report = await checkMessage(raw(hostile), context(memoryDns(zone)));
    const ev = report.data as MessageEvidence;
    const lines = renderTimeline(ev, "en", false);
    const text = lines.join("\n");
    assert.ok(!text.includes("\u001b"), "raw ESC reached the terminal");
    assert.match(text, /\\x1b\[31m/);
    // the 1h05m hop gets the full bar, the 5s hop a sliver
    const full = lines.find((l) => l.includes("+1h 05m"));
    assert.match(full ?? "", /█{28}/);
    const small = lines.find((l) => l.includes("+5s"));
    assert.match(small ?? "", /\s▏\s/);
    assert.match(renderAuthentication(ev, "zh-CN", false).join("\n"), /认证/);
    const terminal = renderReport(report, { lang: "zh-CN", color: false }, lines);
    assert.match(terminal, /DMARC/);
    const json = JSON.parse(renderJson(report, "en")) as {
      findings: { id: string; summary: string }[];
      data: MessageEvidence;
    };
    assert.equal(json.data.received.hops.length, 3);
    assert.ok(json.findings.every((f) => typeof f.summary === "string" && f.summary.length > 0));
  });

  it("reports DMARC fail with the policy that would apply when nothing aligns", async () => {
    const msg = (await deliveredMessage())
      .replace(/^Return-Path: .*$/m, "Return-Path: <x@other.example>")
      .replace("c=relaxed/relaxed; d=example.com", "c=relaxed/relaxed; d=example.org");
    const report = await checkMessage(
      raw(msg),
      context(memoryDns([...zone, txt("other.example", "v=spf1 -all")])),
    );
    const ev = report.data as MessageEvidence;
    assert.equal(ev.spf?.result.result, "fail");
    assert.equal(ev.dmarc?.result, "fail");
    assert.equal(ev.dmarc?.applied, "reject");
    const f = report.findings.find((x) => x.id === "message.dmarc.fail");
    assert.equal(f?.severity, "error");
    assertTextsComplete(report);
  });

  it("applies sp= to an existing subdomain and np= to a non-existent one (RFC 9091)", async () => {
    const records = [
      ...zone.filter((r) => r.name !== "_dmarc.example.com"),
      txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=quarantine; np=none"),
      a("news.example.com", "192.0.2.1"),
    ];
    const base = (await deliveredMessage())
      .replace("c=relaxed/relaxed; d=example.com", "c=relaxed/relaxed; d=example.org")
      .replace(/^Return-Path: .*$/m, "Return-Path: <>");
    const existing = await checkMessage(
      raw(base.replace("a@example.com", "a@news.example.com")),
      context(memoryDns(records)),
    );
    const e1 = (existing.data as MessageEvidence).dmarc;
    assert.deepEqual(
      [e1?.result, e1?.recordName, e1?.requested, e1?.nonExistent],
      ["fail", "_dmarc.example.com", "quarantine", undefined],
    );
    const ghost = await checkMessage(
      raw(base.replace("a@example.com", "a@ghost.example.com")),
      context(memoryDns(records)),
    );
    const e2 = (ghost.data as MessageEvidence).dmarc;
    assert.deepEqual(
      [e2?.result, e2?.requested, e2?.nonExistent, e2?.applied],
      ["fail", "none", true, "none"],
    );
    assert.ok(ghost.findings.some((f) => f.id === "message.dmarc.fail-none" && f.severity === "warning"));
    assert.ok(existing.findings.some((f) => f.id === "message.dmarc.fail" && f.severity === "error"));
    assertTextsComplete(ghost);
  });

  it("keeps a DMARC lookup failure apart from a missing record", async () => {
    const msg = await deliveredMessage();
    const failing = await checkMessage(
      raw(msg),
      context(memoryDns(zone, { statuses: { "_dmarc.example.com TXT": "servfail" } })),
    );
    assert.equal((failing.data as MessageEvidence).dmarc?.result, "temperror");
    assert.ok(failing.findings.some((f) => f.id === "message.dmarc.temperror"));
    const missing = await checkMessage(
      raw(msg),
      context(memoryDns(zone.filter((r) => r.name !== "_dmarc.example.com"))),
    );
    assert.equal((missing.data as MessageEvidence).dmarc?.result, "none");
    assert.ok(missing.findings.some((f) => f.id === "message.dmarc.none"));
  });

  it("uses --ip, --helo and --sender over the Received chain", async () => {
    const report = await checkMessage(raw(await deliveredMessage()), context(memoryDns(zone)), {
      ip: "198.51.100.1",
      helo: "x.example",
      sender: "a@example.com",
    });
    const ev = report.data as MessageEvidence;
    assert.deepEqual(
      [ev.spf?.ip, ev.spf?.helo, ev.spf?.sender, ev.spf?.source.ip],
      ["198.51.100.1", "x.example", "a@example.com", "flag"],
    );
    assert.equal(ev.spf?.result.result, "fail");
  });
});

describe("Authentication-Results parsing (RFC 8601)", () => {
  it("reads methods, results, reasons, properties and comments", () => {
    const ar = parseAuthResults(
      'mx.google.com;\r\n dkim=pass (2048-bit key) header.i=@example.com header.s=s1 header.b=AbCd;\r\n spf=softfail (google.com: domain of transitioning a@b.example) smtp.mailfrom=a@b.example;\r\n dmarc=fail reason="no aligned identifier" (p=REJECT) header.from=example.com',
    );
    assert.equal(ar.authservId, "mx.google.com");
    assert.deepEqual(
      ar.results.map((r) => `${r.method}=${r.result}`),
      ["dkim=pass", "spf=softfail", "dmarc=fail"],
    );
    assert.deepEqual(ar.results[0]?.props, {
      "header.i": "@example.com",
      "header.s": "s1",
      "header.b": "AbCd",
    });
    assert.deepEqual(ar.results[0]?.comments, ["2048-bit key"]);
    assert.equal(ar.results[2]?.reason, "no aligned identifier");
  });

  it("reads the instance of an ARC-Authentication-Results and the `none` form", () => {
    const aar = parseAuthResults(
      "i=2; lists.example.org; arc=pass; spf=pass smtp.mailfrom=x@y.example",
      "ARC-Authentication-Results",
    );
    assert.equal(aar.instance, 2);
    assert.equal(aar.authservId, "lists.example.org");
    assert.deepEqual(parseAuthResults("mx.example.org 1; none").results, []);
  });
});

describe("mailauth's resolver over mxray's DNS client", () => {
  it("maps every DNS status to the node:dns code mailauth expects", () => {
    assert.deepEqual(DNS_ERROR_CODES, {
      nxdomain: "ENOTFOUND",
      nodata: "ENODATA",
      timeout: "ETIMEOUT",
      servfail: "ESERVFAIL",
      refused: "EREFUSED",
      malformed: "EBADRESP",
      error: "ESERVFAIL",
    });
  });

  it("answers TXT as string lists, throws coded errors, asks each question once and keeps the answers", async () => {
    const dns = memoryDns(
      [
        txt("a.example", "v=spf1 -all"),
        { type: "MX", name: "a.example", ttl: 60, preference: 10, exchange: "mx.a.example" },
      ],
      {
        statuses: { "bad.example": "servfail", "slow.example": "timeout" },
      },
    );
    const r = recordingResolver(dns);
    assert.deepEqual(await r.resolve("a.example", "TXT"), [["v=spf1 -all"]]);
    assert.deepEqual(await r.resolve("a.example", "MX"), [{ exchange: "mx.a.example", priority: 10 }]);
    for (const [name, code] of [
      ["nx.example", "ENOTFOUND"],
      ["a.example", "ENODATA"],
      ["bad.example", "ESERVFAIL"],
      ["slow.example", "ETIMEOUT"],
    ] as const) {
      await assert.rejects(
        r.resolve(name, name === "a.example" ? "AAAA" : "TXT"),
        (err: Error & { code?: string }) => err.code === code,
      );
    }
    await r.resolve("a.example", "TXT");
    assert.equal(dns.stats.queries, 6);
    assert.equal(r.answers.length, 6);
  });
});

describe("the message catalog", () => {
  it("has texts for every finding id built at run time (DKIM result.reason, SPF results, skipped checks)", () => {
    const source = readFileSync(new URL("../../../src/message/dkim.ts", import.meta.url), "utf8");
    const dkim = [...source.matchAll(/set\("(\w+)", "([\w-]+)"/g)]
      .map((m) =>
        m[1] === "pass"
          ? "message.dkim.pass"
          : m[1] === "temperror"
            ? "message.dkim.temperror"
            : `message.dkim.${m[1]}.${m[2]}`,
      )
      .concat("message.dkim.neutral.not-checked");
    assert.ok(dkim.length >= 12, `only ${dkim.length} DKIM outcomes found in dkim.ts`);
    const spf = [
      "pass",
      "fail",
      "softfail",
      "neutral",
      "none",
      "permerror",
      "temperror",
      "no-client",
      "bad-ip",
      "submission",
      "error",
    ].map((r) => `message.spf.${r}`);
    const skipped = ["truncated", "headers", "error"].map((k) => `message.dkim.not-checked.${k}`);
    for (const id of [...dkim, ...spf, ...skipped]) assert.ok(catalog[id], `no catalog entry for ${id}`);
  });
});

describe("ARC in the report", () => {
  it("lists the chain instance by instance with cv values and compares what the sealers recorded", async () => {
    const text = readFileSync(
      new URL("../../fixtures/message/arc/arc-draft-validation-tests.yml", import.meta.url),
      "utf8",
    );
    const doc = parseAllDocuments(text, { uniqueKeys: false })[0];
    const suite =
      doc && "toJS" in doc
        ? (doc.toJS() as {
            tests: Record<string, { message: string }>;
            "txt-records": Record<string, string>;
          })
        : undefined;
    const message = suite?.tests.cv_pass_i2_1?.message ?? "";
    const records = Object.entries(suite?.["txt-records"] ?? {}).map(([name, value]) => txt(name, value));
    const report = await checkMessage(raw(message), context(memoryDns(records)));
    const ev = report.data as MessageEvidence;
    assert.equal(ev.arc?.result, "pass");
    assert.deepEqual(
      ev.arc?.instances.map((i) => [i.i, i.cv, i.seal?.domain, i.sealVerified]),
      [
        [1, "none", "example.org", true],
        [2, "pass", "example.org", true],
      ],
    );
    const pass = report.findings.find((f) => f.id === "message.arc.pass");
    assert.equal(pass?.params.instances, 2);
    assert.match(pass?.evidence[0]?.lines[1] ?? "", /^i=2 cv=pass seal d=example\.org/);
    assert.ok(
      report.findings.some((f) => f.id === "message.auth-results.arc-differs" && f.severity === "info"),
    );
    const broken = await checkMessage(
      raw(message.replace("This is a test message", "This is a changed message")),
      context(memoryDns(records)),
    );
    assert.equal((broken.data as MessageEvidence).arc?.result, "fail");
    assert.ok(broken.findings.some((f) => f.id === "message.arc.fail"));
    assertTextsComplete(report);
    assertTextsComplete(broken);
  });
});
