import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type Finding } from "../core/finding.js";
import type { DnssecSubject, DnssecZone } from "../probes/dnssec.js";
import { dnskeyAlgorithm, dsDigestType, isWeak } from "../standards/dnssec-algorithms.js";
import { dnsBlock, failed, lookupFailed } from "./dns-evidence.js";

const AREA = "dnssec";
const REFS = ["RFC 4033 §3.2.3", "RFC 6840 §5.7"];

/**
 * Judges one subject. Every verdict rests on the AD flag of the answers, which only a validating
 * resolver sets: the catalog texts say so, and carry the resolver in `{resolver}`.
 */
export function checkDnssecSubject(
  s: DnssecSubject,
  zone: DnssecZone | undefined,
  resolver: string,
): Finding[] {
  const params = { name: s.name, role: s.role, zone: s.zone ?? "-", resolver };
  const zoneBlocks = zone ? [dnsBlock(zone.ds), dnsBlock(zone.dnskey)] : [];
  const blocks = [...s.answers.map(dnsBlock), ...s.walk.map(dnsBlock), ...zoneBlocks];
  const servfail = [...s.answers, ...s.walk].some((a) => a.status === "servfail");
  const dsPresent = zone?.ds.status === "noerror";

  // A validating resolver answers SERVFAIL for data whose signatures do not validate. The DS in the
  // parent (which validates) shows that the zone is meant to be signed; without it we cannot tell
  // a bogus zone from a broken server.
  if (servfail && dsPresent && zone && (failed(zone.dnskey) || !s.zoneFound)) {
    return [finding("dnssec.bogus", "error", AREA, s.name, params, blocks, REFS)];
  }
  const answerFailure = [...s.answers, ...s.walk].find(failed);
  if (answerFailure || !zone) {
    return [
      finding(
        "dnssec.indeterminate",
        "warning",
        AREA,
        s.name,
        { ...params, status: answerFailure?.status.toUpperCase() ?? "-" },
        blocks,
        REFS,
      ),
    ];
  }
  if (failed(zone.ds)) return [lookupFailed(AREA, zone.ds, "warning", s.name, REFS)];
  if (failed(zone.dnskey)) return [lookupFailed(AREA, zone.dnskey, "warning", s.name, REFS)];

  const dnskeyPresent = zone.dnskey.status === "noerror";
  const judged = s.answers.length ? s.answers : [zone.dnskey];
  if (judged.every((a) => a.authenticated))
    return [finding("dnssec.validated", "ok", AREA, s.name, params, blocks, REFS)];
  if (dsPresent && dnskeyPresent)
    return [finding("dnssec.not-validated", "warning", AREA, s.name, params, blocks, REFS)];
  if (dsPresent)
    return [
      finding("dnssec.dnskey.missing", "error", AREA, s.name, params, blocks, ["RFC 4035 §5", "RFC 4033 §5"]),
    ];
  if (dnskeyPresent)
    return [
      finding("dnssec.ds.missing", "warning", AREA, s.name, params, blocks, ["RFC 4033 §3.1", "RFC 4035 §5"]),
    ];
  return [finding("dnssec.unsigned", "info", AREA, s.name, params, blocks, ["RFC 4033 §4", "RFC 7672 §1.3"])];
}

/**
 * Algorithms of one zone (RFC 8624): weak signing algorithms and DS digests. Validators that no longer
 * accept SHA-1 (several OS distributions already) treat such zones as unsigned.
 */
export function checkZoneAlgorithms(zone: DnssecZone): Finding[] {
  const out: Finding[] = [];
  const keys = zone.dnskey.records.flatMap((r) => (r.type === "DNSKEY" ? [r.algorithm] : []));
  const weakKeys = [...new Set(keys)].map(dnskeyAlgorithm).filter((a) => isWeak(a.status));
  if (weakKeys.length) {
    const algorithms = weakKeys.map((a) => a.mnemonic).join(", ");
    out.push(
      finding(
        "dnssec.algorithm.weak",
        "warning",
        AREA,
        zone.apex,
        { zone: zone.apex, algorithms },
        [dnsBlock(zone.dnskey)],
        ["RFC 8624 §3.1"],
      ),
    );
  }
  const digests = [...new Set(zone.ds.records.flatMap((r) => (r.type === "DS" ? [r.digestType] : [])))].map(
    dsDigestType,
  );
  if (digests.length && digests.every((d) => isWeak(d.status))) {
    const types = digests.map((d) => d.mnemonic).join(", ");
    out.push(
      finding(
        "dnssec.ds.digest-weak",
        "warning",
        AREA,
        zone.apex,
        { zone: zone.apex, digests: types },
        [dnsBlock(zone.ds)],
        ["RFC 8624 §3.3"],
      ),
    );
  }
  return out;
}

export const dnssecCheck: Check = {
  name: "dnssec.status",
  area: AREA,
  run(evidence: Evidence): Finding[] {
    const d = evidence.dnssec;
    if (!d) return [];
    const resolver = evidence.resolvers.join(", ") || "-";
    return [
      ...d.subjects.flatMap((s) =>
        checkDnssecSubject(
          s,
          d.zones.find((z) => z.apex === s.zone),
          resolver,
        ),
      ),
      ...d.zones.flatMap(checkZoneAlgorithms),
    ];
  },
};
