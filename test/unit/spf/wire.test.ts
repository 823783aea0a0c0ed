/**
 * check_host() over the real wire client against in-process DNS servers on 127.0.0.1 that
 * misbehave on purpose: garbage answers, silence, and a slow drip that outlasts the time limit.
 */
import assert from "node:assert/strict";
import { createSocket, type Socket } from "node:dgram";
import { after, test } from "node:test";
import { createDnsClient } from "../../../src/net/dns/client.js";
import { checkHost } from "../../../src/standards/spf/index.js";

const sockets: Socket[] = [];
after(() => sockets.forEach((s) => s.close()));

/** A UDP server on 127.0.0.1 that handles each question with `reply` (undefined: stay silent). */
async function server(reply: (msg: Buffer) => Buffer | undefined): Promise<string> {
  const s = createSocket("udp4");
  sockets.push(s);
  s.on("message", (msg, rinfo) => {
    const out = reply(msg);
    if (out) s.send(out, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => s.bind(0, "127.0.0.1", resolve));
  return `127.0.0.1:${s.address().port}`;
}

const params = { ip: "192.0.2.1", domain: "example.com", sender: "user@example.com" };

test("garbage answers end in temperror, not none and not a crash", async () => {
  // right id, then noise: the client must call it malformed
  const addr = await server((msg) =>
    Buffer.concat([
      msg.subarray(0, 2),
      Buffer.from([0x81, 0x80, 0xff, 0xff, 0xff, 0xff]),
      Buffer.alloc(20, 0xab),
    ]),
  );
  const dns = createDnsClient({ servers: [addr], timeoutMs: 300, retries: 1 });
  const r = await checkHost(params, { dns });
  assert.equal(r.result, "temperror");
  assert.equal(r.trace.queries[0]?.status, "malformed");
});

test("a server that never answers gives temperror, not none", { timeout: 10000 }, async () => {
  const addr = await server(() => undefined);
  const dns = createDnsClient({ servers: [addr], timeoutMs: 200, retries: 1 });
  const r = await checkHost(params, { dns });
  assert.equal(r.result, "temperror");
  assert.equal(r.trace.queries[0]?.status, "timeout");
});

test(
  "the evaluation's own time limit stops a query the DNS client would still wait for",
  { timeout: 10000 },
  async () => {
    const addr = await server(() => undefined);
    const dns = createDnsClient({ servers: [addr], timeoutMs: 5000, retries: 1 });
    const r = await checkHost(params, { dns, limits: { timeMs: 150 } });
    assert.equal(r.result, "temperror");
    assert.match(r.reason ?? "", /time limit of 150 ms/);
  },
);
