/**
 * A flattened SPF record: include, a and mx replaced by the addresses they stand for today, so the
 * record needs fewer DNS lookups. Pure, from an analysis. Its cost is that it pins those addresses:
 * it must be regenerated whenever a provider changes its own record.
 */
import { parseAddress } from "./ip.js";
import type { SpfAnalysis, SpfTreeNode } from "./analyze.js";
import type { SpfQualifier } from "./types.js";

export interface SpfFlattening {
  /** The proposed record (may exceed the sizes below: then use `parts`). */
  record: string;
  /** When the record is too long for one TXT record: a root record and its parts, each under 450 bytes. */
  parts?: { name: string; record: string }[];
  /** Addresses and networks written in; those that came from a, mx or include. */
  pinned: number;
  /** Domains whose addresses got pinned (must be watched for changes). */
  sources: string[];
  /** DNS-querying terms left (ptr, exists, macros, parts' includes). */
  lookups: number;
  /** Terms that could not be flattened (macros, exists, ptr) and were kept as they are. */
  kept: string[];
  /** True when an included record has non-pass terms before its passes, so the flattening is approximate. */
  approximate: boolean;
}

interface Acc {
  terms: string[];
  seen: Set<string>;
  sources: Set<string>;
  kept: string[];
  pinned: number;
  approximate: boolean;
}

const MAX_PART = 450;

function add(acc: Acc, term: string): void {
  if (!acc.seen.has(term)) {
    acc.seen.add(term);
    acc.terms.push(term);
  }
}

function qual(q: SpfQualifier): string {
  return q === "+" ? "" : q;
}

function ipTerm(q: SpfQualifier, address: string, v4?: number, v6?: number): string | null {
  const a = parseAddress(address);
  if (!a) return null;
  const len = a.family === 4 ? (v4 ?? 32) : (v6 ?? 128);
  const full = a.family === 4 ? 32 : 128;
  return `${qual(q)}ip${a.family}:${a.text}${len === full ? "" : `/${len}`}`;
}

/**
 * Flattens one node. `passOnly` (inside an include) keeps only the terms that make the included
 * record pass; `outer` is the include's own qualifier.
 */
function flattenNode(
  node: SpfTreeNode,
  acc: Acc,
  passOnly: boolean,
  outer: SpfQualifier,
  depth: number,
): void {
  if (!node.parsed || depth > 12) return;
  let sawNonPass = false;
  for (const t of node.terms) {
    const q = t.qualifier ?? "+";
    if (passOnly) {
      if (t.name === "all") break;
      if (q !== "+") {
        sawNonPass = true;
        continue;
      }
      if (sawNonPass) acc.approximate = true;
    }
    const effective: SpfQualifier = passOnly ? outer : q;
    const mech = node.parsed.mechanisms.find((m) => m.raw === t.term && m.position === t.position);
    if (t.macro || t.name === "ptr" || t.name === "exists") {
      acc.kept.push(t.term);
      add(acc, passOnly ? `${qual(outer)}${t.term.replace(/^[+\-~?]/, "")}` : t.term);
      continue;
    }
    switch (t.name) {
      case "all":
        continue; // the root's all is appended at the end
      case "ip4":
      case "ip6":
        add(acc, `${qual(effective)}${t.term.replace(/^[+\-~?]/, "")}`);
        continue;
      case "a":
      case "mx":
        for (const { address } of t.addresses ?? []) {
          const term = ipTerm(effective, address, mech?.cidr4, mech?.cidr6);
          if (term) add(acc, term);
          acc.pinned++;
        }
        if (t.target) acc.sources.add(t.target);
        continue;
      case "include":
        if (t.child) {
          acc.sources.add(t.child.domain);
          flattenNode(t.child, acc, true, effective, depth + 1);
        }
        continue;
      case "redirect":
        if (t.child) {
          acc.sources.add(t.child.domain);
          flattenNode(t.child, acc, passOnly, outer, depth + 1);
          const all = t.child.terms.find((x) => x.name === "all");
          if (all && !passOnly) acc.terms.push(all.term);
        }
        continue;
    }
  }
}

/**
 * Proposes a flattened record for an analysed domain.
 * @example flattenSpf(analysis)?.record // "v=spf1 ip4:192.0.2.10 ip4:198.51.100.0/24 -all"
 */
export function flattenSpf(analysis: SpfAnalysis): SpfFlattening | null {
  const root = analysis.root;
  if (!root.parsed) return null;
  const acc: Acc = {
    terms: [],
    seen: new Set(),
    sources: new Set(),
    kept: [],
    pinned: 0,
    approximate: false,
  };
  flattenNode(root, acc, false, "+", 0);
  const all = root.terms.find((t) => t.name === "all");
  const tail = [all?.term, root.parsed.exp?.raw].filter((x): x is string => x !== undefined);
  const body = acc.terms.filter((t) => !/^[+\-~?]?all$/i.test(t));
  acc.pinned = body.filter((t) => /^[+\-~?]?ip[46]:/.test(t)).length;
  const record = ["v=spf1", ...body, ...tail].join(" ");
  const kept = new Set(acc.kept).size;
  const result: SpfFlattening = {
    record,
    pinned: acc.pinned,
    sources: [...acc.sources],
    lookups: kept,
    kept: [...new Set(acc.kept)],
    approximate: acc.approximate,
  };
  if (record.length > MAX_PART) {
    // Split the pass terms into parts included from the root (each include costs one lookup).
    // Only pass terms can move into an include: there a "-" term would merely fail to match.
    const isPass = (t: string) => !/^[-~?]/.test(t);
    const stay = body.filter((t) => !isPass(t));
    if (body.findIndex(isPass) < body.findLastIndex((t) => !isPass(t))) result.approximate = true;
    const parts: { name: string; record: string }[] = [];
    let current: string[] = [];
    const flush = () => {
      if (!current.length) return;
      parts.push({
        name: `_spf${parts.length + 1}.${root.domain}`,
        record: ["v=spf1", ...current, "-all"].join(" "),
      });
      current = [];
    };
    for (const t of body.filter(isPass)) {
      if (["v=spf1", ...current, t, "-all"].join(" ").length > MAX_PART) flush();
      current.push(t);
    }
    flush();
    result.parts = parts;
    result.record = ["v=spf1", ...stay, ...parts.map((p) => `include:${p.name}`), ...tail].join(" ");
    result.lookups = kept + parts.length;
  }
  return result;
}
