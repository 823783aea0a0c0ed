import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { sealMessage } from "mailauth/lib/arc/index.js";
import { dkimSign } from "mailauth/lib/dkim/sign.js";
import { silentProgress, type RunContext } from "../../../src/core/context.js";
import type { MessageEvidence } from "../../../src/message/analyze.js";
import { checkMessage } from "../../../src/message/index.js";
import { createDnsClient } from "../../../src/net/dns/client.js";
import { lab, requireLab } from "../../helpers/lab.js";

/*
 * Messages signed here with the keys the lab publishes (regenerated at every lab start, so read at
 * test time), verified through the lab's validating resolver; and real deliveries through the lab's
 * Postfix, read back from the Maildir, so the Received chain is Postfix's own.
 */

const LAB_DIR = new URL("../../lab/", import.meta.url).pathname;

function key(name: string): string | Buffer {
  const text = readFileSync(`${lab.run}/dkim/${name}.key`, "utf8");
  // dknewkey writes an ed25519 key as the base64 of its 32 raw bytes; mailauth takes those bytes
  return text.includes("BEGIN") ? text : Buffer.from(text.trim(), "base64");
}

function ctx(now = new Date()): RunContext {
  return {
    dns: createDnsClient({ servers: [lab.resolver], timeoutMs: 3000 }),
    timeoutMs: 3000,
    now: () => now,
    progress: silentProgress,
    perHostConcurrency: 2,
  };
}

function message(id: string, subject = "mxray lab message"): string {
  return [
    "From: X <x@lab.test>",
    "To: x@lab.test",
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${id}@lab.test>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hello from the mxray lab.",
    "",
  ].join("\r\n");
}

async function signed(
  text: string,
  selector: string,
  keyName: string,
  extra: { algorithm?: string; expires?: Date; signTime?: Date } = {},
): Promise<string> {
  const privateKey = key(keyName);
  const algorithm = extra.algorithm ?? (keyName === "ed1" ? "ed25519-sha256" : "rsa-sha256");
  const res = await dkimSign(text, {
    algorithm,
    canonicalization: "relaxed/relaxed",
    // always a fixed time: without one, mailauth 4.13 reads the clock once for the signed copy of
    // the DKIM-Signature header and again for the one it returns, and t= differs (a bad signature)
    // when a half-second boundary falls between the two reads, about once in a thousand signatures
    signTime: extra.signTime ?? new Date(),
    ...(extra.expires ? { expires: extra.expires } : {}),
    signatureData: [
      { signingDomain: lab.domain, selector, privateKey, algorithm, canonicalization: "relaxed/relaxed" },
    ],
  } as Parameters<typeof dkimSign>[1]);
  assert.match(res.signatures, /^DKIM-Signature:/);
  return res.signatures + text;
}

async function dkimOf(text: string, now?: Date) {
  const report = await checkMessage(
    { bytes: Buffer.from(text), source: "lab.eml", size: text.length, truncated: false },
    ctx(now),
  );
  const ev = report.data as MessageEvidence;
  assert.ok(ev.dkim?.length, `DKIM not checked: ${ev.dkimSkipped} ${ev.dkimError ?? ""}`);
  return { sig: ev.dkim[0]!, report };
}

describe("DKIM against the keys published in the lab DNS", () => {
  it("passes good rsa-2048 (sel1) and ed25519 (ed1) signatures, keys read from DNSSEC-signed records", async (t) => {
    if (!(await requireLab(t))) return;
    const rsa = await dkimOf(await signed(message(randomUUID()), "sel1", "sel1"));
    assert.equal(rsa.sig.result, "pass");
    assert.equal(rsa.sig.keyBits, 2048);
    assert.equal(rsa.sig.alignment, "strict");
    assert.match(rsa.sig.keyEvidence[0] ?? "", /NOERROR ad from 127\.0\.0\.3:53/);
    const ed = await dkimOf(await signed(message(randomUUID()), "ed1", "ed1"));
    assert.equal(ed.sig.result, "pass");
    assert.equal(ed.sig.keyType, "ed25519");
  });

  it("fails a modified body and a modified header", async (t) => {
    if (!(await requireLab(t))) return;
    const good = await signed(message(randomUUID()), "sel1", "sel1");
    const body = await dkimOf(good.replace("Hello from", "Hullo from"));
    assert.deepEqual([body.sig.result, body.sig.reason], ["fail", "body-hash"]);
    const header = await dkimOf(good.replace("Subject: mxray lab message", "Subject: changed"));
    assert.deepEqual([header.sig.result, header.sig.reason], ["fail", "signature"]);
  });

  it("fails an expired signature (x= in the past)", async (t) => {
    if (!(await requireLab(t))) return;
    const now = new Date();
    const text = await signed(message(randomUUID()), "sel1", "sel1", {
      signTime: new Date(now.getTime() - 7200_000),
      expires: new Date(now.getTime() - 3600_000),
    });
    const { sig, report } = await dkimOf(text, now);
    assert.deepEqual([sig.result, sig.reason], ["fail", "expired"]);
    assert.ok(report.findings.some((f) => f.id === "message.dkim.fail.expired"));
  });

  it("reports the revoked selector as permerror", async (t) => {
    if (!(await requireLab(t))) return;
    const { sig } = await dkimOf(await signed(message(randomUUID()), "revoked", "sel1"));
    assert.deepEqual([sig.result, sig.reason], ["permerror", "key-revoked"]);
  });

  it("refuses rsa-sha1 by policy although the signature verifies (selector sha1: sel1's key without h=)", async (t) => {
    if (!(await requireLab(t))) return;
    const { sig, report } = await dkimOf(
      await signed(message(randomUUID()), "sha1", "sel1", { algorithm: "rsa-sha1" }),
    );
    assert.deepEqual([sig.result, sig.reason, sig.cryptoVerified], ["policy", "sha1", true]);
    assert.ok(report.findings.some((f) => f.id === "message.dkim.policy.sha1" && f.severity === "error"));
    // the same signature under sel1, whose record says h=sha256, is refused by the key itself
    const strict = await dkimOf(
      await signed(message(randomUUID()), "sel1", "sel1", { algorithm: "rsa-sha1" }),
    );
    assert.equal(strict.sig.result, "policy");
  });

  it("passes the 1024-bit key (k1024) with a warning to move to 2048 bits", async (t) => {
    if (!(await requireLab(t))) return;
    const { sig, report } = await dkimOf(await signed(message(randomUUID()), "k1024", "k1024"));
    assert.equal(sig.result, "pass");
    assert.equal(sig.keyBits, 1024);
    const weak = report.findings.find((f) => f.id === "message.dkim.key.weak");
    assert.equal(weak?.params.bits, 1024);
  });
});

function swaks(args: string[], data?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "mxray-msg-"));
  const extra: string[] = [];
  if (data !== undefined) {
    writeFileSync(join(dir, "msg.eml"), data);
    extra.push("--data", join(dir, "msg.eml"));
  }
  const r = spawnSync(
    "bash",
    [join(LAB_DIR, "labenv.sh"), "swaks", "--to", "x@lab.test", "--from", "x@lab.test", ...args, ...extra],
    { encoding: "utf8", timeout: 30_000 },
  );
  assert.match(r.stdout, /250 2\.0\.0 Ok: queued as/, `swaks failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * Waits (bounded) for the delivered file carrying this Message-ID in x@lab.test's Maildir. On a fresh
 * lab the Maildir appears with the first delivery, and an IMAP test may move a message from new/ to
 * cur/ (or a file may go between listing and reading it): all of these mean "look again".
 */
async function delivered(id: string): Promise<string> {
  const maildir = `${lab.run}/mail/lab.test/x`;
  for (let i = 0; i < 100; i++) {
    const hit = findMessage(maildir, `<${id}@lab.test>`);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`message ${id} not delivered to ${maildir} within 10 s`);
}

function findMessage(maildir: string, messageId: string): string | undefined {
  const recent: { file: string; mtime: number }[] = [];
  for (const sub of ["new", "cur"]) {
    const dir = join(maildir, sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      const file = join(dir, f);
      const mtime = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
      if (mtime !== undefined) recent.push({ file, mtime });
    }
  }
  recent.sort((x, y) => y.mtime - x.mtime);
  for (const { file } of recent.slice(0, 50)) {
    try {
      if (readFileSync(file, "latin1").includes(messageId)) return file;
    } catch {
      // moved to cur/ since the listing: found on the next look
    }
  }
  return undefined;
}

function mxrayMessage(file: string): {
  code: number | null;
  json: { findings: { id: string }[]; data: MessageEvidence };
  text: string;
} {
  const run = (...extra: string[]) =>
    spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "message", file, "--resolver", lab.resolver, ...extra],
      { encoding: "utf8", timeout: 60_000 },
    );
  const json = run("--json");
  const text = run("--no-color");
  return {
    code: json.status,
    json: JSON.parse(json.stdout) as { findings: { id: string }[]; data: MessageEvidence },
    text: text.stdout,
  };
}

describe("messages delivered through the lab's Postfix", () => {
  it("traces a signed message sent over STARTTLS from client.lab.test: ESMTPS hop with TLS facts, DKIM, SPF and DMARC pass", async (t) => {
    if (!(await requireLab(t))) return;
    const id = randomUUID();
    swaks(
      ["--server", lab.mail, "--local-interface", "127.0.0.20", "--ehlo", "client.lab.test", "--tls"],
      await signed(message(id), "sel1", "sel1"),
    );
    const file = await delivered(id);
    const { code, json, text } = mxrayMessage(file);
    const ev = json.data;
    const hop = ev.received.hops[0]!;
    assert.equal(hop.from?.ip, "127.0.0.20");
    assert.equal(hop.from?.helo, "client.lab.test");
    assert.equal(hop.from?.rdns, "client.lab.test");
    assert.equal(hop.by, "mail.lab.test");
    assert.equal(hop.protocol, "ESMTPS");
    assert.match(hop.tls?.version ?? "", /^TLSv1\.[23]$/);
    assert.match(hop.tls?.cipher ?? "", /^TLS_|^ECDHE/);
    assert.equal(ev.received.firstExternal, 0);
    assert.equal(ev.dkim?.[0]?.result, "pass");
    assert.equal(ev.spf?.ip, "127.0.0.20");
    assert.equal(ev.spf?.sender, "x@lab.test");
    assert.equal(ev.spf?.result.result, "pass");
    assert.equal(ev.dmarc?.result, "pass");
    assert.equal(ev.dmarc?.requested, "reject");
    assert.ok(json.findings.some((f) => f.id === "message.received.first-external"));
    assert.match(
      text,
      /client\.lab\.test \[127\.0\.0\.20\] → mail\.lab\.test \(Postfix\) {2}with ESMTPS TLSv1\.\d/,
    );
    assert.equal(code, 0, text);
  });

  it("validates an ARC set sealed with the lab's key after delivery through Postfix", async (t) => {
    if (!(await requireLab(t))) return;
    const id = randomUUID();
    const text = await signed(message(id, "sealed"), "sel1", "sel1");
    const seal = await sealMessage(text, {
      signingDomain: lab.domain,
      selector: "sel1",
      privateKey: key("sel1"),
      authResults: "forwarder.lab.test; dkim=pass header.d=lab.test; spf=pass smtp.mailfrom=x@lab.test",
      cv: "none",
    } as Parameters<typeof sealMessage>[1]);
    swaks(
      ["--server", lab.mail, "--local-interface", "127.0.0.20", "--ehlo", "client.lab.test", "--tls"],
      seal.toString() + text,
    );
    const { json } = mxrayMessage(await delivered(id));
    const arc = json.data.arc;
    assert.equal(arc?.result, "pass");
    assert.deepEqual(
      arc?.instances.map((i) => [i.i, i.cv, i.seal?.domain, i.seal?.selector, i.authResults?.authservId]),
      [[1, "none", "lab.test", "sel1", "forwarder.lab.test"]],
    );
    assert.ok(json.findings.some((f) => f.id === "message.arc.pass"));
  });

  it("traces an authenticated submission on port 587 (ESMTPSA) of an unsigned message: no SPF for a submission, DKIM missing", async (t) => {
    if (!(await requireLab(t))) return;
    const id = randomUUID();
    swaks(
      [
        "--server",
        `${lab.mail}:587`,
        "--ehlo",
        "client.lab.test",
        "--tls",
        "--auth",
        "PLAIN",
        "--auth-user",
        "x@lab.test",
        "--auth-password",
        "x-secret",
      ],
      message(id, "submission"),
    );
    const file = await delivered(id);
    const { json } = mxrayMessage(file);
    const hop = json.data.received.hops[0]!;
    assert.equal(hop.protocol, "ESMTPSA");
    assert.equal(hop.authenticated, true);
    assert.equal(json.data.received.firstExternalReason, "authenticated");
    assert.equal(json.data.spfSkipped, "submission");
    assert.ok(json.findings.some((f) => f.id === "message.received.submission"));
    assert.ok(json.findings.some((f) => f.id === "message.spf.submission"));
    assert.ok(json.findings.some((f) => f.id === "message.dkim.none"));
  });
});
