import assert from "node:assert/strict";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { after, describe, it } from "node:test";
import { promisify } from "node:util";
import { requireLab } from "../../helpers/lab.js";

/**
 * The filtered and unreachable cases for real. Two network namespaces made by this test, joined by a
 * veth pair whose addresses exist only inside them (nothing touches the host's interfaces or
 * routes): the target namespace listens on one port, DROPs a second (filtered), REJECTs a third
 * with icmp host-unreachable, and leaves a fourth closed. The probe runs inside the client
 * namespace. Both namespaces are deleted at the end, even on failure.
 */
const sh = promisify(execFile);
const tag = `${process.pid % 100000}`;
const NS_SRV = `mxray-t-srv-${tag}`;
const NS_CLI = `mxray-t-cli-${tag}`;
const VETH_CLI = `mxc${tag}`;
const VETH_SRV = `mxs${tag}`;
const SRV_IP = "10.213.0.2";
const CLI_IP = "10.213.0.1";
const [OPEN, DROPPED, REJECTED, CLOSED] = [2500, 2501, 2502, 2503];

let listener: ChildProcess | undefined;
let created = false;

async function ip(...args: string[]): Promise<void> {
  await sh("ip", args);
}
async function inNs(ns: string, ...cmd: string[]): Promise<string> {
  return (await sh("ip", ["netns", "exec", ns, ...cmd], { timeout: 60_000 })).stdout;
}

async function setUp(): Promise<void> {
  created = true;
  await ip("netns", "add", NS_SRV);
  await ip("netns", "add", NS_CLI);
  await ip(
    "link",
    "add",
    VETH_CLI,
    "netns",
    NS_CLI,
    "type",
    "veth",
    "peer",
    "name",
    VETH_SRV,
    "netns",
    NS_SRV,
  );
  for (const [ns, dev, addr] of [
    [NS_CLI, VETH_CLI, CLI_IP],
    [NS_SRV, VETH_SRV, SRV_IP],
  ] as const) {
    await ip("-n", ns, "addr", "add", `${addr}/30`, "dev", dev);
    await ip("-n", ns, "link", "set", dev, "up");
    await ip("-n", ns, "link", "set", "lo", "up");
  }
  const rules = [
    "add table inet mxray",
    "add chain inet mxray input { type filter hook input priority 0; policy accept; }",
    `add rule inet mxray input tcp dport ${DROPPED} drop`,
    `add rule inet mxray input tcp dport ${REJECTED} reject with icmp type host-unreachable`,
  ];
  for (const r of rules) await inNs(NS_SRV, "nft", r);
  listener = spawn(
    "ip",
    [
      "netns",
      "exec",
      NS_SRV,
      process.execPath,
      "-e",
      `require("net").createServer((s) => { s.on("error", () => {}); s.end("220 ns.test ESMTP\\r\\n"); }).listen(${OPEN}, "${SRV_IP}", () => console.log("ready"))`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("listener did not start")), 10_000);
    listener!.stdout!.once("data", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

async function tearDown(): Promise<void> {
  if (listener?.pid) listener.kill("SIGTERM");
  if (!created) return;
  // deleting a namespace deletes its end of the veth pair, and with it the other end
  for (const ns of [NS_SRV, NS_CLI]) await ip("netns", "del", ns).catch(() => {});
}

describe("ports in test-made network namespaces", () => {
  after(tearDown);

  it("tells open, filtered (dropped), unreachable (ICMP) and closed apart", async (t) => {
    if (!(await requireLab(t))) return;
    if (process.getuid?.() !== 0 || !existsSync("/usr/sbin/nft")) {
      if (process.env.MXRAY_REQUIRE_LAB === "1")
        throw new Error("this test needs root and nftables (test/lab/install.sh installs it)");
      t.skip("needs root and nftables");
      return;
    }
    await setUp();
    const out = await inNs(
      NS_CLI,
      process.execPath,
      "--import",
      "tsx",
      "src/cli/main.ts",
      "ports",
      SRV_IP,
      "--ports",
      `${OPEN},${DROPPED},${REJECTED},${CLOSED}`,
      "--timeout",
      "1.5",
      "--resolver",
      "127.0.0.1:53",
      "--json",
    ).catch((err: { stdout?: string }) => err.stdout ?? "");
    const report = JSON.parse(out) as {
      data: Array<{ port: number; state: string; code?: string }>;
      findings: Array<{ id: string }>;
    };
    const byPort = Object.fromEntries(report.data.map((r) => [r.port, r]));
    assert.equal(byPort[OPEN]?.state, "open");
    assert.deepEqual([byPort[DROPPED]?.state, byPort[DROPPED]?.code], ["filtered", "TIMEOUT"]);
    assert.deepEqual([byPort[REJECTED]?.state, byPort[REJECTED]?.code], ["unreachable", "EHOSTUNREACH"]);
    assert.deepEqual([byPort[CLOSED]?.state, byPort[CLOSED]?.code], ["closed", "ECONNREFUSED"]);
    const ids = report.findings.map((f) => f.id).sort();
    assert.deepEqual(ids, ["ports.matrix", "ports.other.filtered", "ports.other.unreachable"]);
  });
});
