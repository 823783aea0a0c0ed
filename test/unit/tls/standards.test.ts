import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { describe, it } from "node:test";
import {
  certificateMatchesName,
  chainShape,
  daysLeft,
  findTrustAnchor,
  parseCertificate,
  validityAt,
} from "../../../src/standards/certificate.js";
import { matchTlsa, tlsaUsability } from "../../../src/standards/dane-match.js";
import {
  rateCertificateKey,
  rateCipher,
  rateKeyExchange,
  rateSignature,
  rateVersion,
  worstRating,
} from "../../../src/standards/tls-rating.js";
import { fx, tlsaData } from "./helpers.js";

const cert = (name: string) => new X509Certificate(fx(name));
const leaf = cert("mx.fixture.test.crt");
const inter = cert("inter.crt");
const root = cert("root.crt");

describe("the NCSC 2025 rating table", () => {
  it("rates versions: 1.3 good, 1.2 sufficient, 1.1 and 1.0 insufficient", () => {
    assert.deepEqual(["TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"].map(rateVersion), [
      "good",
      "sufficient",
      "insufficient",
      "insufficient",
    ]);
  });
  it("rates suites by IANA name", () => {
    assert.equal(rateCipher("TLS_AES_256_GCM_SHA384"), "good");
    assert.equal(rateCipher("TLS_AES_128_GCM_SHA256"), "sufficient");
    assert.equal(rateCipher("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), "sufficient");
    assert.equal(rateCipher("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"), "phase-out");
    assert.equal(rateCipher("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"), "phase-out");
    assert.equal(rateCipher("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"), "insufficient");
    assert.equal(rateCipher("TLS_RSA_WITH_AES_128_GCM_SHA256"), "insufficient");
    assert.equal(rateCipher("TLS_DH_anon_WITH_AES_256_GCM_SHA384"), "insufficient");
    assert.equal(rateCipher("TLS_RSA_WITH_3DES_EDE_CBC_SHA"), "insufficient");
  });
  it("rates key exchange: good curves, ffdhe 3072+ phase out, smaller DH insufficient", () => {
    assert.equal(rateKeyExchange({ type: "ECDH", name: "X25519", size: 253 }), "good");
    assert.equal(rateKeyExchange({ type: "ECDH", name: "prime256v1", size: 256 }), "good");
    assert.equal(rateKeyExchange({ type: "ECDH", name: "secp224r1", size: 224 }), "phase-out");
    assert.equal(rateKeyExchange({ type: "DH", size: 4096 }), "phase-out");
    assert.equal(rateKeyExchange({ type: "DH", size: 2048 }), "insufficient");
  });
  it("rates certificate keys and signatures", () => {
    assert.equal(rateCertificateKey({ type: "rsa", bits: 4096 }), "good");
    assert.equal(rateCertificateKey({ type: "rsa", bits: 2048 }), "phase-out");
    assert.equal(rateCertificateKey({ type: "rsa", bits: 1024 }), "insufficient");
    assert.equal(rateCertificateKey({ type: "ec", curve: "prime256v1" }), "good");
    assert.equal(rateSignature({ algorithm: "sha1WithRSAEncryption", hash: "sha1" }), "insufficient");
    assert.equal(rateSignature({ algorithm: "ecdsa-with-SHA256", hash: "sha256" }), "sufficient");
    assert.equal(worstRating(["good", "phase-out", "sufficient"]), "phase-out");
  });
});

describe("certificate facts", () => {
  it("reads subject, names, dates, key, signature and fingerprints", () => {
    const p = parseCertificate(leaf.raw);
    assert.ok(p.ok);
    assert.equal(p.facts.subject, "CN=mx.fixture.test, O=mxray fixtures");
    assert.equal(p.facts.issuer, "CN=Fixture Intermediate CA, O=mxray fixtures");
    assert.deepEqual(p.facts.subjectAltNames, ["DNS:mx.fixture.test", "DNS:*.wild.fixture.test"]);
    assert.equal(p.facts.notBefore, "2026-01-01T00:00:00.000Z");
    assert.equal(p.facts.notAfter, "2036-01-01T00:00:00.000Z");
    assert.deepEqual(p.facts.key, { type: "rsa", bits: 2048 });
    assert.equal(p.facts.signature.hash, "sha256");
    assert.equal(p.facts.spkiSha256, tlsaData.leaf311);
    assert.equal(p.facts.selfSigned, false);
  });
  it("sees SHA-1 signatures, small keys, self-signed roots and broken extensions", () => {
    const sha1 = parseCertificate(cert("sha1.fixture.test.crt").raw);
    assert.ok(sha1.ok && sha1.facts.signature.hash === "sha1");
    const weak = parseCertificate(cert("weakkey.fixture.test.crt").raw);
    assert.ok(weak.ok && weak.facts.key.bits === 1024);
    const r = parseCertificate(root.raw);
    assert.ok(r.ok && r.facts.selfSigned && r.facts.isCa);
    const badext = parseCertificate(cert("badext.fixture.test.crt").raw);
    assert.ok(badext.ok);
    assert.deepEqual(badext.facts.unknownCritical, ["1.2.3.4.5.6.7"]);
    const badian = parseCertificate(cert("badian.fixture.test.crt").raw);
    assert.ok(badian.ok);
    assert.match(badian.facts.malformedExtensions[0] ?? "", /^issuerAltName: /);
  });
  it("turns garbage DER into a value, not an exception", () => {
    const p = parseCertificate(Buffer.from("3082ffff0102", "hex"));
    assert.equal(p.ok, false);
    const q = parseCertificate(leaf.raw.subarray(0, 200));
    assert.equal(q.ok, false);
  });
  it("judges validity at a given time: 30 and 7 day thresholds, expired, not yet valid", () => {
    const f = { notBefore: "2026-01-01T00:00:00Z", notAfter: "2036-01-01T00:00:00Z" };
    assert.equal(validityAt(f, new Date("2030-01-01T00:00:00Z")), "valid");
    assert.equal(validityAt(f, new Date("2035-12-10T00:00:00Z")), "expires-soon");
    assert.equal(validityAt(f, new Date("2035-12-28T00:00:00Z")), "expires-very-soon");
    assert.equal(validityAt(f, new Date("2036-01-02T00:00:00Z")), "expired");
    assert.equal(validityAt(f, new Date("2025-06-01T00:00:00Z")), "not-yet-valid");
    assert.equal(daysLeft(f, new Date("2035-12-22T00:00:00Z")), 10);
  });
  it("matches names: exact, one-label wildcard, never deeper", () => {
    assert.equal(certificateMatchesName(leaf, "mx.fixture.test"), true);
    assert.equal(certificateMatchesName(leaf, "MX.Fixture.Test."), true);
    assert.equal(certificateMatchesName(leaf, "a.wild.fixture.test"), true);
    assert.equal(certificateMatchesName(leaf, "b.a.wild.fixture.test"), false);
    assert.equal(certificateMatchesName(leaf, "other.fixture.test"), false);
  });
  it("follows the chain through shuffled certificates and names what is left over", () => {
    assert.deepEqual(chainShape([leaf, inter, root]), {
      ordered: true,
      path: [0, 1, 2],
      unrelated: [],
      endsInSelfSigned: true,
    });
    const shuffled = chainShape([leaf, root, inter]);
    assert.equal(shuffled.ordered, false);
    assert.deepEqual(shuffled.path, [0, 2, 1]);
    const extra = chainShape([leaf, inter, cert("selfsigned.crt")]);
    assert.deepEqual(extra.unrelated, [2]);
    assert.equal(chainShape([leaf]).endsInSelfSigned, false);
  });
});

describe("the trust-anchor search", () => {
  it("reaches a root in the store that was not sent, or one that was", () => {
    assert.deepEqual(findTrustAnchor([leaf, inter], [root]), {
      reached: true,
      anchor: "CN=Fixture Root CA, O=mxray fixtures",
      fromStore: true,
    });
    assert.deepEqual(findTrustAnchor([leaf, root, inter], [root]).reached, true);
  });
  it("says where it got stuck when an intermediate is missing", () => {
    const r = findTrustAnchor([leaf], [root]);
    assert.equal(r.reached, false);
    assert.equal(r.stuckAt, "CN=mx.fixture.test, O=mxray fixtures");
    assert.equal(r.stuckIssuer, "CN=Fixture Intermediate CA, O=mxray fixtures");
  });
  it("ignores dates: an expired leaf under a trusted root still reaches it", () => {
    assert.equal(findTrustAnchor([cert("expired.fixture.test.crt"), inter], [root]).reached, true);
  });
});

describe("TLSA matching (data computed by openssl)", () => {
  const rec = (usage: number, selector: number, matchingType: number, data: string) => ({
    usage,
    selector,
    matchingType,
    data,
  });
  it("matches DANE-EE on the leaf with every selector and matching type", () => {
    for (const r of [
      rec(3, 1, 1, tlsaData.leaf311!),
      rec(3, 1, 2, tlsaData.leaf312!),
      rec(3, 0, 1, tlsaData.leaf301!),
      rec(3, 1, 0, tlsaData.leaf310!),
    ]) {
      const out = matchTlsa([r], [leaf, inter]);
      assert.equal(out.matches.length, 1, `${r.usage} ${r.selector} ${r.matchingType}`);
      assert.equal(out.matches[0]?.certIndex, 0);
      assert.equal(out.eeMatched, true);
    }
  });
  it("matches DANE-TA on a sent issuer, in any order, and names the certificate", () => {
    const out = matchTlsa(
      [rec(2, 0, 1, tlsaData.inter201!), rec(2, 1, 1, tlsaData.inter211!)],
      [leaf, inter],
    );
    assert.deepEqual(
      out.matches.map((m) => m.certIndex),
      [1, 1],
    );
    assert.equal(out.taMatched, true);
    assert.equal(out.eeMatched, false);
    assert.equal(matchTlsa([rec(2, 0, 1, tlsaData.root201!)], [leaf, root, inter]).matches[0]?.certIndex, 1);
  });
  it("does not match a TA certificate the server did not send, but does match a bare `2 1 0` key", () => {
    assert.equal(matchTlsa([rec(2, 0, 1, tlsaData.root201!)], [leaf, inter]).matches.length, 0);
    assert.equal(matchTlsa([rec(2, 1, 0, tlsaData.root210!)], [leaf, inter]).matches.length, 1);
  });
  it("does not let DANE-TA match the leaf itself, nor an unrelated certificate", () => {
    assert.equal(matchTlsa([rec(2, 1, 1, tlsaData.leaf311!)], [leaf, inter]).matches.length, 0);
    assert.equal(
      matchTlsa([rec(2, 1, 1, tlsaData.other311!)], [leaf, inter, cert("ec.fixture.test.crt")]).matches
        .length,
      0,
    );
  });
  it("treats PKIX usages, unknown fields and wrong lengths as unusable", () => {
    assert.equal(tlsaUsability(rec(1, 1, 1, tlsaData.leaf311!)), "pkix-usage");
    assert.equal(tlsaUsability(rec(0, 0, 1, tlsaData.root201!)), "pkix-usage");
    assert.equal(tlsaUsability(rec(3, 1, 1, "abcd")), "data.length");
    assert.equal(tlsaUsability(rec(3, 2, 1, tlsaData.leaf311!)), "selector.unknown");
    const out = matchTlsa([rec(1, 1, 1, tlsaData.leaf311!)], [leaf, inter]);
    assert.equal(out.usable.length, 0);
    assert.equal(out.matches.length, 0);
    assert.equal(out.unusable[0]?.why, "pkix-usage");
  });
  it("finds no match for a wrong digest", () => {
    assert.equal(matchTlsa([rec(3, 1, 1, "00".repeat(32))], [leaf, inter]).matches.length, 0);
  });
});
