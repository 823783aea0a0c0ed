import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bimiDmarcShortfall, parseBimi } from "../../../src/standards/bimi.js";
import { audit, having, rr, summary } from "./fixtures.js";

describe("BIMI parsing", () => {
  it("accepts a full record", () => {
    const r = parseBimi("v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem");
    assert.deepEqual(r.problems, []);
    assert.equal(r.location, "https://example.com/logo.svg");
    assert.equal(r.declined, false);
  });

  it("recognises a declination", () => assert.equal(parseBimi("v=BIMI1; l=; a=;").declined, true));

  it("names every problem with its severity", () => {
    const got = (s: string) => parseBimi(s).problems.map((p) => `${p.code}/${p.severity}`);
    assert.deepEqual(got("v=BIMI1; l=http://example.com/logo.png"), [
      "location.not-https/error",
      "location.not-svg/warning",
      "authority.missing/warning",
    ]);
    assert.deepEqual(got("l=https://e.example/l.svg; v=BIMI1"), [
      "version/error",
      "authority.missing/warning",
    ]);
    assert.deepEqual(got("v=BIMI1; a=https://e.example/v.pem"), ["location.missing/error"]);
    assert.deepEqual(got("v=BIMI1; l=https://e.example/l.svg; a=http://e.example/v.pem"), [
      "authority.not-https/error",
    ]);
    assert.deepEqual(
      got("v=BIMI1; l=https://e.example/l.svg; l=https://e.example/m.svg; a=https://e.example/v.pem"),
      ["tag.duplicate/error"],
    );
  });

  it("requires DMARC enforcement at 100%", () => {
    assert.equal(bimiDmarcShortfall({ p: "reject", pct: 100 }), undefined);
    assert.equal(bimiDmarcShortfall({ p: "none", pct: 100 }), "p");
    assert.equal(bimiDmarcShortfall({ p: "quarantine", sp: "none", pct: 100 }), "sp");
    assert.equal(bimiDmarcShortfall({ p: "quarantine", pct: 50 }), "pct");
  });
});

describe("BIMI probe and checks", () => {
  const bimi = (v: string) => rr.txt("default._bimi.example.com", v);
  const dmarc = (v: string) => rr.txt("_dmarc.example.com", v);
  const good = "v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem";

  it("accepts a good record with DMARC at reject", async () => {
    const { findings } = await audit([rr.soa("example.com"), bimi(good), dmarc("v=DMARC1; p=reject")]);
    assert.deepEqual(summary(findings, "bimi"), ["bimi.ok ok default._bimi.example.com"]);
  });

  it("warns when DMARC does not enforce, with the values seen", async () => {
    const { findings } = await audit([
      rr.soa("example.com"),
      bimi(good),
      dmarc("v=DMARC1; p=quarantine; pct=50"),
    ]);
    const f = having(findings, "bimi.dmarc.not-enforced")[0];
    assert.equal(f?.severity, "warning");
    assert.deepEqual([f?.params.p, f?.params.pct, f?.params.shortfall], ["quarantine", 50, "pct"]);
  });

  it("makes BIMI without any DMARC record an error", async () => {
    const { findings } = await audit([rr.soa("example.com"), bimi(good)]);
    assert.equal(having(findings, "bimi.dmarc.missing")[0]?.severity, "error");
  });

  it("falls back to the organizational domain for both records", async () => {
    const records = [
      rr.soa("example.com"),
      rr.txt("default._bimi.example.com", good),
      dmarc("v=DMARC1; p=none"),
      rr.a("news.example.com", "8.8.4.4"),
    ];
    const { evidence, findings } = await audit(records, {}, "news.example.com");
    assert.deepEqual(
      evidence.bimi?.lookups.map((l) => l.name),
      ["default._bimi.news.example.com", "default._bimi.example.com"],
    );
    assert.deepEqual(
      evidence.bimi?.dmarc.map((l) => l.name),
      ["_dmarc.news.example.com", "_dmarc.example.com"],
    );
    assert.equal(having(findings, "bimi.dmarc.not-enforced")[0]?.params.record, "_dmarc.example.com");
  });

  it("reports a missing record as info and a declination as info, without DMARC demands", async () => {
    assert.deepEqual(summary((await audit([rr.soa("example.com")])).findings, "bimi"), [
      "bimi.missing info example.com",
    ]);
    assert.deepEqual(summary((await audit([rr.soa("example.com"), bimi("v=BIMI1; l=;")])).findings, "bimi"), [
      "bimi.declined info default._bimi.example.com",
    ]);
  });

  it("flags several records and a failed lookup distinctly", async () => {
    const two = await audit([
      rr.soa("example.com"),
      bimi(good),
      bimi("v=BIMI1; l=https://example.com/b.svg"),
    ]);
    assert.deepEqual(summary(two.findings, "bimi"), ["bimi.multiple error default._bimi.example.com"]);
    const failed = await audit([rr.soa("example.com")], {
      statuses: { "default._bimi.example.com TXT": "servfail" },
    });
    assert.deepEqual(summary(failed.findings, "bimi"), [
      "dns.lookup.failed warning default._bimi.example.com",
    ]);
  });
});
