import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { detectQueueFormat, postfixDuration, summariseQueue } from "../../../src/server-side/queue.js";
import { queueFindings } from "../../../src/server-side/queue-findings.js";

const FIX = "test/fixtures/inside";
const text = (f: string) => readFileSync(`${FIX}/${f}`, "utf8");

describe("queue listings", () => {
  it("recognise their format", () => {
    assert.equal(detectQueueFormat(text("postqueue-j.txt")), "postqueue-json");
    assert.equal(detectQueueFormat(text("postqueue-p.txt")), "postqueue-text");
    assert.equal(detectQueueFormat(text("exim-bp.txt")), "exim-bp");
    assert.equal(detectQueueFormat("Mail queue is empty\n"), "empty");
  });
  it("summarise postqueue -p by queue, age, reason and domain", () => {
    const s = summariseQueue(text("postqueue-p.txt"), "p", new Date(2026, 11, 3, 20, 44, 28), 5 * 86400);
    assert.deepEqual(s.byQueue, { hold: 1, active: 1, deferred: 1 });
    assert.equal(s.total, 3);
    assert.equal(s.bytes, 628 + 1200 + 634);
    assert.deepEqual(
      s.ages.map((a) => a.count),
      [0, 1, 1, 0, 1, 0],
    );
    assert.deepEqual(s.oldest, {
      id: "0269116829E",
      ageSeconds: 2 * 86400 + 70 * 60 - 10,
      queue: "deferred",
    });
    assert.deepEqual(
      s.reasons.map((r) => [r.count, r.category]),
      [
        [3, "unreachable"],
        [1, "tls"],
      ],
    );
    assert.deepEqual(
      s.domains.map((d) => [d.domain, d.count]),
      [
        ["down.lab.test", 3],
        ["example.net", 1],
        ["expired.lab.test", 1],
      ],
    );
  });
  it("give the same summary from postqueue -j, and count lines they do not understand", () => {
    const j = summariseQueue(text("postqueue-j.txt"), "j", new Date((1796327068 + 3600) * 1000), 5 * 86400);
    const p = summariseQueue(text("postqueue-p.txt"), "p", new Date(2026, 11, 3, 20, 44, 28), 5 * 86400);
    assert.deepEqual(
      [j.byQueue, j.ages, j.reasons, j.domains, j.oldest],
      [p.byQueue, p.ages, p.reasons, p.domains, p.oldest],
    );
    assert.equal(j.unparsed, 1);
    assert.ok(queueFindings(j, "j").some((f) => f.id === "queue.input.unparsed"));
  });
  it("read exim -bp, frozen messages as held", () => {
    const s = summariseQueue(text("exim-bp.txt"), "e", new Date(), 5 * 86400);
    assert.deepEqual(s.byQueue, { deferred: 1, hold: 1 });
    assert.deepEqual(
      s.domains.map((d) => d.domain),
      ["example.net", "example.org"],
    );
    assert.equal(s.size.max, Math.round(2.9 * 1024));
  });
});

describe("queue findings", () => {
  it("warn at the count threshold and error at the critical one", () => {
    const one =
      '{"queue_name":"deferred","queue_id":"AAAAAAAAAA","arrival_time":1796327068,"message_size":1,"sender":"a@b.example","recipients":[{"address":"c@d.example","delay_reason":"connect to mx.d.example[192.0.2.1]:25: Connection timed out"}]}';
    const at = (n: number) =>
      summariseQueue(Array(n).fill(one).join("\n"), "t", new Date(1796327068000), 5 * 86400);
    const sev = (n: number) =>
      queueFindings(at(n), "t", { warnCount: 500, critCount: 5000, lifetimeShare: 0.8 }).find(
        (f) => f.id === "queue.count.high",
      )?.severity;
    assert.equal(sev(499), undefined);
    assert.equal(sev(500), "warning");
    assert.equal(sev(5000), "error");
  });
  it("warn when the oldest message nears maximal_queue_lifetime, but not for held mail", () => {
    const s = summariseQueue(
      text("postqueue-p.txt"),
      "p",
      new Date(2026, 11, 3, 20, 44, 28),
      postfixDuration("2d"),
    );
    const f = queueFindings(s, "p").find((x) => x.id === "queue.oldest.near-lifetime");
    assert.equal(f?.params.id, "0269116829E");
    assert.equal(f?.params.percent, 102);
    const held = summariseQueue(
      text("postqueue-p.txt").split("\n\n")[0] as string,
      "p",
      new Date(2026, 11, 9),
      postfixDuration("1h"),
    );
    assert.equal(
      queueFindings(held, "p").some((x) => x.id === "queue.oldest.near-lifetime"),
      false,
    );
    assert.ok(queueFindings(held, "p").some((x) => x.id === "queue.hold"));
  });
  it("report an empty queue as ok", () => {
    const s = summariseQueue("Mail queue is empty\n", "p", new Date(), 432000);
    assert.deepEqual(
      queueFindings(s, "p").map((f) => `${f.id}:${f.severity}`),
      ["queue.empty:ok"],
    );
  });
});
