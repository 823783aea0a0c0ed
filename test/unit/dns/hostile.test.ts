import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { encode, type Packet } from "dns-packet";
import { allTimedOut, checkResolvers, createDnsClient } from "../../../src/net/dns/client.js";
import { startDnsServer, type Misbehave, type RunningDnsServer } from "../../../src/net/dns/server.js";
import type { DnsRecord } from "../../../src/net/dns/types.js";
import { bigTxt, soa, zoneRecords } from "./fixtures.js";

// Each test gets its own servers; every wait below is bounded by the client's timeout and the test's.
const servers: RunningDnsServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function serve(misbehave?: Misbehave, records: DnsRecord[] = zoneRecords): Promise<RunningDnsServer> {
  const s = await startDnsServer({ records, zones: ["example.test", "other.test"], misbehave });
  servers.push(s);
  return s;
}

const TIMEOUT = 300;
const client = (...list: RunningDnsServer[]) =>
  createDnsClient({ servers: list.map((s) => s.server), timeoutMs: TIMEOUT, retries: 2 });
const bounded = { timeout: 10_000 };

const withRcode = (p: Packet, rcode: number): Packet => ({
  ...p,
  flags: ((p.flags ?? 0) & ~0xf) | rcode,
  answers: [],
});
const withId = (p: Packet, id: number): Packet => ({ ...p, id });

/** A response by hand: header, the question as asked, then `rest` (answer RRs) with `ancount`. */
function rawResponse(id: number, question: Buffer, rest: Buffer, ancount: number): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x8180, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(ancount, 6);
  return Buffer.concat([header, question, rest]);
}

/** The question section of a query as it came (name, type, class). */
function questionOf(wire: Buffer): Buffer {
  let i = 12;
  while ((wire[i] ?? 0) !== 0) i += (wire[i] ?? 0) + 1;
  return wire.subarray(12, i + 5);
}

describe("hostile answers end in a clear status within the time limit", () => {
  it("ignores an answer with the wrong id and takes the right one that follows", bounded, async () => {
    const srv = await serve(({ answer, wire }) => ({
      reply: [encode(withId(answer, ((answer.id ?? 0) + 1) & 0xffff)), wire],
    }));
    const a = await client(srv).query("example.test", "MX");
    assert.equal(a.status, "noerror");
    assert.equal(a.records.length, 1);
  });

  it(
    "drops a forged answer from another source port, even with the right id, and takes the real one",
    bounded,
    async () => {
      const forged = (answer: Packet) =>
        encode({
          ...answer,
          answers: [
            { type: "MX", name: "example.test", ttl: 60, data: { preference: 1, exchange: "evil.test" } },
          ],
        });
      const srv = await serve(({ answer }) => ({ spoof: [forged(answer)], thenHonest: true }));
      const a = await client(srv).query("example.test", "MX");
      assert.equal(a.status, "noerror");
      assert.deepEqual(
        a.records.map((r) => (r.type === "MX" ? r.exchange : "")),
        ["mail.example.test"],
      );
      const onlyForged = await serve(({ answer }) => ({ spoof: [forged(answer)] }));
      assert.equal((await client(onlyForged).query("example.test", "MX")).status, "timeout");
    },
  );

  it("times out when only wrong-id answers come", bounded, async () => {
    const srv = await serve(({ answer }) => ({
      packet: withId(answer, ((answer.id ?? 0) ^ 0x5555) & 0xffff),
    }));
    const dns = client(srv);
    const a = await dns.query("example.test", "MX");
    assert.equal(a.status, "timeout");
    assert.equal(a.rcode, undefined);
    assert.equal(srv.queries, 2, "two attempts on the one server");
    assert.equal(allTimedOut(dns), true);
  });

  it(
    "reads an answer to another question as malformed, but takes a right one after it",
    bounded,
    async () => {
      const wrongName: Misbehave = ({ answer }) => ({
        packet: { ...answer, questions: [{ name: "evil.test", type: "MX", class: "IN" }] },
      });
      const a = await client(await serve(wrongName)).query("example.test", "MX");
      assert.equal(a.status, "malformed");
      assert.match(a.detail ?? "", /evil\.test/);

      const wrongType: Misbehave = ({ answer }) => ({
        packet: { ...answer, questions: [{ name: "example.test", type: "A", class: "IN" }] },
      });
      assert.equal((await client(await serve(wrongType)).query("example.test", "MX")).status, "malformed");

      const thenRight: Misbehave = ({ answer, wire }) => ({
        reply: [encode({ ...answer, questions: [{ name: "example.test", type: "TXT", class: "IN" }] }), wire],
      });
      assert.equal((await client(await serve(thenRight)).query("example.test", "MX")).status, "noerror");
    },
  );

  it("reads a query sent back (QR=0) or a second question as malformed", bounded, async () => {
    const echo = await serve(({ query }) => ({ packet: { ...query, type: "query", flags: 0x0100 } }));
    assert.equal((await client(echo).query("example.test", "MX")).status, "malformed");
    const two = await serve(({ answer }) => ({
      packet: {
        ...answer,
        questions: [...(answer.questions ?? []), { name: "x.test", type: "A", class: "IN" }],
      },
    }));
    assert.equal((await client(two).query("example.test", "MX")).status, "malformed");
  });

  it("reads garbage, a cut-off packet and a short packet with our id as malformed", bounded, async () => {
    const garbage = await serve(({ wire }) => ({
      reply: [
        Buffer.concat([
          wire.subarray(0, 4),
          Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3]),
        ]),
      ],
    }));
    const g = await client(garbage).query("example.test", "MX");
    assert.equal(g.status, "malformed");

    const cut = await serve(({ wire }) => ({ reply: [wire.subarray(0, wire.length - 3)] }));
    const c = await client(cut).query("example.test", "MX");
    assert.equal(c.status, "malformed");
    assert.match(c.detail ?? "", /past the end/);

    const short = await serve(({ wire }) => ({ reply: [wire.subarray(0, 6)] }));
    const s = await client(short).query("example.test", "MX");
    assert.equal(s.status, "malformed");
    assert.match(s.detail ?? "", /shorter than a DNS header/);
  });

  it("times out when the server never answers, after its attempts", bounded, async () => {
    const srv = await serve(() => ({ drop: true }));
    const dns = client(srv);
    const a = await dns.query("example.test", "A");
    assert.equal(a.status, "timeout");
    assert.equal(a.server, srv.server);
    assert.equal(dns.stats.timeouts, 1);
    assert.equal(dns.stats.responses, 0);
    assert.equal(allTimedOut(dns), true);
  });

  it("stops asking a server that never answered, once it has been silent three times", bounded, async () => {
    const silent = await serve(() => ({ drop: true }));
    const good = await serve();
    const dns = client(silent, good);
    for (const name of ["a", "b", "c"])
      assert.equal((await dns.query(`${name}.example.test`, "A")).status, "nxdomain");
    assert.equal(silent.queries, 6, "three questions, two attempts each");
    const d = await dns.query("example.test", "MX");
    assert.equal(d.status, "noerror");
    assert.equal(d.server, good.server);
    assert.equal(silent.queries, 6, "the fourth question went straight to the good server");
    assert.equal(allTimedOut(dns), false);
  });

  it("follows TC=1 to TCP even for a small answer", bounded, async () => {
    const srv = await serve(({ transport, answer }) =>
      transport === "udp"
        ? { packet: { ...answer, flags: (answer.flags ?? 0) | 0x0200, answers: [] } }
        : undefined,
    );
    const a = await client(srv).query("example.test", "MX");
    assert.equal(a.status, "noerror");
    assert.equal(a.viaTcp, true);
  });

  it("says what happened when the TCP server closes, drips, or lies about the length", bounded, async () => {
    const tc: Misbehave = ({ transport, answer }) =>
      transport === "udp"
        ? { packet: { ...answer, flags: (answer.flags ?? 0) | 0x0200, answers: [] } }
        : undefined;

    const closes = await serve((ctx) => (ctx.transport === "tcp" ? { close: true } : tc(ctx)));
    const c = await client(closes).query("example.test", "MX");
    assert.equal(c.status, "error");
    assert.match(c.detail ?? "", /closed without an answer/);

    const drips = await serve((ctx) => {
      if (ctx.transport === "udp") return tc(ctx);
      const framed = Buffer.alloc(2 + ctx.wire.length);
      framed.writeUInt16BE(ctx.wire.length, 0);
      ctx.wire.copy(framed, 2);
      return { drip: framed, everyMs: 40 };
    });
    const d = await client(drips).query("example.test", "MX");
    assert.equal(d.status, "timeout");
    assert.match(d.detail ?? "", /TCP answer incomplete after \d+ bytes/);

    const lies = await serve((ctx) => {
      if (ctx.transport === "udp") return tc(ctx);
      const head = Buffer.alloc(2);
      head.writeUInt16BE(65535, 0);
      return { raw: Buffer.concat([head, ctx.wire]) };
    });
    const l = await client(lies).query("example.test", "MX");
    assert.equal(l.status, "timeout", "the server promised 65535 bytes and stopped: nothing complete came");
  });

  it("reads a TCP connection closed mid-answer as malformed", bounded, async () => {
    const srv = await serve((ctx) => {
      if (ctx.transport === "udp")
        return { packet: { ...ctx.answer, flags: (ctx.answer.flags ?? 0) | 0x0200, answers: [] } };
      const head = Buffer.alloc(2);
      head.writeUInt16BE(ctx.wire.length + 100, 0);
      return { raw: Buffer.concat([head, ctx.wire]), close: true };
    });
    const a = await client(srv).query("example.test", "MX");
    assert.equal(a.status, "malformed");
    assert.match(a.detail ?? "", /TCP connection closed after \d+ bytes of a \d+-byte answer/);
  });

  it("detects a CNAME loop inside one answer and across answers", bounded, async () => {
    const loop: DnsRecord[] = [
      soa("example.test"),
      soa("other.test"),
      { type: "CNAME", name: "a.example.test", ttl: 60, target: "b.example.test" },
      { type: "CNAME", name: "b.example.test", ttl: 60, target: "a.example.test" },
      { type: "CNAME", name: "x.example.test", ttl: 60, target: "y.other.test" },
      { type: "CNAME", name: "y.other.test", ttl: 60, target: "x.example.test" },
    ];
    const dns = client(await serve(undefined, loop));
    const inside = await dns.query("a.example.test", "A");
    assert.equal(inside.status, "error");
    assert.match(
      inside.detail ?? "",
      /^CNAME loop: a\.example\.test -> b\.example\.test -> a\.example\.test$/,
    );
    const across = await dns.query("x.example.test", "TXT");
    assert.equal(across.status, "error");
    assert.match(across.detail ?? "", /CNAME loop/);
  });

  it("stops a CNAME chain longer than 8", bounded, async () => {
    const chain: DnsRecord[] = [soa("example.test")];
    for (let i = 0; i < 12; i++)
      chain.push({ type: "CNAME", name: `c${i}.example.test`, ttl: 60, target: `c${i + 1}.example.test` });
    chain.push({ type: "A", name: "c12.example.test", ttl: 60, address: "127.0.0.1" });
    const a = await client(await serve(undefined, chain)).query("c0.example.test", "A");
    assert.equal(a.status, "error");
    assert.match(a.detail ?? "", /longer than 8/);
    assert.equal(a.cnameChain.length, 8);
  });

  it("reads compression pointer loops as malformed", bounded, async () => {
    // The answer's owner name is a pointer to itself.
    const self = await serve(({ query, wire }) => {
      const q = questionOf(wire);
      const at = 12 + q.length;
      const rr = Buffer.from([0xc0 | (at >> 8), at & 0xff, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]);
      return { reply: [rawResponse(query.id ?? 0, q, rr, 1)] };
    });
    const a = await client(self).query("example.test", "A");
    assert.equal(a.status, "malformed");
    assert.match(a.detail ?? "", /pointer/);

    // A label, then a pointer back to that label: a -> a -> a ...
    const back = await serve(({ query, wire }) => {
      const q = questionOf(wire);
      const at = 12 + q.length;
      const rr = Buffer.from([
        1,
        0x61,
        0xc0 | (at >> 8),
        at & 0xff,
        0,
        1,
        0,
        1,
        0,
        0,
        0,
        60,
        0,
        4,
        127,
        0,
        0,
        1,
      ]);
      return { reply: [rawResponse(query.id ?? 0, q, rr, 1)] };
    });
    assert.equal((await client(back).query("example.test", "A")).status, "malformed");
  });

  it("reads a record whose RDLENGTH runs past the message as malformed", bounded, async () => {
    const srv = await serve(({ query, wire }) => {
      const q = questionOf(wire);
      const rr = Buffer.from([
        0xc0, 12, 0, 16, 0, 1, 0, 0, 0, 60, 0xff, 0xff, 5, 0x68, 0x65, 0x6c, 0x6c, 0x6f,
      ]);
      return { reply: [rawResponse(query.id ?? 0, q, rr, 1)] };
    });
    const a = await client(srv).query("example.test", "TXT");
    assert.equal(a.status, "malformed");
    assert.match(a.detail ?? "", /RDLENGTH 65535/);
  });

  it("takes a huge TXT (about 50 KB over TCP) whole", bounded, async () => {
    const srv = await serve(undefined, [soa("example.test"), bigTxt("huge.example.test", 200)]);
    const a = await client(srv).query("huge.example.test", "TXT");
    assert.equal(a.status, "noerror");
    assert.equal(a.viaTcp, true);
    const r = a.records[0];
    assert.ok(r?.type === "TXT");
    assert.equal(r.strings.length, 200);
  });

  it(
    "ignores records for other names and classes (no poisoning through the answer section)",
    bounded,
    async () => {
      const srv = await serve(({ answer }) => ({
        packet: {
          ...answer,
          answers: [
            { type: "A", name: "evil.test", ttl: 60, class: "IN", data: "127.6.6.6" },
            { type: "A", name: "mail.example.test", ttl: 60, class: "CH", data: "127.6.6.7" },
          ],
        },
      }));
      const a = await client(srv).query("mail.example.test", "A");
      assert.equal(a.status, "nodata");
      assert.deepEqual(a.records, []);
    },
  );

  it(
    "goes to the next server after SERVFAIL and REFUSED, and says which server answered",
    bounded,
    async () => {
      const servfail = await serve(({ answer }) => ({ packet: withRcode(answer, 2) }));
      const refused = await serve(({ answer }) => ({ packet: withRcode(answer, 5) }));
      const good = await serve();
      const a = await client(servfail, refused, good).query("example.test", "MX");
      assert.equal(a.status, "noerror");
      assert.equal(a.server, good.server);
      assert.equal(servfail.queries, 1, "a SERVFAIL is an answer: no second attempt on that server");

      const onlyFail = await client(servfail).query("example.test", "MX");
      assert.equal(onlyFail.status, "servfail");
      assert.equal(onlyFail.rcode, "SERVFAIL");
      const onlyRefused = await client(refused).query("example.test", "MX");
      assert.equal(onlyRefused.status, "refused");

      const both = await client(servfail, refused).query("example.test", "TXT");
      assert.equal(both.status, "refused", "the last server's answer is reported");
      assert.equal(both.server, refused.server);
      assert.match(both.detail ?? "", new RegExp(`${servfail.server} SERVFAIL; ${refused.server} REFUSED`));
    },
  );

  it("a SERVFAIL is kept over a later timeout: it says more", bounded, async () => {
    const servfail = await serve(({ answer }) => ({ packet: withRcode(answer, 2) }));
    const silent = await serve(() => ({ drop: true }));
    const a = await client(servfail, silent).query("example.test", "MX");
    assert.equal(a.status, "servfail");
    assert.equal(a.server, servfail.server);
    assert.match(a.detail ?? "", /timeout/);
  });

  it("other rcodes are errors that keep their name", bounded, async () => {
    const notimp = await serve(({ answer, query }) =>
      (query.additionals ?? []).length ? undefined : { packet: withRcode(answer, 4) },
    );
    const a = await client(notimp).query("example.test", "MX");
    assert.equal(a.status, "noerror", "EDNS queries are answered normally");
    const formerr = await serve(({ answer }) => ({ packet: withRcode(answer, 1) }));
    const f = await client(formerr).query("example.test", "MX");
    assert.equal(f.status, "error");
    assert.equal(f.rcode, "FORMERR");
  });

  it("asks again without EDNS when a server rejects EDNS with FORMERR (RFC 6891 §7)", bounded, async () => {
    const old = await serve(({ answer, query }) =>
      (query.additionals ?? []).some((a) => a.type === "OPT")
        ? { packet: { ...withRcode(answer, 1), additionals: [] } }
        : undefined,
    );
    const a = await client(old).query("example.test", "MX");
    assert.equal(a.status, "noerror");
    assert.equal(old.queries, 2);
  });

  it("a connection refused is an error that names it, and counts as no answer", bounded, async () => {
    const gone = await serve();
    const server = gone.server;
    await gone.close();
    servers.splice(servers.indexOf(gone), 1);
    const dns = createDnsClient({ servers: [server], timeoutMs: TIMEOUT });
    const a = await dns.query("example.test", "MX");
    assert.equal(a.status, "error");
    assert.match(a.detail ?? "", /connection refused/);
    assert.equal(allTimedOut(dns), true);
  });

  it("the client's own signal stops every query at once", bounded, async () => {
    const silent = await serve(() => ({ drop: true }));
    const ctl = new AbortController();
    const dns = createDnsClient({ servers: [silent.server], timeoutMs: 60_000, signal: ctl.signal });
    const pending = dns.query("example.test", "MX");
    setTimeout(() => ctl.abort(), 50);
    const a = await pending;
    assert.equal(a.status, "error");
    assert.equal(a.detail, "query aborted");
  });

  it(
    "the pre-flight check tells an unreachable resolver from one that answers, even with REFUSED",
    bounded,
    async () => {
      const silent = await serve(() => ({ drop: true }));
      const problem = await checkResolvers(client(silent), "example.test");
      assert.equal(problem, `no answer from resolver ${silent.server} (timed out)`);
      const refusing = await serve(({ answer }) => ({ packet: withRcode(answer, 5) }));
      assert.equal(await checkResolvers(client(refusing), "example.test"), undefined);
      assert.equal(await checkResolvers(client(await serve()), "example.test"), undefined);
    },
  );
});
