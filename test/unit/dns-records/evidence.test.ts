import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runChecks } from "../../../src/core/check.js";
import type { Evidence } from "../../../src/core/evidence.js";
import { dnsRecordsChecks } from "../../../src/checks/dns-records.js";
import { audit, goodDomain, rr } from "./fixtures.js";

describe("saved evidence", () => {
  it("re-judges to the same findings after a JSON round trip (mxray report)", async () => {
    const records = [
      ...goodDomain(),
      rr.a("10.8.4.8.bl.example.net", "127.0.0.2"),
      rr.a("2.0.0.127.bl.example.net", "127.0.0.2"),
    ];
    const { evidence, findings } = await audit(records, { authenticated: ["example.com"] }, "example.com", {
      dnsbls: ["bl.example.net"],
    });
    const saved = JSON.parse(JSON.stringify(evidence)) as Evidence;
    assert.deepEqual(runChecks(dnsRecordsChecks, saved), findings);
    assert.ok(findings.length > 10);
  });

  it("judges nothing for areas that were not probed", () => {
    const bare: Evidence = {
      schema: 1,
      target: "example.com",
      input: "example.com",
      collectedAt: "2026-01-01T00:00:00Z",
      resolvers: [],
    };
    assert.deepEqual(runChecks(dnsRecordsChecks, bare), []);
  });

  it("limits probing to the selected areas", async () => {
    const { evidence } = await audit(goodDomain(), {}, "example.com", { areas: new Set(["mx", "tls-rpt"]) });
    assert.ok(evidence.mx && evidence.tlsRpt);
    assert.equal(evidence.reverseDns, undefined);
    assert.equal(evidence.dnssec, undefined);
  });
});
