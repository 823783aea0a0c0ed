import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encode } from "dns-packet";
import { queryName } from "../../../src/net/dns/names.js";
import { canonicalName, characterStrings, fromWire, toWire } from "../../../src/net/dns/records.js";
import { checkStructure } from "../../../src/net/dns/wire-check.js";
import { zoneRecords } from "./fixtures.js";

const header = (qd: number, an: number) => {
  const h = Buffer.alloc(12);
  h.writeUInt16BE(7, 0);
  h.writeUInt16BE(0x8180, 2);
  h.writeUInt16BE(qd, 4);
  h.writeUInt16BE(an, 6);
  return h;
};
const question = Buffer.from([1, 0x61, 4, 0x74, 0x65, 0x73, 0x74, 0, 0, 1, 0, 1]); // a.test A IN
const rrTail = Buffer.from([0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]);

describe("checkStructure", () => {
  it("accepts what dns-packet encodes", () => {
    const wire = encode({
      type: "response",
      id: 1,
      questions: [{ type: "A", name: "a.test" }],
      answers: zoneRecords.filter((r) => r.type !== "SPF").map(toWire),
    });
    assert.equal(checkStructure(wire), undefined);
  });
  it("rejects a pointer chain that turns back on itself (two pointers)", () => {
    // Answer name at offset 24: label "b", then a pointer to 28, where a pointer goes back to 24.
    const rr = Buffer.concat([Buffer.from([1, 0x62, 0xc0, 28, 0xc0, 24]), rrTail]);
    const msg = Buffer.concat([header(1, 1), question, rr]);
    assert.match(checkStructure(msg) ?? "", /does not point backwards/);
  });
  it("rejects reserved label types, over-long names, counts beyond the data", () => {
    const badLabel = Buffer.concat([header(1, 0), Buffer.from([0x41, 0, 0, 1, 0, 1])]);
    assert.match(checkStructure(badLabel) ?? "", /unknown label type 0x41/);
    const long = Buffer.concat([
      header(1, 0),
      ...Array.from({ length: 5 }, () => Buffer.from([63, ...Buffer.alloc(63, 0x61)])),
      Buffer.from([0, 0, 1, 0, 1]),
    ]);
    assert.match(checkStructure(long) ?? "", /longer than 255/);
    const missing = Buffer.concat([header(1, 3), question, Buffer.from([0xc0, 12]), rrTail]);
    assert.match(checkStructure(missing) ?? "", /answer record 2/);
  });
  it("rejects a TXT character-string longer than its RDATA", () => {
    const rr = Buffer.from([0xc0, 12, 0, 16, 0, 1, 0, 0, 0, 60, 0, 3, 5, 0x68, 0x69]);
    assert.match(
      checkStructure(Buffer.concat([header(1, 1), question, rr])) ?? "",
      /character-string of 5 bytes/,
    );
  });
});

describe("names and records", () => {
  it("queryName converts IDN, lower-cases, keeps underscores, refuses impossible names", () => {
    assert.deepEqual(queryName("_DMARC.Bücher.Example."), { name: "_dmarc.xn--bcher-kva.example" });
    assert.deepEqual(queryName("."), { name: "" });
    assert.ok("error" in queryName("a..b"));
    assert.ok("error" in queryName(`${"a".repeat(63)}.`.repeat(4) + "test"));
  });
  it("canonicalName lower-cases, drops the trailing dot, and writes the root as ''", () => {
    assert.equal(canonicalName("Mail.Example.TEST."), "mail.example.test");
    assert.equal(canonicalName("."), "");
  });
  it("characterStrings splits RDATA and survives a length running past the end", () => {
    assert.deepEqual(characterStrings(Buffer.from([2, 0x68, 0x69, 0, 1, 0x21])), ["hi", "", "!"]);
    assert.deepEqual(characterStrings(Buffer.from([9, 0x68])), ["h"]);
  });
  it("toWire splits a string longer than 255 bytes and fromWire reads it back", () => {
    const long = "x".repeat(600);
    const wire = toWire({ type: "TXT", name: "t.test", ttl: 1, strings: [long] });
    const back = fromWire(wire);
    assert.ok(back?.type === "TXT");
    assert.deepEqual(
      back.strings.map((s) => s.length),
      [255, 255, 90],
    );
  });
  it("fromWire leaves out types mxray does not model", () => {
    assert.equal(fromWire({ type: "NULL", name: "x.test", ttl: 1, data: Buffer.alloc(1) }), undefined);
  });
});
