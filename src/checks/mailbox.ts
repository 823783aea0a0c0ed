import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type Finding, type FindingParams } from "../core/finding.js";
import type { Severity } from "../core/severity.js";
import type { MailboxSessionEvidence } from "../probes/servers-evidence.js";
import { sessionSubject, transcriptBlock } from "./smtp.js";

const REFS = {
  imap: ["RFC 9051 §6.2.1", "RFC 9051 §6.2.3", "RFC 8314 §3.3"],
  pop3: ["RFC 2595 §4", "RFC 2449", "RFC 8314 §3.3"],
};

/**
 * Whether the capabilities seen before TLS let a client send a password in clear:
 * IMAP without LOGINDISABLED (LOGIN is always available otherwise) or with AUTH=PLAIN/LOGIN;
 * POP3 with USER or SASL PLAIN/LOGIN.
 *
 * @example
 *   plaintextLogin("imap", ["IMAP4REV1", "STARTTLS", "LOGINDISABLED"]) // false
 */
export function plaintextLogin(protocol: "imap" | "pop3", caps: readonly string[]): boolean {
  if (protocol === "imap")
    return !caps.includes("LOGINDISABLED") || caps.includes("AUTH=PLAIN") || caps.includes("AUTH=LOGIN");
  const sasl =
    caps
      .find((c) => c.startsWith("SASL"))
      ?.split(/\s+/)
      .slice(1) ?? [];
  return caps.includes("USER") || sasl.includes("PLAIN") || sasl.includes("LOGIN");
}

function tlsParams(t: NonNullable<MailboxSessionEvidence["implicitTls"]>): FindingParams {
  return {
    protocol: t.protocol ?? "",
    cipher: t.cipher ?? "",
    verified: t.authorized ? "yes" : `no (${t.authorizationError ?? "unknown"})`,
  };
}

/** Judges one IMAP or POP3 session. `portScanned`: the port scan already reported a failed connect. */
export function judgeMailboxSession(s: MailboxSessionEvidence, portScanned: boolean): Finding[] {
  const out: Finding[] = [];
  const p = s.protocol;
  const block = transcriptBlock(s, p);
  const f = (suffix: string, severity: Severity, params: FindingParams = {}) =>
    out.push(
      finding(
        `${p}.${suffix}`,
        severity,
        p,
        sessionSubject(s),
        { host: s.host, address: s.address, port: s.port, ...params },
        block.lines.length ? [block] : [],
        REFS[p],
      ),
    );
  if (s.connect.state !== "open") {
    if (!portScanned) f("connect.failed", "error", { state: s.connect.state, code: s.connect.code ?? "" });
    return out;
  }
  if (s.implicitTls) {
    if (!s.implicitTls.ok) {
      f("tls.implicit.failed", "error", { error: s.implicitTls.error ?? "" });
      return out;
    }
    f("tls.implicit.ok", "ok", tlsParams(s.implicitTls));
  }
  const fail = s.failure;
  if (!s.greeting) {
    if (fail)
      f("greeting.failed", "error", {
        phase: fail.phase,
        kind: fail.kind,
        message: fail.message,
        sample: fail.sample ?? "",
      });
    return out;
  }
  if (!s.greeting.ok) {
    f("greeting.refused", "error", { text: `${s.greeting.status} ${s.greeting.text}` });
    return out;
  }
  f("greeting.ok", "ok", { text: s.greeting.text.slice(0, 200), ms: Math.round(s.greeting.ms) });
  const caps = s.capabilities ?? [];
  if (s.mode === "starttls") {
    const offered = caps.includes(p === "imap" ? "STARTTLS" : "STLS");
    if (!offered) f("starttls.missing", "error", { capabilities: caps.join(" ") });
    else if (s.starttls && !s.starttls.ok) f("starttls.refused", "error", { text: s.starttls.text });
    else if (s.starttls?.tls && !s.starttls.tls.ok)
      f("starttls.failed", "error", { error: s.starttls.tls.error ?? "" });
    else if (s.starttls?.tls?.ok) f("starttls.ok", "ok", tlsParams(s.starttls.tls));
    if (s.starttls?.leftover) f("starttls.leftover", "error", { bytes: s.starttls.leftover });
    if (caps.length && plaintextLogin(p, caps))
      f("login.plaintext", "error", { capabilities: caps.join(" ") });
    else if (caps.length) f("login.tls-only", "ok", { capabilities: caps.join(" ") });
  }
  if (fail && !(fail.phase === "handshake" && s.starttls?.tls && !s.starttls.tls.ok)) {
    f(
      fail.kind === "closed" ? "session.dropped" : "session.failed",
      fail.kind === "closed" ? "warning" : "error",
      {
        phase: fail.phase,
        kind: fail.kind,
        message: fail.message,
      },
    );
  }
  return out;
}

/** Every IMAP and POP3 session in the evidence. */
export function checkMailbox(evidence: Evidence): Finding[] {
  const scanned = new Set((evidence.ports?.results ?? []).map((r) => `${r.address}|${r.port}`));
  return (evidence.mailbox?.sessions ?? []).flatMap((s) =>
    judgeMailboxSession(s, scanned.has(`${s.address}|${s.port}`)),
  );
}

export const mailboxCheck: Check = { name: "mailbox", area: "imap", run: checkMailbox };
