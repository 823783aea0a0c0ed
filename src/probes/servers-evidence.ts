import type { DnsAnswer } from "../net/dns/types.js";
import type { WireFailureKind } from "../net/line-reader.js";
import type { PortState } from "../net/tcp.js";
import type { TlsHandshakeFacts, TranscriptLine } from "../net/wire-session.js";
import type { EhloCapabilities } from "../standards/smtp-ehlo.js";

/** The default ports probed on every mail host. */
export const DEFAULT_MAIL_PORTS: readonly number[] = [25, 465, 587, 2525, 110, 995, 143, 993];

/** The protocol a port speaks and how TLS starts on it. */
export interface PortRole {
  protocol: "smtp" | "imap" | "pop3";
  tls: "starttls" | "implicit";
}

/** What each well-known mail port is for; ports outside this list are only scanned. */
export const PORT_ROLES: Readonly<Record<number, PortRole>> = {
  25: { protocol: "smtp", tls: "starttls" },
  587: { protocol: "smtp", tls: "starttls" },
  2525: { protocol: "smtp", tls: "starttls" },
  465: { protocol: "smtp", tls: "implicit" },
  143: { protocol: "imap", tls: "starttls" },
  993: { protocol: "imap", tls: "implicit" },
  110: { protocol: "pop3", tls: "starttls" },
  995: { protocol: "pop3", tls: "implicit" },
};

/** One TCP connect to one address and port. */
export interface PortResult {
  /** The host name the address belongs to (MX name), or the address itself. */
  host: string;
  address: string;
  port: number;
  state: PortState;
  /** Connect time when open, time until the answer (or giving up) otherwise. */
  ms: number;
  /** The error code for anything but open (ECONNREFUSED, TIMEOUT, EHOSTUNREACH...). */
  code?: string;
}

export interface PortsEvidence {
  /** `mx`: the hosts are a domain's MX (port 25 must be open); `host`: one host the user named. */
  role: "mx" | "host";
  ports: number[];
  /** Time limit of one connect, ms (a filtered port costs this long). */
  timeoutMs: number;
  /** Hosts scanned and their addresses (an MX whose name did not resolve has none). */
  hosts: Array<{ name: string; addresses: string[]; answers?: DnsAnswer[] }>;
  results: PortResult[];
}

/** A failure that ended a session early, and in which phase. */
export interface SessionFailure {
  phase: string;
  kind: WireFailureKind;
  message: string;
  /** Start of the offending data. */
  sample?: string;
}

/** A reply kept as evidence: code and its text lines. */
export interface ReplyEvidence {
  code: number;
  enhanced?: string;
  lines: string[];
  ms: number;
  /** Time to the first line, when a multi-line reply took noticeably longer to complete. */
  firstLineMs?: number;
}

/** One SMTP session to one address and port. */
export interface SmtpSessionEvidence {
  host: string;
  address: string;
  port: number;
  mode: "starttls" | "implicit";
  ehloName: string;
  connect: { state: PortState; ms: number; code?: string };
  /** Skipped because the server had already rate-limited mxray twice. */
  skipped?: "rate-limited";
  implicitTls?: TlsHandshakeFacts;
  banner?: ReplyEvidence;
  /** PTR of the address, to compare with the banner host name. */
  ptr?: { names: string[]; answer: DnsAnswer };
  ehlo?: {
    command: "EHLO" | "HELO";
    reply: ReplyEvidence;
    capabilities?: EhloCapabilities;
    ehloRefused?: ReplyEvidence;
  };
  vrfy?: { known: ReplyEvidence; unknown: ReplyEvidence; unknownUser: string };
  expn?: ReplyEvidence;
  starttls?: {
    reply: ReplyEvidence;
    tls?: TlsHandshakeFacts;
    /** Bytes the server sent after its 220 and before the handshake (RFC 3207 §5 forbids them). */
    leftover?: number;
    ehloAfter?: { reply: ReplyEvidence; capabilities?: EhloCapabilities };
  };
  /** A 421 reply, or the connection dropped mid-session: rate limiting, not a missing feature. */
  rateLimited?: { phase: string; reply?: ReplyEvidence };
  failure?: SessionFailure;
  /** Duration of each phase in ms (connect, tls, banner, ehlo, vrfy, expn, starttls, handshake, ehlo-tls, quit). */
  phases: Record<string, number>;
  transcript: TranscriptLine[];
  omitted: number;
}

/** One attempt of the relay test: a sender/recipient form, stopped at RCPT. */
export interface RelayCase {
  from: string;
  to: string;
  mail?: ReplyEvidence;
  rcpt?: ReplyEvidence;
}

/** The open-relay test of one address (port 25), which never sends DATA. */
export interface RelayTestEvidence {
  host: string;
  address: string;
  port: number;
  /** The outside recipient tried (`--relay-test-rcpt`). */
  recipient: string;
  /** The address mxray connected from (relaying is often allowed for internal addresses only). */
  localAddress?: string;
  cases: RelayCase[];
  skipped?: "rate-limited" | "no-banner";
  rateLimited?: { phase: string; reply?: ReplyEvidence };
  failure?: SessionFailure;
  transcript: TranscriptLine[];
  omitted: number;
}

export interface SmtpEvidence {
  sessions: SmtpSessionEvidence[];
  relay: RelayTestEvidence[];
}

/** One IMAP or POP3 session. */
export interface MailboxSessionEvidence {
  protocol: "imap" | "pop3";
  host: string;
  address: string;
  port: number;
  mode: "starttls" | "implicit";
  connect: { state: PortState; ms: number; code?: string };
  implicitTls?: TlsHandshakeFacts;
  greeting?: { ok: boolean; status: string; text: string; ms: number };
  /** Capabilities before TLS (or over implicit TLS), upper case. */
  capabilities?: string[];
  starttls?: {
    ok: boolean;
    text: string;
    tls?: TlsHandshakeFacts;
    leftover?: number;
    capabilitiesAfter?: string[];
  };
  failure?: SessionFailure;
  phases: Record<string, number>;
  transcript: TranscriptLine[];
  omitted: number;
}

export interface MailboxEvidence {
  sessions: MailboxSessionEvidence[];
}

declare module "../core/evidence.js" {
  interface Evidence {
    ports?: PortsEvidence;
    smtp?: SmtpEvidence;
    mailbox?: MailboxEvidence;
  }
}
