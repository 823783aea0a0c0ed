import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { inspectCertFiles } from "../../../src/server-side/certificates.js";
import { parseIptablesSave, parseNftRuleset } from "../../../src/server-side/firewall.js";
import { parseDoveconf, postfixEvidence } from "../../../src/server-side/local-config.js";
import {
  dovecotFindings,
  firewallFindings,
  postfixFindings,
  socketFindings,
} from "../../../src/server-side/local-findings.js";
import { parseMainCf, parseMasterCf } from "../../../src/server-side/postconf.js";
import { chooseOwner, gatherSockets, parseProcNetTcp } from "../../../src/server-side/sockets.js";

const FIX = "test/fixtures/inside";
const read = (f: string) => readFileSync(`${FIX}/${f}`, "utf8");
const tmp = mkdtempSync(join(tmpdir(), "mxray-local-"));
after(() => rmSync(tmp, { recursive: true, force: true }));
const now = new Date("2026-12-03T21:00:00Z");
const ids = (fs: { id: string; severity: string }[]) => fs.map((f) => `${f.id}:${f.severity}`).sort();

describe("sockets from /proc", () => {
  it("decode IPv4 and IPv6 addresses, ports and states", () => {
    const v4 = parseProcNetTcp(read("proc-net-tcp.txt"), 4);
    assert.deepEqual(
      [v4[0]?.localIp, v4[0]?.localPort, v4[0]?.state, v4[0]?.inode],
      ["127.0.0.10", 25, "LISTEN", 1001],
    );
    assert.deepEqual([v4[2]?.remoteIp, v4[2]?.state], ["10.0.2.1", "SYN_RECV"]);
    const v6 = parseProcNetTcp(read("proc-net-tcp6.txt"), 6);
    assert.deepEqual(
      v6.map((s) => `${s.localIp}:${s.localPort}`),
      ["::1:993", "::ffff:127.0.0.10:110"],
    );
  });
  it("name the parent of a busy server's children as owner, and list a bounded number of the others", () => {
    const children = Array.from({ length: 150 }, (_, i) => ({ pid: 1000 - i, ppid: 5000, command: "smtpd" }));
    const owner = chooseOwner([...children, { pid: 5000, ppid: 1, command: "master" }]);
    assert.deepEqual([owner.pid, owner.command, owner.sharedCount], [5000, "master", 150]);
    assert.equal(owner.sharedWith?.length, 20);
    assert.equal(owner.sharedWith?.[0]?.pid, 851);
    // when no holder's parent is outside the set (a cycle cannot happen, but /proc may be racing), the lowest pid
    assert.equal(
      chooseOwner([
        { pid: 9, ppid: 8, command: "a" },
        { pid: 8, ppid: 9, command: "b" },
      ]).pid,
      8,
    );
  });
  it("list mail listeners with their owning process, and judge states per port", () => {
    const proc = join(tmp, "proc");
    mkdirSync(join(proc, "net"), { recursive: true });
    copyFileSync(`${FIX}/proc-net-tcp.txt`, join(proc, "net/tcp"));
    copyFileSync(`${FIX}/proc-net-tcp6.txt`, join(proc, "net/tcp6"));
    mkdirSync(join(proc, "4242/fd"), { recursive: true });
    writeFileSync(join(proc, "4242/comm"), "master\n");
    symlinkSync("socket:[1001]", join(proc, "4242/fd/7"));
    symlinkSync("/dev/null", join(proc, "4242/fd/0"));
    writeFileSync(join(proc, "4242/stat"), "4242 (master) S 1 4242 4242 0 -1\n");
    // an smtpd child inherits the listening socket; after a pid wrap-around it may be listed first
    mkdirSync(join(proc, "107/fd"), { recursive: true });
    writeFileSync(join(proc, "107/comm"), "smtpd\n");
    writeFileSync(join(proc, "107/stat"), "107 (smtpd) S 4242 4242 4242 0 -1\n");
    symlinkSync("socket:[1001]", join(proc, "107/fd/6"));
    const ev = gatherSockets(proc);
    assert.deepEqual(
      ev.listeners.map(
        (l) => `${l.address}:${l.port} ${l.owner ? `${l.owner.command}[${l.owner.pid}]` : "-"}`,
      ),
      ["127.0.0.10:25 master[4242]", "::ffff:127.0.0.10:110 -", "0.0.0.0:587 -", "::1:993 -"],
    );
    assert.deepEqual(ev.listeners[0]?.owner?.sharedWith, [{ pid: 107, command: "smtpd" }]);
    assert.equal(ev.listeners[0]?.owner?.sharedCount, 1);
    assert.deepEqual(ev.mailPorts, [
      {
        port: 25,
        service: "smtp",
        states: { SYN_RECV: 2, TIME_WAIT: 2, ESTABLISHED: 1 },
        timeWaitPeers: [{ peer: "10.0.2.2", count: 2 }],
        synRecvPeers: [{ peer: "10.0.2.1", count: 2 }],
      },
    ]);
    const f = socketFindings(ev, { synRecv: 2, timeWaitPerPeer: 2, certWarnDays: 14 });
    assert.deepEqual(ids(f), [
      "local.sockets.listeners:ok",
      "local.sockets.port-states:info",
      "local.sockets.syn-flood:error",
      "local.sockets.time-wait-peer:warning",
    ]);
    assert.deepEqual(ids(socketFindings(ev)), [
      "local.sockets.listeners:ok",
      "local.sockets.port-states:info",
    ]);
  });
});

describe("Postfix configuration", () => {
  it("parses main.cf continuation lines and master.cf -o overrides, braces included", () => {
    assert.equal(
      parseMainCf(read("main-open.cf")).smtpd_relay_restrictions,
      "permit_mynetworks, permit, reject_unauth_destination",
    );
    const m = parseMasterCf(read("master-open.cf"));
    assert.deepEqual(
      m.map((s) => s.name),
      ["smtp", "submission", "2525", "pickup"],
    );
    assert.equal(m[2]?.overrides.smtpd_relay_restrictions, "permit_mynetworks, reject_unauth_destination");
    assert.equal(m[2]?.maxproc, "20");
  });
  it("finds the open relay, plaintext AUTH, wide mynetworks, TLS gaps and the custom port", () => {
    const ev = postfixEvidence("files", read("main-open.cf"), read("master-open.cf"), now);
    const f = postfixFindings(ev, now);
    const byService = (svc: string) => ids(f.filter((x) => x.params.service === svc));
    assert.deepEqual(byService("smtp"), [
      "local.postfix.relay.open:critical",
      "local.postfix.tls.inbound-off:warning",
    ]);
    assert.deepEqual(byService("submission"), [
      "local.postfix.auth.plaintext:error",
      "local.postfix.relay.ok:ok",
      "local.postfix.tls.old-protocols:warning",
    ]);
    assert.deepEqual(byService("2525"), [
      "local.postfix.port.custom:info",
      "local.postfix.relay.mynetworks-wide:warning",
      "local.postfix.tls.inbound-off:error",
    ]);
    const general = ids(f.filter((x) => x.params.service === undefined));
    for (const id of [
      "local.postfix.tls.outbound-off:warning",
      "local.postfix.size.unlimited:warning",
      "local.postfix.rate-limits.none:info",
    ])
      assert.ok(general.includes(id), id);
  });
  it("sees the relay risk of a service listening inside its own mynetworks (the lab's weak instance)", () => {
    const main =
      "mynetworks = 127.0.0.0/8\nsmtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\nsmtpd_tls_security_level = may\nsmtp_tls_security_level = may\n";
    const master = "127.0.0.11:25 inet n - n - - smtpd\n127.0.0.1:25 inet n - n - - smtpd\n";
    const f = postfixFindings(postfixEvidence("files", main, master, now), now);
    const weak = f.find((x) => x.id === "local.postfix.relay.mynetworks-listener");
    assert.deepEqual(weak && [weak.severity, weak.params.address, weak.params.network, weak.params.hosts], [
      "error",
      "127.0.0.11",
      "127.0.0.0/8",
      16777216,
    ]);
    assert.ok(
      f.some((x) => x.id === "local.postfix.relay.ok" && x.params.service === "127.0.0.1:25"),
      "the host itself on 127.0.0.1 is fine",
    );
  });
});

describe("certificates", () => {
  it("report expiry and whether the key matches", () => {
    const gen = (name: string) =>
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:P-256",
          "-nodes",
          "-keyout",
          join(tmp, `${name}.key`),
          "-out",
          join(tmp, `${name}.crt`),
          "-subj",
          `/CN=${name}.example`,
          "-days",
          "30",
        ],
        { stdio: "ignore" },
      );
    gen("a");
    gen("b");
    const ok = inspectCertFiles("test", join(tmp, "a.crt"), join(tmp, "a.key"), now);
    assert.equal(ok.keyMatches, true);
    assert.ok((ok.daysLeft ?? -1) >= 29);
    const wrong = inspectCertFiles("test", join(tmp, "a.crt"), join(tmp, "b.key"), now);
    assert.equal(wrong.keyMatches, false);
    writeFileSync(
      join(tmp, "chain.pem"),
      readFileSync(join(tmp, "b.key"), "utf8") + readFileSync(join(tmp, "b.crt"), "utf8"),
    );
    const later = new Date(now.getTime() + 40 * 86400_000);
    const chain = inspectCertFiles("test", join(tmp, "chain.pem"), join(tmp, "chain.pem"), later);
    assert.equal(chain.keyMatches, true);
    assert.ok((chain.daysLeft ?? 0) < 0);
    const ev = postfixEvidence(
      "files",
      `smtpd_tls_chain_files = ${join(tmp, "chain.pem")}\nsmtpd_tls_security_level = may\n`,
      "smtp inet n - n - - smtpd\n",
      later,
    );
    assert.ok(
      postfixFindings(ev, later).some((f) => f.id === "local.cert.expired" && f.severity === "error"),
    );
    const missing = inspectCertFiles("test", join(tmp, "nope.crt"), "", now);
    assert.match(missing.error ?? "", /ENOENT/);
  });
});

describe("Dovecot and the firewall", () => {
  it("judge doveconf -n: plaintext auth, old TLS, unreadable certificate", () => {
    const d = parseDoveconf(read("doveconf-n.txt"), "doveconf", now);
    assert.deepEqual(d.listeners, [
      { name: "imap", address: "", port: 143, ssl: false },
      { name: "imaps", address: "", port: 993, ssl: true },
    ]);
    assert.deepEqual(ids(dovecotFindings(d, now)), [
      "local.cert.unreadable:warning",
      "local.dovecot.plaintext-auth:warning",
      "local.dovecot.summary:ok",
      "local.dovecot.tls.old:warning",
    ]);
  });
  it("find rules on mail ports in iptables-save and nft output", () => {
    const ipt = parseIptablesSave(read("iptables-save.txt"));
    assert.deepEqual(
      ipt.rules.map((r) => `${r.chain} ${r.ports.join(",")} ${r.action}`),
      ["INPUT 25 accept", "INPUT 465,587,993 accept", "INPUT 110 reject", "OUTPUT 25 drop"],
    );
    assert.deepEqual(ipt.policies, { INPUT: "drop", FORWARD: "drop", OUTPUT: "accept" });
    assert.deepEqual(ids(firewallFindings({ source: "iptables-save", ...ipt })), [
      "local.firewall.inbound-blocked:warning",
      "local.firewall.outbound-blocked:warning",
      "local.firewall.rules:info",
    ]);
    const nft = parseNftRuleset(read("nft-ruleset.txt"));
    assert.deepEqual(
      nft.rules.map((r) => `${r.chain} ${r.direction} ${r.ports.join(",")} ${r.action}`),
      ["inet filter/input input 25,465,587 accept", "inet filter/input input 143 drop"],
    );
    assert.equal(nft.policies["inet filter/input"], "drop");
  });
});
