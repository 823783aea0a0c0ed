import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { TLSSocket } from "node:tls";
import { judgeSmtpSession } from "../../../src/checks/smtp.js";
import { judgeMailboxSession } from "../../../src/checks/mailbox.js";
import { probeMailbox } from "../../../src/probes/mailbox.js";
import { probeSmtpSession } from "../../../src/probes/smtp.js";
import { startServer, type TestServer } from "./helpers.js";

/** A throwaway self-signed certificate for the in-process TLS servers (openssl makes it). */
let key = "";
let cert = "";
let dir = "";
const servers: TestServer[] = [];

before(() => {
  dir = mkdtempSync(join(tmpdir(), "mxray-starttls-"));
  try {
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
        "-days",
        "2",
        "-subj",
        "/CN=starttls.test",
        "-addext",
        "subjectAltName=DNS:starttls.test",
        "-keyout",
        join(dir, "k.pem"),
        "-out",
        join(dir, "c.pem"),
      ],
      { stdio: "ignore" },
    );
    key = readFileSync(join(dir, "k.pem"), "utf8");
    cert = readFileSync(join(dir, "c.pem"), "utf8");
  } catch {
    // no openssl: the tests below skip
  }
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** A small SMTP server that upgrades to TLS after STARTTLS; `afterGo` is sent right after the 220 (it must not be). */
function smtpWithTls(afterGo = ""): (socket: Socket) => void {
  return (socket) => {
    socket.write("220 starttls.test ESMTP\r\n");
    let buf = "";
    const onData = (d: Buffer) => {
      buf += d.toString("latin1");
      let i;
      while ((i = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, i).trim().toUpperCase();
        buf = buf.slice(i + 1);
        if (line.startsWith("EHLO")) socket.write("250-starttls.test\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n");
        else if (line === "STARTTLS") {
          socket.off("data", onData);
          socket.write(`220 2.0.0 go ahead\r\n${afterGo}`);
          const tls = new TLSSocket(socket, { isServer: true, key, cert });
          tls.on("error", () => {});
          let tbuf = "";
          tls.on("data", (td: Buffer) => {
            tbuf += td.toString("latin1");
            let j;
            while ((j = tbuf.indexOf("\n")) >= 0) {
              const cmd = tbuf.slice(0, j).trim().toUpperCase();
              tbuf = tbuf.slice(j + 1);
              if (cmd.startsWith("EHLO"))
                tls.write("250-starttls.test\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 35000000\r\n");
              else if (cmd === "QUIT") tls.end("221 bye\r\n");
              else tls.write("502 5.5.2 no\r\n");
            }
          });
          return;
        } else socket.write("502 5.5.2 no\r\n");
      }
    };
    socket.on("data", onData);
  };
}

describe("STARTTLS with a real handshake", () => {
  it("upgrades, records the handshake facts and what EHLO says inside TLS", async (t) => {
    if (!cert) return t.skip("openssl not available");
    const s = await startServer(smtpWithTls());
    servers.push(s);
    const ev = await probeSmtpSession({
      host: "starttls.test",
      address: "127.0.0.1",
      port: s.port,
      mode: "starttls",
      ehloName: "probe.test",
      timeoutMs: 2000,
    });
    assert.equal(ev.starttls?.tls?.ok, true);
    assert.match(ev.starttls?.tls?.protocol ?? "", /^TLSv1\.[23]$/);
    assert.equal(ev.starttls?.tls?.authorized, false);
    assert.equal(ev.starttls?.tls?.authorizationError, "DEPTH_ZERO_SELF_SIGNED_CERT");
    assert.equal(ev.starttls?.tls?.subject, "starttls.test");
    assert.equal(ev.starttls?.leftover, undefined);
    assert.deepEqual(ev.starttls?.ehloAfter?.capabilities?.auth, ["PLAIN", "LOGIN"]);
    const f = judgeSmtpSession(ev, true);
    const ids = f.map((x) => x.id);
    assert.ok(ids.includes("smtp.starttls.ok"));
    assert.equal(f.find((x) => x.id === "smtp.starttls.ehlo-changed")?.params.added, "SIZE, AUTH LOGIN");
    assert.ok(ids.includes("smtp.auth.before-tls"), "AUTH PLAIN was offered before TLS");
  });

  it("trusts the certificate when its CA is given", async (t) => {
    if (!cert) return t.skip("openssl not available");
    const s = await startServer(smtpWithTls());
    servers.push(s);
    const ev = await probeSmtpSession({
      host: "starttls.test",
      address: "127.0.0.1",
      port: s.port,
      mode: "starttls",
      ehloName: "probe.test",
      timeoutMs: 2000,
      extraCa: [cert],
    });
    assert.equal(ev.starttls?.tls?.authorized, true);
    const wrongName = await probeSmtpSession({
      host: "other.test",
      address: "127.0.0.1",
      port: s.port,
      mode: "starttls",
      ehloName: "probe.test",
      timeoutMs: 2000,
      extraCa: [cert],
    });
    assert.equal(wrongName.starttls?.tls?.authorizationError, "ERR_TLS_CERT_ALTNAME_INVALID");
  });

  it("reports plaintext sent after the 220 and before the handshake (RFC 3207 §5)", async (t) => {
    if (!cert) return t.skip("openssl not available");
    const s = await startServer(smtpWithTls("250 injected\r\n"));
    servers.push(s);
    const ev = await probeSmtpSession({
      host: "starttls.test",
      address: "127.0.0.1",
      port: s.port,
      mode: "starttls",
      ehloName: "probe.test",
      timeoutMs: 2000,
    });
    assert.equal(ev.starttls?.leftover, "250 injected\r\n".length);
    assert.ok(
      judgeSmtpSession(ev, true).some((f) => f.id === "smtp.starttls.leftover" && f.severity === "error"),
    );
  });

  it("IMAP STARTTLS upgrades and asks CAPABILITY again", async (t) => {
    if (!cert) return t.skip("openssl not available");
    const s = await startServer((socket) => {
      socket.write("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n");
      let buf = "";
      const onData = (d: Buffer) => {
        buf += d.toString("latin1");
        let i;
        while ((i = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, i).trim();
          buf = buf.slice(i + 1);
          const [tag, cmd] = line.split(" ");
          if (cmd === "CAPABILITY")
            socket.write(`* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n${tag} OK done\r\n`);
          else if (cmd === "STARTTLS") {
            socket.off("data", onData);
            socket.write(`${tag} OK Begin TLS negotiation now\r\n`);
            const tls = new TLSSocket(socket, { isServer: true, key, cert });
            tls.on("error", () => {});
            tls.on("data", (td: Buffer) => {
              for (const l of td.toString("latin1").split("\r\n").filter(Boolean)) {
                const [t2, c2] = l.split(" ");
                if (c2 === "CAPABILITY") tls.write(`* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n${t2} OK done\r\n`);
                else tls.end(`* BYE\r\n${t2} OK bye\r\n`);
              }
            });
            return;
          }
        }
      };
      socket.on("data", onData);
    });
    servers.push(s);
    const ev = await probeMailbox({
      protocol: "imap",
      host: "starttls.test",
      address: "127.0.0.1",
      port: s.port,
      mode: "starttls",
      timeoutMs: 2000,
    });
    assert.deepEqual(ev.starttls?.capabilitiesAfter, ["IMAP4REV1", "AUTH=PLAIN"]);
    const ids = judgeMailboxSession(ev, true)
      .map((f) => f.id)
      .sort();
    assert.deepEqual(ids, ["imap.greeting.ok", "imap.login.tls-only", "imap.starttls.ok"]);
  });
});
