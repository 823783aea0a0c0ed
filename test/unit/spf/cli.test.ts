/** `mxray spf` end to end against an in-process authoritative server on 127.0.0.1. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { main } from "../../../src/cli/main.js";
import { startDnsServer, type RunningDnsServer } from "../../../src/net/dns/server.js";
import type { DnsRecord } from "../../../src/net/dns/types.js";
import { a, mx, txt } from "./helpers.js";

const soa: DnsRecord = {
  type: "SOA",
  name: "example.test",
  ttl: 300,
  mname: "ns.example.test",
  rname: "h.example.test",
  serial: 1,
  refresh: 3600,
  retry: 600,
  expire: 86400,
  minimum: 60,
};
const ZONE: DnsRecord[] = [
  soa,
  txt("example.test", "v=spf1 mx include:_spf.example.test -all exp=why.example.test"),
  txt("why.example.test", "%{i} is not allowed to send for %{d}"),
  mx("example.test", 10, "mail.example.test"),
  a("mail.example.test", "127.0.0.10"),
  txt("_spf.example.test", "v=spf1 ip4:127.0.0.20 a:gone.example.test ~all"),
  txt("_dmarc.example.test", "v=DMARC1; p=reject"),
  txt("helo.example.test", "v=spf1 a -all"),
  a("helo.example.test", "127.0.0.30"),
  txt("plusall.example.test", "v=spf1 +all"),
];

let srv: RunningDnsServer;
before(async () => {
  srv = await startDnsServer({ records: ZONE });
});
after(() => srv.close());

/**
 * Runs the CLI and captures what it prints. Only strings are captured: the test runner itself
 * reports through stdout with binary chunks, which pass through untouched.
 */
async function mxray(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = process.stdout.write;
  const e = process.stderr.write;
  const capture = (original: typeof o, add: (s: string) => void) =>
    function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      if (typeof chunk === "string") {
        add(chunk);
        return true;
      }
      return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof o;
  process.stdout.write = capture(o, (s) => (out += s));
  process.stderr.write = capture(e, (s) => (err += s));
  try {
    const code = await main(["spf", ...args, "--resolver", srv.server, "--timeout", "2"]);
    return { code, out, err };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
    // the commands set process.exitCode; the test file's own exit status must not inherit it
    process.exitCode = undefined;
  }
}

// one at a time: main() sets process.exitCode and the capture replaces process.stdout.write
describe("mxray spf --ip (evaluation)", { concurrency: 1 }, () => {
  test("fail with the expanded explanation and the trace; exit 2", async () => {
    const r = await mxray("--ip", "127.0.0.99", "--sender", "bob@example.test", "--json");
    assert.equal(r.code, 2, r.out + r.err);
    const doc = JSON.parse(r.out) as {
      result: string;
      explanation: string;
      domain: string;
      lookups: number;
      voidLookups: number;
      trace: { terms: { term: string }[] };
    };
    assert.equal(doc.result, "fail");
    assert.equal(doc.explanation, "127.0.0.99 is not allowed to send for example.test");
    assert.equal(doc.domain, "example.test");
    assert.equal(doc.lookups, 3, "mx, include, a:gone");
    assert.equal(doc.voidLookups, 1, "a:gone.example.test");
    assert.deepEqual(
      doc.trace.terms.map((t) => t.term),
      ["mx", "include:_spf.example.test", "-all"],
    );
  });
  test("pass exits 0, softfail 1; --sender '' checks the HELO name", async () => {
    assert.equal((await mxray("--ip", "127.0.0.10", "--sender", "bob@example.test", "--json")).code, 0);
    assert.equal((await mxray("--ip", "127.0.0.21", "--sender", "x@_spf.example.test", "--json")).code, 1);
    const helo = await mxray("--ip", "127.0.0.30", "--sender", "", "--helo", "helo.example.test", "--json");
    assert.equal(helo.code, 0);
    const doc = JSON.parse(helo.out) as { identity: string; sender: string; result: string };
    assert.deepEqual(
      [doc.identity, doc.sender, doc.result],
      ["helo", "postmaster@helo.example.test", "pass"],
    );
  });
  test("a domain with no record: none, exit 1; an unreachable resolver: temperror, exit 3", async () => {
    const none = await mxray("--ip", "127.0.0.10", "--sender", "x@nothing.example.test", "--json");
    assert.equal(none.code, 1);
    assert.equal((JSON.parse(none.out) as { result: string }).result, "none");
  });
  test("the text output shows result, explanation and trace, in Chinese too", async () => {
    const r = await mxray(
      "--ip",
      "127.0.0.99",
      "--sender",
      "bob@example.test",
      "--no-color",
      "--lang",
      "zh-CN",
    );
    assert.match(r.out, /FAIL {2}127\.0\.0\.99 未被授权代表 example\.test 发信/);
    assert.match(r.out, /说明: 127\.0\.0\.99 is not allowed to send for example\.test/);
    assert.match(r.out, /include → _spf\.example\.test/);
    assert.match(r.out, /gone\.example\.test A: NXDOMAIN \(void\)/);
  });
  test("bad usage exits 3 with a clear message", async () => {
    for (const args of [
      ["--ip", "300.1.2.3", "--sender", "a@example.test"],
      ["--sender", "a@example.test"],
      [],
      ["--ip", "127.0.0.1", "--sender", ""],
    ]) {
      const r = await mxray(...args);
      assert.equal(r.code, 3, args.join(" "));
      assert.match(r.err, /^mxray: /);
    }
  });
});

describe("mxray spf <domain> (audit)", { concurrency: 1 }, () => {
  test("prints the include tree before the findings, exits by the worst finding", async () => {
    const r = await mxray("example.test", "--no-color");
    assert.equal(r.code, 1, "the void lookup is a warning");
    const tree = r.out.indexOf("include tree:");
    assert.ok(tree > 0 && tree < r.out.indexOf("SPF\n"));
    assert.match(r.out, /├─ mx {2}\[lookup 1\] {2}MX mail\.example\.test; → 127\.0\.0\.10/);
    assert.match(
      r.out,
      /a:gone\.example\.test {2}\[lookup 3\] {2}→ no address; void: gone\.example\.test A nxdomain/,
    );
  });
  test("--json carries findings and the tree; +all is critical (exit 2)", async () => {
    const r = await mxray("plusall.example.test", "--json");
    assert.equal(r.code, 2);
    const doc = JSON.parse(r.out) as { findings: { id: string }[]; data: { tree: { record: string } } };
    assert.ok(doc.findings.some((f) => f.id === "spf.all.pass"));
    assert.equal(doc.data.tree.record, "v=spf1 +all");
  });
  test("--record audits a text before it is published", async () => {
    const long = `v=spf1 ${Array.from({ length: 20 }, (_, i) => `ip4:127.0.${i}.0/24`).join(" ")} -all`;
    const r = await mxray("example.test", "--record", long, "--json");
    const doc = JSON.parse(r.out) as { findings: { id: string; params: Record<string, unknown> }[] };
    assert.equal(doc.findings.find((f) => f.id === "spf.string.too-long")?.params.length, long.length);
    assert.equal(r.code, 2);
  });
});
