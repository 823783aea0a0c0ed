import { imapCapabilities, imapCommand, IMAP_MAX_LINE, readImapGreeting } from "../net/imap-client.js";
import { WireFailure } from "../net/line-reader.js";
import { pop3Capa, pop3Command, POP3_MAX_LINE, readPop3Status } from "../net/pop3-client.js";
import { connectTcp } from "../net/tcp.js";
import { WireSession } from "../net/wire-session.js";
import type { MailboxSessionEvidence } from "./servers-evidence.js";
import { handshakeFacts, tlsServerName } from "./smtp.js";

export interface MailboxProbeOptions {
  protocol: "imap" | "pop3";
  host: string;
  address: string;
  port: number;
  /** `implicit` for 993/995, `starttls` for 143/110. */
  mode: "starttls" | "implicit";
  timeoutMs: number;
  sessionTimeoutMs?: number;
  signal?: AbortSignal;
  extraCa?: string[];
}

/**
 * One IMAP or POP3 session: greeting, capabilities, STARTTLS/STLS with the handshake and the
 * capabilities again, LOGOUT/QUIT. It never logs in: whether a plaintext login would be accepted is
 * read from the capabilities (LOGINDISABLED, USER, SASL mechanisms).
 *
 * @example
 *   const ev = await probeMailbox({ protocol: "imap", host: "mail.example.com", address: "192.0.2.1",
 *     port: 143, mode: "starttls", timeoutMs: 5000 });
 *   ev.capabilities?.includes("LOGINDISABLED");
 */
export async function probeMailbox(o: MailboxProbeOptions): Promise<MailboxSessionEvidence> {
  const ev: MailboxSessionEvidence = {
    protocol: o.protocol,
    host: o.host,
    address: o.address,
    port: o.port,
    mode: o.mode,
    connect: { state: "error", ms: 0 },
    phases: {},
    transcript: [],
    omitted: 0,
  };
  const t0 = performance.now();
  const c = await connectTcp(o.address, o.port, { timeoutMs: o.timeoutMs, signal: o.signal });
  ev.phases.connect = c.state === "open" ? c.connectMs : c.elapsedMs;
  if (c.state !== "open") {
    ev.connect = { state: c.state, ms: c.elapsedMs, code: c.code };
    return ev;
  }
  ev.connect = { state: "open", ms: c.connectMs };
  const s = new WireSession(c.socket, {
    maxLineLength: o.protocol === "imap" ? IMAP_MAX_LINE : POP3_MAX_LINE,
    replyTimeoutMs: o.timeoutMs,
    sessionTimeoutMs: o.sessionTimeoutMs ?? o.timeoutMs * 6,
    signal: o.signal,
    extraCa: o.extraCa,
  });
  let phase = "connect";
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    phase = name;
    const started = performance.now();
    try {
      return await fn();
    } finally {
      ev.phases[name] = Math.round((performance.now() - started) * 10) / 10;
    }
  };
  const dialogue = o.protocol === "imap" ? imapDialogue : pop3Dialogue;
  try {
    if (o.mode === "implicit") {
      const t = await step("tls", () => s.startTls(tlsServerName(o.host)));
      ev.implicitTls = handshakeFacts(t);
      if (!t.ok) throw new WireFailure("tls-failed", t.error ?? "TLS handshake failed");
    }
    await dialogue(s, o, ev, step, t0);
  } catch (err) {
    if (!(err instanceof WireFailure)) throw err;
    ev.failure = {
      phase,
      kind: err.kind,
      message: err.message,
      ...(err.sample ? { sample: err.sample } : {}),
    };
  } finally {
    s.close();
    ev.transcript = s.transcript;
    ev.omitted = s.omitted;
  }
  return ev;
}

type Step = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

async function imapDialogue(
  s: WireSession,
  o: MailboxProbeOptions,
  ev: MailboxSessionEvidence,
  step: Step,
  t0: number,
): Promise<void> {
  const g = await step("greeting", () => readImapGreeting(s));
  ev.greeting = { ok: g.status !== "BYE", status: g.status, text: g.text, ms: round(performance.now() - t0) };
  if (g.status === "BYE") return;
  const caps = await step("capability", () => imapCommand(s, "a1", "CAPABILITY"));
  ev.capabilities = imapCapabilities(caps.untagged) ?? imapCapabilities([`* ${g.text}`]) ?? [];
  if (o.mode === "starttls" && ev.capabilities.includes("STARTTLS")) {
    const r = await step("starttls", () => imapCommand(s, "a2", "STARTTLS"));
    ev.starttls = { ok: r.status === "OK", text: `${r.status} ${r.text}`.trim() };
    if (r.status === "OK") {
      const t = await step("handshake", () => s.startTls(tlsServerName(o.host)));
      ev.starttls.tls = handshakeFacts(t);
      if (t.leftover) ev.starttls.leftover = t.leftover;
      if (!t.ok) throw new WireFailure("tls-failed", t.error ?? "TLS handshake failed");
      // RFC 9051 §6.2.1: capabilities learnt before TLS are discarded
      const after = await step("capability-tls", () => imapCommand(s, "a3", "CAPABILITY"));
      ev.starttls.capabilitiesAfter = imapCapabilities(after.untagged) ?? [];
    }
  }
  await step("logout", () => imapCommand(s, "a9", "LOGOUT").catch(() => undefined));
}

async function pop3Dialogue(
  s: WireSession,
  o: MailboxProbeOptions,
  ev: MailboxSessionEvidence,
  step: Step,
  t0: number,
): Promise<void> {
  const g = await step("greeting", () => readPop3Status(s));
  ev.greeting = { ok: g.ok, status: g.ok ? "+OK" : "-ERR", text: g.text, ms: round(performance.now() - t0) };
  if (!g.ok) return;
  ev.capabilities = ((await step("capa", () => pop3Capa(s))) ?? []).map((c) => c.toUpperCase());
  if (o.mode === "starttls" && ev.capabilities.includes("STLS")) {
    const r = await step("stls", () => pop3Command(s, "STLS"));
    ev.starttls = { ok: r.ok, text: `${r.ok ? "+OK" : "-ERR"} ${r.text}`.trim() };
    if (r.ok) {
      const t = await step("handshake", () => s.startTls(tlsServerName(o.host)));
      ev.starttls.tls = handshakeFacts(t);
      if (t.leftover) ev.starttls.leftover = t.leftover;
      if (!t.ok) throw new WireFailure("tls-failed", t.error ?? "TLS handshake failed");
      ev.starttls.capabilitiesAfter = ((await step("capa-tls", () => pop3Capa(s))) ?? []).map((c) =>
        c.toUpperCase(),
      );
    }
  }
  await step("quit", () => pop3Command(s, "QUIT").catch(() => undefined));
}

const round = (ms: number) => Math.round(ms * 10) / 10;
