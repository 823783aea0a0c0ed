import ipaddr from "ipaddr.js";
import { finding, type EvidenceBlock, type Finding } from "../core/finding.js";
import type { CertFileFacts } from "./certificates.js";
import type { FirewallEvidence } from "./firewall.js";
import type { DovecotEvidence, PostfixConfigEvidence, SmtpdService } from "./local-config.js";
import { listValue } from "./postconf.js";
import { postfixDuration } from "./queue.js";
import type { SocketOwner, SocketsEvidence } from "./sockets.js";

/** Everything `mxray local` gathered; its Report's `data`. */
export interface LocalEvidence {
  sockets: SocketsEvidence;
  postfix?: PostfixConfigEvidence;
  postfixError?: string;
  dovecot?: DovecotEvidence;
  dovecotError?: string;
  firewall?: FirewallEvidence;
  firewallError?: string;
}

export interface LocalThresholds {
  synRecv: number;
  timeWaitPerPeer: number;
  certWarnDays: number;
}

export const DEFAULT_LOCAL_THRESHOLDS: LocalThresholds = {
  synRecv: 100,
  timeWaitPerPeer: 200,
  certWarnDays: 14,
};

const text = (label: string, lines: string[]): EvidenceBlock => ({ kind: "text", label, lines });

/** Sockets: listeners on mail ports, SYN floods, TIME_WAIT loops. */
export function socketFindings(
  s: SocketsEvidence,
  th: LocalThresholds = DEFAULT_LOCAL_THRESHOLDS,
): Finding[] {
  const out: Finding[] = [];
  if (!s.available) return [finding("local.sockets.unavailable", "info", "sockets", "/proc/net/tcp")];
  const lines = s.listeners.map((l) => `${l.address}:${l.port} (${l.service}) ${ownerText(l.owner)}`);
  const summary = s.listeners.map((l) => `${l.address}:${l.port}`).join(", ");
  out.push(
    finding(
      "local.sockets.listeners",
      "ok",
      "sockets",
      "localhost",
      { count: s.listeners.length, list: summary || "-" },
      [text("listening mail ports", lines)],
    ),
  );
  if (!s.listeners.some((l) => l.port === 25))
    out.push(finding("local.sockets.no-smtp", "warning", "sockets", "localhost"));
  if (s.unreadableProcesses > 0 && s.listeners.some((l) => !l.owner))
    out.push(
      finding("local.sockets.owners-hidden", "info", "sockets", "localhost", {
        count: s.unreadableProcesses,
      }),
    );
  for (const p of s.mailPorts) {
    const syn = (p.states.SYN_RECV ?? 0) + (p.states.NEW_SYN_RECV ?? 0);
    const states = Object.entries(p.states)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    if (syn >= th.synRecv) {
      out.push(
        finding(
          "local.sockets.syn-flood",
          "error",
          "sockets",
          `port ${p.port}`,
          { port: p.port, count: syn, peers: p.synRecvPeers.map((x) => `${x.peer} ×${x.count}`).join(", ") },
          [text(`port ${p.port}`, [states])],
        ),
      );
    }
    for (const peer of p.timeWaitPeers) {
      if (peer.count >= th.timeWaitPerPeer)
        out.push(
          finding(
            "local.sockets.time-wait-peer",
            "warning",
            "sockets",
            peer.peer,
            { port: p.port, peer: peer.peer, count: peer.count },
            [text(`port ${p.port}`, [states])],
          ),
        );
    }
    out.push(
      finding("local.sockets.port-states", "info", "sockets", `port ${p.port}`, {
        port: p.port,
        service: p.service,
        states,
      }),
    );
  }
  return out;
}

function certFindings(certs: CertFileFacts[], area: string, now: Date, th: LocalThresholds): Finding[] {
  const out: Finding[] = [];
  for (const c of certs) {
    const ev = [
      {
        kind: "certificate" as const,
        label: c.certFile,
        lines: [
          `subject: ${c.subject ?? "-"}`,
          `issuer: ${c.issuer ?? "-"}`,
          `notAfter: ${c.notAfter ?? "-"}`,
          `key: ${c.keyFile || "-"} (${c.keyMatches === undefined ? "not checked" : c.keyMatches ? "matches" : "does NOT match"})`,
        ],
      },
    ];
    const p = {
      user: c.user,
      file: c.certFile,
      key: c.keyFile,
      notAfter: c.notAfter ?? "-",
      days: c.daysLeft ?? 0,
      subject: c.subject ?? "-",
    };
    if (c.error && c.daysLeft === undefined) {
      out.push(finding("local.cert.unreadable", "warning", area, c.certFile, { ...p, error: c.error }));
      continue;
    }
    if (c.keyMatches === false)
      out.push(finding("local.cert.key-mismatch", "error", area, c.certFile, p, ev));
    if ((c.daysLeft ?? 0) < 0)
      out.push(
        finding("local.cert.expired", "error", area, c.certFile, { ...p, days: -(c.daysLeft ?? 0) }, ev),
      );
    else if ((c.daysLeft ?? 0) < th.certWarnDays)
      out.push(finding("local.cert.expiring", "warning", area, c.certFile, p, ev));
    else if (c.keyMatches === true) out.push(finding("local.cert.ok", "ok", area, c.certFile, p, ev));
    else if (c.keyMatches === undefined)
      out.push(finding("local.cert.ok-key-unchecked", "ok", area, c.certFile, p, ev));
  }
  void now;
  return out;
}

/** Walks a restriction list: does it reach reject/defer_unauth_destination before a bare permit? */
function relayGuard(list: string[]): "guarded" | "open" | "absent" {
  for (const r of list) {
    if (
      r === "reject_unauth_destination" ||
      r === "defer_unauth_destination" ||
      r === "reject" ||
      r === "defer"
    )
      return "guarded";
    if (r === "permit") return "open";
  }
  return "absent";
}

interface Net {
  text: string;
  addr: ipaddr.IPv4 | ipaddr.IPv6;
  bits: number;
}

function parseNets(mynetworks: string): Net[] {
  const out: Net[] = [];
  for (const item of listValue(mynetworks)) {
    if (item.includes(":") && /^[a-z]+:/.test(item) && !item.startsWith("[")) continue; // lookup table
    const clean = item.replace(/^\[|\](?=\/|$)/g, "").replace("]", "");
    try {
      if (clean.includes("/")) {
        const [a, b] = ipaddr.parseCIDR(clean);
        out.push({ text: item, addr: a, bits: b });
      } else {
        const a = ipaddr.parse(clean);
        out.push({ text: item, addr: a, bits: a.kind() === "ipv4" ? 32 : 128 });
      }
    } catch {
      // a host name or pattern: not judged
    }
  }
  return out;
}

function contains(net: Net, ip: string): boolean {
  try {
    const a = ipaddr.process(ip);
    return a.kind() === net.addr.kind() && a.match(net.addr, net.bits);
  } catch {
    return false;
  }
}

function isLoopback(net: Net): boolean {
  return net.addr.range() === "loopback";
}

function relayFindings(cfg: PostfixConfigEvidence, svc: SmtpdService): Finding[] {
  const out: Finding[] = [];
  const subject = `${svc.name} (${cfg.source})`;
  const relay = listValue(svc.settings.smtpd_relay_restrictions ?? "");
  const rcpt = listValue(svc.settings.smtpd_recipient_restrictions ?? "");
  const guard = relay.length ? relayGuard(relay) : "absent";
  const guard2 = guard === "absent" ? relayGuard(rcpt) : guard;
  if (guard2 !== "guarded") {
    out.push(
      finding("local.postfix.relay.open", "critical", "postfix", subject, {
        service: svc.name,
        relay: relay.join(", ") || "-",
        recipient: rcpt.join(", ") || "-",
      }),
    );
    return out;
  }
  const chain = relay.length ? relay : rcpt;
  const stop = chain.findIndex((r) => r === "reject_unauth_destination" || r === "defer_unauth_destination");
  const guardedOk = finding("local.postfix.relay.ok", "ok", "postfix", subject, {
    service: svc.name,
    relay: chain.join(", "),
  });
  if (!chain.slice(0, stop < 0 ? chain.length : stop).includes("permit_mynetworks")) return [guardedOk];
  const mynetworks = svc.settings.mynetworks ?? cfg.effective.mynetworks ?? "";
  const nets = parseNets(mynetworks);
  for (const n of nets) {
    const size = n.addr.kind() === "ipv4" ? 32 - n.bits : 128 - n.bits;
    if (n.bits === 0) {
      out.push(
        finding("local.postfix.relay.open", "critical", "postfix", subject, {
          service: svc.name,
          relay: `permit_mynetworks with mynetworks ${n.text}`,
          recipient: rcpt.join(", ") || "-",
        }),
      );
      continue;
    }
    const listensInside =
      svc.address !== undefined &&
      svc.address !== "127.0.0.1" &&
      svc.address !== "::1" &&
      contains(n, svc.address);
    const wide = n.addr.kind() === "ipv4" ? size > 8 : size > 64;
    if (listensInside && size > 0) {
      out.push(
        finding(
          "local.postfix.relay.mynetworks-listener",
          "error",
          "postfix",
          subject,
          {
            service: svc.name,
            network: n.text,
            address: svc.address ?? "",
            hosts: n.addr.kind() === "ipv4" ? 2 ** size : `2^${size}`,
          },
          [
            text("relay restrictions", [
              `smtpd_relay_restrictions = ${relay.join(", ")}`,
              `mynetworks = ${mynetworks}`,
            ]),
          ],
        ),
      );
    } else if (wide && !isLoopback(n)) {
      out.push(
        finding("local.postfix.relay.mynetworks-wide", "warning", "postfix", subject, {
          service: svc.name,
          network: n.text,
          hosts: n.addr.kind() === "ipv4" ? 2 ** size : `2^${size}`,
        }),
      );
    }
  }
  return out.length ? out : [guardedOk];
}

function weakProtocols(v: string): boolean {
  const s = v.replace(/\s/g, "");
  if (!s) return true;
  if (s.startsWith(">=")) return s === ">=TLSv1" || s === ">=TLSv1.1" || s.startsWith(">=SSL");
  // exclusion syntax: old protocols allowed unless excluded
  return !(s.includes("!TLSv1,") || s.endsWith("!TLSv1")) || !s.includes("!TLSv1.1");
}

/** Postfix configuration: TLS both sides, AUTH, relay, limits, custom ports, certificates. */
export function postfixFindings(
  cfg: PostfixConfigEvidence,
  now: Date,
  th: LocalThresholds = DEFAULT_LOCAL_THRESHOLDS,
): Finding[] {
  const out: Finding[] = [];
  const e = cfg.effective;
  const A = "postfix";
  out.push(
    finding("local.postfix.summary", "ok", A, cfg.source, {
      services: cfg.services.map((s) => s.name).join(", ") || "-",
      explicit: Object.keys(cfg.explicit).length,
    }),
  );
  for (const svc of cfg.services) {
    const s = svc.settings;
    const subject = `${svc.name} (${cfg.source})`;
    const wrapper = s.smtpd_tls_wrappermode === "yes";
    const level = s.smtpd_tls_security_level ?? "";
    if (!wrapper && (level === "" || level === "none")) {
      out.push(
        finding("local.postfix.tls.inbound-off", svc.port === 25 ? "warning" : "error", A, subject, {
          service: svc.name,
        }),
      );
    }
    if (
      s.smtpd_sasl_auth_enable === "yes" &&
      !wrapper &&
      level !== "encrypt" &&
      s.smtpd_tls_auth_only !== "yes"
    ) {
      out.push(finding("local.postfix.auth.plaintext", "error", A, subject, { service: svc.name }));
    }
    if ((wrapper || (level !== "" && level !== "none")) && weakProtocols(s.smtpd_tls_protocols ?? "")) {
      const mandatory = wrapper || level === "encrypt" || svc.port !== 25;
      out.push(
        finding("local.postfix.tls.old-protocols", mandatory ? "warning" : "info", A, subject, {
          service: svc.name,
          protocols: s.smtpd_tls_protocols || "(default)",
        }),
      );
    }
    out.push(...relayFindings(cfg, svc));
    if (svc.port !== undefined && ![25, 465, 587].includes(svc.port))
      out.push(
        finding("local.postfix.port.custom", "info", A, subject, { service: svc.name, port: svc.port }),
      );
  }
  const out_level = e.smtp_tls_security_level ?? "";
  if (out_level === "" || out_level === "none")
    out.push(finding("local.postfix.tls.outbound-off", "warning", A, cfg.source, {}));
  const size = Number(e.message_size_limit ?? "10240000");
  if (size === 0) out.push(finding("local.postfix.size.unlimited", "warning", A, cfg.source, {}));
  else if (size < 10_000_000)
    out.push(
      finding("local.postfix.size.small", "info", A, cfg.source, {
        bytes: size,
        mb: Math.round(size / 1e5) / 10,
      }),
    );
  const life = postfixDuration(e.maximal_queue_lifetime || "5d", "d");
  if (Number.isFinite(life) && life < 86400)
    out.push(
      finding("local.postfix.queue-lifetime.short", "warning", A, cfg.source, {
        value: e.maximal_queue_lifetime ?? "",
      }),
    );
  else if (Number.isFinite(life) && life > 7 * 86400)
    out.push(
      finding("local.postfix.queue-lifetime.long", "info", A, cfg.source, {
        value: e.maximal_queue_lifetime ?? "",
      }),
    );
  const rate = Number(e.smtpd_client_connection_rate_limit || "0");
  const authRate = Number(e.smtpd_client_auth_rate_limit || "0");
  const msgRate = Number(e.smtpd_client_message_rate_limit || "0");
  if (rate === 0 && authRate === 0 && msgRate === 0)
    out.push(
      finding("local.postfix.rate-limits.none", "info", A, cfg.source, {
        count: e.smtpd_client_connection_count_limit || "50",
      }),
    );
  out.push(
    finding("local.postfix.limits", "info", A, cfg.source, {
      process: e.default_process_limit || "100",
      smtpd:
        cfg.services
          .map((s) => `${s.name}=${s.maxproc === "-" ? e.default_process_limit || "100" : s.maxproc}`)
          .join(", ") || "-",
      size: e.message_size_limit ?? "",
      lifetime: e.maximal_queue_lifetime ?? "",
      rate: `${rate}/${msgRate}/${authRate}`,
    }),
  );
  out.push(...certFindings(cfg.certificates, A, now, th));
  return out;
}

/** Dovecot: ssl, plaintext authentication, protocols, certificates. */
export function dovecotFindings(
  d: DovecotEvidence,
  now: Date,
  th: LocalThresholds = DEFAULT_LOCAL_THRESHOLDS,
): Finding[] {
  const out: Finding[] = [];
  const s = d.settings;
  const A = "dovecot";
  const ssl = s.ssl ?? "yes";
  out.push(
    finding("local.dovecot.summary", "ok", A, d.source, {
      ssl,
      listeners:
        d.listeners
          .map((l) => `${l.name} ${l.address || "*"}:${l.port}${l.ssl ? " (ssl)" : ""}`)
          .join(", ") || "-",
    }),
  );
  if (ssl === "no") out.push(finding("local.dovecot.ssl.off", "error", A, d.source));
  const plain = s.disable_plaintext_auth === "no" || s.auth_allow_cleartext === "yes";
  if (plain && ssl !== "required")
    out.push(
      finding("local.dovecot.plaintext-auth", "warning", A, d.source, {
        setting:
          s.auth_allow_cleartext !== undefined
            ? `auth_allow_cleartext = ${s.auth_allow_cleartext}`
            : `disable_plaintext_auth = ${s.disable_plaintext_auth}`,
      }),
    );
  const min = s.ssl_min_protocol ?? "";
  if (min === "TLSv1" || min === "TLSv1.1" || min.startsWith("SSL"))
    out.push(finding("local.dovecot.tls.old", "warning", A, d.source, { value: min }));
  out.push(...certFindings(d.certificates, A, now, th));
  return out;
}

/** Firewall rules that touch mail ports. */
export function firewallFindings(f: FirewallEvidence): Finding[] {
  const out: Finding[] = [];
  const A = "firewall";
  out.push(
    finding("local.firewall.rules", "info", A, f.source, { count: f.rules.length }, [
      text(f.source, f.rules.map((r) => r.rule).slice(0, 50)),
    ]),
  );
  for (const dir of ["input", "output"] as const) {
    const first = new Map<number, string>();
    for (const r of f.rules.filter((x) => x.direction === dir))
      for (const p of r.ports) if (!first.has(p)) first.set(p, r.action);
    for (const [port, action] of first) {
      if (action === "drop" || action === "reject")
        out.push(
          finding(
            dir === "input" ? "local.firewall.inbound-blocked" : "local.firewall.outbound-blocked",
            "warning",
            A,
            `port ${port}`,
            { port, action },
          ),
        );
    }
  }
  return out;
}

function ownerText(owner: SocketOwner | null): string {
  if (!owner) return "owner not visible";
  const shared = owner.sharedCount ?? 0;
  return `${owner.command}[${owner.pid}]${shared > 0 ? ` (+${shared} sharing it)` : ""}`;
}
