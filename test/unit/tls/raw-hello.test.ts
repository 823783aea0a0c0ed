import assert from "node:assert/strict";
import type { Socket } from "node:net";
import { after, describe, it } from "node:test";
import { judgeTlsEndpoint } from "../../../src/checks/tls.js";
import {
  buildClientHello,
  LEGACY_SUITES,
  parseServerAnswer,
  rawHello,
} from "../../../src/net/tls/raw-hello.js";
import { scanTls } from "../../../src/net/tls/scan.js";
import { fx, identity, startRawServer, startTlsServer, type TestServer } from "./helpers.js";

const servers: TestServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});
async function keep(p: Promise<TestServer>): Promise<TestServer> {
  const s = await p;
  servers.push(s);
  return s;
}

/** The suites offered in a ClientHello record (test-side parser, independent of the builder). */
function offeredSuites(hello: Buffer): number[] {
  const sidLen = hello[5 + 4 + 2 + 32] ?? 0;
  let at = 5 + 4 + 2 + 32 + 1 + sidLen;
  const len = hello.readUInt16BE(at);
  at += 2;
  const out: number[] = [];
  for (let i = 0; i < len; i += 2) out.push(hello.readUInt16BE(at + i));
  return out;
}

/** A server that answers a ServerHello for `version` picking `pick(offered)`, or alert 40 when it returns undefined. */
function fakeServer(version: number, pick: (offered: number[]) => number | undefined): Promise<TestServer> {
  return startRawServer((s: Socket) => {
    let buf = Buffer.alloc(0);
    s.on("data", (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length < 5 || buf.length < 5 + buf.readUInt16BE(3)) return;
      const chosen = pick(offeredSuites(buf));
      if (chosen === undefined) return void s.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]));
      const body = Buffer.concat([
        Buffer.from([version >> 8, version & 0xff]),
        Buffer.alloc(32, 7),
        Buffer.from([0]),
        Buffer.from([chosen >> 8, chosen & 0xff, 0]),
      ]);
      const hs = Buffer.concat([Buffer.from([0x02, 0, 0, body.length]), body]);
      s.write(Buffer.concat([Buffer.from([0x16, 0x03, version === 0x0300 ? 0x00 : 0x01, 0, hs.length]), hs]));
    });
  });
}

const legacy = Object.keys(LEGACY_SUITES).map(Number);
const limits = { timeoutMs: 1500 };

describe("hand-built ClientHellos", () => {
  it("are understood by OpenSSL: a real TLS server answers with its ServerHello", async () => {
    const srv = await keep(
      startTlsServer({
        ...identity("mx.fixture.test"),
        maxVersion: "TLSv1.2",
        ciphers: "ECDHE-RSA-AES128-GCM-SHA256",
      }),
    );
    const r = await rawHello(
      { address: "127.0.0.1", port: srv.port, servername: "mx.fixture.test" },
      0x0303,
      [0xc030, 0xc02f],
      limits,
    );
    assert.deepEqual(r, { ok: true, version: 0x0303, suite: 0xc02f });
  });

  it("see a real TLS server refuse suites it does not have (alert)", async () => {
    const srv = await keep(startTlsServer(identity("mx.fixture.test")));
    const r = await rawHello({ address: "127.0.0.1", port: srv.port }, 0x0303, legacy, limits);
    assert.ok(!r.ok && r.reason === "rejected");
  });

  it("carry the offered suites in order, and read the suite the server picked", async () => {
    const hello = buildClientHello(0x0303, [0x000a, 0x0005], "mx.fixture.test");
    assert.deepEqual(offeredSuites(hello), [0x000a, 0x0005]);
    const srv = await keep(fakeServer(0x0303, (o) => (o.includes(0x000a) ? 0x000a : undefined)));
    assert.deepEqual(await rawHello({ address: "127.0.0.1", port: srv.port }, 0x0303, legacy, limits), {
      ok: true,
      version: 0x0303,
      suite: 0x000a,
    });
    const r = await rawHello({ address: "127.0.0.1", port: srv.port }, 0x0303, [0x0005], limits);
    assert.ok(!r.ok && r.reason === "rejected" && r.detail === "alert 40");
  });

  it("detect an SSLv3 server", async () => {
    const srv = await keep(fakeServer(0x0300, (o) => o[0]));
    const r = await rawHello({ address: "127.0.0.1", port: srv.port }, 0x0300, [0x000a], limits);
    assert.deepEqual(r, { ok: true, version: 0x0300, suite: 0x000a });
  });

  it("end in not-tls for garbage and in a timeout for silence", async () => {
    const garbage = await keep(
      startRawServer((s) => s.once("data", () => s.write("220 this is SMTP, not TLS\r\n"))),
    );
    const g = await rawHello({ address: "127.0.0.1", port: garbage.port }, 0x0303, legacy, limits);
    assert.ok(!g.ok && g.reason === "not-tls");
    const silent = await keep(startRawServer(() => {}));
    const t = await rawHello({ address: "127.0.0.1", port: silent.port }, 0x0303, legacy, { timeoutMs: 300 });
    assert.ok(!t.ok && t.reason === "timeout");
  });

  it("parse partial answers as need-more and refuse absurd records", () => {
    assert.deepEqual(parseServerAnswer(Buffer.from([0x16, 0x03])), { kind: "need-more" });
    assert.deepEqual(parseServerAnswer(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46])), {
      kind: "alert",
      description: 70,
    });
    assert.equal(parseServerAnswer(Buffer.from([0x16, 0x03, 0x03, 0xff, 0xff, 0x02])).kind, "not-tls");
    assert.equal(parseServerAnswer(Buffer.from("HTTP/1.1 400")).kind, "not-tls");
  });

  it("feed SSLv3 and legacy suites into the findings", async () => {
    const srv = await keep(
      startTlsServer({
        ...identity("mx.fixture.test"),
        maxVersion: "TLSv1.2",
        ciphers: "ECDHE-RSA-AES128-GCM-SHA256",
      }),
    );
    const scan = await scanTls(
      { address: "127.0.0.1", port: srv.port },
      { depth: "full", ca: [fx("root.crt")], trustSources: [], timeoutMs: 1500 },
    );
    assert.equal(scan.ssl3?.state, "rejected");
    const v12 = scan.versions.find((v) => v.version === "TLSv1.2");
    assert.ok(v12);
    // What a server with 3DES and SSLv3 would have produced:
    v12.ciphers.push({
      name: "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
      iana: "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
      legacy: true,
    });
    const edited = { ...scan, ssl3: { state: "accepted" as const, suite: "TLS_RSA_WITH_3DES_EDE_CBC_SHA" } };
    const f = judgeTlsEndpoint(
      { address: "127.0.0.1", port: 465, scan: edited },
      new Date("2030-01-01T00:00:00Z"),
    );
    assert.equal(f.find((x) => x.id === "tls.version.insufficient")?.params.versions, "SSLv3");
    assert.match(
      String(f.find((x) => x.id === "tls.cipher.insufficient")?.params.ciphers),
      /TLS_RSA_WITH_3DES_EDE_CBC_SHA/,
    );
    assert.deepEqual(
      f.filter((x) => x.id === "tls.cipher.order.wrong"),
      [],
    );
  });
});
