import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type EvidenceBlock, type Finding } from "../core/finding.js";
import { formatAnswer, type DnsAnswer } from "../net/dns/types.js";
import { discoverDmarc } from "../probes/dmarc.js";
import { spfAnswerLookup, type SpfEvidence } from "../probes/spf.js";
import { classifyAddress } from "../standards/address-scope.js";
import { effectiveSubdomainPolicy, parseDmarcRecord, type DmarcPolicy } from "../standards/dmarc.js";
import { analyzeSpf, MAX_TREE_NODES, type SpfAnalysis, type SpfTreeNode } from "../standards/spf/analyze.js";
import { flattenSpf } from "../standards/spf/flatten.js";
import { formatSpfTree } from "../standards/spf/format.js";
import { parseAddress } from "../standards/spf/ip.js";
import type { SpfMechanism } from "../standards/spf/parse.js";
import { DEFAULT_SPF_LIMITS } from "../standards/spf/types.js";

const AREA = "spf";
const RFC = "RFC 7208";

function dnsBlock(a: DnsAnswer): EvidenceBlock {
  return { kind: "dns", label: `${a.name} ${a.type}`, lines: formatAnswer(a) };
}

function treeBlock(analysis: SpfAnalysis): EvidenceBlock {
  return { kind: "spf", label: `SPF tree of ${analysis.root.domain}`, lines: formatSpfTree(analysis) };
}

function recordBlock(node: SpfTreeNode): EvidenceBlock[] {
  return node.answer ? [dnsBlock(node.answer)] : [];
}

/** Every node of the tree, depth first. */
function nodes(root: SpfTreeNode): SpfTreeNode[] {
  const out: SpfTreeNode[] = [];
  const walk = (n: SpfTreeNode) => {
    out.push(n);
    for (const t of n.terms) if (t.child) walk(t.child);
  };
  walk(root);
  return out;
}

/** The DMARC policy that applies to the domain, from the DMARC section when it was probed. */
function dmarcPolicy(evidence: Evidence): DmarcPolicy | "absent" | "unknown" {
  if (!evidence.dmarc) return "unknown";
  const d = discoverDmarc(evidence.dmarc.lookups);
  if (d.state === "failed") return "unknown";
  if (d.state === "none" || d.records.length !== 1) return "absent";
  const rec = parseDmarcRecord(d.records[0] as string);
  const p = d.inherited ? effectiveSubdomainPolicy(rec) : rec.p;
  return p ?? "absent";
}

/** The record itself: found, missing, failed, several; syntax; size; the obsolete SPF RR type. */
function recordFindings(ev: SpfEvidence, a: SpfAnalysis, evidence: Evidence): Finding[] {
  const root = a.root;
  const d = ev.domain;
  const out: Finding[] = [];
  const answer = root.answer;
  if (!answer) return out;
  if (answer.status !== "noerror" && answer.status !== "nodata" && answer.status !== "nxdomain") {
    return [
      finding(
        "spf.lookup.failed",
        "error",
        AREA,
        d,
        { domain: d, status: answer.status },
        [dnsBlock(answer)],
        [`${RFC} §4.4`],
      ),
    ];
  }
  if (root.records.length === 0) {
    const nullMx = evidence.mx?.nullMx === true;
    return [
      finding(
        nullMx ? "spf.record.missing-nullmx" : "spf.record.missing",
        nullMx ? "info" : "error",
        AREA,
        d,
        { domain: d, status: answer.status },
        [dnsBlock(answer)],
        [`${RFC} §4.5`],
      ),
    ];
  }
  if (root.records.length > 1) {
    return [
      finding(
        "spf.record.multiple",
        "error",
        AREA,
        d,
        { domain: d, count: root.records.length },
        [dnsBlock(answer)],
        [`${RFC} §4.5`, `${RFC} §3.2`],
      ),
    ];
  }
  const record = root.record as string;
  out.push(finding("spf.record.found", "ok", AREA, d, { domain: d, record }, recordBlock(root)));
  const bytes = Buffer.byteLength(record, "latin1");
  if (bytes > 512)
    out.push(
      finding("spf.record.too-long", "warning", AREA, d, { bytes }, recordBlock(root), [`${RFC} §3.4`]),
    );
  else if (bytes > 450)
    out.push(finding("spf.record.long", "warning", AREA, d, { bytes }, recordBlock(root), [`${RFC} §3.4`]));
  for (const s of root.strings) {
    if (s.length > 255)
      out.push(
        finding(
          "spf.string.too-long",
          "error",
          AREA,
          d,
          { length: s.length, split: splitProposal(s) },
          [],
          ["RFC 1035 §3.3.14", `${RFC} §3.3`],
        ),
      );
  }
  if (ev.spfType.status === "noerror") {
    const same = ev.spfType.records.some(
      (r) => (r.type === "SPF" || r.type === "TXT") && r.strings.join("") === record,
    );
    out.push(
      finding(
        same ? "spf.type99.present" : "spf.type99.differs",
        "warning",
        AREA,
        d,
        { domain: d, record: txtOf(ev.spfType) },
        [dnsBlock(ev.spfType)],
        [`${RFC} §3.1`, `${RFC} §14.1`],
      ),
    );
  }
  return out;
}

function txtOf(a: DnsAnswer): string {
  return a.records
    .flatMap((r) => (r.type === "SPF" || r.type === "TXT" ? [r.strings.join("")] : []))
    .join(" | ");
}

/** A zone-file split of a long string into quoted pieces of at most 255 characters, cut after spaces. */
export function splitProposal(text: string): string {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 255) {
    const cut = rest.lastIndexOf(" ", 254);
    const at = cut > 0 ? cut + 1 : 255;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  pieces.push(rest);
  return pieces.map((p) => JSON.stringify(p)).join(" ");
}

/** Syntax errors of every record in the tree, with their position; a broken string join gets its own hint. */
function syntaxFindings(a: SpfAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const n of nodes(a.root)) {
    for (const e of n.parsed?.errors ?? []) {
      const params = { domain: n.domain, position: e.position, term: e.term, detail: e.detail };
      out.push(
        finding(`spf.syntax.${e.problem}`, "error", AREA, n.domain, params, recordBlock(n), [
          `${RFC} §4.6`,
          `${RFC} §12`,
        ]),
      );
      // strings are joined without spaces (RFC 7208 §3.3): a missing space at a boundary fuses two terms
      let offset = 0;
      for (const s of n.strings.slice(0, -1)) {
        offset += s.length;
        if (offset > e.position && offset < e.position + e.term.length) {
          out.push(
            finding(
              "spf.record.split-joined",
              "error",
              AREA,
              n.domain,
              { term: e.term, offset },
              recordBlock(n),
              [`${RFC} §3.3`],
            ),
          );
        }
      }
    }
  }
  return out;
}

/** The lookup limit, void lookups, loops, duplicates, failures, includes without records, MX over 10. */
function limitFindings(a: SpfAnalysis, ev: SpfEvidence): Finding[] {
  const d = ev.domain;
  const out: Finding[] = [];
  const limit = DEFAULT_SPF_LIMITS.lookups;
  const tree = [treeBlock(a)];
  const capped = nodes(a.root).some((n) => n.stop === "cap") || ev.truncated === true;
  if (capped) out.push(finding("spf.tree.capped", "warning", AREA, d, { nodes: MAX_TREE_NODES }, tree));
  if (a.root.record && !a.root.parsed?.errors.length) {
    const params = { count: a.lookups, limit };
    if (a.lookups > limit)
      out.push(finding("spf.lookups.exceeded", "error", AREA, d, params, tree, [`${RFC} §4.6.4`]));
    else if (a.lookups >= limit - 2)
      out.push(finding("spf.lookups.near", "warning", AREA, d, params, tree, [`${RFC} §4.6.4`]));
    else out.push(finding("spf.lookups.ok", "ok", AREA, d, params, tree));
  }
  for (const v of a.voids) {
    out.push(
      finding(
        "spf.void.lookup",
        "warning",
        AREA,
        v.domain,
        { term: v.term, name: v.name, status: v.status },
        [],
        [`${RFC} §4.6.4`],
      ),
    );
  }
  if (a.voids.length > DEFAULT_SPF_LIMITS.voidLookups) {
    out.push(
      finding(
        "spf.void.exceeded",
        "error",
        AREA,
        d,
        { count: a.voids.length, limit: DEFAULT_SPF_LIMITS.voidLookups },
        tree,
        [`${RFC} §4.6.4`],
      ),
    );
  }
  for (const l of a.loops) {
    out.push(
      finding(`spf.${l.via}.loop`, "error", AREA, d, { chain: l.chain.join(" -> ") }, tree, [
        `${RFC} §4.6.4`,
        `${RFC} §5.2`,
      ]),
    );
  }
  for (const dup of a.duplicates) {
    out.push(
      finding("spf.include.duplicate", "warning", AREA, d, { target: dup.target, count: dup.count }, tree),
    );
  }
  for (const f of a.failures) {
    out.push(
      finding(
        "spf.term.lookup-failed",
        "error",
        AREA,
        f.domain,
        { term: f.term, name: f.answer.name, type: f.answer.type, status: f.answer.status },
        [dnsBlock(f.answer)],
        [`${RFC} §2.6.6`],
      ),
    );
  }
  for (const nr of a.noRecord) {
    out.push(
      finding("spf.include.no-record", "error", AREA, nr.domain, { term: nr.term, status: nr.status }, tree, [
        `${RFC} §5.2`,
        `${RFC} §6.1`,
      ]),
    );
  }
  for (const m of a.tooManyMx) {
    out.push(
      finding(
        "spf.mx.too-many",
        "error",
        AREA,
        m.domain,
        { term: m.term, count: m.count },
        [],
        [`${RFC} §4.6.4`],
      ),
    );
  }
  for (const m of a.macroTerms) {
    out.push(finding("spf.macro.uncountable", "info", AREA, m.domain, { term: m.term }, [], [`${RFC} §7`]));
  }
  return out;
}

/** The `all` term, its qualifier in the light of DMARC, terms after it, redirect beside it. */
function allFindings(a: SpfAnalysis, evidence: Evidence): Finding[] {
  const root = a.root;
  const parsed = root.parsed;
  if (!parsed || parsed.errors.length) return [];
  const d = root.domain;
  const out: Finding[] = [];
  const block = recordBlock(root);
  const mechs = parsed.mechanisms;
  const allIndex = mechs.findIndex((m) => m.name === "all");
  const all = mechs[allIndex];
  if (allIndex >= 0 && allIndex < mechs.length - 1) {
    out.push(
      finding(
        "spf.all.not-last",
        "warning",
        AREA,
        d,
        {
          terms: mechs
            .slice(allIndex + 1)
            .map((m) => m.raw)
            .join(" "),
        },
        block,
        [`${RFC} §5.1`],
      ),
    );
  }
  if (all && parsed.redirect)
    out.push(
      finding("spf.redirect.ignored", "warning", AREA, d, { term: parsed.redirect.raw }, block, [
        `${RFC} §6.1`,
      ]),
    );
  // with a redirect and no all, the target's all decides
  const effective = all ?? redirectAll(root);
  if (!effective) {
    out.push(finding("spf.all.missing", "warning", AREA, d, {}, block, [`${RFC} §4.7`]));
    return out;
  }
  const policy = dmarcPolicy(evidence);
  const params = { term: effective.raw, policy };
  switch (effective.qualifier) {
    case "+":
      out.push(finding("spf.all.pass", "critical", AREA, d, params, block, [`${RFC} §5.1`]));
      break;
    case "?":
      out.push(finding("spf.all.neutral", "warning", AREA, d, params, block, [`${RFC} §8.2`]));
      break;
    case "~":
      if (policy === "reject" || policy === "quarantine")
        out.push(finding("spf.all.softfail-dmarc", "ok", AREA, d, params, block));
      else
        out.push(
          // p=none monitors only; no record (or one that could not be read) enforces nothing either
          finding(
            policy === "none" ? "spf.all.softfail-dmarc-none" : "spf.all.softfail-no-dmarc",
            "warning",
            AREA,
            d,
            params,
            block,
            [`${RFC} §8.5`, "RFC 7489 §6.3"],
          ),
        );
      break;
    case "-":
      // "v=spf1 -all" (a domain that sends no mail) is right whatever DMARC says
      if ((policy === "reject" || policy === "quarantine") && mechs.some((m) => m.name !== "all"))
        out.push(finding("spf.all.fail-dmarc", "info", AREA, d, params, block, ["RFC 7489 §10.1"]));
      else out.push(finding("spf.all.fail", "ok", AREA, d, params, block));
      break;
  }
  return out;
}

function redirectAll(root: SpfTreeNode): SpfMechanism | undefined {
  let node: SpfTreeNode | undefined = root;
  for (let i = 0; node && i < 10; i++) {
    const r: SpfTreeNode["terms"][number] | undefined = node.terms.find((t) => t.name === "redirect");
    node = r?.child;
    const all = node?.parsed?.mechanisms.find((m) => m.name === "all");
    if (all) return all;
  }
  return undefined;
}

/** Per-term advice over the whole tree: ptr, private addresses (one finding per record), overly wide networks. */
function termFindings(a: SpfAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const n of nodes(a.root)) {
    const privateTerms: string[] = [];
    const ranges = new Set<string>();
    for (const m of n.parsed?.mechanisms ?? []) {
      if (m.name === "ptr")
        out.push(
          finding("spf.ptr.used", "warning", AREA, n.domain, { term: m.raw }, recordBlock(n), [
            `${RFC} §5.5`,
          ]),
        );
      if ((m.name === "ip4" || m.name === "ip6") && m.network) {
        const prefix = (m.name === "ip4" ? m.cidr4 : m.cidr6) ?? 0;
        const scope = classifyAddress(parseAddress(m.network)?.text ?? m.network);
        const wide = m.name === "ip4" ? prefix < 16 : prefix < 32;
        if (prefix === 0 && m.qualifier === "+")
          out.push(
            finding("spf.cidr.everything", "critical", AREA, n.domain, { term: m.raw }, recordBlock(n), [
              `${RFC} §5.6`,
            ]),
          );
        else if (wide && m.qualifier === "+")
          out.push(
            finding("spf.cidr.wide", "warning", AREA, n.domain, { term: m.raw, prefix }, recordBlock(n), [
              `${RFC} §5.6`,
            ]),
          );
        if (scope && !scope.public && prefix > 0) {
          privateTerms.push(m.raw);
          ranges.add(scope.range);
        }
      }
      if (
        (m.name === "a" || m.name === "mx") &&
        m.qualifier === "+" &&
        ((m.cidr4 !== undefined && m.cidr4 < 16) || (m.cidr6 !== undefined && m.cidr6 < 32))
      ) {
        out.push(
          finding(
            "spf.cidr.wide",
            "warning",
            AREA,
            n.domain,
            { term: m.raw, prefix: Math.min(m.cidr4 ?? 32, m.cidr6 ?? 128) },
            recordBlock(n),
            [`${RFC} §5.6`],
          ),
        );
      }
    }
    if (privateTerms.length) {
      out.push(
        finding(
          "spf.ip.private",
          "warning",
          AREA,
          n.domain,
          { term: privateTerms.join(" "), range: [...ranges].join(", ") },
          recordBlock(n),
        ),
      );
    }
  }
  return out;
}

/** When the limit is exceeded: a flattened record, with what it pins. */
function flattenFindings(a: SpfAnalysis): Finding[] {
  if (a.lookups <= DEFAULT_SPF_LIMITS.lookups || !a.root.record) return [];
  const f = flattenSpf(a);
  if (!f) return [];
  const lines = [f.record, ...(f.parts ?? []).map((p) => `${p.name}. TXT ${JSON.stringify(p.record)}`)];
  const params = {
    record: f.record,
    pinned: f.pinned,
    sources: f.sources.join(", ") || "-",
    lookups: f.lookups,
    parts: f.parts?.length ?? 0,
    kept: f.kept.join(" ") || "-",
  };
  const approximate = f.approximate
    ? [finding("spf.flatten.approximate", "info", AREA, a.root.domain, {}, [], [`${RFC} §5.2`])]
    : [];
  return [
    ...approximate,
    finding(
      "spf.flatten.proposal",
      "info",
      AREA,
      a.root.domain,
      params,
      [{ kind: "spf", label: "flattened record", lines }],
      [`${RFC} §4.6.4`],
    ),
  ];
}

/**
 * Judges the SPF evidence: the whole tree is re-analysed from the saved answers, offline.
 * @example spfAuditFindings(evidence) // [{ id: "spf.lookups.exceeded", ... }, ...]
 */
export function spfAuditFindings(evidence: Evidence): Finding[] {
  const ev = evidence.spf;
  if (!ev) return [];
  const a = analyzeSpf(ev.domain, spfAnswerLookup(ev));
  const record = recordFindings(ev, a, evidence);
  if (!a.root.record) return record;
  return [
    ...record,
    ...syntaxFindings(a),
    ...limitFindings(a, ev),
    ...allFindings(a, evidence),
    ...termFindings(a),
    ...flattenFindings(a),
  ];
}

export const spfChecks: Check[] = [{ name: "spf.policy", area: AREA, run: spfAuditFindings }];
