import assert from "node:assert/strict";
import { test } from "node:test";
import {
  isMtaStsRecord,
  isValidMxPattern,
  matchingMxPattern,
  mxMatchesPattern,
  parseMtaStsPolicy,
  parseMtaStsRecord,
} from "../../../src/standards/mta-sts.js";

test("the _mta-sts TXT record: v=STSv1 first, id of 1-32 alphanumerics", () => {
  assert.equal(isMtaStsRecord("v=STSv1; id=20160831085700Z;"), true);
  assert.equal(isMtaStsRecord("v=stsv1; id=1"), false);
  assert.equal(isMtaStsRecord(" v=STSv1; id=1"), false);
  assert.deepEqual(parseMtaStsRecord("v=STSv1; id=20160831085700Z;"), {
    raw: "v=STSv1; id=20160831085700Z;",
    id: "20160831085700Z",
    extensions: {},
    problems: [],
  });
  assert.deepEqual(parseMtaStsRecord("v=STSv1; id=not_valid!").problems, [
    { kind: "bad-id", value: "not_valid!" },
  ]);
  assert.deepEqual(parseMtaStsRecord("v=STSv1; id=" + "a".repeat(33)).problems, [
    { kind: "bad-id", value: "a".repeat(33) },
  ]);
  assert.deepEqual(parseMtaStsRecord("v=STSv1").problems, [{ kind: "missing-id" }]);
  assert.deepEqual(parseMtaStsRecord("v=STSv1; id=1; id=2").problems, [{ kind: "duplicate", tag: "id" }]);
  assert.deepEqual(parseMtaStsRecord("v=STSv1; id=1; ext=x").extensions, { ext: "x" });
});

test("the lab policy parses (LF line endings)", () => {
  const p = parseMtaStsPolicy("version: STSv1\nmode: enforce\nmx: mail.lab.test\nmax_age: 86400\n");
  assert.deepEqual(p, {
    version: "STSv1",
    mode: "enforce",
    maxAge: 86400,
    mx: ["mail.lab.test"],
    lineEndings: "lf",
    problems: [],
  });
});

test("CRLF, several mx lines, trailing spaces, wildcard patterns", () => {
  const p = parseMtaStsPolicy(
    "version: STSv1\r\nmode: testing  \r\nmx: MX1.Example.com.\r\nmx: *.example.net\r\nmax_age: 31557600",
  );
  assert.deepEqual(p.problems, []);
  assert.deepEqual(p.mx, ["mx1.example.com", "*.example.net"]);
  assert.equal(p.lineEndings, "crlf");
  assert.equal(p.mode, "testing");
});

test("every field is validated, with line numbers", () => {
  const p = parseMtaStsPolicy(
    [
      "version: STSv2",
      "mode: Enforce",
      "max_age: 31557601",
      "mx: mail.*.example.com",
      "mx: *.com",
      "Mode: enforce",
      "max-age: 5",
      "garbage line",
      "version: STSv1",
    ].join("\n"),
  );
  assert.deepEqual(p.problems, [
    { kind: "bad-version", line: 1, value: "STSv2" },
    { kind: "bad-mode", line: 2, value: "Enforce" },
    { kind: "bad-max-age", line: 3, value: "31557601" },
    { kind: "bad-mx", line: 4, value: "mail.*.example.com" },
    { kind: "bad-mx", line: 5, value: "*.com" },
    { kind: "unknown-field", line: 6, field: "Mode" },
    { kind: "unknown-field", line: 7, field: "max-age" },
    { kind: "syntax", line: 8, text: "garbage line" },
    { kind: "duplicate", line: 9, field: "version" },
  ]);
});

test("missing fields; mx is optional only in mode none", () => {
  assert.deepEqual(
    parseMtaStsPolicy("mode: enforce\n").problems.map((p) => (p.kind === "missing-field" ? p.field : p.kind)),
    ["version", "max_age", "mx"],
  );
  assert.deepEqual(parseMtaStsPolicy("version: STSv1\nmode: none\nmax_age: 0\n").problems, []);
  assert.deepEqual(parseMtaStsPolicy("").problems.length, 4);
});

test("an HTML page is rejected line by line, not crashed on", () => {
  const p = parseMtaStsPolicy("<html>\n<body>Not found</body>\n</html>\n");
  assert.equal(p.problems.filter((x) => x.kind === "syntax").length, 3);
});

test("mx matching: exact names, one-label wildcards, case and trailing dots", () => {
  assert.equal(mxMatchesPattern("mail.lab.test", "mail.lab.test"), true);
  assert.equal(mxMatchesPattern("MAIL.lab.test.", "mail.lab.test"), true);
  assert.equal(mxMatchesPattern("mx2.lab.test", "mail.lab.test"), false);
  assert.equal(mxMatchesPattern("mx1.example.com", "*.example.com"), true);
  assert.equal(mxMatchesPattern("example.com", "*.example.com"), false);
  assert.equal(mxMatchesPattern("a.mx1.example.com", "*.example.com"), false);
  assert.equal(matchingMxPattern("mx2.example.net", ["mail.lab.test", "*.example.net"]), "*.example.net");
  assert.equal(matchingMxPattern("mx2.lab.test", ["mail.lab.test"]), undefined);
  assert.equal(isValidMxPattern("*.example.com"), true);
  assert.equal(isValidMxPattern("*"), false);
  assert.equal(isValidMxPattern("-bad.example"), false);
});

test("a byte order mark is reported and stripped before parsing", () => {
  const p = parseMtaStsPolicy("\ufeffversion: STSv1\nmode: testing\nmx: a.example\nmax_age: 604800\n");
  assert.deepEqual(p.problems, [{ kind: "bom" }]);
  assert.equal(p.version, "STSv1");
});
