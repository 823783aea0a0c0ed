import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type EvidenceBlock, type Finding } from "../core/finding.js";
import { txtValues } from "../net/dns/types.js";
import type { DkimEvidence, DkimSelectorLookup } from "../probes/dkim.js";
import { looksLikeDkimKey, parseDkimKeyRecord, type DkimKeyRecord } from "../standards/dkim-key.js";
import { answered, dnsBlock, lookupFailed, pointAt, syntaxId, syntaxSeverity } from "./policy-common.js";

const AREA = "dkim";
const RFC = "RFC 6376 §3.6.1";

/** RFC 8301 §3.2: signers MUST use keys of at least 1024 bits, SHOULD use at least 2048. */
const MIN_RSA_BITS = 1024;
const GOOD_RSA_BITS = 2048;
/** RFC 8301 §3.2: verifiers MUST handle keys up to 4096 bits; larger ones may not verify. */
const MAX_RSA_BITS = 4096;

/** Judges the DKIM key records found under each selector. */
export function checkDkim(ev: DkimEvidence): Finding[] {
  const out: Finding[] = [];
  for (const selector of ev.invalidSelectors) {
    out.push(finding("dkim.selector.invalid", "error", AREA, ev.domain, { selector }));
  }
  let keysFound = 0;
  const failedCommon: DkimSelectorLookup[] = [];
  // A wildcard key answers for every name: guessed selectors that only echo it prove nothing.
  const wildcardKeys =
    ev.wildcard && answered(ev.wildcard.answer) ? txtValues(ev.wildcard.answer).filter(looksLikeDkimKey) : [];
  const echoesWildcard = (l: DkimSelectorLookup) =>
    wildcardKeys.length > 0 &&
    l.source === "common" &&
    txtValues(l.answer).length > 0 &&
    txtValues(l.answer).every((t) => wildcardKeys.includes(t));
  if (ev.wildcard && wildcardKeys.length > 0) {
    out.push(
      finding(
        "dkim.selectors.wildcard",
        "warning",
        AREA,
        `*._domainkey.${ev.domain}`,
        { domain: ev.domain, name: ev.wildcard.answer.name },
        [dnsBlock(ev.wildcard.answer)],
        ["RFC 6376 §3.6.2.1", "RFC 4592"],
      ),
    );
  }
  const usableTypes = new Set<string>();
  for (const l of ev.lookups) {
    const name = l.answer.name;
    if (answered(l.answer) && echoesWildcard(l)) continue;
    if (!answered(l.answer)) {
      if (l.source === "user") out.push(lookupFailed(AREA, l.answer, "error", [RFC]));
      else failedCommon.push(l);
      continue;
    }
    const keys = txtValues(l.answer).filter(looksLikeDkimKey);
    if (keys.length === 0) {
      // A guessed selector without a key proves nothing; a selector the user named must have one.
      if (l.source === "user") {
        out.push(
          finding(
            "dkim.selector.missing",
            "error",
            AREA,
            name,
            { selector: l.selector, name, status: l.answer.status.toUpperCase() },
            [dnsBlock(l.answer)],
            [RFC],
          ),
        );
      }
      continue;
    }
    keysFound++;
    if (keys.length > 1)
      out.push(
        finding(
          "dkim.record.multiple",
          "warning",
          AREA,
          name,
          { name, count: keys.length },
          [dnsBlock(l.answer)],
          ["RFC 6376 §3.6.2.2"],
        ),
      );
    const key = parseDkimKeyRecord(keys[0] ?? "");
    const found = keyFindings(l, key);
    if (found.some((f) => f.id === "dkim.key.found")) usableTypes.add(key.keyType);
    out.push(...found);
  }
  if (usableTypes.has("ed25519") && !usableTypes.has("rsa")) {
    out.push(
      finding(
        "dkim.key.ed25519-without-rsa",
        "info",
        AREA,
        ev.domain,
        { domain: ev.domain },
        [],
        ["RFC 8463 §1", "RFC 6376 §3.3"],
      ),
    );
  }
  if (failedCommon.length > 0) {
    out.push(
      finding(
        "dkim.selectors.lookup-failed",
        "warning",
        AREA,
        ev.domain,
        {
          count: failedCommon.length,
          selectors: failedCommon.map((l) => `${l.selector} (${l.answer.status.toUpperCase()})`).join(", "),
        },
        failedCommon.slice(0, 5).map((l) => dnsBlock(l.answer)),
      ),
    );
  }
  if (keysFound === 0) {
    out.push(
      finding("dkim.selectors.none-found", "info", AREA, ev.domain, {
        domain: ev.domain,
        count: ev.lookups.length,
        selectors: ev.lookups.map((l) => l.selector).join(", "),
      }),
    );
  }
  return out;
}

function keyFindings(l: DkimSelectorLookup, k: DkimKeyRecord): Finding[] {
  const out: Finding[] = [];
  const name = l.answer.name;
  const evidence: EvidenceBlock[] = [dnsBlock(l.answer)];
  const via = l.answer.cnameChain.length ? l.answer.cnameChain.join(" -> ") : "";
  const f = (
    id: string,
    severity: Finding["severity"],
    params: Finding["params"],
    refs: string[] = [RFC],
    extra: EvidenceBlock[] = [],
  ) =>
    out.push(
      finding(
        id,
        severity,
        AREA,
        name,
        { selector: l.selector, name, ...params },
        [...evidence, ...extra],
        refs,
      ),
    );

  let unusable = false;
  for (const p of k.problems) {
    switch (p.kind) {
      case "syntax":
        f(
          syntaxId("dkim", p.syntax),
          p.syntax === "duplicate" ? "error" : syntaxSeverity(p.syntax),
          { position: p.position, tag: p.tag ?? "", text: p.text ?? "" },
          ["RFC 6376 §3.2"],
          [pointAt(name, k.raw, p.position)],
        );
        if (p.syntax !== "empty-tag") unusable = true;
        break;
      case "bad-version":
        f("dkim.record.version-invalid", "error", { text: p.text });
        unusable = true;
        break;
      case "missing-key":
        f("dkim.record.missing-key", "error", {});
        unusable = true;
        break;
      case "bad-base64":
        f(
          "dkim.key.bad-base64",
          "error",
          { position: p.position },
          [RFC],
          [pointAt(name, k.raw, p.position)],
        );
        unusable = true;
        break;
      case "bad-key":
        f("dkim.key.bad-key", "error", { type: k.keyType, detail: p.detail }, [RFC, "RFC 8463 §4.2"]);
        unusable = true;
        break;
      case "unknown-key-type":
        f("dkim.key.unknown-type", "error", { value: p.value });
        unusable = true;
        break;
      case "no-acceptable-hash":
        if (k.hashes.includes("sha1"))
          f("dkim.key.sha1-only", "error", { value: p.value }, ["RFC 8301 §3.1"]);
        else f("dkim.key.hash-unknown", "error", { value: p.value }, [RFC, "RFC 8301 §3.1"]);
        unusable = true;
        break;
      case "not-for-email":
        f("dkim.key.not-for-email", "error", { value: p.value });
        unusable = true;
        break;
      case "unknown-tag":
        f("dkim.tag.unknown", "info", { tag: p.tag });
        break;
    }
  }
  if (k.revoked) {
    f("dkim.key.revoked", l.source === "user" ? "warning" : "info", {});
    return out;
  }
  if (k.bits !== undefined && k.keyType === "rsa") {
    if (k.bits < MIN_RSA_BITS) {
      f("dkim.key.rsa-weak", "error", { bits: k.bits }, ["RFC 8301 §3.2"]);
      unusable = true;
    } else if (k.bits < GOOD_RSA_BITS)
      f("dkim.key.rsa-short", "warning", { bits: k.bits }, ["RFC 8301 §3.2"]);
    else if (k.bits > MAX_RSA_BITS) f("dkim.key.rsa-long", "warning", { bits: k.bits }, ["RFC 8301 §3.2"]);
    if (k.encoding === "pkcs1") f("dkim.key.pkcs1", "warning", {}, [RFC]);
  }
  if (k.flags.includes("y")) f("dkim.key.testing", "warning", {}, [RFC]);
  if (!unusable && k.bits !== undefined) {
    f("dkim.key.found", "ok", { type: k.keyType, bits: k.bits, via: via || "-", source: l.source });
  }
  return out;
}

export const dkimCheck: Check = {
  name: "dkim.keys",
  area: AREA,
  run: (evidence: Evidence) => (evidence.dkim ? checkDkim(evidence.dkim) : []),
};
