import { peerLabel, type MailEvent, type Peer } from "./postfix-log/events.js";

/**
 * Exim's main log as the second supported format:
 *
 *   2026-12-03 19:21:39 1vQxYz-000Abc-De <= alice@example.org H=mx.example.org [192.0.2.1] P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 S=1234
 *   2026-12-03 19:21:40 1vQxYz-000Abc-De => bob@example.net R=dnslookup T=remote_smtp H=mx.example.net [198.51.100.2] C="250 OK" DT=1s
 *   ... == (deferred)  ** (bounced)  -> (another recipient of one delivery)  Completed (removed)
 *
 * Lines are split by the same syslog parser (a `YYYY-MM-DD HH:MM:SS` stamp, or syslog `exim[pid]:`);
 * this module turns the message part into the events Postfix lines produce.
 */

/** `YYYY-MM-DD HH:MM:SS[.fff][ ±hhmm][ [pid]] ` -> [wall ms, text start]; undefined when not Exim's stamp. */
export function parseEximStamp(line: string): [number, number] | undefined {
  if (
    line.length < 21 ||
    line.charCodeAt(4) !== 45 ||
    line.charCodeAt(10) !== 32 ||
    line.charCodeAt(13) !== 58
  )
    return undefined;
  const y = Number(line.slice(0, 4));
  const mo = Number(line.slice(5, 7));
  const d = Number(line.slice(8, 10));
  const h = Number(line.slice(11, 13));
  const mi = Number(line.slice(14, 16));
  const s = Number(line.slice(17, 19));
  if (
    ![y, mo, d, h, mi, s].every(Number.isInteger) ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > 31 ||
    h > 23 ||
    mi > 59 ||
    s > 60
  )
    return undefined;
  let i = 19;
  let ms = 0;
  if (line.charCodeAt(i) === 46) {
    const e = line.indexOf(" ", i);
    ms = Number(`0${line.slice(i, e)}`) * 1000;
    i = e;
  }
  if (line.charCodeAt(i) !== 32) return undefined;
  i++;
  // optional time zone (log_timezone) and [pid] (log_selector +pid)
  if ((line.charCodeAt(i) === 43 || line.charCodeAt(i) === 45) && line.charCodeAt(i + 5) === 32) i += 6;
  if (line.charCodeAt(i) === 91) {
    const e = line.indexOf("] ", i);
    if (e > 0) i = e + 2;
  }
  return [Date.UTC(y, mo - 1, d, h, mi, s) + Math.floor(ms), i];
}

function isEximId(s: string): boolean {
  // classic 1abcDE-0001Ab-Cd (6-6-2), 4.97+ 1abcDE-00000000Ab-0123 (6-11-4)
  const a = s.indexOf("-");
  const b = s.indexOf("-", a + 1);
  if (a !== 6 || b < 0) return false;
  const mid = b - a - 1;
  const end = s.length - b - 1;
  if (!((mid === 6 && end === 2) || (mid === 11 && end === 4))) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c === 45 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/** Value of ` KEY=` up to the next space (quoted values kept whole). */
function opt(text: string, key: string): string {
  const i = text.indexOf(` ${key}=`);
  if (i < 0) return "";
  const s = i + key.length + 2;
  if (text.charCodeAt(s) === 34) {
    const e = text.indexOf('"', s + 1);
    return text.slice(s + 1, e < 0 ? undefined : e);
  }
  const e = text.indexOf(" ", s);
  return text.slice(s, e < 0 ? undefined : e);
}

/** `H=name (helo) [ip]:port` -> Peer. */
function hostPeer(text: string): Peer | undefined {
  const i = text.indexOf(" H=");
  if (i < 0) return undefined;
  const open = text.indexOf("[", i);
  const close = text.indexOf("]", open);
  const nameEnd = text.indexOf(" ", i + 3);
  let name = text.slice(i + 3, nameEnd < 0 ? undefined : nameEnd);
  if (name.startsWith("(") || name.startsWith("[")) name = "unknown";
  return { name, ip: open > 0 && close > open ? text.slice(open + 1, close) : "" };
}

/** Exim durations: `1s`, `0.123s`, `1m2s`, `1h2m3s`, `2d1h`. */
export function eximDuration(s: string): number {
  if (!s) return 0;
  let total = 0;
  let num = "";
  for (const ch of s) {
    if ((ch >= "0" && ch <= "9") || ch === ".") num += ch;
    else {
      const n = Number(num);
      num = "";
      if (!Number.isFinite(n)) return 0;
      total +=
        n *
        (ch === "d" ? 86400 : ch === "h" ? 3600 : ch === "m" ? 60 : ch === "s" ? 1 : ch === "w" ? 604800 : 0);
    }
  }
  return total;
}

function firstToken(s: string): string {
  const e = s.indexOf(" ");
  return e < 0 ? s : s.slice(0, e);
}

/** A peer from `(helo) [ip]:port` or `[ip]` found after `from`. */
function bracketPeer(text: string, at: number): Peer {
  const open = text.indexOf("[", at);
  const close = text.indexOf("]", open);
  return { name: "unknown", ip: open >= 0 && close > open ? text.slice(open + 1, close) : "" };
}

/**
 * The events of one Exim main-log message (the text after the timestamp).
 *
 * @example
 *   classifyExim("1vQxYz-000Abc-De Completed") // [{ kind: "removed", qid: "1vQxYz-000Abc-De", by: "exim" }]
 */
export function classifyExim(text: string): MailEvent[] {
  const sp = text.indexOf(" ");
  const head = sp < 0 ? text : text.slice(0, sp);
  if (isEximId(head)) return messageLine(head, text.slice(sp + 1));
  // lines without a message id: rejects, authentication failures, connection trouble
  const rej = text.indexOf(" rejected ");
  if (rej >= 0 && (text.startsWith("H=") || text.includes(" H="))) {
    const peer = hostPeer(` ${text}`) ?? bracketPeer(text, 0);
    const after = text.slice(rej + 10);
    const stageEnd = after.indexOf(" ");
    let stage = after.slice(0, stageEnd < 0 ? undefined : stageEnd);
    if (stage === "EHLO" || stage === "HELO") stage = "HELO";
    const colon = after.indexOf(": ");
    const reason = colon >= 0 ? after.slice(colon + 2) : after;
    const to = stage === "RCPT" ? firstToken(after.slice(stageEnd + 1)).replace(/^<|>:?$/g, "") : "";
    const from = opt(` ${text}`, "F").replace(/^<|>$/g, "");
    const codeMatch = /^([245]\d\d)[ -]/.exec(reason);
    return [
      {
        kind: "reject",
        action: "reject",
        source: "smtpd",
        service: "exim",
        stage,
        peer,
        code: codeMatch?.[1] ?? "",
        dsn: "",
        text: reason,
        from,
        to,
      },
    ];
  }
  const auth = text.indexOf(" authenticator failed for ");
  if (auth >= 0) {
    const peer = bracketPeer(text, text.indexOf(") ", auth) > 0 ? text.indexOf(") ", auth) : auth);
    const setId = text.indexOf("(set_id=");
    const user = setId >= 0 ? text.slice(setId + 8, text.indexOf(")", setId)) : "";
    return [{ kind: "sasl-fail", peer, method: text.slice(0, auth), user }];
  }
  if (text.startsWith("SMTP connection from ")) {
    const peer = bracketPeer(text, 21);
    const lost = text.indexOf(" lost");
    if (lost > 0 && (text.length === lost + 5 || text.charCodeAt(lost + 5) === 32)) {
      // "lost while reading message data" names the stage; a bare "lost" came before any command
      const w = text.indexOf(" while ", lost);
      const stage = w < 0 ? "CONNECT" : text.includes("message data") ? "DATA" : "command";
      return [{ kind: "lost", what: "lost", stage, service: "exim", peer }];
    }
    return [{ kind: "connect", service: "exim", client: peerLabel(peer), pid: -1 }];
  }
  if (text.startsWith("unexpected disconnection while reading SMTP command from ")) {
    return [{ kind: "lost", what: "lost", stage: "command", service: "exim", peer: bracketPeer(text, 58) }];
  }
  if (text.startsWith("SMTP command timeout on connection from ") || text.startsWith("SMTP data timeout")) {
    return [
      {
        kind: "lost",
        what: "timeout",
        stage: text.startsWith("SMTP data") ? "DATA" : "command",
        service: "exim",
        peer: bracketPeer(text, 20),
      },
    ];
  }
  if (text.startsWith("SMTP protocol synchronization error")) {
    return [
      { kind: "lost", what: "pipelining", stage: "command", service: "exim", peer: bracketPeer(text, 0) },
    ];
  }
  if (text.startsWith("TLS error on connection from ")) {
    const c = text.indexOf("): ");
    return [
      { kind: "tls-fail", direction: "in", peer: "", text: c > 0 ? text.slice(c + 3) : text.slice(29) },
    ];
  }
  return [{ kind: "other" }];
}

function messageLine(qid: string, rest: string): MailEvent[] {
  const flag = rest.slice(0, 2);
  const body = rest.slice(3);
  switch (flag) {
    case "<=": {
      const sender = firstToken(body);
      const size = Number(opt(rest, "S"));
      const proto = opt(rest, "P") || "local";
      const peer = hostPeer(rest);
      const events: MailEvent[] = [];
      if (peer) {
        const tls = opt(rest, "X");
        const client = peerLabel(peer);
        events.push({ kind: "received", qid, service: `exim/${proto}`, client, pid: -1, tls: tls !== "" });
        if (tls) {
          const [protocol = "", cipher = ""] = tls.split(":");
          events.push({
            kind: "tls-in",
            service: `exim/${proto}`,
            client,
            protocol,
            cipher,
            trust: opt(rest, "CV") === "yes" ? "Verified" : "Anonymous",
            pid: -1,
          });
        }
      } else {
        events.push({ kind: "pickup", qid, sender: sender === "<>" ? "" : sender });
      }
      events.push({
        kind: "queued",
        qid,
        sender: sender === "<>" ? "" : sender,
        size: Number.isFinite(size) ? size : 0,
        nrcpt: 0,
      });
      return events;
    }
    case "=>":
    case "->":
    case ">>":
    case "*>": {
      const to = firstToken(body);
      const orig = body.startsWith(`${to} <`)
        ? body.slice(to.length + 2, body.indexOf(">", to.length + 2))
        : "";
      const host = opt(rest, "H");
      const peer = hostPeer(rest);
      const relay = host && peer ? `${peer.name}[${peer.ip}]` : opt(rest, "T") || opt(rest, "R") || "local";
      const delay = eximDuration(opt(rest, "QT") || opt(rest, "DT"));
      const events: MailEvent[] = [
        {
          kind: "delivery",
          qid,
          to,
          origTo: orig,
          relay,
          delay,
          dsn: "2.0.0",
          status: flag === "*>" ? "other" : "sent",
          reason: opt(rest, "C"),
          agent: opt(rest, "T") || "exim",
        },
      ];
      const tls = opt(rest, "X");
      if (tls && peer) {
        const [protocol = "", cipher = ""] = tls.split(":");
        events.push({
          kind: "tls-out",
          host: relay,
          protocol,
          cipher,
          trust: opt(rest, "CV") === "yes" ? "Verified" : "Untrusted",
        });
      }
      return events;
    }
    case "**":
    case "==": {
      const to = firstToken(body);
      const peer = hostPeer(rest);
      const at = to.lastIndexOf("@");
      const relay = peer
        ? `${peer.name}[${peer.ip}]`
        : at >= 0
          ? to.slice(at + 1).toLowerCase()
          : opt(rest, "T") || "none";
      let reason = "";
      const d = flag === "==" ? body.indexOf(" defer (") : -1;
      if (d >= 0) {
        const e = body.indexOf("): ", d);
        reason = e >= 0 ? body.slice(e + 3) : body.slice(d + 1);
      } else {
        const c = body.indexOf(": ");
        reason = c >= 0 ? body.slice(c + 2) : body;
      }
      const code = /\b([245])\d\d[ -]([245]\.\d{1,3}\.\d{1,3})?/.exec(reason);
      const dsn = code?.[2] ?? (flag === "==" ? "4.0.0" : "5.0.0");
      const delay = eximDuration(opt(rest, "QT") || opt(rest, "DT"));
      return [
        {
          kind: "delivery",
          qid,
          to,
          origTo: "",
          relay,
          delay,
          dsn,
          status: flag === "==" ? "deferred" : "bounced",
          reason,
          agent: opt(rest, "T") || "exim",
        },
      ];
    }
    default:
      break;
  }
  if (rest === "Completed" || rest.startsWith("Completed ")) return [{ kind: "removed", qid, by: "exim" }];
  if (rest.startsWith("Message is frozen") || rest.startsWith("Frozen"))
    return [{ kind: "hold", qid, on: true }];
  if (rest.startsWith("Unfrozen") || rest.startsWith("unfrozen")) return [{ kind: "hold", qid, on: false }];
  if (rest.startsWith("removed by ") || rest.startsWith("Message removed"))
    return [{ kind: "removed", qid, by: "exim-admin" }];
  if (rest.startsWith("H=") && rest.includes(" rejected after DATA")) {
    const peer = hostPeer(` ${rest}`);
    const c = rest.indexOf(": ", rest.indexOf(" rejected after DATA"));
    return [
      {
        kind: "reject",
        qid,
        action: "reject",
        source: "smtpd",
        service: "exim",
        stage: "DATA",
        peer,
        code: "",
        dsn: "",
        text: c > 0 ? rest.slice(c + 2) : rest,
        from: "",
        to: "",
      },
    ];
  }
  return [{ kind: "other" }];
}
