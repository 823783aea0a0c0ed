import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { lab, labRunning, requireLab } from "../../helpers/lab.js";
import {
  mxrayAsPflogsumm,
  parsePflogsummTotals,
  type PflogsummView,
} from "../../../src/server-side/pflogsumm-compat.js";

const TRAFFIC = `${lab.run}/mxray-traffic`;
const tmp = mkdtempSync(join(tmpdir(), "mxray-inside-lab-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Doc {
  findings: { id: string; severity: string; subject: string; params: Record<string, unknown> }[];
  data: Record<string, unknown>;
}

function mxray(args: string[], input?: string): { code: number | null; doc: Doc; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args, "--json"], {
    encoding: "utf8",
    input,
    timeout: 120_000,
    maxBuffer: 64 << 20,
  });
  assert.ok(r.stdout.trim().startsWith("{"), `mxray ${args.join(" ")} printed no JSON: ${r.stderr}`);
  return { code: r.status, doc: JSON.parse(r.stdout) as Doc, stderr: r.stderr };
}

function agreeWithPflogsumm(file: string): void {
  const pf = execFileSync("pflogsumm", [file], { encoding: "utf8", maxBuffer: 64 << 20 });
  const theirs = parsePflogsummTotals(pf);
  const mine = mxrayAsPflogsumm(mxray(["logs", file]).doc.data as unknown as PflogsummView);
  const compared = Object.keys(mine).filter((k) => theirs[k] !== undefined);
  assert.ok(compared.length >= 12, `pflogsumm totals found: ${Object.keys(theirs).join(", ")}`);
  for (const k of compared) assert.equal(mine[k], theirs[k], `${file}: ${k}`);
}

describe("inside view on the lab's real Postfix", () => {
  let ready = false;
  before(async () => {
    if (!(await labRunning())) return;
    // traffic.sh is idempotent: it returns at once when this lab start already has the flow
    execFileSync("bash", ["test/lab/traffic.sh"], { stdio: "ignore", timeout: 300_000 });
    ready = existsSync(`${TRAFFIC}/done`);
  });

  it("mxray logs gives exact counts for the scripted flow", async (t) => {
    if (!(await requireLab(t))) return;
    assert.ok(ready, "traffic.sh did not finish");
    const { code, doc } = mxray(["logs", `${TRAFFIC}/traffic.log`]);
    const d = doc.data as {
      totals: Record<string, number>;
      receivedByService: Record<string, { messages: number }>;
      rejects: { category: string; count: number }[];
      sasl: { byClient: { client: string; count: number }[] };
      connections: { scanLike: number };
      deferrals: { byDsn: { dsn: string; count: number }[] };
      messages: { held: string[] };
      tls: { receivedOverTls: number; receivedPlaintext: number };
    };
    const t0 = d.totals;
    assert.deepEqual(
      [
        t0.received,
        t0.delivered,
        t0.deferred,
        t0.deferrals,
        t0.bounced,
        t0.rejected,
        t0.placedOnHold,
        t0.removedByAdmin,
        t0.forwarded,
        t0.expired,
      ],
      [10, 7, 3, 3, 2, 5, 1, 2, 0, 0],
    );
    assert.deepEqual(
      Object.fromEntries(Object.entries(d.receivedByService).map(([k, v]) => [k, v.messages])),
      { "postfix/submission/smtpd": 4, "postfix/smtpd": 3, pickup: 2, "postfix/submissions/smtpd": 1 },
    );
    assert.deepEqual(d.rejects.map((r) => `${r.category} ${r.count}`).sort(), [
      "helo 1",
      "recipient-rejected 1",
      "relay-denied 1",
      "unknown-recipient 1",
      "unknown-sender-domain 1",
    ]);
    assert.deepEqual(
      d.deferrals.byDsn.map((x) => `${x.dsn} ${x.count}`),
      ["4.4.1 2", "4.7.5 1"],
    );
    assert.deepEqual(
      d.sasl.byClient.map((c) => `${c.client} ${c.count}`),
      ["unknown[127.0.0.53] 5", "unknown[127.0.0.54] 1"],
    );
    assert.equal(d.connections.scanLike, 3);
    assert.deepEqual([d.tls.receivedOverTls, d.tls.receivedPlaintext], [7, 1]);
    assert.deepEqual(d.messages.held, [readFileSync(`${TRAFFIC}/held.qid`, "utf8").trim()]);
    const ids = doc.findings.map((f) => `${f.id}:${f.severity}`);
    for (const id of [
      "logs.sasl.brute-force:warning",
      "logs.connection.scan:info",
      "logs.deferral.unreachable:warning",
      "logs.deferral.tls:warning",
      "logs.bounce.group:warning",
      "logs.held:info",
    ])
      assert.ok(ids.includes(id), id);
    assert.equal(code, 1);
  });

  it("mxray logs agrees with pflogsumm on the flow, its log segment and the whole main log", async (t) => {
    if (!(await requireLab(t))) return;
    assert.ok(ready, "traffic.sh did not finish");
    agreeWithPflogsumm(`${TRAFFIC}/traffic.log`);
    agreeWithPflogsumm(`${TRAFFIC}/segment.log`);
    // a snapshot, so both tools read the same bytes while the lab keeps logging
    const snap = join(tmp, "postfix.log");
    copyFileSync(lab.postfixLog(), snap);
    agreeWithPflogsumm(snap);
  });

  it("mxray queue runs postqueue -j and finds the held message; postqueue -p on stdin agrees", async (t) => {
    if (!(await requireLab(t))) return;
    assert.ok(ready, "traffic.sh did not finish");
    const held = readFileSync(`${TRAFFIC}/held.qid`, "utf8").trim();
    const dir = `${lab.run}/postfix-main/etc`;
    const j = mxray(["queue", "--config-dir", dir]).doc;
    const js = j.data as {
      format: string;
      heldIds: string[];
      byQueue: Record<string, number>;
      lifetimeSeconds: number;
    };
    assert.equal(js.format, "postqueue-json");
    assert.ok(js.heldIds.includes(held), `${held} in ${js.heldIds.join(",")}`);
    assert.equal(js.lifetimeSeconds, 3600, "maximal_queue_lifetime = 1h from postconf");
    assert.ok(j.findings.some((f) => f.id === "queue.hold"));
    const text = execFileSync("postqueue", ["-p"], {
      encoding: "utf8",
      env: { ...process.env, MAIL_CONFIG: dir },
    });
    const p = mxray(["queue", "-", "--lifetime", "1h"], text).doc.data as {
      format: string;
      heldIds: string[];
    };
    assert.equal(p.format, "postqueue-text");
    assert.ok(p.heldIds.includes(held));
  });

  it("mxray local shows the weak instance's open-relay risk and expired certificate", async (t) => {
    if (!(await requireLab(t))) return;
    const { doc } = mxray(["local", "--config-dir", `${lab.run}/postfix-weak/etc`]);
    const f = doc.findings;
    const relay = f.find((x) => x.id === "local.postfix.relay.mynetworks-listener");
    assert.ok(relay, f.map((x) => x.id).join(", "));
    assert.deepEqual(
      [relay.severity, relay.params.service, relay.params.network],
      ["error", `${lab.weak}:25`, "127.0.0.0/8"],
    );
    assert.ok(
      f.some(
        (x) =>
          x.id === "local.cert.expired" &&
          x.severity === "error" &&
          String(x.params.file).includes("expired.lab.test"),
      ),
    );
    assert.ok(
      f.some((x) => x.id === "local.postfix.tls.inbound-off" && x.params.service === `${lab.weak}:25`),
    );
    assert.ok(f.some((x) => x.id === "local.postfix.queue-lifetime.short"));
  });

  it("mxray local sees the main instance guarded, its sockets and their owner, and Dovecot", async (t) => {
    if (!(await requireLab(t))) return;
    const { doc } = mxray([
      "local",
      "--config-dir",
      `${lab.run}/postfix-main/etc`,
      "--dovecot-config",
      `${lab.run}/dovecot/dovecot.conf`,
    ]);
    const f = doc.findings;
    assert.deepEqual(
      f
        .filter((x) => x.id === "local.postfix.relay.ok")
        .map((x) => x.params.service)
        .sort(),
      [`${lab.mail}:25`, `${lab.mail}:465`, `${lab.mail}:587`],
    );
    assert.equal(
      f.some((x) => x.id.startsWith("local.postfix.relay.") && x.id !== "local.postfix.relay.ok"),
      false,
    );
    const data = doc.data as {
      sockets: { listeners: { address: string; port: number; owner: { command: string } | null }[] };
    };
    const smtp = data.sockets.listeners.find((l) => l.address === lab.mail && l.port === 25);
    assert.equal(smtp?.owner?.command, "master");
    assert.ok(
      data.sockets.listeners.some(
        (l) => l.address === lab.mail && l.port === 993 && l.owner?.command === "dovecot",
      ),
    );
    assert.ok(f.some((x) => x.id === "local.cert.ok" && String(x.params.file).includes("mail.lab.test")));
    assert.ok(f.some((x) => x.id === "local.dovecot.summary" && x.params.ssl === "yes"));
  });
});
