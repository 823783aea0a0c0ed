import type { Diagnostic, DeliveryStatus, MailEvent, RejectAction } from "./events.js";
import { internalize } from "./bounded.js";
import { parsePeer } from "./events.js";
import type { SyslogLine } from "./line.js";

/**
 * Postfix daemons (the last part of `syslog_name/.../daemon`), each mapped to its name as a literal:
 * literals are internalised strings, so the many `daemon === "smtpd"` tests per line compare pointers.
 */
const DAEMONS = new Map(
  [
    "smtpd",
    "smtp",
    "lmtp",
    "local",
    "virtual",
    "pipe",
    "error",
    "retry",
    "discard",
    "qmgr",
    "cleanup",
    "pickup",
    "bounce",
    "defer",
    "trace",
    "postscreen",
    "dnsblog",
    "tlsproxy",
    "master",
    "postsuper",
    "postqueue",
    "postdrop",
    "sendmail",
    "anvil",
    "scache",
    "tlsmgr",
    "trivial-rewrite",
    "verify",
    "flush",
    "showq",
    "proxymap",
    "postfix-script",
    "postlogd",
    "postmap",
    "postalias",
    "postconf",
    "postfix",
    "oqmgr",
    "spawn",
    "relay",
    "policy-spf",
  ].map((d) => [d, d]),
);

const DELIVERY_AGENTS = new Set([
  "smtp",
  "lmtp",
  "local",
  "virtual",
  "pipe",
  "error",
  "retry",
  "discard",
  "relay",
]);

/** The classified content of one Postfix line. */
export interface PostfixLine {
  daemon: string;
  /** `syslog_name` path without the daemon, e.g. `postfix/submission`. */
  service: string;
  event: MailEvent;
  diagnostic?: Diagnostic;
}

const OTHER: MailEvent = { kind: "other" };

/** The daemon of a program name when it is a Postfix one (`postfix/submission/smtpd` -> `smtpd`). */
const daemonCache = new Map<string, string | null>();

export function postfixDaemon(program: string): string | undefined {
  const hit = daemonCache.get(program);
  if (hit !== undefined) return hit ?? undefined;
  const d = daemonOf(program);
  if (daemonCache.size < 10_000) daemonCache.set(internalize(program), d ?? null);
  return d;
}

function daemonOf(program: string): string | undefined {
  const slash = program.lastIndexOf("/");
  if (slash <= 0) return undefined;
  return DAEMONS.get(program.slice(slash + 1));
}

/** Whether `text[0, end)` is a queue id, checked in place. */
function isQueueIdAt(text: string, end: number): boolean {
  if (end < 6 || end > 20) return false;
  let hexUpper = true;
  let upper = false;
  let lower = false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c >= 65 && c <= 90) {
      upper = true;
      if (c > 70) hexUpper = false;
    } else if (c >= 97 && c <= 122) {
      lower = true;
      hexUpper = false;
    } else return false;
  }
  // short ids are upper-case hex; long ids (enable_long_queue_ids) are 10+ mixed-case alphanumerics
  return hexUpper || (end >= 10 && upper && lower);
}

/** Text between `key` (ending in `<`, searched from `from`) and the next `>`; "" when absent. */
function angle(text: string, key: string, from = 0): string {
  const i = text.indexOf(key, from);
  if (i < 0) return "";
  const s = i + key.length;
  const e = text.indexOf(">", s);
  return e < 0 ? text.slice(s) : text.slice(s, e);
}

/** Value of `key=value` up to the next `,` (or end). */
function field(text: string, key: string, from = 0): string {
  const i = text.indexOf(key, from);
  if (i < 0) return "";
  const s = i + key.length;
  const e = text.indexOf(",", s);
  return e < 0 ? text.slice(s) : text.slice(s, e);
}

function parseDelivery(qid: string, rest: string, agent: string): MailEvent {
  // to=<r>, [orig_to=<o>,] relay=R, [conn_use=N,] delay=D, delays=a/b/c/d, dsn=X.Y.Z, status=S (reason)
  const toEnd = rest.indexOf(">, ", 4);
  if (toEnd < 0) return OTHER;
  const to = rest.slice(4, toEnd);
  const tail = rest.slice(toEnd + 3);
  const origTo = tail.startsWith("orig_to=<") ? angle(tail, "orig_to=<") : "";
  const relay = field(tail, "relay=");
  const delay = Number(field(tail, " delay="));
  const dsn = field(tail, " dsn=");
  const st = tail.indexOf(" status=");
  if (st < 0) return OTHER;
  const sp = tail.indexOf(" ", st + 8);
  const word = sp < 0 ? tail.slice(st + 8) : tail.slice(st + 8, sp);
  let reason = sp < 0 ? "" : tail.slice(sp + 1);
  if (reason.startsWith("(") && reason.endsWith(")")) reason = reason.slice(1, -1);
  const status: DeliveryStatus =
    word === "sent" ||
    word === "deferred" ||
    word === "bounced" ||
    word === "expired" ||
    word === "undeliverable"
      ? word
      : "other";
  return {
    kind: "delivery",
    qid,
    to,
    origTo,
    relay,
    delay: Number.isFinite(delay) ? delay : 0,
    dsn,
    status,
    reason,
    agent,
  };
}

/**
 * `reject: RCPT from host[ip]: 554 5.7.1 <x>: Relay access denied; from=<a> to=<b> proto=ESMTP helo=<h>`
 * (also reject_warning/hold/discard, and cleanup's `reject: header Subject: ... from host[ip]; from=<a> ...: 5.7.1 text`).
 */
function parseReject(
  action: RejectAction,
  rest: string,
  daemon: string,
  service: string,
  qid?: string,
): MailEvent {
  const source = daemon === "cleanup" ? "cleanup" : daemon === "postscreen" ? "postscreen" : "smtpd";
  const sp = rest.indexOf(" ");
  const stage = sp < 0 ? rest : rest.slice(0, sp);
  let peer;
  let code = "";
  let dsn = "";
  let text: string;
  const meta = rest.lastIndexOf("; from=<");
  const from = meta >= 0 ? angle(rest, "from=<", meta) : "";
  const to = meta >= 0 ? angle(rest, " to=<", meta) : "";
  if (source === "cleanup") {
    // the reason follows the metadata: "...helo=<h>: 5.7.1 text"
    const colon = meta >= 0 ? rest.indexOf(">: ", meta) : -1;
    text = colon >= 0 ? rest.slice(colon + 3) : rest;
    const fromHost = rest.lastIndexOf(" from ", meta >= 0 ? meta : rest.length);
    if (fromHost > 0) peer = parsePeer(rest.slice(fromHost + 6, meta >= 0 ? meta : undefined));
    const what = rest.slice(0, fromHost > 0 ? fromHost : meta >= 0 ? meta : rest.length);
    if (/^\d\.\d{1,3}\.\d{1,3} /.test(text)) {
      dsn = text.slice(0, text.indexOf(" "));
      text = text.slice(dsn.length + 1);
    }
    text = `${text} (${what})`;
  } else {
    const fromAt = rest.indexOf(" from ");
    const colon = fromAt >= 0 ? rest.indexOf(": ", fromAt) : -1;
    if (fromAt >= 0 && colon > fromAt) peer = parsePeer(rest.slice(fromAt + 6, colon));
    text = colon >= 0 ? rest.slice(colon + 2, meta >= 0 ? meta : undefined) : rest;
    if (text.length > 4 && text.charCodeAt(3) === 32 && isReplyCode(text)) {
      code = text.slice(0, 3);
      text = text.slice(4);
      const ds = text.indexOf(" ");
      if (ds > 0 && isDsnAt(text, ds)) {
        dsn = text.slice(0, ds);
        text = text.slice(ds + 1);
      }
    }
  }
  return { kind: "reject", qid, action, source, service, stage, peer, code, dsn, text, from, to };
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Whether `text` starts with an SMTP reply code: [245] and two digits. */
function isReplyCode(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c === 50 || c === 52 || c === 53) && isDigitAt(text, 1) && isDigitAt(text, 2);
}

/** Whether `text[0, end)` is an enhanced status code: [245].d{1,3}.d{1,3}. */
function isDsnAt(text: string, end: number): boolean {
  const c = text.charCodeAt(0);
  if ((c !== 50 && c !== 52 && c !== 53) || text.charCodeAt(1) !== 46) return false;
  const dot = text.indexOf(".", 2);
  return dot > 2 && dot < end && digitsBetween(text, 2, dot) && digitsBetween(text, dot + 1, end);
}

/** Whether `text[from, to)` is one to three digits. */
function digitsBetween(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let i = from; i < to; i++) if (!isDigitAt(text, i)) return false;
  return true;
}

function tlsDetails(text: string, at: number): { protocol: string; cipher: string } {
  // "...: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) ..."
  const proto = text.indexOf(": ", at);
  const w = text.indexOf(" with cipher ", proto);
  if (proto < 0 || w < 0) return { protocol: "", cipher: "" };
  const cEnd = text.indexOf(" ", w + 13);
  return { protocol: text.slice(proto + 2, w), cipher: text.slice(w + 13, cEnd < 0 ? undefined : cEnd) };
}

const LOST_PREFIXES: [string, "lost" | "timeout" | "too-many-errors" | "pipelining"][] = [
  ["lost connection after ", "lost"],
  ["timeout after ", "timeout"],
  ["too many errors after ", "too-many-errors"],
  ["improper command pipelining after ", "pipelining"],
];

function smtpdEvent(text: string, service: string, pid: number): MailEvent {
  // the first letter picks the one or two prefixes worth testing
  const c0 = text.charCodeAt(0);
  if (c0 === 99 /* c */) {
    return text.startsWith("connect from ")
      ? { kind: "connect", service, client: text.slice(13), pid }
      : OTHER;
  }
  if (c0 === 100 /* d */) {
    if (!text.startsWith("disconnect from ")) return OTHER;
    const end = text.indexOf(" ", 16);
    return { kind: "disconnect", service, client: text.slice(16, end < 0 ? undefined : end), pid };
  }
  if (c0 === 108 /* l */ || c0 === 116 /* t */ || c0 === 105 /* i */) return lostEvent(text, service);
  return tlsEvent(text, service, pid);
}

function lostEvent(text: string, service: string): MailEvent {
  for (const [prefix, what] of LOST_PREFIXES) {
    if (text.startsWith(prefix)) {
      const sp = text.indexOf(" from ", prefix.length);
      if (sp < 0) return OTHER;
      const stage = text.slice(prefix.length, sp);
      const end = text.indexOf(": ", sp);
      return {
        kind: "lost",
        what,
        stage,
        service,
        peer: parsePeer(text.slice(sp + 6, end < 0 ? undefined : end)),
      };
    }
  }
  return OTHER;
}

function tlsEvent(text: string, service: string, pid: number): MailEvent {
  const tls = text.indexOf(" TLS connection established from ");
  if (tls > 0 && tls < 12) {
    const end = text.indexOf(": ", tls + 33);
    const { protocol, cipher } = tlsDetails(text, tls + 33);
    return {
      kind: "tls-in",
      service,
      client: text.slice(tls + 33, end),
      protocol,
      cipher,
      trust: text.slice(0, tls),
      pid,
    };
  }
  if (text.startsWith("SSL_accept error from ")) {
    const end = text.indexOf(": ", 22);
    return {
      kind: "tls-fail",
      direction: "in",
      peer: text.slice(22, end < 0 ? undefined : end),
      text: end < 0 ? "" : text.slice(end + 2),
    };
  }
  return OTHER;
}

function postscreenEvent(text: string): MailEvent {
  const sp = text.indexOf(" ");
  const word = sp < 0 ? text : text.slice(0, sp);
  let what = word;
  if (word === "PASS" || word === "COMMAND" || word === "NON-SMTP" || word === "BARE" || word === "DNSBL") {
    const sp2 = text.indexOf(" ", sp + 1);
    what = text.slice(0, sp2 < 0 ? undefined : sp2);
  }
  const open = text.indexOf("[");
  const close = text.indexOf("]", open);
  const ip = open >= 0 && close > open ? text.slice(open + 1, close) : "";
  return { kind: "postscreen", what, ip, detail: text };
}

/** The actions that begin with a letter (by char code), to test only those. */
const ACTIONS_BY_LETTER = new Map<number, RejectAction[]>();
for (const action of ["reject", "reject_warning", "hold", "discard", "milter-reject"] as const) {
  const list = ACTIONS_BY_LETTER.get(action.charCodeAt(0)) ?? [];
  list.push(action);
  ACTIONS_BY_LETTER.set(action.charCodeAt(0), list);
}

/**
 * Classifies one Postfix line (already split by parseSyslogLine); undefined when the program is not a
 * Postfix daemon.
 *
 * @example
 *   classifyPostfix({ ts, host: "mail", program: "postfix/qmgr", pid: 7, text: "1A2B3C: removed" })
 *   // { daemon: "qmgr", service: "postfix", event: { kind: "removed", qid: "1A2B3C", by: "qmgr" } }
 */
export function classifyPostfix(line: SyslogLine): PostfixLine | undefined {
  const daemon = postfixDaemon(line.program);
  if (!daemon) return undefined;
  const service = line.program;
  let text = line.text;
  let qid: string | undefined;
  // "QUEUEID: rest" or "NOQUEUE: rest": the first word ends with a colon (no scan of the whole line)
  const sp = text.indexOf(" ");
  if (sp > 6 && sp <= 21 && text.charCodeAt(sp - 1) === 58) {
    if (sp === 8 && text.startsWith("NOQUEUE")) {
      text = text.slice(9);
    } else if (isQueueIdAt(text, sp - 1)) {
      qid = text.slice(0, sp - 1);
      text = text.slice(sp + 1);
    }
  }
  let diagnostic: Diagnostic | undefined;
  const c0 = text.charCodeAt(0);
  // w(arning) e(rror) f(atal) p(anic): test the prefixes only when the first letter can match
  if (qid === undefined && (c0 === 119 || c0 === 101 || c0 === 102 || c0 === 112)) {
    for (const level of ["warning", "error", "fatal", "panic"] as const) {
      if (
        text.startsWith(level) &&
        text.charCodeAt(level.length) === 58 &&
        text.charCodeAt(level.length + 1) === 32
      ) {
        text = text.slice(level.length + 2);
        diagnostic = { level, daemon, text };
        break;
      }
    }
  }
  const event = classifyText(daemon, service, text, qid, line.pid, diagnostic !== undefined);
  return diagnostic ? { daemon, service, event, diagnostic } : { daemon, service, event };
}

function classifyText(
  daemon: string,
  service: string,
  text: string,
  qid: string | undefined,
  pid: number,
  isDiag: boolean,
): MailEvent {
  // actions logged by smtpd, cleanup, postscreen: "reject: ...", "hold: ...", ...
  const c0 = text.charCodeAt(0);
  const actor = daemon === "smtpd" || daemon === "cleanup" || daemon === "postscreen";
  const actions = actor ? ACTIONS_BY_LETTER.get(c0) : undefined;
  if (actions !== undefined) {
    for (const action of actions) {
      if (
        text.startsWith(action) &&
        text.charCodeAt(action.length) === 58 &&
        text.charCodeAt(action.length + 1) === 32
      )
        return parseReject(action, text.slice(action.length + 2), daemon, service, qid);
    }
  }
  // cleanup's header/body "WARN" action: a reject warning in pflogsumm's terms
  if (daemon === "cleanup" && qid !== undefined && text.startsWith("warning: "))
    return parseReject("reject_warning", text.slice(9), daemon, service, qid);
  if (isDiag) {
    // "warning: host[ip]: SASL LOGIN authentication failed: ..."
    const sasl = text.indexOf(": SASL ");
    if (sasl > 0 && daemon === "smtpd") {
      const failed = text.indexOf(" authentication failed", sasl);
      if (failed > 0) {
        return {
          kind: "sasl-fail",
          peer: parsePeer(text.slice(0, sasl)),
          method: text.slice(sasl + 7, failed),
          user: field(text, "sasl_username=", failed),
        };
      }
    }
    if (text.startsWith("TLS library problem"))
      return { kind: "tls-fail", direction: daemon === "smtpd" ? "in" : "out", peer: "", text };
    return OTHER;
  }
  if (qid !== undefined) {
    if (DELIVERY_AGENTS.has(daemon) && text.startsWith("to=<")) return parseDelivery(qid, text, daemon);
    switch (daemon) {
      case "qmgr":
      case "oqmgr":
        if (text === "removed") return { kind: "removed", qid, by: daemon };
        if (text.startsWith("from=<")) {
          const sender = angle(text, "from=<");
          // the rest follows the sender: "from=<s>, size=N, nrcpt=N (queue active)"
          const after = 6 + sender.length;
          if (text.indexOf(", status=expired", after) > 0) return { kind: "expired", qid, sender };
          const size = Number(field(text, ", size=", after));
          const nrcpt = Number.parseInt(field(text, ", nrcpt=", after), 10);
          if (!Number.isFinite(size)) return OTHER;
          return { kind: "queued", qid, sender, size, nrcpt: Number.isFinite(nrcpt) ? nrcpt : 0 };
        }
        return OTHER;
      case "smtpd":
        if (text.startsWith("client=")) {
          const comma = text.indexOf(", ", 7);
          const client = text.slice(7, comma < 0 ? undefined : comma);
          const user = comma < 0 ? "" : field(text, "sasl_username=", comma);
          return user
            ? { kind: "received", qid, service, client, saslUser: user, pid }
            : { kind: "received", qid, service, client, pid };
        }
        return OTHER;
      case "pickup":
        if (text.startsWith("uid=") || text.startsWith("sender="))
          return { kind: "pickup", qid, sender: angle(text, "from=<") };
        return OTHER;
      case "postsuper":
        if (text === "removed") return { kind: "removed", qid, by: "postsuper" };
        if (text === "placed on hold") return { kind: "hold", qid, on: true };
        if (text === "released from hold") return { kind: "hold", qid, on: false };
        return OTHER;
      case "bounce":
      case "defer":
      case "trace": {
        const n = text.indexOf(" notification: ");
        if (n > 0) return { kind: "notification", qid, newQid: text.slice(n + 15), what: text.slice(0, n) };
        return OTHER;
      }
      case "smtp":
      case "lmtp":
        return OTHER;
      default:
        return OTHER;
    }
  }
  switch (daemon) {
    case "smtpd":
      return smtpdEvent(text, service, pid);
    case "smtp":
    case "lmtp": {
      const tls = text.indexOf(" TLS connection established to ");
      if (tls > 0 && tls < 12) {
        const end = text.indexOf(": ", tls + 31);
        const { protocol, cipher } = tlsDetails(text, tls + 31);
        return {
          kind: "tls-out",
          host: text.slice(tls + 31, end),
          protocol,
          cipher,
          trust: text.slice(0, tls),
        };
      }
      if (text.startsWith("connect to ")) {
        const end = text.indexOf(": ", 11);
        return end < 0
          ? OTHER
          : { kind: "outbound-error", host: text.slice(11, end), text: text.slice(end + 2) };
      }
      return OTHER;
    }
    case "postscreen":
      return postscreenEvent(text);
    case "dnsblog": {
      // addr 192.0.2.1 listed by domain zen.spamhaus.org as 127.0.0.2
      if (!text.startsWith("addr ")) return OTHER;
      const by = text.indexOf(" listed by domain ");
      if (by < 0) return OTHER;
      const as = text.indexOf(" ", by + 18);
      return { kind: "dnsbl-hit", ip: text.slice(5, by), list: text.slice(by + 18, as < 0 ? undefined : as) };
    }
    case "master":
      return { kind: "master", text };
    default:
      return OTHER;
  }
}
