import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { judgeTlsEndpoint } from "../../../src/checks/tls.js";
import { scanTls, type ScanOptions } from "../../../src/net/tls/scan.js";
import type { TlsEndpointEvidence } from "../../../src/probes/tls.js";
import { fx, identity, startSmtpServer, startTlsServer, startRawServer, type TestServer } from "./helpers.js";

const servers: TestServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});
async function keep(p: Promise<TestServer>): Promise<TestServer> {
  const s = await p;
  servers.push(s);
  return s;
}

const opts = (extra: Partial<ScanOptions> = {}): ScanOptions => ({
  depth: "full",
  ca: [fx("root.crt")],
  trustSources: ["fixture root"],
  timeoutMs: 2000,
  concurrency: 2,
  ...extra,
});

const ids = (ep: TlsEndpointEvidence) =>
  judgeTlsEndpoint(ep, new Date("2030-01-01T00:00:00Z")).map((f) => `${f.id}:${f.severity}`);

describe("the full TLS scan", () => {
  it("finds exactly the versions and suites a TLS 1.2-only server accepts, in its order", async () => {
    const srv = await keep(
      startTlsServer({
        ...identity("mx.fixture.test"),
        minVersion: "TLSv1.2",
        maxVersion: "TLSv1.2",
        ciphers: "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-SHA:AES128-SHA",
        honorCipherOrder: true,
      }),
    );
    const scan = await scanTls(
      { address: "127.0.0.1", port: srv.port, servername: "mx.fixture.test" },
      opts(),
    );
    const state = Object.fromEntries(scan.versions.map((v) => [v.version, v.state]));
    assert.deepEqual(state, {
      TLSv1: "rejected",
      "TLSv1.1": "rejected",
      "TLSv1.2": "accepted",
      "TLSv1.3": "rejected",
    });
    const v12 = scan.versions.find((v) => v.version === "TLSv1.2");
    assert.deepEqual(
      v12?.ciphers.map((c) => c.iana),
      [
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
        "TLS_RSA_WITH_AES_128_CBC_SHA",
      ],
    );
    assert.equal(v12?.serverPreference, true);
    assert.equal(v12?.ciphersComplete, true);
    assert.ok(scan.notTestable.some((n) => /SSLv3/.test(n)));
    const ep: TlsEndpointEvidence = { host: "mx.fixture.test", address: "127.0.0.1", port: 465, scan };
    const found = ids(ep);
    assert.ok(found.includes("tls.cipher.insufficient:error"), found.join(" "));
    assert.ok(found.includes("tls.version.no-tls13:info"));
    assert.ok(found.includes("tls.version.ok:ok"));
    assert.ok(found.includes("tls.kex.no-forward-secrecy:warning"));
    assert.ok(found.includes("tls.cert.ok:ok"), found.join(" "));
  });

  it("sees a client-order server as such, and flags it when ratings are mixed", async () => {
    const srv = await keep(
      startTlsServer({
        ...identity("mx.fixture.test"),
        maxVersion: "TLSv1.2",
        ciphers: "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-SHA",
        honorCipherOrder: false,
      }),
    );
    const scan = await scanTls({ address: "127.0.0.1", port: srv.port }, opts());
    assert.equal(scan.versions.find((v) => v.version === "TLSv1.2")?.serverPreference, false);
    assert.ok(ids({ address: "127.0.0.1", port: 587, scan }).includes("tls.cipher.order.client:warning"));
  });

  it("finds TLS 1.0 on a server that still allows it, and rates it insufficient", async () => {
    const srv = await keep(
      startTlsServer({
        ...identity("mx.fixture.test"),
        minVersion: "TLSv1",
        maxVersion: "TLSv1.2",
        ciphers: "ECDHE-RSA-AES128-SHA:@SECLEVEL=0",
      }),
    );
    const scan = await scanTls({ address: "127.0.0.1", port: srv.port }, opts());
    const v10 = scan.versions.find((v) => v.version === "TLSv1");
    assert.equal(v10?.state, "accepted");
    assert.deepEqual(
      v10?.ciphers.map((c) => c.name),
      ["ECDHE-RSA-AES128-SHA"],
    );
    const found = ids({ address: "127.0.0.1", port: 25, scan });
    assert.ok(found.includes("tls.version.insufficient:warning"), found.join(" "));
  });

  it("enumerates the key-exchange groups one by one", async () => {
    const srv = await keep(startTlsServer({ ...identity("mx.fixture.test"), ecdhCurve: "P-384" }));
    const scan = await scanTls({ address: "127.0.0.1", port: srv.port }, opts());
    const g13 = scan.groups.find((g) => g.version === "TLSv1.3");
    assert.deepEqual(
      g13?.accepted.map((a) => a.name),
      ["P-384"],
    );
    assert.ok(g13?.rejected.includes("X25519"));
  });

  it("stops at the handshake budget and says the scan is incomplete", async () => {
    const srv = await keep(startTlsServer(identity("mx.fixture.test")));
    const scan = await scanTls({ address: "127.0.0.1", port: srv.port }, opts({ maxHandshakes: 3 }));
    assert.equal(scan.handshakes, 3);
    assert.equal(scan.stopped, "handshake-limit");
    assert.ok(ids({ address: "127.0.0.1", port: 25, scan }).includes("tls.scan.incomplete:info"));
  });

  it("keeps at most `concurrency` connections open at once", async () => {
    let open = 0;
    let peak = 0;
    const srv = await keep(startTlsServer(identity("mx.fixture.test")));
    const limiter = {
      async run<T>(task: () => Promise<T>): Promise<T> {
        open++;
        peak = Math.max(peak, open);
        try {
          return await task();
        } finally {
          open--;
        }
      },
    };
    // The scan's own limiter is what bounds concurrency; wrap it to watch.
    const { createLimiter } = await import("../../../src/net/tls/limiter.js");
    const inner = createLimiter(2);
    await scanTls(
      { address: "127.0.0.1", port: srv.port },
      opts({ limiter: { run: (t) => inner.run(() => limiter.run(t)) } }),
    );
    assert.equal(peak, 2);
  });

  it("stops a version after a 421 (rate limit) and reports it", async () => {
    let n = 0;
    const tlsSrv = await keep(startSmtpServer(identity("mx.fixture.test")));
    // A front that greets 421 from the third connection on, and otherwise proxies to the SMTP server.
    const { connect } = await import("node:net");
    const front = await keep(
      startRawServer((s) => {
        if (++n > 2) return void s.end("421 4.7.0 too many connections\r\n");
        const up = connect(tlsSrv.port, "127.0.0.1");
        up.on("error", () => s.destroy());
        s.pipe(up).pipe(s);
      }),
    );
    let limited = 0;
    const scan = await scanTls(
      { address: "127.0.0.1", port: front.port, starttls: "smtp" },
      opts({ concurrency: 1, onRateLimited: () => limited++ }),
    );
    assert.ok(scan.first.ok);
    assert.ok(limited >= 1);
    assert.ok(scan.versions.some((v) => v.state === "unknown" && /greeting-rejected/.test(v.detail ?? "")));
  });

  it("gets the certificate from a server that prefers anonymous suites, and still lists those suites", async () => {
    const srv = await keep(
      startTlsServer({
        ...identity("mx.fixture.test"),
        maxVersion: "TLSv1.2",
        ciphers: "AECDH-AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0",
        honorCipherOrder: true,
      }),
    );
    const scan = await scanTls({ address: "127.0.0.1", port: srv.port }, opts());
    assert.ok(scan.first.ok);
    assert.equal(scan.first.cipherIana, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    assert.equal(scan.first.chain?.length, 2);
    assert.deepEqual(
      scan.versions.find((v) => v.version === "TLSv1.2")?.ciphers.map((c) => c.iana),
      ["TLS_ECDH_anon_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"],
    );
  });

  it("gives up after one timeout on a server that never answers the ClientHello", async () => {
    const srv = await keep(startRawServer(() => {}));
    const scan = await scanTls({ address: "127.0.0.1", port: srv.port }, opts({ timeoutMs: 300 }));
    assert.ok(!scan.first.ok && scan.first.reason === "timeout");
    assert.equal(scan.handshakes, 1);
    assert.deepEqual(scan.versions, []);
    assert.deepEqual(
      ids({ address: "127.0.0.1", port: 25, scan }).filter((i) => i.startsWith("tls.handshake")),
      ["tls.handshake.failed:error"],
    );
  });

  it("makes one handshake only in single depth", async () => {
    const srv = await keep(startTlsServer(identity("mx.fixture.test")));
    const scan = await scanTls({ address: "127.0.0.1", port: srv.port }, opts({ depth: "single" }));
    assert.equal(scan.handshakes, 1);
    assert.deepEqual(scan.versions, []);
  });
});
