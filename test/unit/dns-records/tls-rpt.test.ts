import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isTlsRptRecord, parseTlsRpt } from "../../../src/standards/tls-rpt.js";
import { audit, having, rr, summary } from "./fixtures.js";

describe("TLS-RPT parsing (RFC 8460 §3)", () => {
  it("reads rua URIs of both schemes, extensions and a trailing delimiter", () => {
    const r = parseTlsRpt("v=TLSRPTv1; rua=mailto:tls@example.com, https://r.example.net/tls; ext_1=x;");
    assert.equal(r.valid, true);
    assert.deepEqual(
      r.rua.map((u) => [u.scheme, u.destination]),
      [
        ["mailto", "tls@example.com"],
        ["https", "r.example.net"],
      ],
    );
    assert.deepEqual(r.extensions, { ext_1: "x" });
  });

  it("names each error", () => {
    const codes = (s: string) => parseTlsRpt(s).errors.map((e) => e.code);
    assert.deepEqual(codes("v=TLSRPTv1; rua=ftp://x"), ["uri.scheme"]);
    assert.deepEqual(codes("v=TLSRPTv1; rua=mailto:not-an-address"), ["uri.invalid"]);
    assert.deepEqual(codes("v=TLSRPTv1; rua=https://"), ["uri.invalid"]);
    assert.deepEqual(codes("v=TLSRPTv1"), ["rua.missing"]);
    assert.deepEqual(codes("v=TLSRPTv1; rua=mailto:a@b.example; rua=mailto:c@b.example"), ["rua.duplicate"]);
    assert.deepEqual(codes("v=TLSRPTv1; rua=mailto:a@b.example; bad field"), ["field.syntax"]);
  });

  it("selects records the way senders do: exact v=TLSRPTv1 then ';'", () => {
    assert.equal(isTlsRptRecord("v=TLSRPTv1; rua=mailto:a@b.example"), true);
    assert.equal(isTlsRptRecord("v=TLSRPTv1 rua=mailto:a@b.example"), false);
    assert.equal(isTlsRptRecord("v=tlsrptv1; rua=mailto:a@b.example"), false);
  });
});

describe("TLS-RPT probe and checks", () => {
  const name = "_smtp._tls.example.com";
  const run = (...txt: string[][]) => audit([rr.soa("example.com"), ...txt.map((t) => rr.txt(name, ...t))]);

  it("accepts one valid record and lists its destinations", async () => {
    const { findings } = await run(["v=TLSRPTv1; ", "rua=mailto:tls@example.com"]);
    assert.deepEqual(summary(findings, "tls-rpt"), [`tlsrpt.ok ok ${name}`]);
    assert.equal(having(findings, "tlsrpt.ok")[0]?.params.rua, "mailto:tls@example.com");
  });

  it("reports a missing record as info and ignores unrelated TXT", async () => {
    assert.deepEqual(summary((await audit([rr.soa("example.com")])).findings, "tls-rpt"), [
      `tlsrpt.missing info ${name}`,
    ]);
    assert.deepEqual(summary((await run(["google-site-verification=x"])).findings, "tls-rpt"), [
      `tlsrpt.missing info ${name}`,
    ]);
  });

  it("makes several records an error (senders then assume no TLS-RPT)", async () => {
    const { findings } = await run(
      ["v=TLSRPTv1; rua=mailto:a@example.com"],
      ["v=TLSRPTv1; rua=https://r.example.com/"],
    );
    assert.deepEqual(summary(findings, "tls-rpt"), [`tlsrpt.multiple error ${name}`]);
  });

  it("explains a near miss that senders discard", async () => {
    const { findings } = await run(["v=TLSRPTv1 rua=mailto:a@example.com"]);
    assert.deepEqual(summary(findings, "tls-rpt"), [`tlsrpt.syntax error ${name}`]);
  });

  it("flags a bad destination scheme", async () => {
    const { findings } = await run(["v=TLSRPTv1; rua=ftp://reports.example.com/"]);
    assert.deepEqual(summary(findings, "tls-rpt"), [`tlsrpt.rua.scheme error ${name}`]);
    assert.equal(having(findings, "tlsrpt.rua.scheme")[0]?.params.text, "ftp://reports.example.com/");
  });

  it("keeps a failed lookup apart from a missing record", async () => {
    const { findings } = await audit([rr.soa("example.com")], { statuses: { [`${name} TXT`]: "timeout" } });
    assert.deepEqual(summary(findings, "tls-rpt"), [`dns.lookup.failed warning ${name}`]);
  });
});
