import type { Lang } from "../i18n/index.js";
import { escapeTerminal } from "../report/escape.js";
import { paint } from "../report/terminal.js";
import type { MessageEvidence } from "./analyze.js";
import { formatDuration } from "./date.js";
import { timeline, totalDelay, type TimelineStep } from "./checks-delivery.js";

const EN = {
  message: "Message",
  delivery: "Delivery",
  hop: "hop",
  hops: "hops",
  total: "total",
  dateHeader: "Date: header (written by the sender)",
  firstExternal: "first external hop",
  auth: "Authentication (verified now)",
  recorded: "recorded by",
  none: "none",
  noReceived: "no Received fields: the message was not transported (a draft or a copy saved by the sender)",
  notDated: "no date",
  skew: "clock skew",
  cut: "more hops not analysed",
};

const L: Record<Lang, typeof EN> = {
  en: EN,
  "zh-CN": {
    message: "邮件",
    delivery: "投递路径",
    hop: "跳",
    hops: "跳",
    total: "总耗时",
    dateHeader: "Date 头（发件人写入）",
    firstExternal: "第一个外部跳",
    auth: "认证（现在重新验证）",
    recorded: "记录者",
    none: "无",
    noReceived: "没有 Received 字段：邮件未经传输（草稿或发件人保存的副本）",
    notDated: "无日期",
    skew: "时钟偏差",
    cut: "更多的跳未分析",
  },
};

const BAR_WIDTH = 28;
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A bar of `value/max` of the width, with eighth-block precision; at least a sliver when > 0. */
export function bar(value: number, max: number, width = BAR_WIDTH): string {
  if (!(max > 0) || !(value > 0)) return "";
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return "█".repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? "");
}

const iso = (t: number | undefined) =>
  t === undefined
    ? "—"
    : new Date(t)
        .toISOString()
        .replace("T", " ")
        .replace(/\.000Z$/, "Z");
const e = escapeTerminal;

function hopLine(step: TimelineStep): string {
  const h = step.hop;
  const name = h.from?.rdns ?? h.from?.helo;
  const from = h.from
    ? `${name ?? ""}${h.from.ip ? `${name ? " " : ""}[${h.from.ip}]` : ""}${h.from.helo && h.from.rdns && h.from.helo !== h.from.rdns ? ` helo=${h.from.helo}` : ""}`
    : "";
  const by = `${h.by ?? "?"}${h.software ? ` (${h.software})` : ""}`;
  const tls = h.tls ? ` ${[h.tls.version, h.tls.cipher].filter(Boolean).join(" ")}` : "";
  return e(`${from ? `${from} → ` : ""}${by}${h.with ? `  with ${h.with}` : ""}${tls}`);
}

/** The delivery timeline: each hop with its delay drawn to scale. */
export function renderTimeline(ev: MessageEvidence, lang: Lang, color: boolean): string[] {
  const l = L[lang];
  const steps = timeline(ev);
  const out: string[] = [];
  const total = totalDelay(ev);
  out.push(
    "",
    paint(
      `${l.delivery} (${ev.received.hops.length} ${ev.received.hops.length === 1 ? l.hop : l.hops}${total ? `, ${l.total} ${formatDuration(total.ms)}` : ""})`,
      "1",
      color,
    ),
  );
  if (ev.received.total === 0) {
    out.push(`  ${l.noReceived}`);
    return out;
  }
  const max = Math.max(0, ...steps.map((s) => s.delayMs ?? 0));
  if (ev.date)
    out.push(`   0  ${iso(ev.date.time)}  ${"".padEnd(9)} ${"".padEnd(BAR_WIDTH)}  ${l.dateHeader}`);
  const externalHop =
    ev.received.firstExternal >= 0 ? ev.received.hops[ev.received.firstExternal] : undefined;
  for (const s of steps) {
    const delay =
      s.delayMs === undefined
        ? ""
        : s.delayMs < 0
          ? formatDuration(s.delayMs)
          : `+${formatDuration(s.delayMs)}`;
    const drawn =
      s.delayMs !== undefined && s.delayMs < 0
        ? paint(`◀ ${l.skew}`, "33", color)
        : paint(
            bar(s.delayMs ?? 0, max).padEnd(BAR_WIDTH),
            s.delayMs !== undefined && s.delayMs > 30 * 60_000 ? "31" : "36",
            color,
          );
    const mark = s.hop === externalHop ? paint(`  ◀ ${l.firstExternal}`, "1", color) : "";
    out.push(
      `  ${String(s.order).padStart(2)}  ${s.hop.time === undefined ? l.notDated.padEnd(20) : iso(s.hop.time)}  ${delay.padEnd(9)} ${drawn}${mark}`,
    );
    out.push(`      ${hopLine(s)}`);
    if (s.hop.problems.length) out.push(`      ${paint(e(s.hop.problems.join("; ")), "33", color)}`);
  }
  if (ev.received.total > ev.received.hops.length)
    out.push(`  … ${ev.received.total - ev.received.hops.length} ${l.cut}`);
  return out;
}

const RESULT_COLOR: Record<string, string> = {
  pass: "32",
  none: "2",
  neutral: "33",
  softfail: "33",
  temperror: "33",
};
const res = (r: string, color: boolean) => paint(r.padEnd(9), RESULT_COLOR[r] ?? "31", color);

/** One line per authentication method, as verified now, then what the message recorded. */
export function renderAuthentication(ev: MessageEvidence, lang: Lang, color: boolean): string[] {
  const l = L[lang];
  const out = ["", paint(l.auth, "1", color)];
  if (ev.dkim) {
    if (ev.dkim.length === 0) out.push(`  DKIM   ${res("none", color)}`);
    for (const [i, s] of ev.dkim.entries()) {
      const facts = `d=${s.domain} s=${s.selector} ${s.algorithm}${s.keyBits ? ` ${s.keyBits}-bit` : ""} (${s.alignment})`;
      out.push(
        `  ${i === 0 ? "DKIM " : "     "}  ${res(s.result, color)}${e(facts)}${s.result === "pass" ? "" : `: ${e(s.detail)}`}`,
      );
    }
  } else out.push(`  DKIM   ${res("none", color)}(${e(ev.dkimSkipped ?? "")})`);
  if (ev.dkimNote) out.push(`         ${paint(e(ev.dkimNote), "2", color)}`);
  if (ev.arc && ev.arc.result !== "none") {
    const chain = ev.arc.instances
      .map((i) => `i=${i.i} cv=${i.cv ?? "?"} ${i.seal?.domain ?? "?"}`)
      .join(", ");
    out.push(
      `  ARC    ${res(ev.arc.result, color)}${e(chain)}${ev.arc.reason ? `: ${e(ev.arc.reason)}` : ""}`,
    );
  }
  if (ev.spf) {
    const r = ev.spf.result;
    out.push(
      `  SPF    ${res(r.result, color)}${e(`${ev.spf.ip} for ${r.domain || "?"} (${r.identity ?? "mailfrom"})${r.mechanism ? ` via ${r.mechanism}` : ""}${r.reason ? `: ${r.reason}` : ""}`)}`,
    );
  } else out.push(`  SPF    ${res("none", color)}(${e(ev.spfSkipped ?? "")})`);
  if (ev.dmarc) {
    const d = ev.dmarc;
    out.push(
      `  DMARC  ${res(d.result, color)}${e(`${d.fromDomain}${d.requested ? ` p=${d.requested}` : ""} → ${d.applied}`)}`,
    );
  }
  for (const ar of ev.authResults.slice(0, 5)) {
    out.push(
      `  ${paint(`${l.recorded} ${e(ar.authservId || "?")}:`, "2", color)} ${e(ar.results.map((r) => `${r.method}=${r.result}`).join(" ") || l.none)}`,
    );
  }
  return out;
}

/** The header of the report: subject, from, size. */
export function renderSummary(ev: MessageEvidence, lang: Lang, color: boolean): string[] {
  const l = L[lang];
  const lines = ["", paint(l.message, "1", color)];
  if (ev.identities.fromAddresses.length)
    lines.push(`  From:        ${e(ev.identities.fromAddresses.join(", "))}`);
  if (ev.identities.returnPath !== undefined) lines.push(`  Return-Path: <${e(ev.identities.returnPath)}>`);
  if (ev.subject !== undefined) lines.push(`  Subject:     ${e(ev.subject.slice(0, 200))}`);
  if (ev.messageId !== undefined) lines.push(`  Message-ID:  ${e(ev.messageId.slice(0, 200))}`);
  lines.push(`  Size:        ${ev.size} bytes, ${ev.headers.fieldCount} header fields`);
  return lines;
}
