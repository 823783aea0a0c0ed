import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { tlsHandshake } from "../../../src/net/tls/handshake.js";
import {
  derOf,
  fx,
  identity,
  startRawServer,
  startSmtpServer,
  startTlsServer,
  type TestServer,
} from "./helpers.js";

const servers: TestServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});
async function keep(p: Promise<TestServer>): Promise<TestServer> {
  const s = await p;
  servers.push(s);
  return s;
}

const root = fx("root.crt");
const limits = { timeoutMs: 1500 };

describe("one TLS handshake", () => {
  it("returns version, suite, key exchange and the chain exactly as sent, trusted with the fixture root", async () => {
    const srv = await keep(startTlsServer({ ...identity("mx.fixture.test"), minVersion: "TLSv1.2" }));
    const r = await tlsHandshake(
      { address: "127.0.0.1", port: srv.port, servername: "mx.fixture.test" },
      { ca: [root], wantChain: true },
      limits,
    );
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.protocol, "TLSv1.3");
    assert.equal(r.cipherIana, "TLS_AES_256_GCM_SHA384");
    assert.equal(r.kex?.type, "ECDH");
    assert.deepEqual(r.chain, [derOf("mx.fixture.test.crt"), derOf("inter.crt")]);
    assert.equal(r.trusted, true);
    assert.equal(r.trustError, undefined);
  });

  it("reports the verification error when the root is not trusted, and the leaf alone when only the leaf is sent", async () => {
    const srv = await keep(startTlsServer(identity("mx.fixture.test", [])));
    const r = await tlsHandshake(
      { address: "127.0.0.1", port: srv.port },
      { ca: [fx("ec.fixture.test.crt")], wantChain: true },
      limits,
    );
    assert.ok(r.ok);
    assert.equal(r.trusted, false);
    assert.equal(r.trustError, "UNABLE_TO_VERIFY_LEAF_SIGNATURE");
    assert.deepEqual(r.chain, [derOf("mx.fixture.test.crt")]);
  });

  it("keeps a chain sent in the wrong order in that order", async () => {
    const srv = await keep(startTlsServer(identity("mx.fixture.test", ["root.crt", "inter.crt"])));
    const r = await tlsHandshake(
      { address: "127.0.0.1", port: srv.port },
      { ca: [root], wantChain: true },
      limits,
    );
    assert.ok(r.ok);
    assert.deepEqual(r.chain, [derOf("mx.fixture.test.crt"), derOf("root.crt"), derOf("inter.crt")]);
  });

  it("pins the version: a TLS 1.2-only server refuses a TLS 1.3-only offer", async () => {
    const srv = await keep(startTlsServer({ ...identity("mx.fixture.test"), maxVersion: "TLSv1.2" }));
    const r = await tlsHandshake(
      { address: "127.0.0.1", port: srv.port },
      { minVersion: "TLSv1.3", maxVersion: "TLSv1.3" },
      limits,
    );
    assert.ok(!r.ok);
    assert.equal(r.stage, "handshake");
    assert.equal(r.reason, "rejected");
  });

  it("goes through an SMTP STARTTLS preamble, then TLS", async () => {
    const srv = await keep(startSmtpServer(identity("mx.fixture.test")));
    const r = await tlsHandshake(
      { address: "127.0.0.1", port: srv.port, starttls: "smtp" },
      { wantChain: true },
      limits,
    );
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.transcript.at(-1), "S: 220 2.0.0 Ready to start TLS");
    assert.equal(r.chain?.length, 2);
  });

  it("calls garbage instead of a TLS handshake not-tls, in bounded time", async () => {
    const srv = await keep(
      startRawServer((s) =>
        s.once("data", () =>
          s.write(Buffer.from("HTTP/1.1 400 Bad Request\r\n\r\nthis is not TLS at all\r\n")),
        ),
      ),
    );
    const r = await tlsHandshake({ address: "127.0.0.1", port: srv.port }, {}, limits);
    assert.ok(!r.ok);
    assert.equal(r.stage, "handshake");
    assert.equal(r.reason, "not-tls");
  });

  it("times out a server that hangs after the ClientHello", async () => {
    const srv = await keep(startRawServer(() => {}));
    const started = Date.now();
    const r = await tlsHandshake({ address: "127.0.0.1", port: srv.port }, {}, { timeoutMs: 400 });
    assert.ok(!r.ok);
    assert.equal(r.reason, "timeout");
    assert.ok(Date.now() - started < 5000);
  });

  it("says rejected when the server closes the connection at the ClientHello", async () => {
    const srv = await keep(startRawServer((s) => s.once("data", () => s.destroy())));
    const r = await tlsHandshake({ address: "127.0.0.1", port: srv.port }, {}, limits);
    assert.ok(!r.ok);
    assert.equal(r.reason, "rejected");
  });

  it("reports a refused connection at the connect stage", async () => {
    const srv = await startRawServer(() => {});
    const port = srv.port;
    await srv.close();
    const r = await tlsHandshake({ address: "127.0.0.1", port }, {}, limits);
    assert.ok(!r.ok);
    assert.equal(r.stage, "connect");
    assert.equal(r.reason, "refused");
  });

  it("turns an offer OpenSSL cannot build into a 'local' failure instead of an exception", async () => {
    const srv = await keep(startTlsServer(identity("mx.fixture.test")));
    const r = await tlsHandshake(
      { address: "127.0.0.1", port: srv.port },
      { maxVersion: "TLSv1.2", ciphers: "NO-SUCH-CIPHER" },
      limits,
    );
    assert.ok(!r.ok);
    assert.equal(r.reason, "local");
    assert.match(r.detail, /no cipher match/);
  });

  it("stops at a preamble failure without starting TLS", async () => {
    const srv = await keep(startSmtpServer(identity("mx.fixture.test"), { capabilities: ["PIPELINING"] }));
    const r = await tlsHandshake({ address: "127.0.0.1", port: srv.port, starttls: "smtp" }, {}, limits);
    assert.ok(!r.ok);
    assert.equal(r.stage, "preamble");
    assert.equal(r.reason, "not-offered");
  });

  it("completes against a certificate with an unknown critical extension and reports why it does not verify", async () => {
    const srv = await keep(startTlsServer(identity("badext.fixture.test")));
    const r = await tlsHandshake(
      { address: "127.0.0.1", port: srv.port },
      { ca: [root], wantChain: true },
      limits,
    );
    assert.ok(r.ok);
    assert.equal(r.trusted, false);
    assert.equal(typeof r.trustError, "string");
  });
});
