import assert from "node:assert/strict";
import { test } from "node:test";
import { requireLab } from "../../helpers/lab.js";
import { having, labAudit, summary } from "./helpers.js";

test("lab.test: two MX hosts resolved through Unbound; loopback addresses are a warning under .test", async (t) => {
  if (!(await requireLab(t))) return;
  const { evidence, findings } = await labAudit("lab.test");
  assert.equal(evidence.mx?.answer.authenticated, true);
  assert.deepEqual(
    evidence.mx?.hosts.map((h) => [h.preference, h.name, h.addresses]),
    [
      [10, "mail.lab.test", ["127.0.0.10"]],
      [20, "mx2.lab.test", ["127.0.0.99"]],
    ],
  );
  assert.deepEqual(summary(findings, "mx"), [
    "mx.address.not-public warning mail.lab.test 127.0.0.10",
    "mx.address.not-public warning mx2.lab.test 127.0.0.99",
    "mx.present ok lab.test",
  ]);
  assert.equal(having(findings, "mx.address.not-public")[0]?.params.range, "loopback");
});

test("lab MX edge cases: implicit, none, null, mixed null, duplicate, CNAME, IP literal, no address", async (t) => {
  if (!(await requireLab(t))) return;
  const cases: Array<[string, string[]]> = [
    [
      "nomx.lab.test",
      ["mx.address.not-public warning nomx.lab.test 127.0.0.10", "mx.implicit warning nomx.lab.test"],
    ],
    ["nomail.lab.test", ["mx.none error nomail.lab.test"]],
    ["nullmx.lab.test", ["mx.null info nullmx.lab.test"]],
    [
      "mixednull.lab.test",
      [
        "mx.address.not-public warning mail.lab.test 127.0.0.10",
        "mx.null.mixed error mixednull.lab.test",
        "mx.present ok mixednull.lab.test",
        "mx.single info mixednull.lab.test",
      ],
    ],
    [
      "dupmx.lab.test",
      [
        "mx.address.not-public warning mail.lab.test 127.0.0.10",
        "mx.duplicate warning mail.lab.test",
        "mx.present ok dupmx.lab.test",
        "mx.single info dupmx.lab.test",
      ],
    ],
    [
      "cnamemx.lab.test",
      [
        "mx.address.not-public warning smtp.lab.test 127.0.0.10",
        "mx.present ok cnamemx.lab.test",
        "mx.single info cnamemx.lab.test",
        "mx.target.cname error smtp.lab.test",
      ],
    ],
    [
      "ipmx.lab.test",
      [
        "mx.address.not-public warning 127.0.0.10.lab.test 127.0.0.10",
        "mx.present ok ipmx.lab.test",
        "mx.single info ipmx.lab.test",
        "mx.target.address-literal error 127.0.0.10.lab.test",
      ],
    ],
    [
      "noaddrmx.lab.test",
      [
        "mx.present ok noaddrmx.lab.test",
        "mx.single info noaddrmx.lab.test",
        "mx.target.no-address error nowhere.lab.test",
        "mx.unreachable critical noaddrmx.lab.test",
      ],
    ],
    ["does-not-exist.lab.test", ["mx.domain.nxdomain error does-not-exist.lab.test"]],
  ];
  for (const [domain, expected] of cases) {
    const { findings } = await labAudit(domain);
    assert.deepEqual(summary(findings, "mx"), expected, domain);
  }
  const cname = (await labAudit("cnamemx.lab.test")).findings.find((f) => f.id === "mx.target.cname");
  assert.equal(cname?.params.chain, "smtp.lab.test -> mail.lab.test");
});

test("bogus.lab.test: the MX SERVFAIL is a lookup failure, never 'no MX'", async (t) => {
  if (!(await requireLab(t))) return;
  const { evidence, findings } = await labAudit("bogus.lab.test");
  assert.equal(evidence.mx?.answer.status, "servfail");
  assert.equal(evidence.mx?.implicit, false);
  assert.deepEqual(summary(findings, "mx"), ["dns.lookup.failed error bogus.lab.test"]);
});

test("reverse DNS: forward-confirmed, missing, not confirmed, several PTRs, name differs", async (t) => {
  if (!(await requireLab(t))) return;
  assert.deepEqual(summary((await labAudit("lab.test")).findings, "ptr"), [
    "ptr.confirmed ok 127.0.0.10",
    "ptr.confirmed ok 127.0.0.99",
    "ptr.name.differs info 127.0.0.99",
  ]);
  assert.deepEqual(summary((await labAudit("norev.lab.test")).findings, "ptr"), [
    "ptr.missing warning 127.0.0.21",
  ]);
  const fc = await labAudit("fcrdnsmx.lab.test");
  assert.deepEqual(summary(fc.findings, "ptr"), ["ptr.not-confirmed warning 127.0.0.13"]);
  assert.deepEqual(
    [
      having(fc.findings, "ptr.not-confirmed")[0]?.params.names,
      having(fc.findings, "ptr.not-confirmed")[0]?.params.found,
    ],
    ["nofcrdns.lab.test", "127.0.0.14"],
  );
  assert.deepEqual(summary((await labAudit("multiptr.lab.test")).findings, "ptr"), [
    "ptr.confirmed ok 127.0.0.22",
    "ptr.multiple warning 127.0.0.22",
  ]);
});
