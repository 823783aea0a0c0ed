import type { Lang } from "../i18n/index.js";
import type { LogSummary } from "../server-side/postfix-log/summary.js";
import type { LocalEvidence } from "../server-side/local-findings.js";
import type { QueueSummary } from "../server-side/queue.js";
import { escapeTerminal } from "./escape.js";
import { paint } from "./terminal.js";

/** Headings of the inside-view tables in both languages. */
const H: Record<Lang, Record<string, string>> = {
  en: {
    totals: "Grand totals",
    received: "received",
    delivered: "delivered",
    forwarded: "forwarded",
    deferred: "deferred",
    deferrals: "deferrals",
    bounced: "bounced",
    rejected: "rejected",
    rejectWarnings: "reject warnings",
    held: "held",
    discarded: "discarded",
    expired: "expired",
    bytesReceived: "bytes received",
    bytesDelivered: "bytes delivered",
    senders: "senders",
    sendingDomains: "sending hosts/domains",
    recipients: "recipients",
    recipientDomains: "recipient hosts/domains",
    placedOnHold: "placed on hold (postsuper)",
    removedByAdmin: "removed (postsuper)",
    byService: "Received by service",
    perDay: "Per-day traffic",
    perHour: "Per-hour traffic",
    delivery: "Delivery by domain",
    receipt: "Receipt by domain",
    topSenders: "Top senders",
    topRecipients: "Top recipients",
    rejects: "Rejects by reason",
    deferByDsn: "Deferrals by DSN",
    deferByHost: "Deferrals by remote host",
    bounces: "Bounces",
    connections: "Connections",
    sasl: "SASL failures by client",
    tls: "TLS",
    delays: "Delivery delay by relay (s)",
    warnings: "Warnings",
    errors: "Fatal errors, panics, errors",
    lines: "Input lines",
    open: "messages still in the queue at the end",
  },
  "zh-CN": {
    totals: "总计",
    received: "接收",
    delivered: "投递",
    forwarded: "转发",
    deferred: "推迟",
    deferrals: "推迟次数",
    bounced: "退信",
    rejected: "拒收",
    rejectWarnings: "拒收警告",
    held: "暂扣",
    discarded: "丢弃",
    expired: "过期",
    bytesReceived: "接收字节",
    bytesDelivered: "投递字节",
    senders: "发件人",
    sendingDomains: "发件主机/域",
    recipients: "收件人",
    recipientDomains: "收件主机/域",
    placedOnHold: "暂扣（postsuper）",
    removedByAdmin: "删除（postsuper）",
    byService: "按服务统计接收",
    perDay: "每日流量",
    perHour: "每小时流量",
    delivery: "按域名统计投递",
    receipt: "按域名统计接收",
    topSenders: "发件人排行",
    topRecipients: "收件人排行",
    rejects: "按原因统计拒收",
    deferByDsn: "按 DSN 统计推迟",
    deferByHost: "按远端主机统计推迟",
    bounces: "退信",
    connections: "连接",
    sasl: "按客户端统计 SASL 失败",
    tls: "TLS",
    delays: "按中继统计投递延迟（秒）",
    warnings: "警告",
    errors: "致命错误、panic、错误",
    lines: "输入行",
    open: "日志结束时仍在队列中的邮件",
  },
};

/** A left-aligned table with a header row; cells are escaped. */
export function table(headers: string[], rows: (string | number)[][], color: boolean): string[] {
  const cells = rows.map((r) => r.map((c) => escapeTerminal(String(c))));
  const widths = headers.map((h, i) =>
    Math.min(60, Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length))),
  );
  const fmt = (r: string[]) =>
    "  " +
    r
      .map((c, i) => {
        const w = widths[i] ?? 0;
        const cut = c.length > w ? c.slice(0, w - 1) + "…" : c;
        return i === r.length - 1 ? cut : cut.padEnd(w);
      })
      .join("  ");
  return [paint(fmt(headers), "2", color), ...cells.map(fmt)];
}

function section(title: string, color: boolean): string[] {
  return ["", paint(title, "1", color)];
}

/** The tables of `mxray logs` (the findings follow them). */
export function renderLogTables(s: LogSummary, lang: Lang, color: boolean, top = 10): string[] {
  const h = H[lang];
  const label = (k: string) => h[k] ?? k;
  const out: string[] = [];
  const t = s.totals as unknown as Record<string, number>;
  out.push(...section(`${h.totals}${s.period ? `  (${s.period.first} – ${s.period.last})` : ""}`, color));
  const keys = [
    "received",
    "delivered",
    "forwarded",
    "deferred",
    "deferrals",
    "bounced",
    "rejected",
    "rejectWarnings",
    "held",
    "discarded",
    "expired",
    "placedOnHold",
    "removedByAdmin",
    "bytesReceived",
    "bytesDelivered",
    "senders",
    "sendingDomains",
    "recipients",
    "recipientDomains",
  ];
  for (const k of keys)
    out.push(
      `  ${String(t[k] ?? 0).padStart(10)}  ${label(k)}${k === "rejected" ? ` (${s.totals.rejectedPercent} %)` : ""}`,
    );
  out.push(`  ${String(s.messages.open).padStart(10)}  ${h.open}`);
  const svc = Object.entries(s.receivedByService);
  if (svc.length)
    out.push(
      ...section(h.byService ?? "", color),
      ...table(
        ["service", label("received"), "bytes"],
        svc.map(([k, v]) => [k, v.messages, v.bytes]),
        color,
      ),
    );
  if (s.perDay.length) {
    out.push(...section(h.perDay ?? "", color));
    out.push(
      ...table(
        [
          "date",
          label("received"),
          label("delivered"),
          label("deferred"),
          label("bounced"),
          label("rejected"),
        ],
        s.perDay.map((d) => [d.date, d.received, d.delivered, d.deferred, d.bounced, d.rejected]),
        color,
      ),
    );
  }
  const hours = s.perHour.filter((x) => x.received + x.delivered + x.deferred + x.bounced + x.rejected > 0);
  if (hours.length) {
    out.push(...section(h.perHour ?? "", color));
    out.push(
      ...table(
        [
          "hour",
          label("received"),
          label("delivered"),
          label("deferred"),
          label("bounced"),
          label("rejected"),
        ],
        hours.map((x) => [
          `${String(x.hour).padStart(2, "0")}:00`,
          x.received,
          x.delivered,
          x.deferred,
          x.bounced,
          x.rejected,
        ]),
        color,
      ),
    );
  }
  if (s.deliveryDomains.length) {
    out.push(...section(h.delivery ?? "", color));
    out.push(
      ...table(
        ["domain", "sent", "bytes", "defers", "avg dly", "max dly"],
        s.deliveryDomains
          .slice(0, top)
          .map((d) => [d.domain, d.sent, d.bytes, d.deferred, d.avgDelay, d.maxDelay]),
        color,
      ),
    );
  }
  if (s.receiptDomains.length)
    out.push(
      ...section(h.receipt ?? "", color),
      ...table(
        ["domain", "msgs", "bytes"],
        s.receiptDomains.slice(0, top).map((d) => [d.domain, d.messages, d.bytes]),
        color,
      ),
    );
  if (s.senders.length)
    out.push(
      ...section(h.topSenders ?? "", color),
      ...table(
        ["sender", "msgs", "bytes"],
        s.senders.slice(0, top).map((d) => [d.address, d.messages, d.bytes]),
        color,
      ),
    );
  if (s.recipients.length)
    out.push(
      ...section(h.topRecipients ?? "", color),
      ...table(
        ["recipient", "msgs", "bytes"],
        s.recipients.slice(0, top).map((d) => [d.address, d.messages, d.bytes]),
        color,
      ),
    );
  if (s.rejects.length)
    out.push(
      ...section(h.rejects ?? "", color),
      ...table(
        ["count", "category", "code", "rule / list"],
        s.rejects.slice(0, top * 2).map((r) => [r.count, r.category, r.code, r.rule]),
        color,
      ),
    );
  if (s.deferrals.byDsn.length)
    out.push(
      ...section(h.deferByDsn ?? "", color),
      ...table(
        ["count", "dsn", "category", "example"],
        s.deferrals.byDsn.slice(0, top).map((d) => [d.count, d.dsn, d.category, d.example]),
        color,
      ),
    );
  if (s.deferrals.byHost.length)
    out.push(
      ...section(h.deferByHost ?? "", color),
      ...table(
        ["count", "host", "example"],
        s.deferrals.byHost.slice(0, top).map((d) => [d.count, d.host, d.example]),
        color,
      ),
    );
  if (s.bounces.length)
    out.push(
      ...section(h.bounces ?? "", color),
      ...table(
        ["count", "relay", "reason"],
        s.bounces.slice(0, top).map((b) => [b.count, b.relay, b.reason]),
        color,
      ),
    );
  const c = s.connections;
  if (c.inbound || c.lostAfter.length || c.timeouts.length || c.outboundErrors.length) {
    out.push(...section(h.connections ?? "", color));
    const rows: (string | number)[][] = [["inbound smtpd sessions", c.inbound]];
    for (const l of c.lostAfter) rows.push([`lost connection after ${l.key}`, l.count]);
    if (c.scanLike) rows.push(["  … after CONNECT from unknown (scans)", c.scanLike]);
    for (const l of c.timeouts) rows.push([`timeout after ${l.key}`, l.count]);
    if (c.tooManyErrors) rows.push(["too many errors", c.tooManyErrors]);
    if (c.pipelining) rows.push(["improper pipelining", c.pipelining]);
    for (const f of c.tlsFailures) rows.push([`TLS failure: ${f.key}`, f.count]);
    for (const o of c.outboundErrors.slice(0, top)) rows.push([`outbound ${o.host}: ${o.reason}`, o.count]);
    out.push(...table(["event", "count"], rows, color));
  }
  if (s.sasl.byClient.length)
    out.push(
      ...section(h.sasl ?? "", color),
      ...table(
        ["client", "failures", "users"],
        s.sasl.byClient.slice(0, top).map((x) => [x.client, x.count, x.users.join(", ")]),
        color,
      ),
    );
  const tls = s.tls;
  if (tls.inbound.sessions || tls.outbound.sessions) {
    out.push(...section(h.tls ?? "", color));
    const rows: (string | number)[][] = [
      ["inbound sessions / with TLS", `${tls.inbound.sessions} / ${tls.inbound.tlsSessions}`],
      ["messages received over TLS / plaintext", `${tls.receivedOverTls} / ${tls.receivedPlaintext}`],
      ...tls.inbound.byProtocol.map((p) => [`inbound ${p.key}`, p.count]),
      ...tls.inbound.byCipher.map((p) => [`inbound ${p.key}`, p.count]),
      ["outbound TLS sessions", tls.outbound.sessions],
      ...tls.outbound.byProtocol.map((p) => [`outbound ${p.key}`, p.count]),
      ...tls.outbound.byTrust.map((p) => [`outbound ${p.key}`, p.count]),
    ];
    out.push(...table(["", "count"], rows, color));
  }
  if (s.delays.length)
    out.push(
      ...section(h.delays ?? "", color),
      ...table(
        ["relay", "n", "p50", "p90", "p99", "max"],
        s.delays.slice(0, top).map((d) => [d.relay, d.count, d.p50, d.p90, d.p99, d.max]),
        color,
      ),
    );
  if (s.warnings.length)
    out.push(
      ...section(h.warnings ?? "", color),
      ...table(
        ["count", "daemon", "text"],
        s.warnings.slice(0, top).map((w) => [w.count, w.daemon, w.text]),
        color,
      ),
    );
  if (s.errors.length)
    out.push(
      ...section(h.errors ?? "", color),
      ...table(
        ["count", "level", "daemon", "text"],
        s.errors.slice(0, top).map((w) => [w.count, w.level, w.daemon, w.text]),
        color,
      ),
    );
  const l = s.lines;
  out.push(...section(h.lines ?? "", color));
  out.push(
    `  ${l.total} total: ${l.postfix} postfix, ${l.exim} exim, ${l.otherPrograms} other programs, ${l.blank} blank, ${l.crlf} CRLF; skipped ${l.binary} binary, ${l.truncated} truncated, ${l.overlong} overlong, ${l.unrecognized} unrecognised, ${l.outOfRange} out of range`,
  );
  return out;
}

/** The tables of `mxray queue`. */
export function renderQueueTables(s: QueueSummary, lang: Lang, color: boolean): string[] {
  const zh = lang === "zh-CN";
  const out: string[] = [];
  out.push(...section(zh ? `队列（${s.format}）` : `Queue (${s.format})`, color));
  out.push(
    ...table(
      [zh ? "队列" : "queue", zh ? "邮件" : "messages"],
      [...Object.entries(s.byQueue), [zh ? "合计" : "total", s.total]],
      color,
    ),
  );
  out.push(
    `  ${zh ? "字节" : "bytes"} ${s.bytes}, ${zh ? "最大" : "largest"} ${s.size.max}, ${zh ? "平均" : "average"} ${s.size.average}`,
  );
  if (s.total)
    out.push(
      ...section(zh ? "等待时长" : "Age", color),
      ...table(
        [zh ? "时长" : "age", zh ? "邮件" : "messages"],
        s.ages.map((a) => [a.bucket, a.count]),
        color,
      ),
    );
  if (s.reasons.length)
    out.push(
      ...section(zh ? "等待原因" : "Waiting reasons", color),
      ...table(
        ["count", "category", "reason"],
        s.reasons.map((r) => [r.count, r.category, r.reason]),
        color,
      ),
    );
  if (s.domains.length)
    out.push(
      ...section(zh ? "目标域名" : "Destination domains", color),
      ...table(
        ["domain", "recipients"],
        s.domains.slice(0, 10).map((d) => [d.domain, d.count]),
        color,
      ),
    );
  if (s.senders.length)
    out.push(
      ...section(zh ? "发件人" : "Senders", color),
      ...table(
        ["sender", "messages"],
        s.senders.slice(0, 10).map((d) => [d.sender, d.count]),
        color,
      ),
    );
  return out;
}

/** The tables of `mxray local`. */
export function renderLocalTables(ev: LocalEvidence, lang: Lang, color: boolean): string[] {
  const zh = lang === "zh-CN";
  const out: string[] = [];
  const s = ev.sockets;
  if (s.listeners.length) {
    out.push(...section(zh ? "监听的邮件端口" : "Listening mail ports", color));
    out.push(
      ...table(
        ["address", "port", "service", "process"],
        s.listeners.map((l) => [
          l.address,
          l.port,
          l.service,
          // "+N": processes that inherited the socket (Postfix's smtpd children of master)
          l.owner
            ? `${l.owner.command}[${l.owner.pid}]${l.owner.sharedCount ? ` +${l.owner.sharedCount}` : ""}`
            : "?",
        ]),
        color,
      ),
    );
  }
  if (s.mailPorts.length) {
    out.push(...section(zh ? "邮件端口的 TCP 状态" : "TCP states of mail ports", color));
    out.push(
      ...table(
        ["port", "states", "TIME_WAIT peers"],
        s.mailPorts.map((p) => [
          p.port,
          Object.entries(p.states)
            .map(([k, v]) => `${k} ${v}`)
            .join(", "),
          p.timeWaitPeers.map((x) => `${x.peer} ×${x.count}`).join(", "),
        ]),
        color,
      ),
    );
  }
  if (ev.postfix) {
    out.push(...section(`Postfix (${ev.postfix.source})`, color));
    out.push(
      ...table(
        ["service", "tls", "auth", "auth_only", "relay restrictions"],
        ev.postfix.services.map((v) => [
          v.name,
          v.settings.smtpd_tls_wrappermode === "yes"
            ? "wrapper"
            : v.settings.smtpd_tls_security_level || "none",
          v.settings.smtpd_sasl_auth_enable ?? "",
          v.settings.smtpd_tls_auth_only ?? "",
          v.settings.smtpd_relay_restrictions ?? "",
        ]),
        color,
      ),
    );
    const e = ev.postfix.effective;
    out.push(
      ...table(
        ["parameter", "value"],
        [
          "mynetworks",
          "smtp_tls_security_level",
          "message_size_limit",
          "maximal_queue_lifetime",
          "default_process_limit",
          "smtpd_client_connection_rate_limit",
        ].map((k) => [k, e[k] ?? ""]),
        color,
      ),
    );
  }
  if (ev.dovecot) {
    out.push(...section(`Dovecot (${ev.dovecot.source})`, color));
    out.push(
      ...table(
        ["setting", "value"],
        [
          "ssl",
          "ssl_min_protocol",
          "disable_plaintext_auth",
          "auth_allow_cleartext",
          "auth_mechanisms",
          "protocols",
        ]
          .filter((k) => ev.dovecot?.settings[k] !== undefined)
          .map((k) => [k, ev.dovecot?.settings[k] ?? ""]),
        color,
      ),
    );
  }
  if (ev.firewall?.rules.length) {
    out.push(...section(zh ? "涉及邮件端口的防火墙规则" : "Firewall rules on mail ports", color));
    out.push(
      ...table(
        ["chain", "ports", "action"],
        ev.firewall.rules.map((r) => [r.chain, r.ports.join(","), r.action]),
        color,
      ),
    );
  }
  return out;
}
