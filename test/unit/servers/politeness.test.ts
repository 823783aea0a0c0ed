import assert from "node:assert/strict";
import type { Socket } from "node:net";
import { after, describe, it } from "node:test";
import { createHostLimiter, hostLimiterFor } from "../../../src/net/host-limiter.js";
import { probePort, scanPorts } from "../../../src/probes/ports.js";
import { gatherServers } from "../../../src/probes/servers.js";
import { sleep, smtpScript, startServer, testContext, type TestServer } from "./helpers.js";

const servers: TestServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe("host limiter", () => {
  it("never lets more than perHost tasks run at once for one address, others run freely", async () => {
    const limiter = createHostLimiter({ perHost: 2 });
    let running = 0;
    let peak = 0;
    const task = async (address: string) => {
      const release = await limiter.acquire(address);
      running++;
      peak = Math.max(peak, running);
      await sleep(15);
      running--;
      release();
    };
    await Promise.all(Array.from({ length: 10 }, () => task("192.0.2.1")));
    assert.equal(peak, 2);
    assert.equal(limiter.peak, 2);
    running = 0;
    peak = 0;
    await Promise.all(["a", "b", "c"].map((a) => task(a)));
    assert.equal(peak, 3, "different addresses do not wait for each other");
  });

  it("after a 421 the next connection waits, doubling each time", async () => {
    const limiter = createHostLimiter({ perHost: 2, backoffMs: 60 });
    limiter.noteRateLimited("x");
    let t = Date.now();
    (await limiter.acquire("x"))();
    assert.ok(Date.now() - t >= 50);
    limiter.noteRateLimited("x");
    t = Date.now();
    (await limiter.acquire("x"))();
    assert.ok(Date.now() - t >= 100);
    assert.equal(limiter.rateLimitCount("x"), 2);
    t = Date.now();
    (await limiter.acquire("y"))();
    assert.ok(Date.now() - t < 50, "other addresses are not slowed");
  });

  it("is shared by everything that uses one run context", () => {
    const ctx = testContext();
    assert.equal(hostLimiterFor(ctx), hostLimiterFor(ctx));
    assert.notEqual(hostLimiterFor(ctx), hostLimiterFor(testContext()));
  });
});

describe("port scan and sessions against in-process servers", () => {
  it("tells open from closed, with times", async () => {
    const s = await startServer((socket) => socket.end());
    servers.push(s);
    const closedServer = await startServer(() => {});
    const closedPort = closedServer.port;
    await closedServer.close();
    const open = await probePort("h", "127.0.0.1", s.port, { timeoutMs: 500 });
    const closed = await probePort("h", "127.0.0.1", closedPort, { timeoutMs: 500 });
    assert.equal(open.state, "open");
    assert.ok(open.ms >= 0);
    assert.deepEqual([closed.state, closed.code], ["closed", "ECONNREFUSED"]);
  });

  it("scans with at most two connects in flight per address", async () => {
    const list = await Promise.all(Array.from({ length: 6 }, () => startServer((socket) => socket.end())));
    servers.push(...list);
    const limiter = createHostLimiter({ perHost: 2 });
    const results = await scanPorts(
      [{ name: "h", addresses: ["127.0.0.1"] }],
      list.map((s) => s.port),
      testContext(1000),
      limiter,
    );
    assert.equal(results.filter((r) => r.state === "open").length, 6);
    assert.equal(limiter.peak, 2);
  });

  it("scans an address shared by two host names once", async () => {
    const s = await startServer((socket) => socket.end());
    servers.push(s);
    const results = await scanPorts(
      [
        { name: "a.test", addresses: ["127.0.0.1"] },
        { name: "b.test", addresses: ["127.0.0.1"] },
      ],
      [s.port],
      testContext(500),
      createHostLimiter({ perHost: 2 }),
    );
    assert.deepEqual(
      results.map((r) => [r.host, r.state]),
      [["a.test", "open"]],
    );
  });

  it("holds at most two SMTP sessions at once to one address, as the server sees it", async () => {
    let active = 0;
    let peak = 0;
    const script = smtpScript("220 slow.test ESMTP\r\n", {
      EHLO: "250 slow.test\r\n",
      VRFY: "502 no\r\n",
      EXPN: "502 no\r\n",
      QUIT: "221 bye\r\n",
    });
    // A session counts from its banner until it closes (the port scan's bare connects do not).
    const slow = (socket: Socket) => {
      setTimeout(() => {
        if (socket.destroyed) return;
        active++;
        peak = Math.max(peak, active);
        socket.on("close", () => active--);
        script(socket);
      }, 30);
    };
    const list = await Promise.all(Array.from({ length: 5 }, () => startServer(slow)));
    servers.push(...list);
    const ports = list.map((s) => s.port);
    const roles = Object.fromEntries(
      ports.map((p) => [p, { protocol: "smtp" as const, tls: "starttls" as const }]),
    );
    const ev = await gatherServers([{ name: "slow.test", addresses: ["127.0.0.1"] }], testContext(1000), {
      ports,
      roles,
      relayTest: false,
      ehloName: "probe.test",
    });
    assert.equal(ev.smtp.sessions.length, 5);
    assert.ok(ev.smtp.sessions.every((s) => s.banner?.code === 220));
    assert.ok(peak <= 2, `the server saw ${peak} sessions at once`);
    assert.ok(peak >= 1);
  });

  it("backs off after a 421 and skips the remaining sessions after two", async () => {
    const list = await Promise.all(
      Array.from({ length: 4 }, () => startServer((socket) => socket.end("421 4.7.0 busy\r\n"))),
    );
    servers.push(...list);
    const ports = list.map((s) => s.port);
    const roles = Object.fromEntries(
      ports.map((p) => [p, { protocol: "smtp" as const, tls: "starttls" as const }]),
    );
    const limiter = createHostLimiter({ perHost: 1, backoffMs: 10 });
    const ev = await gatherServers([{ name: "busy.test", addresses: ["127.0.0.1"] }], testContext(500), {
      ports,
      roles,
      limiter,
    });
    const talked = ev.smtp.sessions.filter((s) => !s.skipped);
    const skipped = ev.smtp.sessions.filter((s) => s.skipped === "rate-limited");
    assert.equal(talked.length, 2);
    assert.equal(skipped.length, 2);
    assert.ok(talked.every((s) => s.banner?.code === 421));
    assert.equal(limiter.rateLimitCount("127.0.0.1"), 2);
    assert.equal(
      list.reduce((n, s) => n + s.connections, 0),
      4 + 2,
      "4 port probes + 2 sessions, nothing after",
    );
  });
});

describe("gatherServers on well-known ports", () => {
  it("runs the SMTP session and the relay test on an open port 25 when it can bind one", async (t) => {
    // Port 25 on 127.0.0.1 may be taken or need privileges; skip rather than fail when it is not ours.
    let s: TestServer;
    try {
      s = await startServerOn(
        25,
        smtpScript("220 fake.test ESMTP\r\n", {
          EHLO: "250-fake.test\r\n250 PIPELINING\r\n",
          VRFY: "502 5.5.1 no\r\n",
          EXPN: "502 5.5.1 no\r\n",
          MAIL: "250 2.1.0 Ok\r\n",
          RCPT: "554 5.7.1 Relay access denied\r\n",
          RSET: "250 2.0.0 Ok\r\n",
          QUIT: "221 2.0.0 Bye\r\n",
        }),
      );
    } catch {
      t.skip("cannot listen on 127.0.0.1:25 here");
      return;
    }
    servers.push(s);
    const ev = await gatherServers([{ name: "fake.test", addresses: ["127.0.0.1"] }], testContext(1000), {
      ports: [25],
      ehloName: "probe.test",
    });
    assert.equal(ev.smtp.sessions[0]?.banner?.code, 220);
    assert.equal(ev.smtp.relay[0]?.cases.length, 8);
    assert.ok(
      ev.smtp.relay[0]!.transcript.every((l) => !/^DATA/i.test(l.text)),
      "never DATA",
    );
  });
});

async function startServerOn(port: number, handler: (socket: Socket) => void): Promise<TestServer> {
  const { createServer } = await import("node:net");
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    handler(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    port,
    connections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const so of sockets) so.destroy();
        server.close(() => resolve());
      }),
  };
}
