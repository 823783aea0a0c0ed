import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { checkPorts } from "../../../src/checks/ports.js";
import { judgeRelay } from "../../../src/checks/relay.js";
import { judgeSmtpSession, SLOW_BANNER_MS } from "../../../src/checks/smtp.js";
import { judgeMailboxSession } from "../../../src/checks/mailbox.js";
import type { Evidence } from "../../../src/core/evidence.js";
import { catalog } from "../../../src/i18n/index.js";
import type {
  MailboxSessionEvidence,
  PortResult,
  RelayTestEvidence,
  ReplyEvidence,
  SmtpSessionEvidence,
} from "../../../src/probes/servers-evidence.js";
import { parseEhlo } from "../../../src/standards/smtp-ehlo.js";

const reply = (code: number, ...lines: string[]): ReplyEvidence => {
  const enhanced = /^([245]\.\d+\.\d+)/.exec(lines[0] ?? "")?.[1];
  return { code, lines, ms: 2, ...(enhanced ? { enhanced } : {}) };
};

function session(over: Partial<SmtpSessionEvidence> = {}): SmtpSessionEvidence {
  const ehloLines = [
    "mx.example.test",
    "PIPELINING",
    "SIZE 10240000",
    "STARTTLS",
    "ENHANCEDSTATUSCODES",
    "8BITMIME",
    "SMTPUTF8",
  ];
  return {
    host: "mx.example.test",
    address: "192.0.2.1",
    port: 25,
    mode: "starttls",
    ehloName: "probe.test",
    connect: { state: "open", ms: 1 },
    banner: reply(220, "mx.example.test ESMTP"),
    ptr: {
      names: ["mx.example.test"],
      answer: {
        name: "1.2.0.192.in-addr.arpa",
        type: "PTR",
        status: "noerror",
        records: [],
        cnameChain: [],
        authenticated: false,
        server: "memory",
        elapsedMs: 0,
      },
    },
    ehlo: { command: "EHLO", reply: reply(250, ...ehloLines), capabilities: parseEhlo(ehloLines) },
    vrfy: {
      known: reply(502, "5.5.1 VRFY command is disabled"),
      unknown: reply(502, "5.5.1 VRFY command is disabled"),
      unknownUser: "nobody-x",
    },
    expn: reply(502, "5.5.2 no"),
    starttls: {
      reply: reply(220, "2.0.0 Ready"),
      tls: {
        ok: true,
        protocol: "TLSv1.3",
        cipher: "TLS_AES_256_GCM_SHA384",
        authorized: true,
        handshakeMs: 5,
      },
      ehloAfter: {
        reply: reply(250, "mx", "SIZE 10240000"),
        capabilities: parseEhlo([
          "mx",
          "PIPELINING",
          "SIZE 10240000",
          "ENHANCEDSTATUSCODES",
          "8BITMIME",
          "SMTPUTF8",
        ]),
      },
    },
    phases: {},
    transcript: [{ t: 0, dir: "S", text: "220 mx.example.test ESMTP" }],
    omitted: 0,
    ...over,
  };
}

const ids = (fs: { id: string }[]) => fs.map((f) => f.id).sort();

describe("SMTP session checks", () => {
  it("a healthy MX gets only ok and info findings", () => {
    const f = judgeSmtpSession(session(), true);
    assert.deepEqual(ids(f), [
      "smtp.banner.name.match",
      "smtp.banner.ok",
      "smtp.ehlo.capabilities",
      "smtp.starttls.ehlo-changed",
      "smtp.starttls.ok",
      "smtp.vrfy.disabled",
    ]);
    assert.ok(f.every((x) => x.severity === "ok" || x.severity === "info"));
    assert.equal(f[0]!.subject, "mx.example.test[192.0.2.1]:25");
  });

  it("no STARTTLS is an error; AUTH PLAIN without any TLS is an error", () => {
    const lines = ["weak.test", "AUTH PLAIN LOGIN", "SIZE 1000"];
    const f = judgeSmtpSession(
      session({
        ehlo: { command: "EHLO", reply: reply(250, ...lines), capabilities: parseEhlo(lines) },
        starttls: undefined,
      }),
      true,
    );
    const got = ids(f);
    assert.ok(got.includes("smtp.starttls.missing"));
    assert.ok(got.includes("smtp.auth.plaintext-without-tls"));
    assert.ok(got.includes("smtp.size.small"));
    assert.ok(got.includes("smtp.ehlo.missing-extensions"));
    assert.equal(f.find((x) => x.id === "smtp.starttls.missing")!.severity, "error");
  });

  it("AUTH before STARTTLS on a submission port is a warning", () => {
    const lines = ["sub.test", "STARTTLS", "AUTH PLAIN"];
    const f = judgeSmtpSession(
      session({
        port: 587,
        ehlo: { command: "EHLO", reply: reply(250, ...lines), capabilities: parseEhlo(lines) },
      }),
      true,
    );
    const auth = f.find((x) => x.id === "smtp.auth.before-tls");
    assert.equal(auth?.severity, "warning");
    assert.equal(auth?.params.mechanisms, "PLAIN");
  });

  it("a slow banner is a tarpit warning; a name mismatch is info", () => {
    const f = judgeSmtpSession(
      session({ banner: { ...reply(220, "other.test ESMTP"), ms: SLOW_BANNER_MS + 500 } }),
      true,
    );
    assert.ok(ids(f).includes("smtp.banner.slow"));
    assert.equal(f.find((x) => x.id === "smtp.banner.name.mismatch")?.params.bannerName, "other.test");
  });

  it("a greeting held back in two parts is a deliberate greet pause (info), not a slow server", () => {
    const staged = {
      ...reply(220, "mx.example.test ESMTP", "mx.example.test ESMTP"),
      ms: 6100,
      firstLineMs: 3,
    };
    const f = judgeSmtpSession(session({ banner: staged }), true);
    const pause = f.find((x) => x.id === "smtp.banner.greet-pause");
    assert.equal(pause?.severity, "info");
    assert.equal(pause?.params.first, 3);
    assert.ok(!ids(f).includes("smtp.banner.slow"));
  });

  it("VRFY that tells users apart is user enumeration; 530 tells nothing", () => {
    const enumerating = session({
      vrfy: {
        known: reply(250, "2.0.0 <postmaster@x>"),
        unknown: reply(550, "5.1.1 <nobody>: User unknown"),
        unknownUser: "nobody",
      },
    });
    assert.ok(ids(judgeSmtpSession(enumerating, true)).includes("smtp.vrfy.enumeration"));
    const policy = session({
      vrfy: {
        known: reply(530, "5.7.0 Must issue a STARTTLS command first"),
        unknown: reply(530, "5.7.0 Must"),
        unknownUser: "x",
      },
    });
    assert.ok(!ids(judgeSmtpSession(policy, true)).some((id) => id.startsWith("smtp.vrfy")));
    const relayDenied = session({
      vrfy: {
        known: reply(252, "2.0.0 postmaster"),
        unknown: reply(554, "5.7.1 Relay access denied"),
        unknownUser: "x",
      },
    });
    assert.ok(ids(judgeSmtpSession(relayDenied, true)).includes("smtp.vrfy.enabled"));
    assert.ok(
      ids(judgeSmtpSession(session({ expn: reply(250, "2.0.0 a@b.test") }), true)).includes(
        "smtp.expn.enabled",
      ),
    );
  });

  it("bytes after the STARTTLS 220 are reported", () => {
    const s = session();
    s.starttls!.leftover = 12;
    assert.ok(ids(judgeSmtpSession(s, true)).includes("smtp.starttls.leftover"));
  });

  it("a skipped session says so and nothing else", () => {
    assert.deepEqual(ids(judgeSmtpSession(session({ skipped: "rate-limited" }), true)), [
      "smtp.session.skipped",
    ]);
  });
});

describe("relay checks", () => {
  const base: RelayTestEvidence = {
    host: "mx.example.test",
    address: "192.0.2.1",
    port: 25,
    recipient: "t@x.invalid",
    localAddress: "198.51.100.7",
    cases: [],
    transcript: [],
    omitted: 0,
  };
  const ok = reply(250, "2.1.0 Ok");
  it("an accepted outside recipient is a critical open relay", () => {
    const f = judgeRelay({
      ...base,
      cases: [{ from: "<>", to: "<t@x.invalid>", mail: ok, rcpt: reply(250, "2.1.5 Ok") }],
    });
    assert.equal(f[0]!.id, "smtp.relay.open");
    assert.equal(f[0]!.severity, "critical");
    assert.equal(f[0]!.params.local, "198.51.100.7");
  });
  it("refusals make a closed relay; domain-only refusals are inconclusive", () => {
    assert.equal(
      judgeRelay({
        ...base,
        cases: [{ from: "<>", to: "<t@x.invalid>", mail: ok, rcpt: reply(554, "5.7.1 Relay access denied") }],
      })[0]!.id,
      "smtp.relay.closed",
    );
    const domain = judgeRelay({
      ...base,
      cases: [
        {
          from: "<>",
          to: "<t@x.invalid>",
          mail: ok,
          rcpt: reply(450, "4.1.2 <t@x.invalid>: Recipient address rejected: Domain not found"),
        },
      ],
    });
    assert.equal(domain[0]!.id, "smtp.relay.inconclusive.domain");
    const grey = judgeRelay({
      ...base,
      cases: [{ from: "<>", to: "<t@x.invalid>", mail: ok, rcpt: reply(451, "4.7.1 try later") }],
    });
    assert.equal(grey[0]!.id, "smtp.relay.inconclusive.temporary");
  });
  it("a 421 during the test makes it incomplete, not closed", () => {
    const f = judgeRelay({
      ...base,
      cases: [{ from: "<>", to: "<t@x.invalid>", mail: ok }],
      rateLimited: { phase: "relay <> -> <t@x.invalid>", reply: reply(421, "4.7.0 slow down") },
    });
    assert.equal(f[0]!.id, "smtp.relay.incomplete");
  });
});

describe("port checks", () => {
  const result = (address: string, port: number, state: PortResult["state"], code?: string): PortResult => ({
    host: "mx.example.test",
    address,
    port,
    state,
    ms: 1,
    ...(code ? { code } : {}),
  });
  const ev = (results: PortResult[], role: "mx" | "host" = "mx"): Evidence => ({
    schema: 1,
    target: "example.test",
    input: "example.test",
    collectedAt: "2026-01-01T00:00:00Z",
    resolvers: [],
    ports: {
      role,
      ports: [25, 587],
      timeoutMs: 1000,
      hosts: [{ name: "mx.example.test", addresses: ["192.0.2.1", "192.0.2.2"] }],
      results,
    },
  });

  it("reports the matrix and a port 25 problem per address", () => {
    const f = checkPorts(
      ev([
        result("192.0.2.1", 25, "open"),
        result("192.0.2.1", 587, "filtered", "TIMEOUT"),
        result("192.0.2.2", 25, "filtered", "TIMEOUT"),
        result("192.0.2.2", 587, "closed", "ECONNREFUSED"),
      ]),
    );
    assert.deepEqual(ids(f), ["ports.matrix", "ports.matrix", "ports.other.filtered", "ports.smtp.filtered"]);
    assert.equal(f.find((x) => x.id === "ports.smtp.filtered")!.severity, "error");
  });

  it("no MX address on port 25 is critical; for a plain host it is a warning", () => {
    const results = [
      result("192.0.2.1", 25, "closed", "ECONNREFUSED"),
      result("192.0.2.2", 25, "unreachable", "EHOSTUNREACH"),
    ];
    const f = checkPorts(ev(results));
    assert.equal(f.find((x) => x.id === "ports.mx.unreachable")?.severity, "critical");
    const h = checkPorts(ev(results, "host"));
    assert.equal(
      h.find((x) => x.id === "ports.mx.unreachable"),
      undefined,
    );
    assert.equal(h.find((x) => x.id === "ports.smtp.closed")?.severity, "warning");
  });
});

describe("mailbox checks", () => {
  const imap = (over: Partial<MailboxSessionEvidence>): MailboxSessionEvidence => ({
    protocol: "imap",
    host: "mail.example.test",
    address: "192.0.2.1",
    port: 143,
    mode: "starttls",
    connect: { state: "open", ms: 1 },
    greeting: { ok: true, status: "OK", text: "ready", ms: 1 },
    phases: {},
    transcript: [],
    omitted: 0,
    ...over,
  });
  it("LOGINDISABLED before TLS is ok, its absence an error", () => {
    const good = ids(
      judgeMailboxSession(
        imap({
          capabilities: ["IMAP4REV1", "STARTTLS", "LOGINDISABLED"],
          starttls: { ok: true, text: "OK", tls: { ok: true, protocol: "TLSv1.3", handshakeMs: 1 } },
        }),
        true,
      ),
    );
    assert.deepEqual(good, ["imap.greeting.ok", "imap.login.tls-only", "imap.starttls.ok"]);
    const bad = ids(
      judgeMailboxSession(
        imap({
          capabilities: ["IMAP4REV1", "STARTTLS"],
          starttls: { ok: true, text: "OK", tls: { ok: true, handshakeMs: 1 } },
        }),
        true,
      ),
    );
    assert.ok(bad.includes("imap.login.plaintext"));
  });
});

describe("catalog", () => {
  it("every literal smtp./ports. id in the servers checks has an entry", () => {
    const dir = fileURLToPath(new URL("../../../src/checks/", import.meta.url));
    const found = new Set<string>();
    for (const file of ["smtp.ts", "relay.ts", "mailbox.ts", "ports.ts"]) {
      for (const m of readFileSync(dir + file, "utf8").matchAll(
        /(?<!name: )"((?:smtp|ports)\.[a-z0-9.-]+[a-z0-9])"/g,
      ))
        found.add(m[1]!);
    }
    assert.ok(found.size > 30, `scanned ${found.size} ids`);
    for (const id of found) assert.ok(catalog[id], `catalog entry for ${id}`);
  });

  it("every servers finding id used in these tests has both languages", () => {
    const needed = [
      "ports.matrix",
      "ports.smtp.closed",
      "ports.smtp.filtered",
      "ports.smtp.unreachable",
      "ports.smtp.error",
      "ports.other.filtered",
      "ports.other.unreachable",
      "ports.host.no-address",
      "ports.mx.unreachable",
      "smtp.connect.failed",
      "smtp.session.skipped",
      "smtp.tls.implicit.ok",
      "smtp.tls.implicit.failed",
      "smtp.banner.ok",
      "smtp.banner.slow",
      "smtp.banner.greet-pause",
      "smtp.banner.timeout",
      "smtp.banner.dropped",
      "smtp.banner.invalid",
      "smtp.banner.busy",
      "smtp.banner.refused",
      "smtp.banner.unexpected",
      "smtp.banner.name.match",
      "smtp.banner.name.mismatch",
      "smtp.ehlo.capabilities",
      "smtp.ehlo.missing-extensions",
      "smtp.size.small",
      "smtp.ehlo.refused",
      "smtp.helo.refused",
      "smtp.starttls.missing",
      "smtp.starttls.refused",
      "smtp.starttls.failed",
      "smtp.starttls.ok",
      "smtp.starttls.leftover",
      "smtp.starttls.ehlo-failed",
      "smtp.starttls.ehlo-changed",
      "smtp.auth.before-tls",
      "smtp.auth.plaintext-without-tls",
      "smtp.auth.without-tls",
      "smtp.vrfy.enumeration",
      "smtp.vrfy.discloses",
      "smtp.vrfy.enabled",
      "smtp.vrfy.disabled",
      "smtp.expn.enabled",
      "smtp.ratelimited",
      "smtp.session.dropped",
      "smtp.session.failed",
      "smtp.relay.open",
      "smtp.relay.closed",
      "smtp.relay.inconclusive.domain",
      "smtp.relay.inconclusive.sender",
      "smtp.relay.inconclusive.temporary",
      "smtp.relay.incomplete",
      "smtp.relay.untested",
    ];
    for (const p of ["imap", "pop3"]) {
      for (const s of [
        "connect.failed",
        "tls.implicit.ok",
        "tls.implicit.failed",
        "greeting.ok",
        "greeting.refused",
        "greeting.failed",
        "starttls.missing",
        "starttls.refused",
        "starttls.failed",
        "starttls.ok",
        "starttls.leftover",
        "login.plaintext",
        "login.tls-only",
        "session.dropped",
        "session.failed",
      ])
        needed.push(`${p}.${s}`);
    }
    for (const id of needed) {
      const entry = catalog[id];
      assert.ok(entry, `missing ${id}`);
      assert.ok(entry.en.summary && entry["zh-CN"].summary, `summary of ${id}`);
      assert.ok(/[\u4e00-\u9fff]/.test(entry["zh-CN"].summary + entry["zh-CN"].why), `Chinese text of ${id}`);
      const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      assert.deepEqual(
        placeholders(entry["zh-CN"].summary),
        placeholders(entry.en.summary),
        `same placeholders in ${id}`,
      );
    }
  });
});
