import assert from "node:assert/strict";
import type { TlsOptions } from "node:tls";
import { after, describe, it } from "node:test";
import { judgeTlsEndpoint, tlsChecks } from "../../../src/checks/tls.js";
import { daneRecordsCheck } from "../../../src/checks/dane-records.js";
import { runChecks } from "../../../src/core/check.js";
import type { Evidence } from "../../../src/core/evidence.js";
import type { Finding } from "../../../src/core/finding.js";
import type { DnsAnswer, DnsStatus } from "../../../src/net/dns/types.js";
import { scanTls } from "../../../src/net/tls/scan.js";
import type { TlsEndpointEvidence } from "../../../src/probes/tls.js";
import { fx, identity, startTlsServer, tlsaData, type TestServer } from "./helpers.js";

const servers: TestServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

const NOW = new Date("2030-01-01T00:00:00Z");

/** Scans an in-process server once and files the result as port `port` of `host`. */
async function endpoint(
  options: TlsOptions,
  host: string | undefined,
  port: number,
  extra: Partial<TlsEndpointEvidence> = {},
  ca = [fx("root.crt")],
): Promise<TlsEndpointEvidence> {
  const srv = await startTlsServer(options);
  servers.push(srv);
  const scan = await scanTls(
    { address: "127.0.0.1", port: srv.port, ...(host ? { servername: host } : {}) },
    { depth: "single", ca, trustSources: ["fixture root"], timeoutMs: 2000 },
  );
  return { ...(host ? { host } : {}), address: "127.0.0.1", port, scan, ...extra };
}

function tlsa(
  name: string,
  records: [number, number, number, string][],
  authenticated = true,
  status: DnsStatus = "noerror",
): DnsAnswer {
  return {
    name,
    type: "TLSA",
    status,
    records:
      status === "noerror"
        ? records.map(([usage, selector, matchingType, data]) => ({
            type: "TLSA" as const,
            name,
            ttl: 300,
            usage,
            selector,
            matchingType,
            data,
          }))
        : [],
    cnameChain: [],
    authenticated,
    server: "memory",
    elapsedMs: 0,
  };
}

const pick = (findings: Finding[], prefix: string) =>
  findings.filter((f) => f.id.startsWith(prefix)).map((f) => `${f.id}:${f.severity}`);
const judge = (ep: TlsEndpointEvidence, now = NOW) => judgeTlsEndpoint(ep, now);

describe("certificate findings", () => {
  it("pass a good chain with a summary of days left, key and issuer", async () => {
    const f = judge(await endpoint(identity("mx.fixture.test"), "mx.fixture.test", 465));
    assert.deepEqual(pick(f, "tls.cert."), ["tls.cert.key-phase-out:info", "tls.cert.ok:ok"]);
    const ok = f.find((x) => x.id === "tls.cert.ok");
    assert.equal(ok?.params.days, 2191);
    assert.equal(ok?.subject, "mx.fixture.test[127.0.0.1]:465");
  });

  it("warn under 30 days, error under 7, error once expired (and not also 'untrusted')", async () => {
    const ep = await endpoint(identity("mx.fixture.test"), "mx.fixture.test", 465);
    assert.deepEqual(pick(judge(ep, new Date("2035-12-10T00:00:00Z")), "tls.cert.expires"), [
      "tls.cert.expires-soon:warning",
    ]);
    assert.deepEqual(pick(judge(ep, new Date("2035-12-28T00:00:00Z")), "tls.cert.expires"), [
      "tls.cert.expires-soon:error",
    ]);
    const expired = judge(await endpoint(identity("expired.fixture.test"), "expired.fixture.test", 25));
    assert.deepEqual(pick(expired, "tls.cert."), ["tls.cert.expired:error", "tls.cert.key-phase-out:info"]);
  });

  it("see past an expiry error: expired and also chaining to no trust anchor", async () => {
    const ep = await endpoint(
      identity("expired.fixture.test", ["inter.crt", "root.crt"]),
      "expired.fixture.test",
      465,
      {},
      [fx("ec.fixture.test.crt")],
    );
    assert.ok(ep.scan.first.ok && ep.scan.first.trustError === "CERT_HAS_EXPIRED");
    assert.equal(ep.scan.anchor?.reached, false);
    const f = judge(ep);
    assert.deepEqual(pick(f, "tls.cert.expired"), ["tls.cert.expired:error"]);
    assert.deepEqual(pick(f, "tls.cert.self-signed"), ["tls.cert.self-signed:error"]);
  });

  it("report a name mismatch: a warning on port 25, an error where clients log in", async () => {
    const opts = identity("mx.fixture.test");
    assert.ok(
      pick(judge(await endpoint(opts, "other.fixture.test", 25)), "tls.cert.name").includes(
        "tls.cert.name-mismatch:warning",
      ),
    );
    assert.ok(
      pick(judge(await endpoint(opts, "other.fixture.test", 993)), "tls.cert.name").includes(
        "tls.cert.name-mismatch:error",
      ),
    );
    assert.deepEqual(pick(judge(await endpoint(opts, "a.wild.fixture.test", 993)), "tls.cert.name"), []);
  });

  it("call a leaf-only chain incomplete (the intermediate is not a trust anchor)", async () => {
    const f = judge(await endpoint(identity("mx.fixture.test", []), "mx.fixture.test", 587));
    assert.ok(pick(f, "tls.cert.").includes("tls.cert.chain-incomplete:error"), pick(f, "tls.").join(" "));
    assert.equal(
      f.find((x) => x.id === "tls.cert.chain-incomplete")?.params.issuer,
      "CN=Fixture Intermediate CA, O=mxray fixtures",
    );
  });

  it("report a chain sent in the wrong order", async () => {
    const f = judge(
      await endpoint(identity("mx.fixture.test", ["root.crt", "inter.crt"]), "mx.fixture.test", 465),
    );
    assert.ok(pick(f, "tls.cert.").includes("tls.cert.chain-order:warning"));
    assert.equal(f.find((x) => x.id === "tls.cert.chain-order")?.params.order, "0 -> 2 -> 1");
  });

  it("report self-signed, SHA-1, small keys and broken extensions", async () => {
    const self = judge(
      await endpoint({ key: fx("selfsigned.key"), cert: fx("selfsigned.crt") }, "mx.fixture.test", 465),
    );
    assert.ok(pick(self, "tls.cert.").includes("tls.cert.self-signed:error"), pick(self, "tls.").join(" "));
    assert.ok(
      pick(
        judge(
          await endpoint(
            { ...identity("sha1.fixture.test"), ciphers: "DEFAULT:@SECLEVEL=0" },
            "sha1.fixture.test",
            465,
          ),
        ),
        "tls.cert.",
      ).includes("tls.cert.signature-weak:error"),
    );
    assert.ok(
      pick(
        judge(
          await endpoint(
            { ...identity("weakkey.fixture.test"), ciphers: "DEFAULT:@SECLEVEL=0" },
            "weakkey.fixture.test",
            465,
          ),
        ),
        "tls.cert.",
      ).includes("tls.cert.key-insufficient:error"),
    );
    const badext = judge(await endpoint(identity("badext.fixture.test"), "badext.fixture.test", 465));
    assert.deepEqual(pick(badext, "tls.cert.ext"), ["tls.cert.extension-unknown-critical:error"]);
    assert.deepEqual(pick(badext, "tls.cert.untrusted"), []);
    const badian = judge(await endpoint(identity("badian.fixture.test"), "badian.fixture.test", 465));
    assert.deepEqual(pick(badian, "tls.cert.ext"), ["tls.cert.extension-malformed:warning"]);
  });
});

describe("DANE findings", () => {
  const name = "_25._tcp.mx.fixture.test";
  const opts = identity("mx.fixture.test");

  it("name the records that matched and the certificate they matched", async () => {
    const f = judge(
      await endpoint(opts, "mx.fixture.test", 25, {
        tlsa: tlsa(name, [
          [3, 1, 1, tlsaData.leaf311!],
          [2, 0, 1, tlsaData.inter201!],
        ]),
      }),
    );
    const m = f.find((x) => x.id === "tls.dane.match");
    assert.equal(m?.severity, "ok");
    assert.equal(
      m?.params.matched,
      `3 1 1 ${tlsaData.leaf311} -> certificate #0; 2 0 1 ${tlsaData.inter201} -> certificate #1`,
    );
  });

  it("are critical when secure records match nothing", async () => {
    const f = judge(
      await endpoint(opts, "mx.fixture.test", 25, { tlsa: tlsa(name, [[3, 1, 1, "00".repeat(32)]]) }),
    );
    assert.deepEqual(pick(f, "tls.dane."), ["tls.dane.mismatch:critical"]);
  });

  it("ignore records without DNSSEC (no AD) and say so", async () => {
    const f = judge(
      await endpoint(opts, "mx.fixture.test", 25, {
        tlsa: tlsa(name, [[3, 1, 1, tlsaData.leaf311!]], false),
      }),
    );
    assert.deepEqual(pick(f, "tls.dane."), ["tls.dane.insecure:warning"]);
  });

  it("keep a SERVFAIL apart from 'no record'", async () => {
    assert.deepEqual(
      pick(
        judge(await endpoint(opts, "mx.fixture.test", 25, { tlsa: tlsa(name, [], true, "servfail") })),
        "tls.dane.",
      ),
      ["tls.dane.lookup-failed:error"],
    );
    assert.deepEqual(
      pick(
        judge(await endpoint(opts, "mx.fixture.test", 25, { tlsa: tlsa(name, [], true, "nxdomain") })),
        "tls.dane.",
      ),
      [],
    );
  });

  it("treat PKIX-only records as unusable", async () => {
    const f = judge(
      await endpoint(opts, "mx.fixture.test", 25, { tlsa: tlsa(name, [[1, 1, 1, tlsaData.leaf311!]]) }),
    );
    assert.deepEqual(pick(f, "tls.dane."), ["tls.dane.unusable:error"]);
  });

  it("leave the RRset's own problems to the DNS area when it judged the same TLSA name", async () => {
    const ep = await endpoint(opts, "mx.fixture.test", 25, {
      tlsa: tlsa(name, [[3, 1, 1, tlsaData.leaf311!]], false),
    });
    const evidence: Evidence = {
      schema: 1,
      target: "fixture.test",
      input: "fixture.test",
      collectedAt: NOW.toISOString(),
      resolvers: ["127.0.0.3"],
      tls: { endpoints: [ep] },
      tlsa: {
        hosts: [{ host: "mx.fixture.test", port: 25, name: `${name}.`, answer: ep.tlsa!, tried: [ep.tlsa!] }],
      },
    };
    const all = runChecks([...tlsChecks, daneRecordsCheck], evidence);
    assert.deepEqual(pick(all, "tls.dane."), [], "no repeat of dane.tlsa.insecure");
    assert.deepEqual(pick(all, "dane.tlsa.insecure"), ["dane.tlsa.insecure:warning"]);
    // a mismatch needs the certificate: still said by the TLS area
    const bad = await endpoint(opts, "mx.fixture.test", 25, {
      tlsa: tlsa(name, [[3, 1, 1, "00".repeat(32)]]),
    });
    const f = runChecks(tlsChecks, { ...evidence, tls: { endpoints: [bad] } });
    assert.deepEqual(pick(f, "tls.dane."), ["tls.dane.mismatch:critical"]);
  });

  it("with DANE-EE, an expired certificate or a wrong name no longer blocks (RFC 7672 §3.1.1)", async () => {
    const ep = await endpoint(identity("expired.fixture.test"), "other.fixture.test", 25);
    const { parseCertificate } = await import("../../../src/standards/certificate.js");
    const leaf = ep.scan.first.ok ? parseCertificate(ep.scan.first.chain?.[0] ?? "") : undefined;
    assert.ok(leaf?.ok);
    const withEe = judge({
      ...ep,
      tlsa: tlsa("_25._tcp.other.fixture.test", [[3, 1, 1, leaf.facts.spkiSha256]]),
    });
    assert.deepEqual(pick(withEe, "tls.cert.expired"), ["tls.cert.expired:info"]);
    assert.deepEqual(pick(withEe, "tls.cert.name"), ["tls.cert.name-mismatch:info"]);
    assert.deepEqual(pick(withEe, "tls.dane."), ["tls.dane.match:ok"]);
    assert.deepEqual(pick(judge(ep), "tls.cert.expired"), ["tls.cert.expired:error"]);
  });

  it("with only DANE-TA, the name must still match", async () => {
    const f = judge(
      await endpoint(opts, "other.fixture.test", 25, {
        tlsa: tlsa("_25._tcp.other.fixture.test", [[2, 0, 1, tlsaData.inter201!]]),
      }),
    );
    assert.deepEqual(pick(f, "tls.dane."), ["tls.dane.ta-name-mismatch:critical"]);
  });

  it("are critical when secure TLSA exists but TLS fails", async () => {
    const ep = await endpoint(opts, "mx.fixture.test", 25, {
      tlsa: tlsa(name, [[3, 1, 1, tlsaData.leaf311!]]),
    });
    const failed: TlsEndpointEvidence = {
      ...ep,
      scan: {
        ...ep.scan,
        first: {
          ok: false,
          stage: "preamble",
          reason: "not-offered",
          detail: "EHLO does not list STARTTLS",
          transcript: [],
        },
      },
    };
    assert.deepEqual(pick(judge(failed), "tls.dane."), ["tls.dane.no-tls:critical"]);
  });
});

describe("MTA-STS enforcement", () => {
  function evidenceWith(endpoints: TlsEndpointEvidence[], mode: string): Evidence {
    const body = `version: STSv1\nmode: ${mode}\nmx: mx.fixture.test\nmax_age: 86400\n`;
    return {
      schema: 1,
      target: "fixture.test",
      input: "fixture.test",
      collectedAt: NOW.toISOString(),
      resolvers: [],
      tls: { endpoints },
      mtaSts: {
        domain: "fixture.test",
        record: {
          ...tlsa("_mta-sts.fixture.test", []),
          type: "TXT",
          records: [{ type: "TXT", name: "_mta-sts.fixture.test", ttl: 300, strings: ["v=STSv1; id=1"] }],
        },
        policyUrl: "https://mta-sts.fixture.test/.well-known/mta-sts.txt",
        fetch: {
          url: "https://mta-sts.fixture.test/.well-known/mta-sts.txt",
          host: "mta-sts.fixture.test",
          port: 443,
          outcome: "ok",
          dns: [],
          attempts: [],
          status: 200,
          body,
          elapsedMs: 1,
        },
      },
    } as Evidence;
  }

  it("names the MX whose certificate a sender would refuse, and why", async () => {
    const bad = await endpoint(identity("mx.fixture.test", []), "mx.fixture.test", 25);
    const f = runChecks(tlsChecks, evidenceWith([bad], "enforce")).filter((x) => x.area === "mta-sts");
    assert.deepEqual(
      f.map((x) => `${x.id}:${x.severity}`),
      ["tls.mta-sts.mx-invalid:error"],
    );
    assert.match(String(f[0]?.params.reasons), /untrusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
  });

  it("passes when every MX presents a trusted certificate for its name, and says nothing in testing mode", async () => {
    const good = await endpoint(identity("mx.fixture.test"), "mx.fixture.test", 25);
    assert.deepEqual(
      runChecks(tlsChecks, evidenceWith([good], "enforce"))
        .filter((x) => x.area === "mta-sts")
        .map((x) => x.id),
      ["tls.mta-sts.mx-ok"],
    );
    assert.deepEqual(
      runChecks(tlsChecks, evidenceWith([good], "testing")).filter((x) => x.area === "mta-sts"),
      [],
    );
  });
});
