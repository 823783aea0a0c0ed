import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, describe, it } from "node:test";
import { buildLog } from "../../../bench/replay-log.js";
import { catalog } from "../../../src/i18n/index.js";
import {
  analyseLogs,
  LogAnalyser,
  readLines,
  type LogAnalysisOptions,
} from "../../../src/server-side/analyse-logs.js";
import { logFindings } from "../../../src/server-side/log-findings.js";
import { emptyLineCounts } from "../../../src/server-side/log-input.js";
import {
  LogSummarizer,
  MAX_BOUNDARY_EVENTS,
  type LogSummary,
} from "../../../src/server-side/postfix-log/summary.js";
import { partsFor, splitPoints } from "../../../src/server-side/split-log.js";

const FIX = "test/fixtures/inside";
const now = new Date("2026-12-03T21:00:00Z");
const tmp = mkdtempSync(join(tmpdir(), "mxray-split-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** The summary of one pass and of `jobs` parts read by threads, without the split record. */
async function bothWays(
  path: string,
  jobs: number,
  extra: Partial<LogAnalysisOptions> = {},
): Promise<{ one: LogSummary; split: LogSummary }> {
  const one = await analyseLogs([path], { now, jobs: 1, ...extra });
  const split = await analyseLogs([path], { now, jobs, partMinBytes: 1, ...extra });
  return { one, split };
}

function withoutSplit(s: LogSummary): LogSummary {
  const { split: _split, ...rest } = s;
  return rest;
}

// about 2 MB of the lab's real Postfix log, replayed with fresh queue ids, then the corrupt fixture
const replayed = join(tmp, "replayed.log");
buildLog(replayed, readFileSync(`${FIX}/lab-traffic.log`, "utf8"), 2 << 20);
appendFileSync(replayed, readFileSync(`${FIX}/corrupt.log`));

describe("a log split across threads", () => {
  it("gives the one-pass summary, whatever the number of parts", async () => {
    let boundary = 0;
    for (const jobs of [2, 3, 5, 8]) {
      const { one, split } = await bothWays(replayed, jobs);
      assert.ok(one.totals.received > 1000, "the replayed log is large enough to split");
      assert.equal(split.split?.parts, jobs, `${jobs} parts`);
      assert.equal(split.split?.approximated, 0);
      boundary += split.split?.boundaryEvents ?? 0;
      assert.deepEqual(withoutSplit(split), one, `${jobs} parts`);
    }
    assert.ok(boundary > 0, "some messages or sessions crossed a part boundary and were replayed");
  });

  it("keeps the last N message traces and the time filter as one pass does", async () => {
    const { one, split } = await bothWays(replayed, 4, {
      traces: 30,
      since: Date.UTC(now.getUTCFullYear(), 0, 2, 1, 0, 0),
    });
    assert.equal(one.traces?.length, 30);
    assert.ok(one.lines.outOfRange > 0);
    assert.deepEqual(withoutSplit(split), one);
  });

  it("replays a message and a TLS session that cross the boundary against the earlier part", async () => {
    const p = join(tmp, "cross.log");
    const first = [
      "Dec  3 10:00:00 mail postfix/smtpd[7]: connect from client.example[192.0.2.7]",
      "Dec  3 10:00:00 mail postfix/smtpd[7]: Anonymous TLS connection established from client.example[192.0.2.7]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
      "Dec  3 10:00:01 mail postfix/smtpd[8]: connect from other.example[192.0.2.8]",
      "Dec  3 10:00:01 mail postfix/smtpd[8]: 3F1A21645EE: client=other.example[192.0.2.8]",
    ];
    const second = [
      "Dec  3 10:00:02 mail postfix/smtpd[7]: 4B2C31645EF: client=client.example[192.0.2.7]",
      "Dec  3 10:00:02 mail postfix/qmgr[9]: 3F1A21645EE: from=<a@other.example>, size=1234, nrcpt=1 (queue active)",
      "Dec  3 10:00:02 mail postfix/qmgr[9]: 4B2C31645EF: from=<b@client.example>, size=999, nrcpt=1 (queue active)",
      "Dec  3 10:00:03 mail postfix/smtp[10]: 3F1A21645EE: to=<x@dest.example>, relay=mx.dest.example[198.51.100.1]:25, delay=2, delays=1/0/0.5/0.5, dsn=4.4.1, status=deferred (connect to mx.dest.example[198.51.100.1]:25: Connection refused)",
      "Dec  3 10:00:04 mail postfix/virtual[11]: 4B2C31645EF: to=<y@lab.example>, relay=virtual, delay=2, delays=2/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)",
      "Dec  3 10:00:04 mail postfix/qmgr[9]: 4B2C31645EF: removed",
      "Dec  3 10:00:05 mail postfix/smtpd[7]: disconnect from client.example[192.0.2.7] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7",
    ];
    writeFileSync(p, `${first.join("\n")}\n${second.join("\n")}\n`);
    const one = await analyseLogs([p], { now, jobs: 1 });
    // the two parts as split reading makes them, the later one's state through a structured clone
    const earlier = new LogAnalyser({ now });
    await readLines(earlier, Readable.from([`${first.join("\n")}\n`]), {});
    const later = new LogAnalyser({ now, laterPart: true });
    await readLines(later, Readable.from([`${second.join("\n")}\n`]), {});
    earlier.absorb(structuredClone(later.snapshot()));
    const split = earlier.summary();
    // every line of `second` belongs to a message or session the first part began
    assert.equal(split.split?.boundaryEvents, second.length);
    assert.deepEqual(withoutSplit(split), one);
    assert.equal(one.tls.receivedOverTls, 1, "the session's TLS handshake was in the first part");
    assert.equal(one.totals.deferred, 1);
    assert.equal(one.totals.bytesDelivered, 999);
    assert.equal(one.totals.bytesReceived, 1234 + 999);
    assert.equal(one.messages.open, 1);
  });
});

describe("a split reading that had to approximate", () => {
  it("sets aside at most MAX_BOUNDARY_EVENTS and counts the rest as approximated", () => {
    const later = new LogSummarizer({ laterPart: true });
    const delivery = {
      kind: "delivery",
      qid: "ABCDEF1234",
      to: "x@dest.example",
      origTo: "",
      relay: "virtual",
      delay: 0,
      dsn: "2.0.0",
      status: "sent",
      reason: "delivered to maildir",
      agent: "virtual",
    } as const;
    const n = MAX_BOUNDARY_EVENTS + 5;
    for (let i = 0; i < n; i++) later.event(1_000, delivery);
    const snap = later.snapshot();
    assert.equal(snap.boundary.length, MAX_BOUNDARY_EVENTS);
    assert.equal(snap.split.approximated, 5);
    const earlier = new LogSummarizer();
    earlier.absorb(structuredClone(snap));
    const s = earlier.finish(emptyLineCounts(), "postfix");
    assert.equal(s.totals.delivered, n, "every delivery is counted once");
    assert.deepEqual(s.split, { parts: 2, boundaryEvents: MAX_BOUNDARY_EVENTS, approximated: 5 });
  });

  it("says so in a finding, in both languages", async () => {
    const s = await analyseLogs([replayed], { now, jobs: 1 });
    const ids = (x: LogSummary) => logFindings(x, "replayed.log").map((f) => f.id);
    assert.ok(!ids(s).includes("logs.split.approximated"));
    const approximated = { ...s, split: { parts: 2, boundaryEvents: 200_000, approximated: 12 } };
    const f = logFindings(approximated, "replayed.log").find((x) => x.id === "logs.split.approximated");
    assert.equal(f?.severity, "info");
    assert.deepEqual(f?.params, { count: 12, parts: 2, limit: 200_000 });
    const text = catalog["logs.split.approximated"];
    assert.ok(text?.en.summary.includes("{count}") && text["zh-CN"].summary.includes("{count}"));
  });
});

describe("where a log is split", () => {
  it("cuts only at line starts and merges parts a long line would leave empty", () => {
    const p = join(tmp, "long-line.log");
    writeFileSync(p, `short\n${"x".repeat(10_000)}\nend\n`);
    const points = splitPoints(p, 8);
    assert.deepEqual(points, [0, 10_007, 10_011], "8 parts asked, 2 possible");
    assert.deepEqual(splitPoints(p, 2000), [0, 6, 10_007, 10_011]);
  });

  it("reads stdin, gzip, small and missing files in one pass", () => {
    assert.equal(partsFor("-", 8), 1);
    assert.equal(partsFor(replayed, 1, 1), 1);
    assert.equal(partsFor(replayed, 4, 1), 4);
    assert.equal(partsFor(replayed, 4), 1, "2 MB is below the default part size");
    assert.equal(partsFor(join(tmp, "missing.log"), 4, 1), 1);
    assert.equal(partsFor(tmp, 4, 1), 1, "a directory");
    const gz = join(tmp, "x.log");
    writeFileSync(gz, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]));
    assert.equal(partsFor(gz, 4, 1), 1);
  });
});
