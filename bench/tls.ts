/**
 * Benchmark: `mxray tls 127.0.0.10:25 --starttls smtp` (full enumeration) against testssl.sh on the
 * same lab server, one after the other in one run. Reports the time of each, the ratio, and whether
 * both found the same versions, cipher suites (per version), server order, curves and certificate facts.
 *
 * testssl runs the same test set as mxray by default (`-p -E -P -S -f`: protocols, suites per
 * protocol, server preference, server defaults with the certificate, forward secrecy with curves).
 * BENCH_TESTSSL_MODE=full runs testssl's default full scan instead (also vulnerabilities, ~2-3 min).
 *
 * Run alone: node --import tsx bench/tls.ts   (the lab must be running)
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LAB_RUN = process.env.LAB_RUN ?? "/var/tmp/mxray-lab";
const CA = `${LAB_RUN}/certs/ca.crt`;
const TARGET = "127.0.0.10:25";

interface Timed {
  ms: number;
  code: number;
  stdout: string;
  stderr: string;
}

function timed(cmd: string, args: string[], timeoutMs: number): Promise<Timed> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { cwd: ROOT, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ ms: Math.round(performance.now() - started), code, stdout, stderr });
      },
    );
  });
}

interface TestsslEntry {
  id: string;
  finding: string;
}

interface MxrayDoc {
  evidence: {
    tls: {
      endpoints: {
        scan: {
          handshakes: number;
          elapsedMs: number;
          first: { ok: boolean; chain?: string[]; trusted?: boolean };
          versions: {
            version: string;
            state: string;
            ciphers: { iana: string; name: string }[];
            serverPreference: boolean | null;
          }[];
          groups: { version: string; accepted: { name: string }[] }[];
          ssl3?: { state: string };
        };
      }[];
    };
  };
}

const VERSION_IDS: Record<string, string> = {
  TLSv1: "TLS1",
  "TLSv1.1": "TLS1_1",
  "TLSv1.2": "TLS1_2",
  "TLSv1.3": "TLS1_3",
};
const CURVE_NAMES: Record<string, string> = {
  "P-256": "prime256v1",
  "P-384": "secp384r1",
  "P-521": "secp521r1",
};

function sameSet(
  a: readonly string[],
  b: readonly string[],
): { same: boolean; onlyA: string[]; onlyB: string[] } {
  const onlyA = a.filter((x) => !b.includes(x));
  const onlyB = b.filter((x) => !a.includes(x));
  return { same: onlyA.length === 0 && onlyB.length === 0, onlyA, onlyB };
}

async function certFacts(der: string): Promise<Record<string, string>> {
  const { parseCertificate } = await import("../src/standards/certificate.js");
  const p = parseCertificate(der);
  if (!p.ok) return {};
  return {
    notAfter: p.facts.notAfter.slice(0, 16).replace("T", " "),
    notBefore: p.facts.notBefore.slice(0, 16).replace("T", " "),
    keySize: `${p.facts.key.type.toUpperCase()} ${p.facts.key.bits ?? ""} bits`,
    sha256: p.facts.sha256.toUpperCase(),
    subjectAltName: p.facts.subjectAltNames.map((n) => n.replace(/^(DNS|IP Address):/, "")).join(" "),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const mode = process.env.BENCH_TESTSSL_MODE === "full" ? "full" : "same";
  const dir = mkdtempSync(join(tmpdir(), "mxray-bench-tls-"));
  const jsonfile = join(dir, "testssl.json");
  try {
    const mx = await timed(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/main.ts",
        "tls",
        TARGET,
        "--starttls",
        "smtp",
        "--servername",
        "mail.lab.test",
        "--ca",
        CA,
        "--resolver",
        "127.0.0.3",
        "--json",
      ],
      600_000,
    );
    const testsslArgs = [
      "--quiet",
      "--color",
      "0",
      "--nodns",
      "min",
      "--add-ca",
      CA,
      "--jsonfile",
      jsonfile,
      ...(mode === "same" ? ["-p", "-E", "-P", "-S", "-f"] : []),
      "--starttls",
      "smtp",
      TARGET,
    ];
    const ts = await timed("bash", ["test/lab/labenv.sh", "testssl", ...testsslArgs], 900_000);

    const doc = JSON.parse(mx.stdout) as MxrayDoc;
    const scan = doc.evidence.tls.endpoints[0]?.scan;
    const entries = JSON.parse(readFileSync(jsonfile, "utf8")) as TestsslEntry[];
    const get = (id: string) => entries.find((e) => e.id === id)?.finding ?? "";

    const versions: Record<string, { mxray: string; testssl: string; same: boolean }> = {};
    const ciphers: Record<
      string,
      { mxray: number; testssl: number; same: boolean; onlyMxray: string[]; onlyTestssl: string[] }
    > = {};
    for (const v of scan?.versions ?? []) {
      const tid = VERSION_IDS[v.version] ?? v.version;
      const t = /^offered/.test(get(tid))
        ? "accepted"
        : /not offered/.test(get(tid))
          ? "rejected"
          : "unknown";
      versions[v.version] = { mxray: v.state, testssl: t, same: v.state === t };
      // Per-protocol suites (`-E`, IANA names) when testssl ran them; otherwise its server-order list
      // (`cipherorder_TLSv1_2`, OpenSSL names below TLS 1.3), which the full default run prints.
      const prefix = `cipher-${tid.toLowerCase()}_x`;
      const perProtocol = entries
        .filter((e) => e.id.startsWith(prefix))
        .map((e) => e.finding.trim().split(/\s+/).at(-1) ?? "");
      const orderList = get(`cipherorder_${v.version.replace(".", "_")}`)
        .split(/\s+/)
        .filter(Boolean);
      const byIana = perProtocol.length > 0 || orderList.length === 0;
      const tsList = byIana ? perProtocol : orderList;
      const cmp = sameSet(
        v.ciphers.map((c) => (byIana ? c.iana : v.version === "TLSv1.3" ? c.iana : c.name)),
        tsList,
      );
      ciphers[v.version] = {
        mxray: v.ciphers.length,
        testssl: tsList.length,
        same: cmp.same,
        onlyMxray: cmp.onlyA,
        onlyTestssl: cmp.onlyB,
      };
    }
    {
      const t = /^offered/.test(get("SSLv3"))
        ? "accepted"
        : /not offered/.test(get("SSLv3"))
          ? "rejected"
          : "unknown";
      const m = scan?.ssl3?.state ?? "unknown";
      versions.SSLv3 = { mxray: m, testssl: t, same: m === t };
    }
    const order12 = get("cipherorder_TLSv1_2").split(/\s+/).filter(Boolean);
    const mxOrder12 = scan?.versions.find((v) => v.version === "TLSv1.2")?.ciphers.map((c) => c.name) ?? [];
    const curvesTs = get("PFS_ECDHE_curves").split(/\s+/).filter(Boolean);
    const curvesMx = [
      ...new Set((scan?.groups ?? []).flatMap((g) => g.accepted.map((a) => CURVE_NAMES[a.name] ?? a.name))),
    ].filter((n) => !n.startsWith("ffdhe"));
    const mine = await certFacts(scan?.first.chain?.[0] ?? "");
    const theirs = {
      notAfter: get("cert_notAfter"),
      notBefore: get("cert_notBefore"),
      keySize: get("cert_keySize"),
      sha256: get("cert_fingerprintSHA256"),
      subjectAltName: get("cert_subjectAltName"),
    };
    const cert = Object.fromEntries(
      Object.entries(theirs).map(([k, v]) => [
        k,
        { mxray: mine[k] ?? "", testssl: v, same: (mine[k] ?? "") === v },
      ]),
    );
    const trust = {
      mxray: scan?.first.trusted === true,
      testssl: get("cert_chain_of_trust"),
      same: (scan?.first.trusted === true) === /^passed/.test(get("cert_chain_of_trust")),
    };
    const result = {
      target: TARGET,
      testsslMode: mode === "same" ? "same test set (-p -E -P -S -f)" : "full default run",
      mxrayMs: mx.ms,
      mxrayHandshakes: scan?.handshakes ?? 0,
      /** The scan itself, without process start-up (node + tsx) and the TLSA lookup. */
      mxrayScanMs: scan?.elapsedMs ?? 0,
      loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
      testsslMs: ts.ms,
      ratio: Number((ts.ms / Math.max(1, mx.ms)).toFixed(1)),
      versions,
      ciphers,
      serverOrder: {
        mxray: scan?.versions.find((v) => v.version === "TLSv1.2")?.serverPreference,
        testssl: get("cipher_order"),
        sameOrderTls12: JSON.stringify(order12) === JSON.stringify(mxOrder12),
      },
      curves: { mxray: curvesMx, testssl: curvesTs, same: sameSet(curvesMx, curvesTs).same },
      certificate: cert,
      trust,
      allSame:
        Object.values(versions).every((v) => v.same) &&
        Object.values(ciphers).every((c) => c.same) &&
        Object.values(cert).every((c) => c.same) &&
        trust.same,
    };
    console.log(
      `mxray tls ${TARGET} --starttls smtp (full enumeration): ${(mx.ms / 1000).toFixed(1)} s, ${result.mxrayHandshakes} handshakes`,
    );
    console.log(
      `  (the scan itself: ${(result.mxrayScanMs / 1000).toFixed(1)} s; load average ${result.loadAverage.join(" ")})`,
    );
    console.log(`testssl ${result.testsslMode}: ${(ts.ms / 1000).toFixed(1)} s`);
    console.log(`ratio testssl/mxray: ${result.ratio}x`);
    for (const [v, x] of Object.entries(versions))
      console.log(
        `  ${v.padEnd(8)} mxray ${x.mxray.padEnd(9)} testssl ${x.testssl.padEnd(9)} ${x.same ? "same" : "DIFFERENT"}`,
      );
    for (const [v, x] of Object.entries(ciphers)) {
      console.log(
        `  ${v.padEnd(8)} suites mxray ${x.mxray} testssl ${x.testssl} ${x.same ? "same" : `DIFFERENT (only mxray: ${x.onlyMxray.join(" ")}; only testssl: ${x.onlyTestssl.join(" ")})`}`,
      );
    }
    console.log(
      `  TLS 1.2 server order: mxray ${result.serverOrder.mxray} testssl ${result.serverOrder.testssl}; same order list: ${result.serverOrder.sameOrderTls12}`,
    );
    console.log(
      `  curves: mxray ${curvesMx.join(" ")} | testssl ${curvesTs.join(" ")} ${result.curves.same ? "same" : "DIFFERENT"}`,
    );
    for (const [k, x] of Object.entries(cert))
      console.log(`  cert ${k}: ${x.same ? "same" : `DIFFERENT mxray=${x.mxray} testssl=${x.testssl}`}`);
    console.log(
      `  chain of trust: mxray ${trust.mxray} testssl ${trust.testssl} ${trust.same ? "same" : "DIFFERENT"}`,
    );
    console.log(`  everything the same: ${result.allSame}`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) await run();
