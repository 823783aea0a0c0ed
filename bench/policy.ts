/**
 * Policy-area benchmark: DMARC, DKIM key and MTA-STS parsing next to mailauth's parsers on the same
 * input, then the three probes end to end against the lab (Unbound 127.0.0.3, nginx 127.0.0.10:443).
 *
 *   node --import tsx bench/policy.ts        # BENCH_N=20000 BENCH_LAB_RUNS=20
 *
 * Everything stays on loopback: the parsers need no network, the lab part talks only to the lab.
 */
import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { checkDkim } from "../src/checks/dkim.js";
import { checkDmarc } from "../src/checks/dmarc.js";
import { checkMtaSts } from "../src/checks/mta-sts.js";
import { silentProgress, type RunContext } from "../src/core/context.js";
import { createDnsClient } from "../src/net/dns/client.js";
import { probeDkim } from "../src/probes/dkim.js";
import { probeDmarc } from "../src/probes/dmarc.js";
import { probeMtaSts } from "../src/probes/mta-sts.js";
import { COMMON_DKIM_SELECTORS, parseDkimKeyRecord } from "../src/standards/dkim-key.js";
import { parseDmarcRecord } from "../src/standards/dmarc.js";
import { parseMtaStsPolicy } from "../src/standards/mta-sts.js";
import { lab, labRunning } from "../test/helpers/lab.js";

type Resolver = (name: string, type: string) => Promise<string[][]>;
const require = createRequire(import.meta.url);
const mailauthMtaSts = require("mailauth/lib/mta-sts") as { parsePolicy(text: string): unknown };
const mailauthTools = require("mailauth/lib/tools") as {
  getPublicKey(type: string, name: string, min: number, resolver: Resolver): Promise<unknown>;
};
const mailauthDmarc = require("mailauth/lib/dmarc/get-dmarc-record") as (
  domain: string,
  resolver: Resolver,
) => Promise<unknown>;

const N = Number(process.env.BENCH_N ?? 20000);
const LAB_RUNS = Number(process.env.BENCH_LAB_RUNS ?? 20);

/** Calls per second over n calls, after n/10 warm-up calls (so the JIT has compiled both sides). */
async function rate(n: number, fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < n / 10; i++) await fn(i);
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return Math.round(n / ((performance.now() - start) / 1000));
}

const DMARC =
  "v=DMARC1; p=reject; sp=quarantine; adkim=s; aspf=r; pct=100; fo=1; rua=mailto:dmarc-rua@lab.test; ruf=mailto:dmarc-ruf@lab.test";
const POLICY =
  "version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.backup.example.net\nmax_age: 1209600\n";

export async function run(): Promise<Record<string, unknown>> {
  const key = generateKeyPairSync("rsa", { modulusLength: 2048 })
    .publicKey.export({ format: "der", type: "spki" })
    .toString("base64");
  const dkim = `v=DKIM1; k=rsa; h=sha256; p=${key}`;
  const txtResolver: (value: string) => Resolver = (value) => async () => [[value]];

  const parsers = {
    dmarcRecordsPerSec: {
      mxray: await rate(N, () => parseDmarcRecord(DMARC)),
      mailauth: await rate(N, () => mailauthDmarc("lab.test", txtResolver(DMARC))),
    },
    dkimKeysPerSec: {
      mxray: await rate(N, () => parseDkimKeyRecord(dkim)),
      mailauth: await rate(N, () =>
        mailauthTools.getPublicKey("DKIM", "sel1._domainkey.lab.test", 1024, txtResolver(dkim)),
      ),
    },
    mtaStsPoliciesPerSec: {
      mxray: await rate(N, () => parseMtaStsPolicy(POLICY)),
      mailauth: await rate(N, () => mailauthMtaSts.parsePolicy(POLICY)),
    },
  };
  process.stdout.write(`parsers, ${N} each (per second):\n`);
  for (const [what, r] of Object.entries(parsers))
    process.stdout.write(
      `  ${what.padEnd(22)} mxray ${String(r.mxray).padStart(8)}   mailauth ${String(r.mailauth).padStart(8)}\n`,
    );
  if (!parsers.dmarcRecordsPerSec.mxray) throw new Error("no DMARC records parsed");

  const result: Record<string, unknown> = { parsers };
  if (await labRunning()) {
    // A fresh client per run: no cache, so every run asks Unbound again and fetches the policy again.
    const ctx = (): RunContext => ({
      dns: createDnsClient({ servers: [lab.resolver], timeoutMs: 2000 }),
      timeoutMs: 3000,
      now: () => new Date(),
      progress: silentProgress,
      perHostConcurrency: 2,
      extraCa: [lab.ca],
    });
    const times: Record<string, number[]> = { dmarc: [], dkim: [], mtaSts: [] };
    let queries = 0;
    let findings = 0;
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < LAB_RUNS; i++) {
      let c = ctx();
      let t = performance.now();
      findings += checkDmarc(await probeDmarc("sub.lab.test", c)).length;
      times.dmarc?.push(performance.now() - t);
      queries += c.dns.stats.queries;
      c = ctx();
      t = performance.now();
      findings += checkDkim(await probeDkim("lab.test", ["sel1", "ed1", "k1024", "provider"], c)).length;
      times.dkim?.push(performance.now() - t);
      queries += c.dns.stats.queries;
      c = ctx();
      t = performance.now();
      findings += checkMtaSts(await probeMtaSts("lab.test", c)).length;
      times.mtaSts?.push(performance.now() - t);
      queries += c.dns.stats.queries;
    }
    const median = (xs: number[]) =>
      Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);
    const labFigures = {
      runs: LAB_RUNS,
      medianMs: {
        dmarc: median(times.dmarc ?? []),
        dkim: median(times.dkim ?? []),
        mtaSts: median(times.mtaSts ?? []),
      },
      dnsQueries: queries,
      findings,
      rssGrowthMiB: Math.round(((process.memoryUsage().rss - rssBefore) / 1048576) * 10) / 10,
    };
    process.stdout.write(
      `lab, ${LAB_RUNS} runs (median ms): DMARC sub.lab.test ${labFigures.medianMs.dmarc}, DKIM lab.test (${4 + COMMON_DKIM_SELECTORS.length} selectors) ${labFigures.medianMs.dkim}, MTA-STS lab.test (DNS + HTTPS) ${labFigures.medianMs.mtaSts}; ${queries} DNS queries\n`,
    );
    result.lab = labFigures;
  } else {
    process.stdout.write("lab not running: end-to-end part skipped\n");
  }
  result.peakRssMiB = Math.round(process.memoryUsage().rss / 1048576);
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  run().then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    },
  );
}
