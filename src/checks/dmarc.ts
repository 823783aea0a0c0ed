import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type EvidenceBlock, type Finding } from "../core/finding.js";
import { txtValues } from "../net/dns/types.js";
import {
  discoverDmarc,
  discoverDmarcTreeWalk,
  type DmarcDiscovery,
  type DmarcEvidence,
} from "../probes/dmarc.js";
import {
  effectiveNonExistentPolicy,
  effectiveSubdomainPolicy,
  isDmarcRecord,
  isPublicSuffix,
  looksLikeDmarc,
  parseDmarcRecord,
  reportAuthorizationName,
  type DmarcRecord,
} from "../standards/dmarc.js";
import { answered, dnsBlock, lookupFailed, pointAt, syntaxId, syntaxSeverity } from "./policy-common.js";

const AREA = "dmarc";
const RFC = "RFC 7489 §6.3";
const BIS = "RFC 9989";

/** Judges DMARC evidence: discovery, the record's tags, and report destinations. */
export function checkDmarc(ev: DmarcEvidence): Finding[] {
  const out: Finding[] = [];
  const blocks = ev.lookups.map((l) => dnsBlock(l.answer));

  // TXT records that were meant as DMARC but that receivers discard (wrong case, v= not first...).
  for (const l of ev.lookups) {
    for (const txt of txtValues(l.answer).filter(looksLikeDmarc)) {
      out.push(
        finding(
          "dmarc.record.ignored",
          "error",
          AREA,
          l.answer.name,
          { name: l.answer.name, record: txt },
          [dnsBlock(l.answer)],
          ["RFC 7489 §6.6.3"],
        ),
      );
    }
  }

  const found = discoverDmarc(ev.lookups);
  out.push(...treeWalkFindings(ev, found));
  if (found.state === "failed") {
    out.push(lookupFailed(AREA, found.lookup.answer, "error", ["RFC 7489 §6.6.3"]));
    return out;
  }
  if (found.state === "none") {
    const names = ev.lookups.map((l) => l.answer.name).join(", ");
    out.push(
      finding("dmarc.record.missing", "warning", AREA, ev.domain, { domain: ev.domain, names }, blocks, [
        "RFC 7489 §6.6.3",
      ]),
    );
    return out;
  }
  const name = found.lookup.answer.name;
  const evidence = [dnsBlock(found.lookup.answer)];
  if (found.records.length > 1) {
    out.push(
      finding("dmarc.record.multiple", "error", AREA, name, { name, count: found.records.length }, evidence, [
        "RFC 7489 §6.6.3",
      ]),
    );
    return out;
  }
  const record = parseDmarcRecord(found.records[0] ?? "");
  if (found.inherited) {
    out.push(
      finding(
        "dmarc.record.inherited",
        "info",
        AREA,
        ev.domain,
        {
          domain: ev.domain,
          orgDomain: found.lookup.domain,
          policy: effectiveSubdomainPolicy(record) ?? "?",
        },
        blocks,
        ["RFC 7489 §6.6.3"],
      ),
    );
  }
  out.push(...recordFindings(name, found.lookup.domain, record, evidence));
  out.push(...reportFindings(ev, record, name));
  return out;
}

function recordFindings(
  name: string,
  policyDomain: string,
  r: DmarcRecord,
  evidence: EvidenceBlock[],
): Finding[] {
  const out: Finding[] = [];
  const f = (
    id: string,
    severity: Finding["severity"],
    params: Finding["params"],
    refs: string[] = [RFC],
    extra: EvidenceBlock[] = [],
  ) => out.push(finding(id, severity, AREA, name, { name, ...params }, [...evidence, ...extra], refs));

  for (const p of r.problems) {
    switch (p.kind) {
      case "syntax":
        f(
          syntaxId("dmarc", p.syntax),
          p.syntax === "duplicate" ? "error" : syntaxSeverity(p.syntax),
          { position: p.position, tag: p.tag ?? "", text: p.text ?? "" },
          ["RFC 7489 §6.4", "RFC 6376 §3.2"],
          [pointAt(name, r.raw, p.position)],
        );
        break;
      case "bad-version":
        break; // a selected record always starts with v=DMARC1
      case "missing-policy":
        f("dmarc.policy.missing", "error", { rua: r.rua.length > 0 ? "yes" : "no" }, [RFC, `${BIS} §4.7`]);
        break;
      case "policy-not-second":
        f("dmarc.policy.not-second", "info", { position: p.position }, ["RFC 7489 §6.4"]);
        break;
      case "invalid-value":
        if (p.tag.toLowerCase() === "p")
          f("dmarc.policy.invalid", "error", { value: p.value }, [RFC], [pointAt(name, r.raw, p.position)]);
        else
          f(
            "dmarc.tag.invalid",
            "error",
            { tag: p.tag, value: p.value, expected: p.expected, position: p.position },
            [RFC],
            [pointAt(name, r.raw, p.position)],
          );
        break;
      case "unknown-tag":
        f(
          "dmarc.tag.unknown",
          "warning",
          { tag: p.tag, position: p.position },
          [RFC],
          [pointAt(name, r.raw, p.position)],
        );
        break;
      case "removed-tag":
        f("dmarc.tag.removed", "info", { tag: p.tag, value: p.value }, [BIS]);
        break;
    }
  }
  if (!r.usable) return out;

  const policy = r.p ?? "none";
  if (policy === "none") f("dmarc.policy.none", "warning", {}, [RFC]);
  else if (r.pct < 100) f("dmarc.pct.partial", "warning", { pct: r.pct, policy }, [RFC, BIS]);
  if (r.testing && policy !== "none") {
    f("dmarc.policy.testing", "warning", { policy, appliedAs: policy === "reject" ? "quarantine" : "none" }, [
      BIS,
    ]);
  }
  if (policy !== "none") {
    const sp = effectiveSubdomainPolicy(r);
    if (r.sp === "none") f("dmarc.subdomain-policy.none", "warning", { tag: "sp", policy }, [RFC]);
    else if (r.np === "none" && sp !== "none")
      f("dmarc.subdomain-policy.none", "warning", { tag: "np", policy }, ["RFC 9091 §4.1"]);
  }
  if (r.rua.length === 0) f("dmarc.rua.missing", "warning", {}, ["RFC 7489 §7.2"]);
  for (const [tag, uris] of [
    ["rua", r.rua],
    ["ruf", r.ruf],
  ] as const) {
    for (const u of uris) {
      if (u.problem === "not-mailto")
        f("dmarc.uri.not-mailto", "warning", { tag, uri: u.raw }, ["RFC 7489 §6.2"]);
      else if (u.problem) f("dmarc.uri.invalid", "error", { tag, uri: u.raw }, ["RFC 7489 §6.2"]);
    }
  }
  if (r.ruf.length === 0 && r.tags.some((t) => t.name.toLowerCase() === "fo"))
    f("dmarc.fo.without-ruf", "info", { fo: r.fo.join(":") }, ["RFC 7489 §6.3"]);
  if (r.psd === "y" && !isPublicSuffix(policyDomain))
    f("dmarc.psd.misused", "warning", { domain: policyDomain }, [`${BIS} §4.7`]);

  f("dmarc.record.valid", "ok", {
    policy,
    subdomainPolicy: effectiveSubdomainPolicy(r) ?? policy,
    nonExistentPolicy: effectiveNonExistentPolicy(r) ?? policy,
    adkim: r.adkim,
    aspf: r.aspf,
  });
  return out;
}

function reportFindings(ev: DmarcEvidence, r: DmarcRecord, name: string): Finding[] {
  const out: Finding[] = [];
  for (const auth of ev.authorizations) {
    const authName = reportAuthorizationName(auth.policyDomain, auth.destination);
    const tags = [
      ...new Set([
        ...r.rua.filter((u) => u.domain === auth.destination).map(() => "rua"),
        ...r.ruf.filter((u) => u.domain === auth.destination).map(() => "ruf"),
      ]),
    ].join(", ");
    const params = { name, destination: auth.destination, policyDomain: auth.policyDomain, authName, tags };
    if (!answered(auth.answer)) {
      out.push(lookupFailed(AREA, auth.answer, "warning", ["RFC 7489 §7.1"]));
      continue;
    }
    const ok = txtValues(auth.answer).some(isDmarcRecord);
    out.push(
      finding(
        ok ? "dmarc.report.authorized" : "dmarc.report.unauthorized",
        ok ? "ok" : "warning",
        AREA,
        authName,
        params,
        [dnsBlock(auth.answer)],
        ["RFC 7489 §7.1"],
      ),
    );
  }
  return out;
}

/** The policy a discovery result applies to the domain (sp= when inherited), for comparisons. */
function appliedPolicy(d: DmarcDiscovery): string {
  if (d.state !== "found" || d.records.length !== 1) return "?";
  const r = parseDmarcRecord(d.records[0] ?? "");
  return (d.inherited ? effectiveSubdomainPolicy(r) : r.p) ?? "?";
}

/**
 * RFC 9989 receivers walk up the tree and may stop at a record between the domain and its
 * organizational domain, which RFC 7489 receivers never look at: the two generations then apply
 * different policies to the same mail.
 */
function treeWalkFindings(ev: DmarcEvidence, psl: DmarcDiscovery): Finding[] {
  if (!ev.treeWalk?.length) return [];
  const walk = discoverDmarcTreeWalk(ev);
  if (walk.state === "failed" && ev.treeWalk.includes(walk.lookup))
    return [lookupFailed(AREA, walk.lookup.answer, "warning", [`${BIS} §4.10`])];
  if (walk.state !== "found" || !ev.treeWalk.includes(walk.lookup)) return [];
  const evidence = [...ev.lookups, ...ev.treeWalk].map((l) => dnsBlock(l.answer));
  const params = { domain: ev.domain, walkName: walk.lookup.answer.name, walkPolicy: appliedPolicy(walk) };
  if (psl.state !== "found")
    return [
      finding("dmarc.discovery.tree-walk-only", "warning", AREA, ev.domain, params, evidence, [
        `${BIS} §4.10`,
        "RFC 7489 §6.6.3",
      ]),
    ];
  const pslPolicy = appliedPolicy(psl);
  const severity = pslPolicy === params.walkPolicy ? "info" : "warning";
  return [
    finding(
      "dmarc.discovery.tree-walk-differs",
      severity,
      AREA,
      ev.domain,
      { ...params, pslName: psl.lookup.answer.name, pslPolicy },
      evidence,
      [`${BIS} §4.10`, "RFC 7489 §6.6.3"],
    ),
  ];
}

export const dmarcCheck: Check = {
  name: "dmarc.record",
  area: AREA,
  run: (evidence: Evidence) => (evidence.dmarc ? checkDmarc(evidence.dmarc) : []),
};
