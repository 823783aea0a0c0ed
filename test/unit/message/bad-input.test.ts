import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { describe, it } from "node:test";
import type { MessageEvidence } from "../../../src/message/analyze.js";
import { MAX_HOPS } from "../../../src/message/analyze.js";
import { MAX_HEADER_BYTES } from "../../../src/message/headers.js";
import { checkMessage } from "../../../src/message/index.js";
import { readStream, toCrlf, type RawMessage } from "../../../src/message/read.js";
import { assertTextsComplete, context, keyRecord, memoryDns, plainMessage, rsaKey, sign } from "./helpers.js";

const raw = (bytes: Buffer): RawMessage => ({
  bytes,
  source: "bad.eml",
  size: bytes.length,
  truncated: false,
});
const dns = () => memoryDns([]);
const ids = (r: { findings: { id: string }[] }) => r.findings.map((f) => f.id);

/** Deterministic pseudo-random bytes (a linear congruential generator), so the test is reproducible. */
function garbage(n: number, seed = 42): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

describe("mxray message on bad input", () => {
  it("says a message has no headers (empty file, a body only)", async () => {
    for (const text of [
      "",
      "\r\nHey gang,\r\nThis is a test message.\r\n",
      "Hey gang,\nThis is a test message.\n",
    ]) {
      const report = await checkMessage(raw(Buffer.from(text)), { ...context(dns()) });
      assert.ok(
        ids(report).includes("message.headers.none"),
        `${JSON.stringify(text)}: ${ids(report).join(", ")}`,
      );
      assert.ok(!ids(report).includes("message.dkim.none"), "no DKIM verdict on a non-message");
      assertTextsComplete(report);
    }
  });

  it("reads 8-bit garbage as what it is, with findings and no crash", async () => {
    const report = await checkMessage(raw(garbage(200_000)), context(dns()));
    const ev = report.data as MessageEvidence;
    assert.equal(ev.headers.eightBit, "invalid");
    assert.ok(
      ids(report).includes("message.headers.none") || ids(report).includes("message.headers.malformed"),
    );
    assertTextsComplete(report);
    const mixed = Buffer.concat([
      Buffer.from("From: a@example.com\r\nSubject: caf\xe9 \x00\x1b[2J\r\n", "latin1"),
      Buffer.from("\r\nbody\r\n"),
    ]);
    const r2 = await checkMessage(raw(mixed), context(dns()));
    assert.ok(ids(r2).includes("message.headers.eight-bit"));
    assert.ok(ids(r2).includes("message.headers.control-chars"));
  });

  it("repairs a fold broken mid-word, says where, and still reads the hop", async () => {
    const msg = [
      "Received: from a.example (a.example [192.0.2.1]) by b.exa",
      "mple.net with ESMTP id 1; Tue, 3 Jan 2017 12:22:54 +0000",
      "From: a@example.com",
      "Subject: x",
      "",
      "body",
    ].join("\r\n");
    const report = await checkMessage(raw(Buffer.from(msg)), context(dns()));
    const ev = report.data as MessageEvidence;
    assert.equal(ev.received.hops[0]?.by, "b.example.net");
    assert.equal(ev.received.hops[0]?.time, Date.UTC(2017, 0, 3, 12, 22, 54));
    const f = report.findings.find((x) => x.id === "message.headers.broken-fold");
    assert.deepEqual([f?.params.field, f?.params.line], ["Received", 2]);
    assertTextsComplete(report);
  });

  it("caps the hops analysed at MAX_HOPS when there are thousands of Received fields", async () => {
    const hop = (i: number) =>
      `Received: from h${i}.example (h${i}.example [192.0.2.${i % 250}]) by h${i + 1}.example with ESMTP id ${i}; Tue, 3 Jan 2017 12:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")} +0000`;
    const fields = Array.from({ length: 5000 }, (_, i) => hop(5000 - i));
    const msg = `${fields.join("\r\n")}\r\nFrom: a@example.com\r\n\r\nbody\r\n`;
    const report = await checkMessage(raw(Buffer.from(msg)), context(dns()));
    const ev = report.data as MessageEvidence;
    assert.equal(ev.received.total, 5000);
    assert.equal(ev.received.hops.length, MAX_HOPS);
    const f = report.findings.find((x) => x.id === "message.received.too-many");
    assert.deepEqual([f?.params.count, f?.params.cap], [5000, MAX_HOPS]);
  });

  it("gives up on a header section that never ends, at MAX_HEADER_BYTES", async () => {
    const line = "X-Filler: " + "a".repeat(990) + "\r\n";
    const msg = Buffer.from(line.repeat(Math.ceil((MAX_HEADER_BYTES + 10_000) / line.length)));
    const report = await checkMessage(raw(msg), context(dns()));
    assert.ok(ids(report).includes("message.headers.oversized"));
    assert.equal((report.data as MessageEvidence).dkimSkipped, "headers");
  });

  it("keeps a signature with an absurd h= (20000 names) away from the verifier and reports it", async () => {
    const key = rsaKey(2048);
    const signed = await sign(plainMessage(), { domain: "example.com", selector: "s1", key });
    const absurd = signed.replace(
      /h=[^;]+;/,
      `h=${Array.from({ length: 20000 }, (_, i) => `x-h${i}`).join(":")}:from;`,
    );
    const many = Array.from({ length: 3000 }, (_, i) => `X-H${i}: v`).join("\r\n");
    const report = await checkMessage(
      raw(Buffer.from(`${many}\r\n${absurd}`)),
      context(memoryDns([keyRecord("s1", "example.com", key)])),
    );
    const ev = report.data as MessageEvidence;
    assert.equal(ev.dkim?.[0]?.result, "permerror");
    assert.match(ev.dkim?.[0]?.detail ?? "", /^h= 20001 header names/);
    assert.match(ev.dkimNote ?? "", /not given to the verifier/);
  });

  it("verifies DKIM over a 50 MB body (the body hash fails: the body was appended after signing)", async () => {
    const key = rsaKey(2048);
    const signed = await sign(plainMessage(), { domain: "example.com", selector: "s1", key });
    const big = Buffer.concat([
      Buffer.from(signed),
      Buffer.alloc(
        50 * 1024 * 1024,
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456\n",
      ),
    ]);
    const report = await checkMessage(raw(big), context(memoryDns([keyRecord("s1", "example.com", key)])));
    const ev = report.data as MessageEvidence;
    assert.equal(ev.dkim?.[0]?.result, "fail");
    assert.equal(ev.dkim?.[0]?.reason, "body-hash");
  });

  it("reads at most the cap from a stream and skips DKIM on the truncated message", async () => {
    const cap = 1024 * 1024;
    const stream = Readable.from(
      (function* () {
        yield Buffer.from(plainMessage());
        for (let i = 0; i < 40; i++) yield Buffer.alloc(64 * 1024, "x");
      })(),
    );
    const input = await readStream(stream, "-", cap);
    assert.equal(input.truncated, true);
    assert.equal(input.bytes.length, cap);
    const report = await checkMessage(input, context(dns()));
    assert.ok(ids(report).includes("message.input.truncated"));
    assert.ok(ids(report).includes("message.dkim.not-checked.truncated"));
    assertTextsComplete(report);
  });

  it("looks up an internationalised From domain in its ASCII form (RFC 6532 headers)", async () => {
    const msg = Buffer.from("From: Jürgen <j@bücher.example>\r\nSubject: x\r\n\r\nbody\r\n", "utf8");
    const report = await checkMessage(raw(msg), context(memoryDns([])));
    const ev = report.data as MessageEvidence;
    assert.equal(ev.headers.eightBit, "utf8");
    assert.equal(ev.identities.fromDomain, "xn--bcher-kva.example");
    assert.equal(ev.dmarc?.fromDomain, "xn--bcher-kva.example");
    assert.ok(!ids(report).includes("message.headers.eight-bit"), "valid UTF-8 is not flagged");
  });

  it("converts bare LF to CRLF exactly once", () => {
    assert.equal(toCrlf(Buffer.from("a\nb\r\nc\n\n")).toString(), "a\r\nb\r\nc\r\n\r\n");
    const same = Buffer.from("a\r\nb\r\n");
    assert.equal(toCrlf(same), same);
  });
});
