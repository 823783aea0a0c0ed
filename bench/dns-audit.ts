/**
 * DNS audit benchmark: N synthetic mail domains (default 1000) served by a real knotd of its own
 * (127.0.0.5:53, state under /var/tmp/mxray-bench-dns, the lab untouched), audited with mxray's
 * `auditDns` at bounded concurrency. Prints domains/s, DNS queries/s and peak memory.
 *
 *   node --import tsx bench/dns-audit.ts            # BENCH_DOMAINS=1000 BENCH_CONCURRENCY=32
 *
 * Needs root (port 53) and knotd (Debian package `knot`, installed by test/lab/install.sh).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { auditDns } from "../src/audit.js";
import { silentProgress, type RunContext } from "../src/core/context.js";
import type { Severity } from "../src/core/severity.js";
import { createDnsClient } from "../src/net/dns/client.js";
import { reverseName } from "../src/standards/address-scope.js";
import { dnsblIpv6TestName } from "../src/standards/dnsbl.js";

const DIR = "/var/tmp/mxray-bench-dns";
const IP = "127.0.0.5";
const ZONE = "bench.test";
const REVERSE = "77.10.in-addr.arpa";
const REVERSE6 = "7.7.0.0.0.0.d.f.ip6.arpa";
const BL = `bl.${ZONE}`;

/** Splits a TXT value into 255-byte character-strings for the zone file. */
const txt = (value: string) => (value.match(/.{1,255}/g) ?? [""]).map((s) => `"${s}"`).join(" ");

/** Zone files for N domains: a mix of healthy and broken setups so every check has work. */
export function benchZones(n: number): { forward: string; reverse: string; reverse6: string } {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const spki = publicKey.export({ type: "spki", format: "der" });
  const dkim = spki.toString("base64");
  const tlsa = createHash("sha256").update(spki).digest("hex");
  const head = (origin: string) => [
    `$ORIGIN ${origin}.`,
    "$TTL 300",
    `@ SOA ns1.${ZONE}. hostmaster.${ZONE}. ( 1 3600 600 86400 60 )`,
    `@ NS ns1.${ZONE}.`,
  ];
  const fwd = [
    ...head(ZONE),
    `ns1 A ${IP}`,
    `2.0.0.127.bl A 127.0.0.2`,
    `${dnsblIpv6TestName(BL)}. A 127.0.0.2`,
    `_dmarc TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@${ZONE}"`,
  ];
  const rev = head(REVERSE);
  const rev6 = head(REVERSE6);
  for (let i = 1; i <= n; i++) {
    const d = `d${String(i).padStart(5, "0")}`;
    const [a, b] = [Math.floor(i / 250) % 250, (i % 250) + 1];
    const ip1 = `10.77.${a}.${b}`;
    const ip2 = `10.77.${a + 100}.${b}`;
    if (i % 10 === 0) {
      fwd.push(`${d} A ${ip1}`); // implicit MX
    } else {
      fwd.push(
        `${d} MX 10 mx1.${d}.${ZONE}.`,
        `${d} MX 20 mx2.${d}.${ZONE}.`,
        `mx1.${d} A ${ip1}`,
        `mx1.${d} AAAA fd00:77::${i.toString(16)}`,
        `mx2.${d} A ${ip2}`,
      );
      fwd.push(`_25._tcp.mx1.${d} TLSA 3 1 1 ${tlsa}`);
      rev6.push(`${reverseName(`fd00:77::${i.toString(16)}`)}. PTR mx1.${d}.${ZONE}.`);
    }
    fwd.push(`${d} TXT "v=spf1 mx ip4:${ip1} -all"`);
    fwd.push(
      `_dmarc.${d} TXT "v=DMARC1; p=${i % 7 === 0 ? "none" : "reject"}; rua=mailto:dmarc@${d}.${ZONE}"`,
    );
    fwd.push(`sel1._domainkey.${d} TXT ${txt(`v=DKIM1; k=rsa; p=${dkim}`)}`);
    fwd.push(`_smtp._tls.${d} TXT "v=TLSRPTv1; rua=mailto:tlsrpt@${d}.${ZONE}"`);
    if (i % 3 === 0) fwd.push(`default._bimi.${d} TXT "v=BIMI1; l=https://${d}.${ZONE}/logo.svg; a="`);
    if (i % 13 === 0)
      fwd.push(`${b}.${a}.77.10.bl A 127.0.0.2`, `${b}.${a}.77.10.bl TXT "listed for the benchmark"`);
    if (i % 5 !== 0) rev.push(`${b}.${a} PTR ${i % 10 === 0 ? "" : "mx1."}${d}.${ZONE}.`);
    if (i % 10 !== 0) rev.push(`${b}.${a + 100} PTR mx2.${d}.${ZONE}.`);
  }
  return { forward: fwd.join("\n") + "\n", reverse: rev.join("\n") + "\n", reverse6: rev6.join("\n") + "\n" };
}

function knotConf(): string {
  return `server:
    rundir: "${DIR}/run"
    listen: ${IP}@53
    identity: "bench"
    version: ""
log:
  - target: "${DIR}/knot.log"
    any: warning
database:
    storage: "${DIR}/db"
template:
  - id: default
    storage: "${DIR}/zones"
    file: "%s.zone"
    dnssec-signing: off
    zonefile-sync: -1
    journal-content: none
zone:
  - domain: ${ZONE}
  - domain: ${REVERSE}
  - domain: ${REVERSE6}
`;
}

/** Stops a knotd this benchmark left behind earlier (checked by name and config path, never by name alone). */
function stopLeftover(): void {
  const pidFile = `${DIR}/bench-knotd.pid`;
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (cmdline.includes("knotd") && cmdline.includes(`${DIR}/knot.conf`)) process.kill(pid, "SIGTERM");
  } catch {
    // not running any more
  }
  rmSync(pidFile, { force: true });
}

async function startKnot(): Promise<ChildProcess> {
  const child = spawn("knotd", ["-c", `${DIR}/knot.conf`], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  writeFileSync(`${DIR}/bench-knotd.pid`, `${child.pid}\n`);
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`knotd exited (${child.exitCode}): ${stderr}`);
    const a = await createDnsClient({ servers: [`${IP}:53`], timeoutMs: 300, retries: 1 }).query(
      `d00001.${ZONE}`,
      "TXT",
    );
    if (a.status === "noerror") return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`knotd did not serve ${ZONE} on ${IP}:53 within 10 s: ${stderr}`);
}

function stopKnot(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(kill);
      rmSync(`${DIR}/bench-knotd.pid`, { force: true });
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_DOMAINS ?? 1000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
  stopLeftover();
  rmSync(DIR, { recursive: true, force: true });
  for (const d of ["run", "db", "zones"]) mkdirSync(`${DIR}/${d}`, { recursive: true });
  const zones = benchZones(n);
  writeFileSync(`${DIR}/zones/${ZONE}.zone`, zones.forward);
  writeFileSync(`${DIR}/zones/${REVERSE}.zone`, zones.reverse);
  writeFileSync(`${DIR}/zones/${REVERSE6}.zone`, zones.reverse6);
  writeFileSync(`${DIR}/knot.conf`, knotConf());
  const knot = await startKnot();
  try {
    const dns = createDnsClient({ servers: [`${IP}:53`], timeoutMs: 2000 });
    const ctx: RunContext = {
      dns,
      timeoutMs: 2000,
      now: () => new Date(),
      progress: silentProgress,
      perHostConcurrency: 2,
      dnsbls: [BL],
      dkimSelectors: ["sel1"],
    };
    const domains = Array.from({ length: n }, (_, i) => `d${String(i + 1).padStart(5, "0")}.${ZONE}`);
    const severities: Record<Severity, number> = { ok: 0, info: 0, warning: 0, error: 0, critical: 0 };
    const ids = new Map<string, number>();
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < domains.length) {
          const report = await auditDns(domains[next++] as string, ctx);
          for (const f of report.findings) {
            severities[f.severity]++;
            ids.set(f.id, (ids.get(f.id) ?? 0) + 1);
          }
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const failed = ids.get("dns.lookup.failed") ?? 0;
    const figures = {
      domains: n,
      concurrency,
      seconds: Number(seconds.toFixed(2)),
      domainsPerSecond: Number((n / seconds).toFixed(1)),
      dnsQueries: dns.stats.queries,
      dnsQueriesPerSecond: Math.round(dns.stats.queries / seconds),
      dnsCacheHits: dns.stats.cacheHits,
      peakRssMiB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
      findings: severities,
      lookupFailures: failed,
      listedInBenchDnsbl: ids.get("dnsbl.listed") ?? 0,
    };
    process.stdout.write(
      [
        `dns-audit: ${n} domains in ${figures.seconds} s at concurrency ${concurrency} (knotd ${IP}:53)`,
        `  ${figures.domainsPerSecond} domains/s, ${figures.dnsQueries} DNS queries (${figures.dnsQueriesPerSecond}/s), ${figures.dnsCacheHits} cache hits`,
        `  peak RSS ${figures.peakRssMiB} MiB; findings ${JSON.stringify(severities)}; lookup failures ${failed}`,
      ].join("\n") + "\n",
    );
    return figures;
  } finally {
    await stopKnot(knot);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await run();
}
