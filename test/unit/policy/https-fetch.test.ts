import assert from "node:assert/strict";
import { createServer as createHttpsServer, type Server } from "node:https";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import { after, before, test } from "node:test";
import { createMemoryResolver } from "../../../src/net/dns/memory.js";
import { httpsFetch } from "../../../src/net/https-fetch.js";
import { makeTestPki, type TestPki } from "./helpers.js";

/*
 * httpsFetch against in-process HTTPS servers on 127.0.0.1 that behave well and badly on purpose.
 * Names resolve through a memory resolver, so nothing reaches the system resolver.
 */

let pki: TestPki;
const servers: Array<{ close(): void }> = [];
const sockets = new Set<Socket>();
let requests = 0;

const dns = createMemoryResolver(
  [
    { type: "A", name: "mta-sts.good.test", ttl: 60, address: "127.0.0.1" },
    { type: "A", name: "mta-sts.wrongname.test", ttl: 60, address: "127.0.0.1" },
    { type: "A", name: "mta-sts.selfsigned.test", ttl: 60, address: "127.0.0.1" },
    { type: "A", name: "mta-sts.stall.test", ttl: 60, address: "127.0.0.1" },
    { type: "A", name: "mta-sts.refused.test", ttl: 60, address: "127.0.0.1" },
    { type: "AAAA", name: "mta-sts.refused.test", ttl: 60, address: "::1" },
  ],
  { statuses: { "mta-sts.servfail.test": "servfail" } },
);

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

let goodPort = 0;
let wrongNamePort = 0;
let selfSignedPort = 0;
let stallPort = 0;
let closedPort = 0;
let garbagePort = 0;

before(async () => {
  pki = makeTestPki();
  const good = pki.issue(["mta-sts.good.test"]);
  goodPort = await listen(
    createHttpsServer({ ...good }, (req, res) => {
      requests++;
      switch (req.url) {
        case "/.well-known/mta-sts.txt":
          res
            .writeHead(200, { "content-type": "text/plain" })
            .end("version: STSv1\nmode: enforce\nmx: mail.good.test\nmax_age: 604800\n");
          return;
        case "/redirect":
          res.writeHead(301, { location: "https://www.good.test/.well-known/mta-sts.txt" }).end("moved");
          return;
        case "/huge-chunked": {
          const chunk = Buffer.alloc(16 * 1024, 0x61);
          res.writeHead(200, { "content-type": "text/plain" });
          let sent = 0;
          const pump = () => {
            while (sent < 64 && res.write(chunk)) sent++;
            if (sent < 64) res.once("drain", pump);
            else res.end();
          };
          pump();
          return;
        }
        case "/huge-declared":
          res.writeHead(200, { "content-type": "text/plain", "content-length": "1000000" });
          res.write("version: STSv1\n");
          return; // never finishes: the declared length alone must end the fetch
        case "/truncated":
          res.writeHead(200, { "content-type": "text/plain", "content-length": "100" });
          res.write("version: STSv1\n", () => res.socket?.destroy());
          return;
        case "/slow-body": {
          res.writeHead(200, { "content-type": "text/plain" });
          const timer = setInterval(() => res.write("v"), 50);
          res.on("close", () => clearInterval(timer));
          return;
        }
        default:
          res.writeHead(404, { "content-type": "text/html" }).end("<h1>not found</h1>");
      }
    }),
  );
  wrongNamePort = await listen(
    createHttpsServer({ ...pki.issue(["www.elsewhere.test"]) }, (_req, res) => (requests++, res.end("x"))),
  );
  selfSignedPort = await listen(
    createHttpsServer(
      { ...pki.issue(["mta-sts.selfsigned.test"], { selfSigned: true }) },
      (_req, res) => (requests++, res.end("x")),
    ),
  );
  // Speaks TLS, then answers anything with something that is not HTTP.
  garbagePort = await listen(
    createTlsServer({ ...pki.issue(["mta-sts.good.test"]) }, (s) => {
      s.once("data", () => s.end("SSH-2.0-OpenSSH_9.2\r\n\r\n"));
    }),
  );
  // Accepts TCP, never speaks TLS.
  stallPort = await listen(createTcpServer(() => {}));
  const closed = createTcpServer();
  closedPort = await listen(closed);
  closed.close();
});

after(() => {
  for (const s of sockets) s.destroy();
  for (const s of servers) s.close();
  pki.cleanup();
});

const opts = (extra: Partial<Parameters<typeof httpsFetch>[1]> = {}) => ({
  dns,
  timeoutMs: 5000,
  extraCa: [pki.caPem],
  ...extra,
});

test("a good policy: 200, text/plain, certificate verified and described", async () => {
  const r = await httpsFetch(`https://mta-sts.good.test:${goodPort}/.well-known/mta-sts.txt`, opts());
  assert.equal(r.outcome, "ok");
  assert.equal(r.status, 200);
  assert.equal(r.headers?.["content-type"], "text/plain");
  assert.equal(r.body, "version: STSv1\nmode: enforce\nmx: mail.good.test\nmax_age: 604800\n");
  assert.equal(r.tls?.authorized, true);
  assert.equal(r.tls?.certificate?.subjectAltName, "DNS:mta-sts.good.test");
  assert.match(r.tls?.certificate?.issuer ?? "", /mxray policy test CA/);
  assert.deepEqual(r.attempts, [{ address: "127.0.0.1", outcome: "connected" }]);
  assert.deepEqual(
    r.dns.map((a) => `${a.name} ${a.type} ${a.status}`),
    ["mta-sts.good.test A noerror", "mta-sts.good.test AAAA nodata"],
  );
});

test("a redirect is returned, never followed", async () => {
  const before = requests;
  const r = await httpsFetch(`https://mta-sts.good.test:${goodPort}/redirect`, opts());
  assert.equal(r.outcome, "ok");
  assert.equal(r.status, 301);
  assert.equal(r.headers?.location, "https://www.good.test/.well-known/mta-sts.txt");
  assert.equal(requests - before, 1, "one request only");
});

test("404 is an ordinary response", async () => {
  const r = await httpsFetch(`https://mta-sts.good.test:${goodPort}/nothing`, opts());
  assert.deepEqual([r.outcome, r.status, r.headers?.["content-type"]], ["ok", 404, "text/html"]);
});

test("a certificate for another name fails, with the certificate described, and no request is sent", async () => {
  const before = requests;
  const r = await httpsFetch(
    `https://mta-sts.wrongname.test:${wrongNamePort}/.well-known/mta-sts.txt`,
    opts(),
  );
  assert.equal(r.outcome, "tls-failed");
  assert.equal(r.tls?.authorized, false);
  assert.equal(r.tls?.authorizationError, "ERR_TLS_CERT_ALTNAME_INVALID");
  assert.equal(r.tls?.certificate?.subjectAltName, "DNS:www.elsewhere.test");
  assert.equal(requests, before);
  assert.equal(r.status, undefined);
});

test("a self-signed certificate is untrusted", async () => {
  const r = await httpsFetch(
    `https://mta-sts.selfsigned.test:${selfSignedPort}/.well-known/mta-sts.txt`,
    opts(),
  );
  assert.deepEqual([r.outcome, r.tls?.authorizationError], ["tls-failed", "DEPTH_ZERO_SELF_SIGNED_CERT"]);
});

test("without the extra CA the same good server is untrusted", async () => {
  const r = await httpsFetch(
    `https://mta-sts.good.test:${goodPort}/.well-known/mta-sts.txt`,
    opts({ extraCa: [] }),
  );
  assert.deepEqual([r.outcome, r.tls?.authorizationError], ["tls-failed", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"]);
});

test("a body over the cap ends as too-large, streamed or declared", async () => {
  const streamed = await httpsFetch(`https://mta-sts.good.test:${goodPort}/huge-chunked`, opts());
  assert.equal(streamed.outcome, "too-large");
  assert.ok((streamed.bodyBytes ?? 0) > 65536 && (streamed.bodyBytes ?? 0) <= 65536 + 16 * 1024);
  assert.equal(streamed.body, undefined);
  const declared = await httpsFetch(`https://mta-sts.good.test:${goodPort}/huge-declared`, opts());
  assert.deepEqual([declared.outcome, declared.detail], ["too-large", "Content-Length 1000000 > 65536"]);
  const small = await httpsFetch(
    `https://mta-sts.good.test:${goodPort}/.well-known/mta-sts.txt`,
    opts({ maxBytes: 10 }),
  );
  assert.equal(small.outcome, "too-large");
});

test("a body that never ends is cut at the time limit", async () => {
  const r = await httpsFetch(`https://mta-sts.good.test:${goodPort}/slow-body`, opts({ timeoutMs: 1500 }));
  assert.equal(r.outcome, "timeout");
  assert.equal(r.status, 200);
  assert.match(r.detail ?? "", /no complete response within 1500 ms/);
});

test("a server that never starts TLS is a timeout", async () => {
  const r = await httpsFetch(`https://mta-sts.stall.test:${stallPort}/`, opts({ timeoutMs: 1000 }));
  assert.equal(r.outcome, "timeout");
  assert.match(r.detail ?? "", /TLS handshake/);
});

test("refused connections are tried on every address, then reported", async () => {
  const r = await httpsFetch(`https://mta-sts.refused.test:${closedPort}/`, opts());
  assert.equal(r.outcome, "connect-failed");
  assert.deepEqual(
    r.attempts.map((a) => [a.address, a.outcome]),
    [
      ["127.0.0.1", "refused"],
      ["::1", "refused"],
    ],
  );
});

test("names without addresses and failed lookups stay distinct", async () => {
  const none = await httpsFetch("https://mta-sts.absent.test/.well-known/mta-sts.txt", opts());
  assert.equal(none.outcome, "no-address");
  const failed = await httpsFetch("https://mta-sts.servfail.test/.well-known/mta-sts.txt", opts());
  assert.equal(failed.outcome, "dns-failed");
  assert.deepEqual(
    failed.dns.map((a) => a.status),
    ["servfail", "servfail"],
  );
});

test("an aborted signal ends the fetch", async () => {
  const r = await httpsFetch(
    `https://mta-sts.good.test:${goodPort}/slow-body`,
    opts({ signal: AbortSignal.timeout(200), timeoutMs: 5000 }),
  );
  assert.equal(r.outcome, "aborted");
});

test("a response cut short is an HTTP error, not a timeout", async () => {
  const r = await httpsFetch(`https://mta-sts.good.test:${goodPort}/truncated`, opts({ timeoutMs: 5000 }));
  assert.equal(r.outcome, "http-error");
  assert.equal(r.status, 200);
});

test("a server that does not speak HTTP is an HTTP error", async () => {
  const r = await httpsFetch(
    `https://mta-sts.good.test:${garbagePort}/.well-known/mta-sts.txt`,
    opts({ timeoutMs: 5000 }),
  );
  assert.equal(r.outcome, "http-error");
  assert.equal(r.tls?.authorized, true);
  assert.match(r.detail ?? "", /HPE_/);
});

test("an abort during the TLS handshake ends the fetch at once", async () => {
  const r = await httpsFetch(
    `https://mta-sts.stall.test:${stallPort}/`,
    opts({ signal: AbortSignal.timeout(100), timeoutMs: 60000 }),
  );
  assert.equal(r.outcome, "aborted");
});

test("an already aborted signal does nothing at all", async () => {
  const before = dns.stats.queries;
  const r = await httpsFetch(`https://mta-sts.good.test:${goodPort}/`, opts({ signal: AbortSignal.abort() }));
  assert.equal(r.outcome, "aborted");
  assert.equal(dns.stats.queries, before);
});
