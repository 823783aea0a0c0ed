import assert from "node:assert/strict";
import { connect, type Socket } from "node:net";
import { after, describe, it } from "node:test";
import { starttlsPreamble, type StarttlsProtocol } from "../../../src/net/starttls.js";
import { startRawServer, type TestServer } from "./helpers.js";

const servers: TestServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

/** A server that answers each client line through `reply` (and greets with `greeting`). */
async function scripted(
  greeting: string | undefined,
  reply: (line: string, s: Socket) => void,
): Promise<number> {
  const srv = await startRawServer((s) => {
    if (greeting !== undefined) s.write(greeting);
    let buf = "";
    s.on("data", (d: Buffer) => {
      buf += d.toString("latin1");
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        reply(buf.slice(0, nl).trim(), s);
        buf = buf.slice(nl + 1);
      }
    });
  });
  servers.push(srv);
  return srv.port;
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, "127.0.0.1", () => resolve(s));
    s.once("error", reject);
  });
}

async function run(port: number, protocol: StarttlsProtocol, timeoutMs = 2000) {
  const s = await open(port);
  try {
    return await starttlsPreamble(s, protocol, { timeoutMs });
  } finally {
    s.destroy();
  }
}

const smtpOk = (line: string, s: Socket) => {
  if (line.startsWith("EHLO")) s.write("250-test.invalid\r\n250-SIZE 1000\r\n250 STARTTLS\r\n");
  else if (line === "STARTTLS") s.write("220 2.0.0 go ahead\r\n");
};

describe("the STARTTLS preamble", () => {
  it("reaches 'ready' on SMTP with greeting, EHLO and 220, keeping the transcript and capabilities", async () => {
    const r = await run(await scripted("220 test.invalid ESMTP\r\n", smtpOk), "smtp");
    assert.equal(r.ok, true);
    assert.deepEqual(r.capabilities, ["SIZE 1000", "STARTTLS"]);
    assert.deepEqual(r.transcript, [
      "S: 220 test.invalid ESMTP",
      "C: EHLO mxray.invalid",
      "S: 250-test.invalid",
      "S: 250-SIZE 1000",
      "S: 250 STARTTLS",
      "C: STARTTLS",
      "S: 220 2.0.0 go ahead",
    ]);
    assert.ok(r.ok && r.trailingBytes === 0);
  });

  it("counts plaintext bytes sent after the 220 go-ahead (command-injection symptom)", async () => {
    const port = await scripted("220 x\r\n", (line, s) => {
      if (line.startsWith("EHLO")) s.write("250-x\r\n250 STARTTLS\r\n");
      else if (line === "STARTTLS") s.write("220 go\r\n250 injected\r\n");
    });
    const r = await run(port, "smtp");
    assert.ok(r.ok);
    assert.equal(r.trailingBytes, "250 injected\r\n".length);
  });

  it("says not-offered when EHLO lists no STARTTLS", async () => {
    const port = await scripted("220 x\r\n", (line, s) => {
      if (line.startsWith("EHLO")) s.write("250-x\r\n250 PIPELINING\r\n");
    });
    const r = await run(port, "smtp");
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.reason === "not-offered");
  });

  it("tells a 421 greeting (busy, rate limited) apart", async () => {
    const r = await run(await scripted("421 4.7.0 too many connections\r\n", () => {}), "smtp");
    assert.ok(!r.ok && r.reason === "greeting-rejected");
  });

  it("says refused when STARTTLS is answered 454", async () => {
    const port = await scripted("220 x\r\n", (line, s) => {
      if (line.startsWith("EHLO")) s.write("250-x\r\n250 STARTTLS\r\n");
      else if (line === "STARTTLS") s.write("454 4.7.0 TLS not available\r\n");
    });
    const r = await run(port, "smtp");
    assert.ok(!r.ok && r.reason === "refused");
  });

  it("ends a banner that never comes with a timeout, in bounded time", async () => {
    const started = Date.now();
    const r = await run(await scripted(undefined, () => {}), "smtp", 300);
    assert.ok(!r.ok && r.reason === "timeout");
    assert.ok(Date.now() - started < 5000);
  });

  it("stops an endless line without buffering it all (10 MB, no newline)", async () => {
    const srv = await startRawServer((s) => {
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      let sent = 0;
      const pump = () => {
        while (sent < 10 * 1024 * 1024 && !s.destroyed) {
          sent += chunk.length;
          if (!s.write(chunk)) return void s.once("drain", pump);
        }
      };
      pump();
    });
    servers.push(srv);
    const r = await run(srv.port, "smtp");
    assert.ok(!r.ok && r.reason === "too-long");
  });

  it("does not let a slow drip of continuation lines stretch one reply past its time limit", async () => {
    const srv = await startRawServer((s) => {
      let i = 0;
      const t = setInterval(() => (s.destroyed ? clearInterval(t) : s.write(`220-line ${i++}\r\n`)), 50);
      s.on("close", () => clearInterval(t));
    });
    servers.push(srv);
    const started = Date.now();
    const r = await run(srv.port, "smtp", 600);
    assert.ok(!r.ok && r.reason === "timeout");
    assert.ok(r.transcript.length >= 3, "the lines that came are kept as evidence");
    assert.ok(Date.now() - started < 5000);
  });

  it("calls binary data garbage", async () => {
    const r = await run(await scripted("\x16\x03\x01\x00\x05hello\r\n", () => {}), "smtp");
    assert.ok(!r.ok && r.reason === "garbage");
  });

  it("says closed when the server hangs up", async () => {
    const srv = await startRawServer((s) => s.end());
    servers.push(srv);
    const r = await run(srv.port, "smtp");
    assert.ok(!r.ok && r.reason === "closed");
  });

  it("speaks IMAP: a STARTTLS, then waits for the tagged OK", async () => {
    const port = await scripted("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n", (line, s) => {
      if (line === "a STARTTLS") s.write("* unrelated untagged line\r\na OK Begin TLS negotiation now\r\n");
    });
    const r = await run(port, "imap");
    assert.ok(r.ok);
    assert.deepEqual(r.capabilities, ["IMAP4rev1", "STARTTLS", "LOGINDISABLED"]);
  });

  it("reports an IMAP NO as refused", async () => {
    const port = await scripted("* OK ready\r\n", (line, s) => {
      if (line === "a STARTTLS") s.write("a NO not now\r\n");
    });
    const r = await run(port, "imap");
    assert.ok(!r.ok && r.reason === "refused");
  });

  it("speaks POP3: STLS answered +OK", async () => {
    const port = await scripted("+OK POP3 ready\r\n", (line, s) => {
      if (line === "STLS") s.write("+OK Begin TLS\r\n");
    });
    const r = await run(port, "pop3");
    assert.ok(r.ok);
    assert.deepEqual(r.transcript, ["S: +OK POP3 ready", "C: STLS", "S: +OK Begin TLS"]);
  });

  it("reports a POP3 -ERR greeting as greeting-rejected", async () => {
    const r = await run(await scripted("-ERR go away\r\n", () => {}), "pop3");
    assert.ok(!r.ok && r.reason === "greeting-rejected");
  });
});
