/**
 * `mxray message` figures: DKIM verification of a lab-signed message next to dkimpy's dkimverify
 * (the reference tool, through the lab resolver), a 50 MB body, 5000 Received fields, and the
 * ValiMail ARC suite. Run alone: `node --import tsx bench/message.ts` (the lab must be running for
 * the side-by-side part; the rest runs without it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { isMap, isScalar, parseAllDocuments } from "yaml";
import { dkimSign } from "mailauth/lib/dkim/sign.js";
import { silentProgress, type RunContext } from "../src/core/context.js";
import type { MessageEvidence } from "../src/message/analyze.js";
import { checkMessage, validateArcMessage } from "../src/message/index.js";
import { createDnsClient } from "../src/net/dns/client.js";
import { createMemoryResolver } from "../src/net/dns/memory.js";
import type { DnsClient, DnsRecord } from "../src/net/dns/types.js";

const LAB_RUN = process.env.LAB_RUN ?? "/var/tmp/mxray-lab";
const ctx = (dns: DnsClient): RunContext => ({
  dns,
  timeoutMs: 3000,
  now: () => new Date(),
  progress: silentProgress,
  perHostConcurrency: 2,
});
const raw = (bytes: Buffer) => ({ bytes, source: "bench.eml", size: bytes.length, truncated: false });
const mb = (kb: number) => Math.round(kb / 1024);

async function labSigned(body: string): Promise<Buffer> {
  const text = [
    "From: x@lab.test",
    "To: x@lab.test",
    "Subject: bench",
    `Date: ${new Date().toUTCString()}`,
    "Message-ID: <bench@lab.test>",
    "",
    body,
  ].join("\r\n");
  const privateKey = readFileSync(`${LAB_RUN}/dkim/sel1.key`, "utf8");
  const res = await dkimSign(text, {
    algorithm: "rsa-sha256",
    canonicalization: "relaxed/relaxed",
    // a fixed time: without one, t= may differ between the signed and the returned header (mailauth 4.13)
    signTime: new Date(),
    signatureData: [
      {
        signingDomain: "lab.test",
        selector: "sel1",
        privateKey,
        algorithm: "rsa-sha256",
        canonicalization: "relaxed/relaxed",
      },
    ],
  } as Parameters<typeof dkimSign>[1]);
  return Buffer.from(res.signatures + text);
}

/** Wall time and peak RSS of the CLI process on a file (GNU time's %M; includes tsx start-up). */
function cli(file: string): { ms: number; maxRssMB?: number; result: string } {
  const t0 = performance.now();
  const r = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "maxrss=%M",
      process.execPath,
      "--import",
      "tsx",
      "src/cli/main.ts",
      "message",
      file,
      "--json",
      "--resolver",
      "127.0.0.3",
    ],
    {
      encoding: "utf8",
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const ms = performance.now() - t0;
  const kb = /maxrss=(\d+)/.exec(r.stderr)?.[1];
  let result = "?";
  try {
    result = (JSON.parse(r.stdout) as { data: MessageEvidence }).data.dkim?.[0]?.result ?? "?";
  } catch {
    result = `error: ${r.stderr.slice(0, 200)}`;
  }
  return { ms: Math.round(ms), ...(kb ? { maxRssMB: mb(Number(kb)) } : {}), result };
}

function dkimverify(file: string): { ms: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync("bash", ["test/lab/labenv.sh", "bash", "-c", `dkimverify < ${file}`], {
    encoding: "utf8",
    timeout: 120_000,
  });
  return { ms: performance.now() - t0, out: (r.stdout + r.stderr).trim().split("\n").pop() ?? "" };
}

async function sideBySide(): Promise<Record<string, unknown>> {
  if (!existsSync(`${LAB_RUN}/dkim/sel1.key`)) return { skipped: "lab not running" };
  const dir = mkdtempSync(join(tmpdir(), "mxray-bench-"));
  const dns = createDnsClient({ servers: ["127.0.0.3:53"], timeoutMs: 3000 });
  const small = await labSigned("Hello.\r\n");
  writeFileSync(join(dir, "small.eml"), small);
  const runs = 20;
  let result = "";
  const t0 = performance.now();
  for (let i = 0; i < runs; i++)
    result = ((await checkMessage(raw(small), ctx(dns))).data as MessageEvidence).dkim?.[0]?.result ?? "?";
  const mxrayMs = (performance.now() - t0) / runs;
  const ref = [1, 2, 3].map(() => dkimverify(join(dir, "small.eml")));
  const refMs = ref.reduce((s, r) => s + r.ms, 0) / ref.length;
  const bigBody = "0123456789abcdef"
    .repeat(4)
    .concat("\r\n")
    .repeat(Math.ceil((50 * 1024 * 1024) / 66));
  const big = await labSigned(bigBody);
  writeFileSync(join(dir, "big.eml"), big);
  const b0 = performance.now();
  const bigResult = ((await checkMessage(raw(big), ctx(dns))).data as MessageEvidence).dkim?.[0]?.result;
  const bigMs = performance.now() - b0;
  const refBig = dkimverify(join(dir, "big.eml"));
  return {
    smallMessage: {
      libraryMsPerMessage: Math.round(mxrayMs),
      libraryResult: result,
      cliProcess: cli(join(dir, "small.eml")),
      dkimverifyProcessMs: Math.round(refMs),
      dkimverifyResult: ref[0]?.out,
    },
    body50MB: {
      bytes: big.length,
      libraryMs: Math.round(bigMs),
      libraryResult: bigResult,
      cliProcess: cli(join(dir, "big.eml")),
      dkimverifyProcessMs: Math.round(refBig.ms),
      dkimverifyResult: refBig.out,
    },
  };
}

async function manyHops(): Promise<Record<string, unknown>> {
  const fields = Array.from(
    { length: 5000 },
    (_, i) =>
      `Received: from h${i}.example (h${i}.example [192.0.2.${i % 250}]) by h${i + 1}.example with ESMTP id ${i}; Tue, 3 Jan 2017 12:00:00 +0000`,
  );
  const msg = Buffer.from(`${fields.join("\r\n")}\r\nFrom: a@example.com\r\n\r\nbody\r\n`);
  const t0 = performance.now();
  const report = await checkMessage(raw(msg), ctx(createMemoryResolver([])));
  return {
    receivedFields: 5000,
    hopsAnalysed: (report.data as MessageEvidence).received.hops.length,
    ms: Math.round(performance.now() - t0),
  };
}

async function arcSuite(): Promise<Record<string, unknown>> {
  const text = readFileSync("test/fixtures/message/arc/arc-draft-validation-tests.yml", "utf8");
  let total = 0;
  let pass = 0;
  const t0 = performance.now();
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    if (!("contents" in doc) || !isMap(doc.contents)) continue;
    const records: DnsRecord[] = [];
    const txt = doc.contents.get("txt-records");
    if (isMap(txt))
      for (const p of txt.items)
        records.push({
          type: "TXT",
          name: String(isScalar(p.key) ? p.key.value : ""),
          ttl: 1,
          strings: [String(isScalar(p.value) ? p.value.value : "")],
        });
    const tests = doc.contents.get("tests");
    if (!isMap(tests)) continue;
    for (const p of tests.items) {
      const body = isMap(p.value) ? (p.value.toJSON() as Record<string, unknown>) : {};
      const cv = String(body.cv ?? "")
        .trim()
        .toLowerCase();
      const expected = cv === "pass" || cv === "none" ? cv : "fail";
      const got = await validateArcMessage(
        Buffer.from(String(body.message ?? "")),
        createMemoryResolver(records),
        new Date(),
      );
      total++;
      if (got.result === expected) pass++;
    }
  }
  return { tests: total, pass, msTotal: Math.round(performance.now() - t0) };
}

export async function run(): Promise<Record<string, unknown>> {
  const results = { arcSuite: await arcSuite(), manyHops: await manyHops(), lab: await sideBySide() };
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return results;
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) await run();
