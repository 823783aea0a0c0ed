import assert from "node:assert/strict";
import { test } from "node:test";
import { parseTagList, stripWhitespace, tagMap } from "../../../src/standards/tag-list.js";

test("a tag-list gives names, trimmed values and positions", () => {
  const r = parseTagList("v=DMARC1;  p = reject ; rua=mailto:a@b.example;");
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.tags.map((t) => [t.name, t.value, t.position]),
    [
      ["v", "DMARC1", 0],
      ["p", "reject", 11],
      ["rua", "mailto:a@b.example", 24],
    ],
  );
});

test("inner folding whitespace stays in a value and can be stripped", () => {
  const r = parseTagList("p=MIIB IjAN\tBgkq");
  assert.equal(r.tags[0]?.value, "MIIB IjAN\tBgkq");
  assert.equal(stripWhitespace(r.tags[0]?.value ?? ""), "MIIBIjANBgkq");
});

test("grammar deviations are reported with their positions", () => {
  const r = parseTagList("v=DMARC1;; p reject; 1x=2; rua=ma\u00a0ilto:x; v=again");
  assert.deepEqual(
    r.problems.map((p) => [p.kind, p.position]),
    [
      ["empty-tag", 9],
      ["missing-equals", 11],
      ["bad-name", 21],
      ["bad-value-char", 33],
      ["duplicate", 42],
    ],
  );
  assert.equal(r.problems[3]?.tag, "rua");
  assert.equal(tagMap(r.tags).get("v")?.value, "DMARC1", "the first occurrence wins in tagMap");
});

test("a trailing semicolon with spaces is allowed, an empty record has no tags", () => {
  assert.deepEqual(parseTagList("v=DKIM1; p=abc;  ").problems, []);
  assert.deepEqual(parseTagList(""), { tags: [], problems: [] });
});

test("only SP, HTAB, CR and LF are folding whitespace: a trailing no-break space is a bad character", () => {
  const r = parseTagList("v=DMARC1; p=reject\u00a0");
  assert.deepEqual(r.problems, [{ kind: "bad-value-char", position: 18, tag: "p", text: "\u00a0" }]);
  assert.equal(r.tags[1]?.value, "reject\u00a0");
});
