import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { before, describe, it } from "node:test";
import { promisify } from "node:util";
import { runChecks } from "../../../src/core/check.js";
import type { RunContext } from "../../../src/core/context.js";
import type { Evidence } from "../../../src/core/evidence.js";
import type { Finding } from "../../../src/core/finding.js";
import { serversChecks } from "../../../src/checks/servers.js";
import { createDnsClient } from "../../../src/net/dns/client.js";
import { gatherServers, type ServersEvidence } from "../../../src/probes/servers.js";
import { lab, labRunning, requireLab } from "../../helpers/lab.js";

const run = promisify(execFile);

function labContext(): RunContext {
  return {
    dns: createDnsClient({ servers: [lab.resolver], timeoutMs: 3000 }),
    timeoutMs: 4000,
    now: () => new Date(),
    progress: { step: () => {} },
    perHostConcurrency: 2,
    extraCa: [lab.ca],
  };
}

let gathered: ServersEvidence;
let findings: Finding[];

const at = (subject: string) => findings.filter((f) => f.subject === subject);
const idsAt = (subject: string) => at(subject).map((f) => f.id);
const one = (subject: string, id: string) => {
  const f = at(subject).find((x) => x.id === id);
  assert.ok(f, `${id} at ${subject}; got ${idsAt(subject).join(", ")}`);
  return f;
};

describe("the lab's real servers", () => {
  before(async () => {
    if (!(await labRunning())) return;
    gathered = await gatherServers(
      [
        { name: "mail.lab.test", addresses: [lab.mail] },
        { name: "weak.lab.test", addresses: [lab.weak] },
        { name: "expired.lab.test", addresses: [lab.expired] },
        { name: "dead.lab.test", addresses: [lab.dead] },
      ],
      labContext(),
    );
    const evidence: Evidence = {
      schema: 1,
      target: "lab.test",
      input: "lab.test",
      collectedAt: new Date().toISOString(),
      resolvers: [lab.resolver],
      ...gathered,
    };
    findings = runChecks(serversChecks, evidence);
  });

  it("scans the eight mail ports: the good host has all but 2525 open, the dead host none", async (t) => {
    if (!(await requireLab(t))) return;
    const state = (address: string, port: number) =>
      gathered.ports.results.find((r) => r.address === address && r.port === port)?.state;
    for (const p of [25, 465, 587, 110, 995, 143, 993])
      assert.equal(state(lab.mail, p), "open", `${lab.mail}:${p}`);
    assert.equal(state(lab.mail, 2525), "closed");
    assert.equal(state(lab.weak, 25), "open");
    for (const p of [25, 465, 587, 2525, 110, 995, 143, 993]) assert.equal(state(lab.dead, p), "closed");
    assert.equal(one("dead.lab.test 127.0.0.99:25", "ports.smtp.closed").severity, "error");
    assert.equal(one("mail.lab.test 127.0.0.10", "ports.matrix").params.closed, "2525");
  });

  it("the good Postfix on 25: banner, STARTTLS verified with the lab CA, closed relay, VRFY off", async (t) => {
    if (!(await requireLab(t))) return;
    const s = "mail.lab.test[127.0.0.10]:25";
    assert.equal(one(s, "smtp.banner.ok").params.text, "220 mail.lab.test ESMTP Postfix (mail lab)");
    one(s, "smtp.banner.name.match");
    const tls = one(s, "smtp.starttls.ok");
    assert.equal(tls.params.verified, "yes");
    assert.match(String(tls.params.protocol), /^TLSv1\.[23]$/);
    assert.match(String(one(s, "smtp.relay.closed").params.reply), /Relay access denied/);
    one(s, "smtp.vrfy.disabled");
    assert.ok(!idsAt(s).includes("smtp.starttls.missing"));
    assert.ok(
      at(s).every((f) => f.severity === "ok" || f.severity === "info"),
      idsAt(s).join(", "),
    );
    const session = gathered.smtp.sessions.find((x) => x.address === lab.mail && x.port === 25)!;
    assert.deepEqual(session.ptr?.names, ["mail.lab.test"]);
    for (const phase of ["connect", "banner", "ehlo", "starttls", "handshake", "ehlo-tls"])
      assert.ok(phase in session.phases, phase);
  });

  it("587 offers AUTH only after TLS; 465 is implicit TLS with AUTH", async (t) => {
    if (!(await requireLab(t))) return;
    const sub = "mail.lab.test[127.0.0.10]:587";
    assert.match(String(one(sub, "smtp.starttls.ehlo-changed").params.added), /AUTH PLAIN/);
    assert.ok(!idsAt(sub).some((id) => id.startsWith("smtp.auth.")), idsAt(sub).join(", "));
    const smtps = "mail.lab.test[127.0.0.10]:465";
    assert.equal(one(smtps, "smtp.tls.implicit.ok").params.verified, "yes");
    const session = gathered.smtp.sessions.find((x) => x.port === 465)!;
    assert.deepEqual(session.ehlo?.capabilities?.auth, ["PLAIN", "LOGIN"]);
  });

  it("the weak Postfix: no STARTTLS (error) and an open relay (critical), stopped before DATA", async (t) => {
    if (!(await requireLab(t))) return;
    const s = "weak.lab.test[127.0.0.11]:25";
    assert.equal(one(s, "smtp.starttls.missing").severity, "error");
    const relay = one(s, "smtp.relay.open");
    assert.equal(relay.severity, "critical");
    assert.equal(relay.params.local, "127.0.0.1");
    one(s, "smtp.vrfy.enabled");
    const test = gathered.smtp.relay.find((r) => r.address === lab.weak)!;
    assert.ok(!test.transcript.some((l) => l.dir === "C" && /^(DATA|BDAT)/i.test(l.text)), "never DATA");
    assert.ok(test.transcript.some((l) => l.dir === "C" && l.text === "RSET"));
  });

  it("the expired listener: STARTTLS works but the certificate does not verify", async (t) => {
    if (!(await requireLab(t))) return;
    const s = "expired.lab.test[127.0.0.12]:25";
    assert.equal(one(s, "smtp.starttls.ok").params.verified, "no (CERT_HAS_EXPIRED)");
    one(s, "smtp.relay.closed");
  });

  it("Dovecot: STARTTLS/STLS offered, no plaintext login before TLS, 993/995 implicit TLS", async (t) => {
    if (!(await requireLab(t))) return;
    one("mail.lab.test[127.0.0.10]:143", "imap.login.tls-only");
    assert.equal(one("mail.lab.test[127.0.0.10]:143", "imap.starttls.ok").params.verified, "yes");
    one("mail.lab.test[127.0.0.10]:993", "imap.tls.implicit.ok");
    one("mail.lab.test[127.0.0.10]:110", "pop3.login.tls-only");
    one("mail.lab.test[127.0.0.10]:110", "pop3.starttls.ok");
    one("mail.lab.test[127.0.0.10]:995", "pop3.tls.implicit.ok");
    const imap = gathered.mailbox.sessions.find((x) => x.port === 143)!;
    assert.ok(imap.capabilities?.includes("LOGINDISABLED"));
    assert.ok(!imap.starttls?.capabilitiesAfter?.includes("LOGINDISABLED"), "login is allowed inside TLS");
  });
});

describe("the commands against the lab", () => {
  const cli = async (...args: string[]) => {
    try {
      const r = await run(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
        timeout: 60_000,
      });
      return { code: 0, out: r.stdout };
    } catch (err) {
      const e = err as { code: number; stdout: string };
      return { code: e.code, out: e.stdout };
    }
  };
  const ids = (out: string) => (JSON.parse(out) as { findings: Finding[] }).findings.map((f) => f.id);

  it("mxray smtp on the weak server exits 2 with the open relay", async (t) => {
    if (!(await requireLab(t))) return;
    const r = await cli("smtp", "weak.lab.test", "--resolver", lab.resolver, "--json");
    assert.equal(r.code, 2);
    assert.ok(ids(r.out).includes("smtp.relay.open"));
    assert.ok(ids(r.out).includes("smtp.starttls.missing"));
  });

  it("speaks Chinese when asked", async (t) => {
    if (!(await requireLab(t))) return;
    const r = await cli("smtp", "weak.lab.test", "--resolver", lab.resolver, "--json", "--lang", "zh-CN");
    const doc = JSON.parse(r.out) as { findings: Array<{ id: string; summary: string; fix: string }> };
    const relay = doc.findings.find((f) => f.id === "smtp.relay.open");
    assert.match(relay?.summary ?? "", /^开放中继：127\.0\.0\.11 接受了/);
    assert.match(relay?.fix ?? "", /reject_unauth_destination/);
  });

  it("mxray smtp on the good server's 587 exits 0", async (t) => {
    if (!(await requireLab(t))) return;
    const r = await cli(
      "smtp",
      "mail.lab.test:587",
      "--resolver",
      lab.resolver,
      "--ca",
      lab.caFile,
      "--json",
    );
    assert.equal(r.code, 0, r.out);
    assert.ok(ids(r.out).includes("smtp.starttls.ok"));
  });

  it("mxray ports lists the matrix and warns about 25 on the dead host", async (t) => {
    if (!(await requireLab(t))) return;
    const good = await cli("ports", "mail.lab.test", "--resolver", lab.resolver, "--json");
    assert.equal(good.code, 0);
    const data = (JSON.parse(good.out) as { data: Array<{ port: number; state: string }> }).data;
    assert.equal(data.find((r) => r.port === 2525)?.state, "closed");
    assert.equal(data.filter((r) => r.state === "open").length, 7);
    const dead = await cli("ports", lab.dead, "--resolver", lab.resolver, "--ports", "25", "--json");
    assert.equal(dead.code, 1);
    assert.deepEqual(ids(dead.out).sort(), ["ports.matrix", "ports.smtp.closed"]);
  });

  it("mxray check bounce.lab.test reaches the weak MX and finds the open relay", async (t) => {
    if (!(await requireLab(t))) return;
    const r = await cli(
      "check",
      "bounce.lab.test",
      "--resolver",
      lab.resolver,
      "--json",
      "--dnsbl",
      "bl.lab.test",
    );
    assert.equal(r.code, 2);
    const found = ids(r.out);
    for (const id of ["ports.matrix", "smtp.relay.open", "smtp.starttls.missing"])
      assert.ok(found.includes(id), id);
  });

  it("the weak server's own log shows the relay session ended with RSET and QUIT, without DATA", async (t) => {
    if (!(await requireLab(t))) return;
    const log = readFileSync(`${lab.run}/log/postfix-weak.log`, "utf8").split("\n");
    // Postfix counts each command of a session in its "disconnect" line
    const relaySessions = log.filter((l) =>
      /postfix-weak\/smtpd\[\d+\]: disconnect from localhost\[127\.0\.0\.1\] .*rcpt=1 rset=/.test(l),
    );
    assert.ok(relaySessions.length > 0, "the relay sessions are in the log");
    assert.ok(
      relaySessions.every((l) => !/ (data|bdat)=/.test(l)),
      relaySessions.join("\n"),
    );
    assert.ok(relaySessions.some((l) => / quit=1 /.test(l)));
  });
});
