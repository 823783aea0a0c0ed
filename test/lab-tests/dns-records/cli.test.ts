import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { lab, requireLab } from "../../helpers/lab.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

interface JsonFinding {
  id: string;
  severity: string;
  area: string;
  subject: string;
  summary: string;
  params: Record<string, unknown>;
}

/** Runs the real CLI, end to end, through the lab's validating resolver. */
function mxrayDns(domain: string, ...extra: string[]): Promise<CliResult> {
  return mxray(["dns", domain, "--resolver", lab.resolver, "--json", "--dnsbl", "bl.lab.test", ...extra]);
}

interface CliResult {
  code: number;
  findings: JsonFinding[];
  lang: string;
}

/** Runs `node --import tsx src/cli/main.ts ARGS` and parses its JSON report. */
function mxray(cli: string[]): Promise<CliResult> {
  const args = ["--import", "tsx", "src/cli/main.ts", ...cli];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: root, timeout: 60_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const code = err && typeof err.code === "number" ? err.code : err ? -1 : 0;
        try {
          const doc = JSON.parse(stdout) as { findings: JsonFinding[]; lang: string };
          resolve({ code, findings: doc.findings, lang: doc.lang });
        } catch {
          reject(new Error(`mxray ${cli.slice(0, 2).join(" ")} exited ${code}: ${stderr.slice(0, 500)}`));
        }
      },
    );
  });
}

const pick = (findings: JsonFinding[], areas: string[]) =>
  findings
    .filter((f) => areas.includes(f.area))
    .map((f) => `${f.id} ${f.severity} ${f.subject}`)
    .sort();

test("mxray dns lab.test --json: MX, PTR, DNSSEC, DANE, TLS-RPT, BIMI and DNSBL findings", async (t) => {
  if (!(await requireLab(t))) return;
  const { code, findings } = await mxrayDns("lab.test");
  assert.ok(code === 1 || code === 2, `exit code ${code}`);
  assert.deepEqual(pick(findings, ["mx", "ptr", "dnssec", "dane", "tls-rpt", "bimi", "dnsbl"]), [
    "bimi.authority.missing warning default._bimi.lab.test",
    "bimi.ok ok default._bimi.lab.test",
    "dane.tlsa.none info _25._tcp.mx2.lab.test",
    "dane.tlsa.present ok _25._tcp.mail.lab.test",
    "dnsbl.clean ok 127.0.0.99",
    "dnsbl.listed error 127.0.0.10 bl.lab.test",
    "dnssec.validated ok lab.test",
    "dnssec.validated ok mail.lab.test",
    "dnssec.validated ok mx2.lab.test",
    "mx.address.not-public warning mail.lab.test 127.0.0.10",
    "mx.address.not-public warning mx2.lab.test 127.0.0.99",
    "mx.present ok lab.test",
    "ptr.confirmed ok 127.0.0.10",
    "ptr.confirmed ok 127.0.0.99",
    "ptr.name.differs info 127.0.0.99",
    "tlsrpt.ok ok _smtp._tls.lab.test",
  ]);
  const present = findings.find((f) => f.id === "mx.present");
  assert.equal(present?.summary, "lab.test has 2 MX host(s): 10 mail.lab.test, 20 mx2.lab.test");
});

test("mxray dns: nomx, nullmx, cnamemx and ipmx get their MX findings with the right severities", async (t) => {
  if (!(await requireLab(t))) return;
  const expected: Record<string, string[]> = {
    "nomx.lab.test": [
      "mx.address.not-public warning nomx.lab.test 127.0.0.10",
      "mx.implicit warning nomx.lab.test",
    ],
    "nullmx.lab.test": ["mx.null info nullmx.lab.test"],
    "cnamemx.lab.test": [
      "mx.address.not-public warning smtp.lab.test 127.0.0.10",
      "mx.present ok cnamemx.lab.test",
      "mx.single info cnamemx.lab.test",
      "mx.target.cname error smtp.lab.test",
    ],
    "ipmx.lab.test": [
      "mx.address.not-public warning 127.0.0.10.lab.test 127.0.0.10",
      "mx.present ok ipmx.lab.test",
      "mx.single info ipmx.lab.test",
      "mx.target.address-literal error 127.0.0.10.lab.test",
    ],
  };
  const results = await Promise.all(Object.keys(expected).map(async (d) => [d, await mxrayDns(d)] as const));
  for (const [domain, { code, findings }] of results) {
    assert.deepEqual(pick(findings, ["mx"]), expected[domain], domain);
    assert.ok(code >= 0 && code <= 2, `${domain}: exit code ${code}`);
  }
  // A null MX domain has no hosts, so nothing to look up in PTR, TLSA or DNSBL.
  const nullmx = results.find(([d]) => d === "nullmx.lab.test")?.[1].findings ?? [];
  assert.deepEqual(pick(nullmx, ["ptr", "dane", "dnsbl"]), []);
});

test("mxray dns --lang zh-CN speaks Chinese for these findings", async (t) => {
  if (!(await requireLab(t))) return;
  const { lang, findings } = await mxrayDns("nullmx.lab.test", "--lang", "zh-CN");
  assert.equal(lang, "zh-CN");
  assert.equal(
    findings.find((f) => f.id === "mx.null")?.summary,
    "nullmx.lab.test 发布了空 MX（MX 0 .）：不接收任何邮件",
  );
});

test("mxray report re-judges saved evidence of these areas to the same findings, offline", async (t) => {
  if (!(await requireLab(t))) return;
  const dir = mkdtempSync(join(tmpdir(), "mxray-dns-records-"));
  try {
    const file = join(dir, "evidence.json");
    const live = await mxrayDns("weak.lab.test", "--save-evidence", file);
    const again = await mxray(["report", file, "--json"]);
    const areas = ["mx", "ptr", "dnssec", "dane", "tls-rpt", "bimi", "dnsbl"];
    assert.ok(pick(live.findings, areas).length >= 8);
    assert.deepEqual(pick(again.findings, areas), pick(live.findings, areas));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
