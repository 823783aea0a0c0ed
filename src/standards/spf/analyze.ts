/**
 * Static analysis of a domain's SPF policy as published: the include tree, the worst-case number of
 * DNS-querying terms, void lookups, loops and duplicates. Pure: it reads DNS answers through
 * `lookup` and lists the answers it still needs in `missing`, so the probe fetches them and calls
 * it again, and a check re-runs it on saved evidence without any network.
 */
import type { DnsAnswer, DnsStatus, RRType } from "../../net/dns/types.js";
import { hasMacros } from "./macros.js";
import { isSpfRecord, parseSpfRecord, type ParsedSpfRecord, type SpfMechanism } from "./parse.js";
import type { SpfQualifier } from "./types.js";

/** Answer for a question, or undefined when it was not asked yet. */
export type AnswerLookup = (name: string, type: RRType) => DnsAnswer | undefined;

export interface SpfTreeTerm {
  term: string;
  name: string;
  kind: "mechanism" | "modifier";
  qualifier?: SpfQualifier;
  position: number;
  /** The name it asks about when it has no macros. */
  target?: string;
  /** Uses macros: its target (and cost) depends on the message. */
  macro?: boolean;
  /** Worst-case position among the DNS-querying terms of the whole evaluation (1-based). */
  lookupNumber?: number;
  /** Addresses that `a`/`mx` resolve to (with the MX host they came from). */
  addresses?: { host: string; address: string }[];
  mxHosts?: string[];
  /** Queries that came back empty and count as void lookups. */
  voids?: { name: string; type: RRType; status: DnsStatus }[];
  /** Queries that failed (timeout, SERVFAIL...). */
  failures?: DnsAnswer[];
  child?: SpfTreeNode;
}

export interface SpfTreeNode {
  domain: string;
  via: "root" | "include" | "redirect";
  /** The TXT answer, undefined while it has not been fetched. */
  answer?: DnsAnswer;
  /** Every v=spf1 TXT value at the name. */
  records: string[];
  /** The one record, when there is exactly one. */
  record: string | null;
  /** The TXT strings of that record, as published. */
  strings: string[];
  parsed?: ParsedSpfRecord;
  terms: SpfTreeTerm[];
  /** Why this node was not expanded. */
  stop?: "loop" | "duplicate" | "cap";
  /** Worst-case DNS-querying terms in this node and below. */
  lookups: number;
}

export interface SpfVoid {
  domain: string;
  term: string;
  name: string;
  type: RRType;
  status: DnsStatus;
}

export interface SpfAnalysis {
  root: SpfTreeNode;
  /** Worst-case DNS-querying terms over the whole tree (duplicates counted each time they are evaluated). */
  lookups: number;
  voids: SpfVoid[];
  loops: { chain: string[]; via: "include" | "redirect" }[];
  duplicates: { target: string; count: number }[];
  macroTerms: { domain: string; term: string }[];
  /** include/redirect targets that have no SPF record (permerror when evaluated). */
  noRecord: { domain: string; term: string; status: DnsStatus }[];
  /** include/redirect/a/mx lookups that failed. */
  failures: { domain: string; term: string; answer: DnsAnswer }[];
  /** mx terms with more than 10 MX names. */
  tooManyMx: { domain: string; term: string; count: number }[];
  /** Questions whose answers are still needed. */
  missing: { name: string; type: RRType }[];
}

/** Domains visited at most; a hostile fan-out of includes stops here. */
export const MAX_TREE_NODES = 60;
const ADDRESS_LIMIT = 10;

const EMPTY = new Set<DnsStatus>(["nxdomain", "nodata"]);
const OK = new Set<DnsStatus>(["noerror", "nxdomain", "nodata"]);

function addressesOf(a: DnsAnswer | undefined): string[] {
  return (a?.records ?? []).flatMap((r) => (r.type === "A" || r.type === "AAAA" ? [r.address] : []));
}

/**
 * Walks the policy of `domain` as far as the answers at hand allow.
 * @example
 *   let a = analyzeSpf("example.com", get);
 *   while (a.missing.length) { await fetch(a.missing); a = analyzeSpf("example.com", get); }
 */
export function analyzeSpf(domain: string, lookup: AnswerLookup): SpfAnalysis {
  const out: SpfAnalysis = {
    root: undefined as unknown as SpfTreeNode,
    lookups: 0,
    voids: [],
    loops: [],
    duplicates: [],
    macroTerms: [],
    noRecord: [],
    failures: [],
    tooManyMx: [],
    missing: [],
  };
  const asked = new Set<string>();
  const need = (name: string, type: RRType): DnsAnswer | undefined => {
    const a = lookup(name, type);
    const key = `${name} ${type}`;
    if (!a && !asked.has(key)) {
      asked.add(key);
      out.missing.push({ name, type });
    }
    return a;
  };
  const seen = new Map<string, number>();
  let nodes = 0;
  let counter = 0;

  const visit = (name: string, via: SpfTreeNode["via"], path: string[]): SpfTreeNode => {
    const node: SpfTreeNode = {
      domain: name,
      via,
      records: [],
      record: null,
      strings: [],
      terms: [],
      lookups: 0,
    };
    if (++nodes > MAX_TREE_NODES) return { ...node, stop: "cap" };
    const answer = need(name, "TXT");
    if (!answer) return node;
    node.answer = answer;
    const txt = answer.records.flatMap((r) => (r.type === "TXT" ? [r.strings] : []));
    const spf = txt.filter((s) => isSpfRecord(s.join("")));
    node.records = spf.map((s) => s.join(""));
    if (spf.length !== 1) return node;
    node.strings = spf[0] as string[];
    node.record = node.records[0] as string;
    node.parsed = parseSpfRecord(node.record);
    const hasAll = node.parsed.mechanisms.some((m) => m.name === "all");
    for (const t of node.parsed.terms) {
      if (t.kind === "modifier" && (t.name !== "redirect" || hasAll)) continue;
      const term: SpfTreeTerm = { term: t.raw, name: t.name, kind: t.kind, position: t.position };
      if (t.kind === "mechanism") term.qualifier = t.qualifier;
      node.terms.push(term);
      if (t.kind === "mechanism" && (t.name === "all" || t.name === "ip4" || t.name === "ip6")) continue;
      term.lookupNumber = ++counter;
      node.lookups++;
      if (t.macros && hasMacros(t.macros)) {
        term.macro = true;
        out.macroTerms.push({ domain: name, term: t.raw });
        continue;
      }
      const tgt = (t.kind === "mechanism" ? t.domainSpec : t.value) ?? name;
      term.target = tgt.replace(/\.$/, "").toLowerCase();
      if (t.kind === "modifier" || t.name === "include") {
        const kind = t.kind === "modifier" ? "redirect" : "include";
        if (path.includes(term.target)) {
          out.loops.push({ chain: [...path, term.target], via: kind });
          term.child = {
            domain: term.target,
            via: kind,
            records: [],
            record: null,
            strings: [],
            terms: [],
            lookups: 0,
            stop: "loop",
          };
          continue;
        }
        const times = (seen.get(term.target) ?? 0) + 1;
        seen.set(term.target, times);
        const child = visit(term.target, kind, [...path, term.target]);
        term.child = child;
        node.lookups += child.lookups;
        if (child.answer && !OK.has(child.answer.status))
          out.failures.push({ domain: name, term: t.raw, answer: child.answer });
        else if (child.answer && child.records.length === 0)
          out.noRecord.push({ domain: name, term: t.raw, status: child.answer.status });
        continue;
      }
      examineAddressTerm(t as SpfMechanism, term, name, need, out);
    }
    return node;
  };

  out.root = visit(domain, "root", [domain]);
  out.lookups = out.root.lookups;
  out.duplicates = [...seen].filter(([, n]) => n > 1).map(([target, count]) => ({ target, count }));
  return out;
}

/** a, mx, exists, ptr: the addresses they stand for and the void lookups they cause. */
function examineAddressTerm(
  t: SpfMechanism,
  term: SpfTreeTerm,
  domain: string,
  need: (name: string, type: RRType) => DnsAnswer | undefined,
  out: SpfAnalysis,
): void {
  const target = term.target as string;
  const recordVoid = (name: string, a: DnsAnswer) => {
    (term.voids ??= []).push({ name, type: a.type, status: a.status });
    out.voids.push({ domain, term: t.raw, name, type: a.type, status: a.status });
  };
  const fail = (a: DnsAnswer) => {
    (term.failures ??= []).push(a);
    out.failures.push({ domain, term: t.raw, answer: a });
  };
  // An address term is void only when the name has neither A nor AAAA (see evaluate.ts).
  const resolve = (host: string): string[] | undefined => {
    const a4 = need(host, "A");
    const a6 = need(host, "AAAA");
    if (!a4 || !a6) return undefined;
    for (const a of [a4, a6]) if (!OK.has(a.status)) fail(a);
    const found = [...addressesOf(a4), ...addressesOf(a6)];
    if (found.length === 0 && EMPTY.has(a4.status) && EMPTY.has(a6.status)) recordVoid(host, a4);
    return found;
  };
  switch (t.name) {
    case "a": {
      const found = resolve(target);
      if (found) term.addresses = found.map((address) => ({ host: target, address }));
      return;
    }
    case "mx": {
      const mx = need(target, "MX");
      if (!mx) return;
      if (!OK.has(mx.status)) return fail(mx);
      const hosts = mx.records.flatMap((r) =>
        r.type === "MX" && r.exchange && r.exchange !== "." ? [r.exchange.replace(/\.$/, "")] : [],
      );
      term.mxHosts = hosts;
      if (mx.records.length === 0) return recordVoid(target, mx);
      if (hosts.length > ADDRESS_LIMIT) out.tooManyMx.push({ domain, term: t.raw, count: hosts.length });
      term.addresses = [];
      for (const host of hosts.slice(0, ADDRESS_LIMIT)) {
        for (const address of resolve(host) ?? []) term.addresses.push({ host, address });
      }
      return;
    }
    case "exists": {
      const a = need(target, "A");
      if (!a) return;
      if (!OK.has(a.status)) fail(a);
      else if (addressesOf(a).length === 0) recordVoid(target, a);
      return;
    }
    default:
      // ptr depends on the client's address; nothing to resolve statically
      return;
  }
}
