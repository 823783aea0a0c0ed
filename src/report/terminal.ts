import type { Finding } from "../core/finding.js";
import type { Report } from "../core/report.js";
import { compareSeverity, type Severity } from "../core/severity.js";
import { describe, type Lang } from "../i18n/index.js";
import { escapeTerminal } from "./escape.js";

export interface TerminalOptions {
  lang: Lang;
  color: boolean;
  /** Show evidence and advice for ok/info findings too. */
  verbose?: boolean;
}

const MARK: Record<Severity, string> = { ok: "✔", info: "ℹ", warning: "⚠", error: "✖", critical: "‼" };
const COLOR: Record<Severity, string> = {
  ok: "32",
  info: "36",
  warning: "33",
  error: "31",
  critical: "1;31",
};

const LABELS: Record<Lang, Record<string, string>> = {
  en: { why: "why", fix: "fix", evidence: "evidence", findings: "findings", of: "of" },
  "zh-CN": { why: "原因", fix: "修复", evidence: "证据", findings: "项发现", of: "" },
};

export function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** Renders one finding: mark and summary, then why, fix and evidence when it is not ok. */
export function renderFinding(f: Finding, opts: TerminalOptions): string[] {
  const t = describe(f, opts.lang);
  const l = LABELS[opts.lang];
  const lines = [
    `  ${paint(MARK[f.severity], COLOR[f.severity], opts.color)} ${escapeTerminal(t.summary)}${f.subject ? paint(`  [${escapeTerminal(f.subject)}]`, "2", opts.color) : ""}`,
  ];
  const detailed = opts.verbose || compareSeverity(f.severity, "info") > 0;
  if (!detailed) return lines;
  if (t.why) lines.push(`      ${paint(l.why + ":", "2", opts.color)} ${escapeTerminal(t.why)}`);
  if (t.fix) lines.push(`      ${paint(l.fix + ":", "2", opts.color)} ${escapeTerminal(t.fix)}`);
  for (const block of f.evidence) {
    lines.push(`      ${paint(`${l.evidence} (${escapeTerminal(block.label)}):`, "2", opts.color)}`);
    const shown = block.lines.slice(0, 40);
    for (const line of shown)
      lines.push(`        ${escapeTerminal(line.length > 300 ? line.slice(0, 300) + "…" : line)}`);
    if (block.lines.length > shown.length)
      lines.push(`        … (${block.lines.length - shown.length} more)`);
  }
  if (f.references?.length) lines.push(`      ${paint(f.references.join("; "), "2", opts.color)}`);
  return lines;
}

/** Findings grouped by area, in first-seen area order, worst first inside an area. */
export function renderFindings(findings: readonly Finding[], opts: TerminalOptions): string[] {
  const areas = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = areas.get(f.area) ?? [];
    list.push(f);
    areas.set(f.area, list);
  }
  const out: string[] = [];
  for (const [area, list] of areas) {
    out.push("", paint(area.toUpperCase(), "1", opts.color));
    const sorted = [...list].sort((a, b) => compareSeverity(b.severity, a.severity));
    for (const f of sorted) out.push(...renderFinding(f, opts));
  }
  return out;
}

/** The whole report: a title, the findings by area, and a count line. */
export function renderReport(report: Report, opts: TerminalOptions, extra: string[] = []): string {
  const c = report.counts;
  const title = `mxray ${report.command} ${escapeTerminal(report.target)}`;
  const countLine = (["critical", "error", "warning", "info", "ok"] as const)
    .filter((s) => c[s] > 0)
    .map((s) => paint(`${c[s]} ${s}`, COLOR[s], opts.color))
    .join(", ");
  return [
    paint(title, "1", opts.color),
    ...extra,
    ...renderFindings(report.findings, opts),
    "",
    `${report.findings.length} ${LABELS[opts.lang].findings}: ${countLine || "-"} (${(report.durationMs / 1000).toFixed(1)} s)`,
  ].join("\n");
}
