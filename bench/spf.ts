/**
 * SPF benchmark: check_host() evaluations per second against the lab's authoritative Knot
 * (127.0.0.2:53, queried directly: no recursive resolver and no cache in between), side by side
 * with mailauth 4.13's spf() on the same inputs with the same concurrency, in two set-ups:
 * - shared: one resolver per side for the whole run (mxray's wire client with its cache off, which
 *   still merges identical questions in flight: their number is printed; mailauth's node:dns
 *   Resolver, which has no cache);
 * - fresh: a new resolver for every evaluation on both sides.
 * Also runs mailauth over the OpenSPF RFC 7208 suite and counts how many of its 203 results it
 * gets right (our driver: test/unit/spf/rfc7208-zone.ts, node:dns error codes for mailauth).
 *
 * Run alone: node --import tsx bench/spf.ts
 */
import { promises as nodeDns } from "node:dns";
import { performance } from "node:perf_hooks";
import { spf as mailauthSpf } from "mailauth/lib/spf/index.js";
import { createDnsClient } from "../src/net/dns/client.js";
import type { DnsClient } from "../src/net/dns/types.js";
import { mapLimit } from "../src/probes/dns-query.js";
import { spfQuery } from "../src/standards/spf/index.js";
import { loadSuite, suiteResolver } from "../test/unit/spf/rfc7208-zone.js";

const KNOT = "127.0.0.2";
const CONCURRENCY = 8;
const MIN_SECONDS = 4;
const DOMAINS = [
  "lab.test",
  "redirect",
  "softfail",
  "deep",
  "toomany",
  "voids",
  "explain",
  "spfmacro",
  "spfptr",
  "spfdupinc",
  "weak",
  "spfv6",
].map((d) => (d === "lab.test" ? d : `${d}.lab.test`));
const IPS = ["127.0.0.10", "127.0.0.21", "127.0.2.3"];

interface Input {
  ip: string;
  sender: string;
  helo: string;
}

type MailauthResolver = (name: string, type: string) => Promise<unknown>;

async function mailauthResult(input: Input, resolver: MailauthResolver): Promise<string> {
  // mailauth types its resolver as node:dns's resolve(); ours returns the same shapes
  const r = (await mailauthSpf({ ...input, mta: "mx.lab.test", resolver: resolver as never })) as {
    status: { result: string };
  };
  return r.status.result;
}

function knotResolver(): MailauthResolver {
  const r = new nodeDns.Resolver({ timeout: 2000, tries: 2 });
  r.setServers([KNOT]);
  return (name, type) => r.resolve(name, type);
}

function knotClient(): DnsClient {
  return createDnsClient({ servers: [`${KNOT}:53`], timeoutMs: 2000, cacheSize: 0 });
}

async function mxrayResult(input: Input, dns: DnsClient = knotClient()): Promise<string> {
  return (await spfQuery(input, { dns })).result;
}

interface Rate {
  perSecond: number;
  evaluations: number;
  seconds: number;
}

/**
 * Evaluations per second of two implementations over the inputs, in alternating rounds until each
 * has run MIN_SECONDS: on a shared, busy machine both then see the same background load.
 */
async function measurePair(
  inputs: Input[],
  a: (i: Input) => Promise<string>,
  b: (i: Input) => Promise<string>,
): Promise<[Rate, Rate]> {
  await mapLimit(inputs, CONCURRENCY, a); // warm-up (JIT, sockets)
  await mapLimit(inputs, CONCURRENCY, b);
  const spent = [0, 0];
  let rounds = 0;
  while (Math.min(...spent) / 1000 < MIN_SECONDS) {
    for (const [k, fn] of [a, b].entries()) {
      const start = performance.now();
      await mapLimit(inputs, CONCURRENCY, fn);
      spent[k] = (spent[k] ?? 0) + performance.now() - start;
    }
    rounds++;
  }
  const rate = (ms: number): Rate => ({
    perSecond: (rounds * inputs.length) / (ms / 1000),
    evaluations: rounds * inputs.length,
    seconds: ms / 1000,
  });
  return [rate(spent[0] ?? 1), rate(spent[1] ?? 1)];
}

/** mailauth's resolver over a suite scenario: node:dns error codes for the outcomes. */
function suiteMailauthResolver(dns: DnsClient): MailauthResolver {
  return async (name, type) => {
    const a = await dns.query(name, type as "TXT");
    const fail = (code: string) => Object.assign(new Error(`${code} ${name} ${type}`), { code });
    if (a.status === "nxdomain") throw fail("ENOTFOUND");
    if (a.status === "nodata") throw fail("ENODATA");
    if (a.status !== "noerror") throw fail("ETIMEOUT");
    return a.records.map((r) => {
      switch (r.type) {
        case "TXT":
        case "SPF":
          return r.strings;
        case "MX":
          return { exchange: r.exchange, priority: r.preference };
        case "A":
        case "AAAA":
          return r.address;
        case "PTR":
        case "CNAME":
          return r.target;
        default:
          return r.type;
      }
    });
  };
}

async function conformance(): Promise<{
  mailauth: number;
  mxray: number;
  total: number;
  mailauthFailures: string[];
}> {
  const suite = loadSuite();
  let mailauth = 0;
  let mxray = 0;
  const mailauthFailures: string[] = [];
  for (const c of suite) {
    const input = { ip: c.host, sender: c.mailfrom, helo: c.helo };
    const ours = await spfQuery(input, { dns: suiteResolver(c.zone) });
    if (c.results.includes(ours.result)) mxray++;
    let theirs: string;
    try {
      theirs = await mailauthResult(input, suiteMailauthResolver(suiteResolver(c.zone)));
    } catch (err) {
      theirs = `threw ${err instanceof Error ? err.message : String(err)}`;
    }
    if (c.results.includes(theirs)) mailauth++;
    else mailauthFailures.push(`${c.name}: ${theirs} (expected ${c.results.join("|")})`);
  }
  return { mailauth, mxray, total: suite.length, mailauthFailures };
}

/** CPU cost alone: the whole suite evaluated from memory, several times, by each implementation. */
async function inMemory(): Promise<{ mxray: number; mailauth: number }> {
  const suite = loadSuite();
  const rate = async (fn: (c: (typeof suite)[number]) => Promise<unknown>) => {
    for (const c of suite) await fn(c); // warm-up
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < 2000) {
      for (const c of suite) await fn(c).catch(() => undefined);
      n += suite.length;
    }
    return n / ((performance.now() - start) / 1000);
  };
  const input = (c: (typeof suite)[number]) => ({ ip: c.host, sender: c.mailfrom, helo: c.helo });
  const mxray = await rate((c) => spfQuery(input(c), { dns: suiteResolver(c.zone) }));
  const mailauth = await rate((c) => mailauthResult(input(c), suiteMailauthResolver(suiteResolver(c.zone))));
  return { mxray, mailauth };
}

export async function run(): Promise<Record<string, unknown>> {
  const cpu = await inMemory();
  console.log(
    `in memory (the suite's zones, no network): mxray ${cpu.mxray.toFixed(0)} evaluations/s, mailauth ${cpu.mailauth.toFixed(0)} evaluations/s, ratio ${(cpu.mxray / cpu.mailauth).toFixed(2)}`,
  );
  const suite = await conformance();
  console.log(
    `RFC 7208 suite (results): mxray ${suite.mxray}/${suite.total}, mailauth 4.13 ${suite.mailauth}/${suite.total}`,
  );
  for (const f of suite.mailauthFailures) console.log(`  mailauth misses ${f}`);

  const probe = createDnsClient({ servers: [`${KNOT}:53`], timeoutMs: 1000 });
  const soa = await probe.query("lab.test", "SOA");
  if (soa.status !== "noerror") {
    console.log(
      `lab Knot at ${KNOT} does not answer (${soa.status}): live benchmark skipped (start the lab: bash test/lab/start.sh)`,
    );
    return {
      conformance: { mxray: suite.mxray, mailauth: suite.mailauth, total: suite.total },
      live: "skipped: lab not running",
    };
  }
  // domain-major order would put the same names in flight together; interleave the domains instead
  const inputs: Input[] = IPS.flatMap((ip) =>
    DOMAINS.map((d) => ({ ip, sender: `x@${d}`, helo: "mail.lab.test" })),
  );
  // same answers on the same inputs, or the comparison means nothing
  const ours = await mapLimit(inputs, CONCURRENCY, (i) => mxrayResult(i));
  const theirs = await mapLimit(inputs, CONCURRENCY, (i) => mailauthResult(i, knotResolver()));
  const differ = inputs.flatMap((i, n) =>
    ours[n] === theirs[n] ? [] : [`${i.sender} ${i.ip}: mxray ${ours[n]}, mailauth ${theirs[n]}`],
  );

  const sharedClient = knotClient();
  const plainResolver = knotResolver();
  let mailauthQuestions = 0;
  const sharedResolver: MailauthResolver = (name, type) => {
    mailauthQuestions++;
    return plainResolver(name, type);
  };
  const pair = async (x: (i: Input) => Promise<string>, y: (i: Input) => Promise<string>) => {
    const [mxray, mailauth] = await measurePair(inputs, x, y);
    return { mxray, mailauth };
  };
  const shared = await pair(
    (i) => mxrayResult(i, sharedClient),
    (i) => mailauthResult(i, sharedResolver),
  );
  const fresh = await pair(
    (i) => mxrayResult(i),
    (i) => mailauthResult(i, knotResolver()),
  );
  const merged = sharedClient.stats.cacheHits;
  const asked = sharedClient.stats.queries;
  console.log(
    `inputs: ${inputs.length} (${DOMAINS.length} lab domains x ${IPS.length} client IPs), concurrency ${CONCURRENCY}, Knot ${KNOT}:53 direct, no cache`,
  );
  for (const [name, r] of [
    ["shared resolver", shared],
    ["fresh resolver per evaluation", fresh],
  ] as const) {
    console.log(`${name}:`);
    console.log(
      `  mxray checkHost: ${r.mxray.perSecond.toFixed(0)} evaluations/s (${r.mxray.evaluations} in ${r.mxray.seconds.toFixed(1)} s)`,
    );
    console.log(
      `  mailauth spf():  ${r.mailauth.perSecond.toFixed(0)} evaluations/s (${r.mailauth.evaluations} in ${r.mailauth.seconds.toFixed(1)} s)`,
    );
    console.log(`  ratio mxray/mailauth: ${(r.mxray.perSecond / r.mailauth.perSecond).toFixed(2)}`);
  }
  const evaluations = shared.mxray.evaluations + inputs.length; // measured rounds plus the warm-up
  console.log(
    `questions per evaluation (shared): mxray ${((asked + merged) / evaluations).toFixed(2)} (${merged} merged with an identical one in flight), mailauth ${(mailauthQuestions / evaluations).toFixed(2)}`,
  );
  console.log(`results differing between the two: ${differ.length}/${inputs.length}`);
  for (const d of differ) console.log(`  ${d}`);
  const figures = (r: typeof shared) => ({
    mxrayPerSecond: Math.round(r.mxray.perSecond),
    mailauthPerSecond: Math.round(r.mailauth.perSecond),
    ratio: Number((r.mxray.perSecond / r.mailauth.perSecond).toFixed(2)),
  });
  return {
    conformance: { mxray: suite.mxray, mailauth: suite.mailauth, total: suite.total },
    inMemoryPerSecond: { mxray: Math.round(cpu.mxray), mailauth: Math.round(cpu.mailauth) },
    server: `${KNOT}:53 (Knot, direct)`,
    concurrency: CONCURRENCY,
    inputs: inputs.length,
    shared: {
      ...figures(shared),
      mxrayQuestionsPerEvaluation: Number(((asked + merged) / evaluations).toFixed(2)),
      mailauthQuestionsPerEvaluation: Number((mailauthQuestions / evaluations).toFixed(2)),
    },
    fresh: figures(fresh),
    differing: differ,
  };
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) await run();
