import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, describe, it } from "node:test";
import { judgeSmtpSession } from "../../../src/checks/smtp.js";
import { judgeMailboxSession } from "../../../src/checks/mailbox.js";
import { probeMailbox } from "../../../src/probes/mailbox.js";
import { bannerTimeoutFor, probeSmtpSession, type SmtpProbeOptions } from "../../../src/probes/smtp.js";
import { flood, sleep, smtpScript, startServer, type TestServer } from "./helpers.js";

const servers: TestServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

function opts(port: number, extra: Partial<SmtpProbeOptions> = {}): SmtpProbeOptions {
  return {
    host: "127.0.0.1",
    address: "127.0.0.1",
    port,
    mode: "starttls",
    ehloName: "probe.test",
    timeoutMs: 300,
    bannerTimeoutMs: 300,
    sessionTimeoutMs: 1500,
    ...extra,
  };
}

const ids = (fs: { id: string }[]) => fs.map((f) => f.id);
const heapMb = () => process.memoryUsage().heapUsed / 1e6;

describe("hostile SMTP servers end in a clear finding", () => {
  it("a banner that never comes is a banner timeout", async () => {
    const s = await serve(() => {});
    const ev = await probeSmtpSession(opts(s.port));
    assert.equal(ev.failure?.phase, "banner");
    assert.equal(ev.failure?.kind, "timeout");
    const f = judgeSmtpSession(ev, false);
    assert.deepEqual(ids(f), ["smtp.banner.timeout"]);
    assert.equal(f[0]!.severity, "error");
  });

  it("an endless line is cut at 4096 bytes without buffering it, in bounded memory", async () => {
    const s = await serve((socket) => void flood(socket, 200 * 1024 * 1024));
    const before = heapMb();
    const ev = await probeSmtpSession(opts(s.port));
    assert.equal(ev.failure?.kind, "line-too-long");
    assert.match(ev.failure?.sample ?? "", /^A{80}$/);
    assert.deepEqual(ids(judgeSmtpSession(ev, false)), ["smtp.banner.invalid"]);
    assert.ok(heapMb() - before < 50, `heap grew by ${(heapMb() - before).toFixed(1)} MB`);
  });

  it("a 10 MB banner line is reported as too long", async () => {
    const s = await serve(async (socket) => {
      socket.write("220-");
      await flood(socket, 10 * 1024 * 1024, 0x78);
      if (!socket.destroyed) socket.write("\r\n220 ok\r\n");
    });
    const before = heapMb();
    const ev = await probeSmtpSession(opts(s.port));
    assert.equal(ev.failure?.kind, "line-too-long");
    assert.ok(ev.failure?.message.includes("4096"));
    assert.ok(heapMb() - before < 50);
  });

  it("a 10 MB line after EHLO fails the session in that phase", async () => {
    const s = await serve((socket) => {
      socket.write("220 hostile.test ESMTP\r\n");
      socket.once("data", () => void flood(socket, 10 * 1024 * 1024));
    });
    const ev = await probeSmtpSession(opts(s.port));
    assert.equal(ev.banner?.code, 220);
    assert.deepEqual(ev.failure && [ev.failure.phase, ev.failure.kind], ["ehlo", "line-too-long"]);
    assert.ok(ids(judgeSmtpSession(ev, false)).includes("smtp.session.failed"));
  });

  it("a reply without a valid code is an invalid banner", async () => {
    const s = await serve((socket) => socket.write("HTTP/1.1 400 Bad Request\r\n\r\n"));
    const ev = await probeSmtpSession(opts(s.port));
    assert.equal(ev.failure?.kind, "invalid-reply");
    assert.equal(ev.failure?.sample, "HTTP/1.1 400 Bad Request");
    assert.deepEqual(ids(judgeSmtpSession(ev, false)), ["smtp.banner.invalid"]);
  });

  it("codes outside 200-599 and codes that change inside a reply are invalid", async () => {
    const s1 = await serve(smtpScript("220 ok\r\n", { EHLO: "999 what\r\n" }));
    const ev1 = await probeSmtpSession(opts(s1.port));
    assert.deepEqual(ev1.failure && [ev1.failure.phase, ev1.failure.kind], ["ehlo", "invalid-reply"]);
    const s2 = await serve(smtpScript("220 ok\r\n", { EHLO: "250-a.test\r\n354 STARTTLS\r\n" }));
    const ev2 = await probeSmtpSession(opts(s2.port));
    assert.equal(ev2.failure?.kind, "invalid-reply");
    assert.match(ev2.failure?.message ?? "", /changed from 250 to 354/);
  });

  it("a slow drip of bytes is ended by the reply time limit", async () => {
    const s = await serve(async (socket) => {
      while (!socket.destroyed) {
        socket.write("2");
        await sleep(20);
      }
    });
    const ev = await probeSmtpSession(opts(s.port));
    assert.equal(ev.failure?.kind, "timeout");
    assert.match(ev.failure?.message ?? "", /unfinished line/);
    assert.deepEqual(ids(judgeSmtpSession(ev, false)), ["smtp.banner.timeout"]);
  });

  it("a drip of complete continuation lines is ended too: the whole reply has one time limit", async () => {
    const s = await serve(async (socket) => {
      while (!socket.destroyed) {
        socket.write("220-still greeting\r\n");
        await sleep(30);
      }
    });
    const ev = await probeSmtpSession(opts(s.port));
    assert.equal(ev.failure?.kind, "timeout");
    assert.ok(ev.transcript.length > 3);
  });

  it("a flood of continuation lines stops at the reply line limit", async () => {
    const s = await serve((socket) => socket.write("250-x\r\n".repeat(5000)));
    const ev = await probeSmtpSession(opts(s.port));
    assert.equal(ev.failure?.kind, "too-many-lines");
    assert.ok(ev.transcript.length <= 301, "the transcript is bounded");
  });

  it("the session deadline ends a server that answers each command just in time", async () => {
    const s = await serve((socket) => {
      socket.write("220 slow.test\r\n");
      socket.on("data", async () => {
        await sleep(250);
        if (!socket.destroyed) socket.write("250-slow.test\r\n250-STARTTLS\r\n250 SIZE 1\r\n");
      });
    });
    const ev = await probeSmtpSession(opts(s.port, { sessionTimeoutMs: 600 }));
    assert.equal(ev.failure?.kind, "deadline");
  });

  it("garbage instead of a TLS handshake on 465 is a failed implicit TLS", async () => {
    const s = await serve((socket) => socket.write(randomBytes(4096)));
    const ev = await probeSmtpSession(opts(s.port, { mode: "implicit", port: s.port }));
    assert.equal(ev.implicitTls?.ok, false);
    assert.ok(ev.implicitTls?.error);
    const f = judgeSmtpSession(ev, false);
    assert.deepEqual(ids(f), ["smtp.tls.implicit.failed"]);
  });

  it("a plaintext SMTP banner on 465 fails the TLS handshake", async () => {
    const s = await serve((socket) => socket.write("220 plain.test ESMTP\r\n"));
    const ev = await probeSmtpSession(opts(s.port, { mode: "implicit" }));
    assert.equal(ev.implicitTls?.ok, false);
    assert.match(
      ev.implicitTls?.error ?? "",
      /wrong version number|WRONG_VERSION|packet length|ECONNRESET|closed/i,
    );
  });

  it("a TLS port that never answers the ClientHello times out", async () => {
    const s = await serve(() => {});
    const ev = await probeSmtpSession(opts(s.port, { mode: "implicit" }));
    assert.equal(ev.implicitTls?.ok, false);
    assert.match(ev.implicitTls?.error ?? "", /no TLS handshake within/);
  });

  it("a server that closes mid-reply is a dropped session, not a missing feature", async () => {
    const s = await serve((socket) => {
      socket.write("220 ok.test\r\n");
      socket.once("data", () => socket.end("250-ok.test\r\n250-PIPEL"));
    });
    const ev = await probeSmtpSession(opts(s.port));
    assert.deepEqual(ev.failure && [ev.failure.phase, ev.failure.kind], ["ehlo", "closed"]);
    const f = judgeSmtpSession(ev, false);
    assert.ok(ids(f).includes("smtp.session.dropped"));
    assert.ok(!ids(f).includes("smtp.starttls.missing"), "STARTTLS is unknown, not missing");
  });

  it("a banner held back in two parts (postscreen style) is recorded with both times, and waited for", async () => {
    const s = await serve((socket) => {
      socket.write("220-staged.test ESMTP\r\n");
      setTimeout(() => socket.destroyed || socket.write("220 staged.test ESMTP\r\n"), 1200);
    });
    // the per-step limit (300 ms) is far shorter than the pause: only the banner limit applies
    const ev = await probeSmtpSession(opts(s.port, { bannerTimeoutMs: 5000 }));
    assert.equal(ev.banner?.code, 220);
    assert.ok(ev.banner?.firstLineMs !== undefined && ev.banner.ms - ev.banner.firstLineMs >= 500);
    assert.equal(bannerTimeoutFor(5000), 20_000, "RFC 5321 allows minutes; mxray waits at least 20 s");
  });

  it("421 at the banner is rate limiting", async () => {
    const s = await serve((socket) => socket.end("421 4.7.0 too many connections from your address\r\n"));
    const ev = await probeSmtpSession(opts(s.port));
    assert.equal(ev.banner?.code, 421);
    assert.equal(ev.rateLimited?.phase, "banner");
    const f = judgeSmtpSession(ev, false);
    assert.deepEqual(ids(f), ["smtp.banner.busy"]);
    assert.equal(f[0]!.severity, "warning");
  });

  it("421 in the middle of the session stops it and is reported as rate limiting", async () => {
    const s = await serve(
      smtpScript("220 ok.test\r\n", {
        EHLO: "250-ok.test\r\n250 STARTTLS\r\n",
        VRFY: "421 4.7.0 slow down\r\n",
      }),
    );
    const ev = await probeSmtpSession(opts(s.port));
    assert.equal(ev.rateLimited?.phase, "vrfy");
    assert.equal(ev.starttls, undefined, "nothing is asked after a 421");
    const f = judgeSmtpSession(ev, false);
    assert.ok(ids(f).includes("smtp.ratelimited"));
  });

  it("554 at the banner is a refusal", async () => {
    const s = await serve((socket) => socket.write("554 5.7.1 your address is blocked\r\n"));
    const ev = await probeSmtpSession(opts(s.port));
    assert.deepEqual(ids(judgeSmtpSession(ev, false)), ["smtp.banner.refused"]);
  });

  it("STARTTLS refused after being offered is an error; EHLO refusal falls back to HELO", async () => {
    const s = await serve(
      smtpScript("220 ok.test\r\n", {
        EHLO: "250-ok.test\r\n250 STARTTLS\r\n",
        STARTTLS: "454 4.7.0 TLS not available\r\n",
        QUIT: "221 bye\r\n",
      }),
    );
    const ev = await probeSmtpSession(opts(s.port));
    assert.ok(ids(judgeSmtpSession(ev, false)).includes("smtp.starttls.refused"));
    const s2 = await serve(
      smtpScript("220 old.test\r\n", {
        EHLO: "500 5.5.1 what\r\n",
        HELO: "250 old.test\r\n",
        QUIT: "221 bye\r\n",
      }),
    );
    const ev2 = await probeSmtpSession(opts(s2.port));
    assert.equal(ev2.ehlo?.command, "HELO");
    assert.ok(ids(judgeSmtpSession(ev2, false)).includes("smtp.ehlo.refused"));
  });

  it("an EHLO name with a line break is never sent: the session fails cleanly", async () => {
    const s = await serve(smtpScript("220 ok.test\r\n", { EHLO: "250 ok.test\r\n" }));
    const ev = await probeSmtpSession(opts(s.port, { ehloName: "x.test\r\nRCPT TO:<a@b>" }));
    assert.deepEqual(ev.failure && [ev.failure.phase, ev.failure.kind], ["ehlo", "error"]);
    assert.ok(!ev.transcript.some((l) => l.dir === "C"), "nothing was sent");
  });

  it("a closed port is a connect failure when no port scan reported it", async () => {
    const s = await serve(() => {});
    const port = s.port;
    await s.close();
    servers.splice(servers.indexOf(s), 1);
    const ev = await probeSmtpSession(opts(port));
    assert.equal(ev.connect.state, "closed");
    assert.deepEqual(ids(judgeSmtpSession(ev, false)), ["smtp.connect.failed"]);
    assert.deepEqual(ids(judgeSmtpSession(ev, true)), []);
  });
});

describe("hostile IMAP and POP3 servers", () => {
  it("an IMAP server that never greets fails with a timeout", async () => {
    const s = await serve(() => {});
    const ev = await probeMailbox({
      protocol: "imap",
      host: "127.0.0.1",
      address: "127.0.0.1",
      port: s.port,
      mode: "starttls",
      timeoutMs: 300,
    });
    assert.equal(ev.failure?.kind, "timeout");
    assert.deepEqual(ids(judgeMailboxSession(ev, false)), ["imap.greeting.failed"]);
  });

  it("garbage on 993 is a failed implicit TLS, judged without a crash", async () => {
    const s = await serve((socket) => socket.write("* OK plaintext IMAP on the TLS port\r\n"));
    const ev = await probeMailbox({
      protocol: "imap",
      host: "127.0.0.1",
      address: "127.0.0.1",
      port: s.port,
      mode: "implicit",
      timeoutMs: 300,
    });
    assert.equal(ev.implicitTls?.ok, false);
    assert.deepEqual(ids(judgeMailboxSession(ev, false)), ["imap.tls.implicit.failed"]);
  });

  it("a POP3 server streaming an endless CAPA list is stopped", async () => {
    const s = await serve((socket) => {
      socket.write("+OK ready\r\n");
      socket.once("data", () => socket.write("+OK\r\n" + "X\r\n".repeat(10000)));
    });
    const ev = await probeMailbox({
      protocol: "pop3",
      host: "127.0.0.1",
      address: "127.0.0.1",
      port: s.port,
      mode: "starttls",
      timeoutMs: 300,
    });
    assert.equal(ev.failure?.kind, "too-many-lines");
    assert.ok(ids(judgeMailboxSession(ev, false)).includes("pop3.session.failed"));
  });

  it("an IMAP server offering plaintext LOGIN without STARTTLS gets both findings", async () => {
    const s = await serve(
      smtpScript("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] old imapd\r\n", {
        A1: "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na1 OK done\r\n",
        A9: "* BYE\r\na9 OK bye\r\n",
      }),
    );
    const ev = await probeMailbox({
      protocol: "imap",
      host: "127.0.0.1",
      address: "127.0.0.1",
      port: s.port,
      mode: "starttls",
      timeoutMs: 300,
    });
    const f = ids(judgeMailboxSession(ev, false));
    assert.ok(f.includes("imap.starttls.missing"));
    assert.ok(f.includes("imap.login.plaintext"));
  });
});

describe("IPv6", () => {
  it("speaks SMTP to ::1 and writes the EHLO address literal in IPv6 form", async (t) => {
    const { createServer } = await import("node:net");
    const server = createServer(
      smtpScript("220 v6.test ESMTP\r\n", {
        EHLO: "250 v6.test\r\n",
        VRFY: "502 no\r\n",
        EXPN: "502 no\r\n",
        QUIT: "221 bye\r\n",
      }),
    );
    const listening = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(0, "::1", () => resolve(true));
    });
    if (!listening) return t.skip("no ::1 here");
    try {
      const port = (server.address() as { port: number }).port;
      const ev = await probeSmtpSession({
        host: "::1",
        address: "::1",
        port,
        mode: "starttls",
        timeoutMs: 500,
      });
      assert.equal(ev.banner?.code, 220);
      assert.match(ev.ehloName, /^\[IPv6:::1\]$|\./);
      assert.equal(judgeSmtpSession(ev, false)[0]!.subject, `[::1]:${port}`);
    } finally {
      server.close();
    }
  });
});
