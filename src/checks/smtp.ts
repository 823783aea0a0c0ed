import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type EvidenceBlock, type Finding, type FindingParams } from "../core/finding.js";
import type { Severity } from "../core/severity.js";
import { formatTranscript } from "../net/wire-session.js";
import type { ReplyEvidence, SmtpSessionEvidence } from "../probes/servers-evidence.js";
import { diffCapabilities, PLAINTEXT_MECHANISMS } from "../standards/smtp-ehlo.js";

/** A banner later than this is reported as delayed (tarpit, postscreen greet pause, overload). */
export const SLOW_BANNER_MS = 3000;
/** A SIZE limit below this refuses ordinary attachments (10 MB is the common default). */
export const SMALL_SIZE_LIMIT = 10_000_000;

/** Extensions every modern MX offers; their absence slows or breaks some mail. */
const EXPECTED_EXTENSIONS = ["PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8"] as const;

/** `mail.example.com[192.0.2.1]:25`, the subject of a session's findings. */
export function sessionSubject(s: { host: string; address: string; port: number }): string {
  if (s.host !== s.address) return `${s.host}[${s.address}]:${s.port}`;
  return s.address.includes(":") ? `[${s.address}]:${s.port}` : `${s.address}:${s.port}`;
}

export function transcriptBlock(
  s:
    | SmtpSessionEvidence
    | {
        host: string;
        address: string;
        port: number;
        transcript: SmtpSessionEvidence["transcript"];
        omitted: number;
      },
  kind: EvidenceBlock["kind"] = "smtp",
): EvidenceBlock {
  return { kind, label: sessionSubject(s), lines: formatTranscript(s.transcript, s.omitted) };
}

export const replyText = (r: ReplyEvidence | undefined): string =>
  r ? `${r.code} ${r.lines.join(" / ")}`.slice(0, 300) : "";

const isSubmission = (port: number) => port === 587 || port === 465 || port === 2525;

/** Banner code, timing and name (RFC 5321 §3.1, §4.3.2, §4.5.3.2). */
function bannerFindings(s: SmtpSessionEvidence, f: Emit): boolean {
  const b = s.banner;
  if (!b) {
    const fail = s.failure;
    if (!fail || (fail.phase !== "banner" && fail.phase !== "tls")) return false;
    if (fail.phase === "tls") return false;
    const id =
      fail.kind === "timeout" || fail.kind === "deadline"
        ? "smtp.banner.timeout"
        : fail.kind === "closed"
          ? "smtp.banner.dropped"
          : "smtp.banner.invalid";
    f(
      id,
      id === "smtp.banner.dropped" ? "warning" : "error",
      { kind: fail.kind, message: fail.message, sample: fail.sample ?? "" },
      ["RFC 5321 §4.5.3.2"],
    );
    return false;
  }
  const params = { code: b.code, text: replyText(b), ms: Math.round(b.ms) };
  if (b.code === 421) {
    f("smtp.banner.busy", "warning", params, ["RFC 5321 §3.8"]);
    return false;
  }
  if (b.code === 554) {
    f("smtp.banner.refused", "error", params, ["RFC 5321 §3.1"]);
    return false;
  }
  if (b.code !== 220) {
    f("smtp.banner.unexpected", "error", params, ["RFC 5321 §4.2.3"]);
    return false;
  }
  if (b.firstLineMs !== undefined && b.ms > SLOW_BANNER_MS) {
    f("smtp.banner.greet-pause", "info", { ...params, first: Math.round(b.firstLineMs) }, [
      "RFC 5321 §4.5.3.2.1",
    ]);
    bannerName(s, f);
    return true;
  }
  f(
    b.ms > SLOW_BANNER_MS ? "smtp.banner.slow" : "smtp.banner.ok",
    b.ms > SLOW_BANNER_MS ? "warning" : "ok",
    { ...params, limit: SLOW_BANNER_MS },
    ["RFC 5321 §4.5.3.2"],
  );
  bannerName(s, f);
  return true;
}

function bannerName(s: SmtpSessionEvidence, f: Emit): void {
  const name = (s.banner?.lines[0] ?? "").trim().split(/\s+/)[0]?.toLowerCase().replace(/\.$/, "") ?? "";
  const ptr = s.ptr?.names ?? [];
  const host = s.host === s.address ? "" : s.host.toLowerCase();
  const params = { bannerName: name || "(none)", host: host || s.address, ptr: ptr.join(", ") || "(none)" };
  if (name && (name === host || ptr.includes(name)))
    f("smtp.banner.name.match", "ok", params, ["RFC 5321 §4.3.1"]);
  else f("smtp.banner.name.mismatch", "info", params, ["RFC 5321 §4.3.1"]);
}

function ehloFindings(s: SmtpSessionEvidence, f: Emit): void {
  const e = s.ehlo;
  if (!e) return;
  if (e.command === "HELO") {
    if (e.reply.code === 250)
      f("smtp.ehlo.refused", "warning", { ehlo: replyText(e.ehloRefused), helo: replyText(e.reply) }, [
        "RFC 5321 §4.1.1.1",
      ]);
    else
      f(
        "smtp.helo.refused",
        "error",
        { ehlo: replyText(e.ehloRefused), helo: replyText(e.reply), name: s.ehloName },
        ["RFC 5321 §4.1.4"],
      );
    return;
  }
  const c = e.capabilities;
  if (!c) return;
  const list = [
    ...c.keywords.filter((k) => k !== "AUTH"),
    ...(c.auth.length ? [`AUTH ${c.auth.join(" ")}`] : []),
  ];
  f("smtp.ehlo.capabilities", "info", { capabilities: list.join(", ") || "(none)" }, ["RFC 5321 §4.1.1.1"]);
  if (s.port === 25) {
    const missing = EXPECTED_EXTENSIONS.filter((k) => !c.keywords.includes(k));
    if (missing.length)
      f("smtp.ehlo.missing-extensions", "info", { missing: missing.join(", ") }, [
        "RFC 2920",
        "RFC 6152",
        "RFC 2034",
        "RFC 6531",
      ]);
  }
  if (c.size !== undefined && c.size > 0 && c.size < SMALL_SIZE_LIMIT)
    f("smtp.size.small", "warning", { size: c.size, mb: (c.size / 1_000_000).toFixed(1) }, ["RFC 1870"]);
}

function starttlsFindings(s: SmtpSessionEvidence, f: Emit): void {
  const c = s.ehlo?.capabilities;
  if (s.mode !== "starttls" || !c || s.ehlo?.command !== "EHLO") return;
  if (!c.starttls) {
    f(
      "smtp.starttls.missing",
      "error",
      { port: s.port },
      s.port === 25 ? ["RFC 3207", "RFC 8461", "RFC 7672"] : ["RFC 3207", "RFC 8314 §3.3"],
    );
    return;
  }
  const st = s.starttls;
  if (!st) return;
  if (st.reply.code !== 220) {
    f(
      st.reply.code === 421 ? "smtp.ratelimited" : "smtp.starttls.refused",
      st.reply.code === 421 ? "warning" : "error",
      { phase: "starttls", reply: replyText(st.reply) },
      ["RFC 3207 §4"],
    );
    return;
  }
  const tls = st.tls;
  if (!tls) return;
  if (!tls.ok) {
    f("smtp.starttls.failed", "error", { error: tls.error ?? "" }, ["RFC 3207 §4.1"]);
    return;
  }
  f("smtp.starttls.ok", "ok", tlsParams(tls), ["RFC 3207"]);
  if (st.leftover) f("smtp.starttls.leftover", "error", { bytes: st.leftover }, ["RFC 3207 §5"]);
  const after = st.ehloAfter;
  if (!after) return;
  if (after.reply.code !== 250 || !after.capabilities) {
    f("smtp.starttls.ehlo-failed", "error", { reply: replyText(after.reply) }, ["RFC 3207 §4.2"]);
    return;
  }
  const diff = diffCapabilities(c, after.capabilities);
  f(
    "smtp.starttls.ehlo-changed",
    "info",
    { added: diff.added.join(", ") || "-", removed: diff.removed.join(", ") || "-" },
    ["RFC 3207 §4.2"],
  );
}

function tlsParams(t: NonNullable<SmtpSessionEvidence["implicitTls"]>): FindingParams {
  return {
    protocol: t.protocol ?? "",
    cipher: t.cipher ?? "",
    verified: t.authorized ? "yes" : `no (${t.authorizationError ?? "unknown"})`,
    ms: t.handshakeMs,
  };
}

function authFindings(s: SmtpSessionEvidence, f: Emit): void {
  const c = s.ehlo?.capabilities;
  if (!c || c.auth.length === 0) return;
  const plain = c.auth.filter((m) => PLAINTEXT_MECHANISMS.has(m));
  if (s.mode === "implicit") return;
  if (c.starttls) {
    f(
      "smtp.auth.before-tls",
      isSubmission(s.port) ? "warning" : "info",
      { mechanisms: c.auth.join(" "), port: s.port },
      ["RFC 4954 §4", "RFC 8314 §3.3"],
    );
  } else if (plain.length) {
    f("smtp.auth.plaintext-without-tls", "error", { mechanisms: plain.join(" "), port: s.port }, [
      "RFC 4954 §4",
      "RFC 4616 §6",
    ]);
  } else {
    f("smtp.auth.without-tls", "warning", { mechanisms: c.auth.join(" "), port: s.port }, ["RFC 4954 §4"]);
  }
}

const positive = (r: ReplyEvidence) => r.code >= 250 && r.code <= 252;
/** 550/551/553 for a user, not a policy refusal (5.7.x is "you may not ask"). */
const userUnknown = (r: ReplyEvidence) =>
  [550, 551, 553].includes(r.code) && !(r.enhanced ?? "").startsWith("5.7.");

function vrfyFindings(s: SmtpSessionEvidence, f: Emit): void {
  const v = s.vrfy;
  // 530 / 5.7.x: VRFY needs TLS or authentication first; from here it tells nothing either way
  const policy = (r: ReplyEvidence) => r.code === 530 || (r.enhanced ?? "").startsWith("5.7.");
  if (v && !policy(v.known)) {
    const params = { known: replyText(v.known), unknown: replyText(v.unknown), user: v.unknownUser };
    if (positive(v.known) && userUnknown(v.unknown))
      f("smtp.vrfy.enumeration", "warning", params, ["RFC 5321 §7.3"]);
    else if (v.known.code === 250 || v.known.code === 251)
      f("smtp.vrfy.discloses", "warning", params, ["RFC 5321 §7.3"]);
    else if (positive(v.known)) f("smtp.vrfy.enabled", "info", params, ["RFC 5321 §3.5.3", "RFC 5321 §7.3"]);
    else f("smtp.vrfy.disabled", "ok", params, ["RFC 5321 §7.3"]);
  }
  if (s.expn && (s.expn.code === 250 || s.expn.code === 251))
    f("smtp.expn.enabled", "warning", { reply: replyText(s.expn) }, ["RFC 5321 §7.3"]);
}

/** 421 or a dropped session: the server limited mxray; features not seen are unknown, not missing. */
function failureFindings(s: SmtpSessionEvidence, f: Emit, bannerSeen: boolean): void {
  if (s.rateLimited && s.rateLimited.phase !== "banner") {
    f("smtp.ratelimited", "warning", { phase: s.rateLimited.phase, reply: replyText(s.rateLimited.reply) }, [
      "RFC 5321 §3.8",
      "RFC 5321 §4.2.2",
    ]);
  }
  const fail = s.failure;
  if (!fail || !bannerSeen) return;
  if (fail.phase === "handshake") return; // reported as smtp.starttls.failed
  const params = { phase: fail.phase, kind: fail.kind, message: fail.message, sample: fail.sample ?? "" };
  if (fail.kind === "closed") f("smtp.session.dropped", "warning", params, ["RFC 5321 §3.8"]);
  else f("smtp.session.failed", "error", params, ["RFC 5321 §4.5.3.2"]);
}

type Emit = (id: string, severity: Severity, params: FindingParams, references?: string[]) => void;

/** Judges one SMTP session. `portScanned`: the port scan already reported a failed connect. */
export function judgeSmtpSession(s: SmtpSessionEvidence, portScanned: boolean): Finding[] {
  const out: Finding[] = [];
  const block = transcriptBlock(s);
  const base = { host: s.host, address: s.address, port: s.port };
  const f: Emit = (id, severity, params, references) =>
    out.push(
      finding(
        id,
        severity,
        "smtp",
        sessionSubject(s),
        { ...base, ...params },
        block.lines.length ? [block] : [],
        references,
      ),
    );
  if (s.skipped) {
    f("smtp.session.skipped", "warning", {});
    return out;
  }
  if (s.connect.state !== "open") {
    if (!portScanned)
      f("smtp.connect.failed", "error", {
        state: s.connect.state,
        code: s.connect.code ?? "",
        ms: s.connect.ms,
      });
    return out;
  }
  if (s.implicitTls) {
    if (s.implicitTls.ok) f("smtp.tls.implicit.ok", "ok", tlsParams(s.implicitTls), ["RFC 8314 §3.3"]);
    else {
      f("smtp.tls.implicit.failed", "error", { error: s.implicitTls.error ?? "" }, ["RFC 8314 §3.3"]);
      return out;
    }
  }
  const bannerSeen = bannerFindings(s, f);
  if (bannerSeen) {
    ehloFindings(s, f);
    starttlsFindings(s, f);
    authFindings(s, f);
    vrfyFindings(s, f);
  }
  failureFindings(s, f, bannerSeen);
  return out;
}

/** Every SMTP session in the evidence. */
export function checkSmtp(evidence: Evidence): Finding[] {
  const sessions = evidence.smtp?.sessions ?? [];
  const scanned = new Set((evidence.ports?.results ?? []).map((r) => `${r.address}|${r.port}`));
  return sessions.flatMap((s) => judgeSmtpSession(s, scanned.has(`${s.address}|${s.port}`)));
}

export const smtpCheck: Check = { name: "smtp", area: "smtp", run: checkSmtp };
