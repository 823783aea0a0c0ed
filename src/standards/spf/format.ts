/**
 * Plain-text drawings of an SPF include tree (static analysis) and of an evaluation trace, for the
 * terminal and for evidence blocks. No colours and no escaping: the caller escapes on output.
 */
import type { SpfAnalysis, SpfTreeNode, SpfTreeTerm } from "./analyze.js";
import type { SpfTraceNode, SpfTraceQuery, SpfTraceTerm } from "./types.js";

const MAX_LIST = 6;

function list(items: string[]): string {
  return items.length > MAX_LIST
    ? `${items.slice(0, MAX_LIST).join(", ")}, … (${items.length} in all)`
    : items.join(", ");
}

function nodeHead(n: SpfTreeNode): string {
  if (n.stop === "loop") return `${n.domain}  ↺ loop`;
  if (n.stop === "cap") return `${n.domain}  … (tree too large, not followed)`;
  if (!n.answer) return `${n.domain}  (not fetched)`;
  if (n.records.length === 0) return `${n.domain}  no SPF record (${n.answer.status})`;
  if (n.records.length > 1) return `${n.domain}  ${n.records.length} SPF records!`;
  return `${n.domain}  "${n.record}"`;
}

function termLine(t: SpfTreeTerm): string {
  const count = t.lookupNumber !== undefined ? `  [lookup ${t.lookupNumber}]` : "";
  const parts: string[] = [];
  if (t.macro) parts.push("macro: cannot be resolved before a message arrives");
  if (t.mxHosts) parts.push(`MX ${t.mxHosts.length ? list(t.mxHosts) : "none"}`);
  if (t.addresses)
    parts.push(t.addresses.length ? `→ ${list(t.addresses.map((a) => a.address))}` : "→ no address");
  for (const v of t.voids ?? []) parts.push(`void: ${v.name} ${v.type} ${v.status}`);
  for (const f of t.failures ?? []) parts.push(`FAILED: ${f.name} ${f.type} ${f.status}`);
  return `${t.term}${count}${parts.length ? `  ${parts.join("; ")}` : ""}`;
}

/**
 * The include tree: each domain with its record, each DNS-querying term with its lookup number.
 * @example formatSpfTree(analysis).join("\n")
 */
export function formatSpfTree(a: SpfAnalysis): string[] {
  const out = [`${nodeHead(a.root)}  (${a.lookups} DNS lookups, ${a.voids.length} void)`];
  const walk = (n: SpfTreeNode, prefix: string) => {
    const shown = n.terms.filter((t) => t.lookupNumber !== undefined || t.child);
    shown.forEach((t, i) => {
      const last = i === shown.length - 1;
      out.push(`${prefix}${last ? "└─ " : "├─ "}${termLine(t)}`);
      if (t.child) {
        const inner = `${prefix}${last ? "   " : "│  "}`;
        out.push(`${inner}${nodeHead(t.child)}`);
        walk(t.child, inner);
      }
    });
  };
  walk(a.root, "");
  return out;
}

function queryText(q: SpfTraceQuery): string {
  const answers = q.answers.length ? ` → ${list(q.answers)}` : "";
  return `${q.name} ${q.type}: ${q.status.toUpperCase()}${answers}${q.void ? " (void)" : ""}${q.note ? ` [${q.note}]` : ""}`;
}

function traceTermLine(t: SpfTraceTerm): string {
  const verdict = t.error ? `ERROR: ${t.error}` : t.matched === null ? "" : t.matched ? "MATCH" : "no match";
  const target = t.target ? ` (${t.target})` : "";
  return `${t.term}${target}  ${verdict}  [lookups ${t.lookups}, void ${t.voidLookups}]${t.note ? `  ${t.note}` : ""}`;
}

/**
 * The evaluation trace: each domain evaluated, each term with its queries and whether it matched.
 * @example formatSpfTrace(result.trace).join("\n")
 */
export function formatSpfTrace(root: SpfTraceNode): string[] {
  const out: string[] = [];
  const walk = (n: SpfTraceNode, prefix: string) => {
    out.push(
      `${prefix}${n.via === "check_host" ? "" : `${n.via} → `}${n.domain}: ${n.record === null ? "no record" : `"${n.record}"`} ⇒ ${n.result}${n.reason ? ` (${n.reason})` : ""}`,
    );
    for (const q of n.queries) out.push(`${prefix}  · ${queryText(q)}`);
    for (const t of n.terms) {
      out.push(`${prefix}  ${traceTermLine(t)}`);
      for (const q of t.queries) out.push(`${prefix}    · ${queryText(q)}`);
      if (t.child) walk(t.child, `${prefix}    `);
    }
    if (n.explanation) {
      const e = n.explanation;
      out.push(
        `${prefix}  exp=${e.target ?? "?"}: ${e.text !== null ? JSON.stringify(e.text) : `no explanation (${e.problem ?? "?"})`}`,
      );
      for (const q of e.queries) out.push(`${prefix}    · ${queryText(q)}`);
    }
  };
  walk(root, "");
  return out;
}
