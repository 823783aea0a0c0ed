/**
 * Mail log events: what one log line says happened, in a shape shared by the Postfix and Exim
 * parsers. The tracker and the summariser consume these and never look at raw text again.
 */

/** A remote peer as logged: `name[ip]` (Postfix), `[ip]:port` (postscreen), `H=name [ip]` (Exim). */
export interface Peer {
  name: string;
  ip: string;
}

export type RejectAction = "reject" | "reject_warning" | "hold" | "discard" | "milter-reject";
export type DeliveryStatus = "sent" | "deferred" | "bounced" | "expired" | "undeliverable" | "other";
export type DiagnosticLevel = "warning" | "error" | "fatal" | "panic";

export type MailEvent =
  /** `client` as logged (`name[ip]`): kept as one string, as sessions are counted, not listed. */
  | { kind: "connect"; service: string; client: string; pid: number }
  | { kind: "disconnect"; service: string; client: string; pid: number }
  | {
      kind: "lost";
      what: "lost" | "timeout" | "too-many-errors" | "pipelining";
      stage: string;
      service: string;
      peer: Peer;
    }
  | {
      kind: "tls-in";
      service: string;
      /** The client as logged, `name[ip]`. */
      client: string;
      protocol: string;
      cipher: string;
      trust: string;
      pid: number;
    }
  | { kind: "tls-out"; host: string; protocol: string; cipher: string; trust: string }
  | { kind: "tls-fail"; direction: "in" | "out"; peer: string; text: string }
  | {
      kind: "received";
      qid: string;
      service: string;
      /** The client as logged, `name[ip]`. */
      client: string;
      saslUser?: string;
      pid: number;
      tls?: boolean;
    }
  | { kind: "pickup"; qid: string; sender: string }
  | {
      kind: "reject";
      qid?: string;
      action: RejectAction;
      source: "smtpd" | "cleanup" | "postscreen";
      service: string;
      stage: string;
      peer?: Peer;
      code: string;
      dsn: string;
      text: string;
      from: string;
      to: string;
    }
  | { kind: "sasl-fail"; peer: Peer; method: string; user: string }
  | { kind: "queued"; qid: string; sender: string; size: number; nrcpt: number }
  | {
      kind: "delivery";
      qid: string;
      to: string;
      origTo: string;
      relay: string;
      delay: number;
      dsn: string;
      status: DeliveryStatus;
      reason: string;
      agent: string;
    }
  | { kind: "removed"; qid: string; by: string }
  | { kind: "expired"; qid: string; sender: string }
  | { kind: "notification"; qid: string; newQid: string; what: string }
  | { kind: "hold"; qid: string; on: boolean }
  | { kind: "outbound-error"; host: string; text: string }
  | { kind: "postscreen"; what: string; ip: string; detail: string }
  | { kind: "dnsbl-hit"; ip: string; list: string }
  | { kind: "master"; text: string }
  | { kind: "other" };

/** A diagnostic (warning:, error:, fatal:, panic:) attached to the line it came from. */
export interface Diagnostic {
  level: DiagnosticLevel;
  daemon: string;
  text: string;
}

/** `name[ip]` -> Peer; `[ip]:port` -> Peer with an empty name. */
export function parsePeer(s: string): Peer {
  const open = s.indexOf("[");
  if (open < 0) return { name: s, ip: "" };
  const close = s.indexOf("]", open);
  if (close < 0) return { name: s.slice(0, open), ip: s.slice(open + 1) };
  return { name: s.slice(0, open), ip: s.slice(open + 1, close) };
}

/** `Peer` as Postfix prints it: `name[ip]`. */
export function peerLabel(p: Peer): string {
  // consecutive events often name the same client: one string for it, hashed once by the tables
  // (callers that keep a label copy it; only the last peer's log chunk stays referenced here)
  if (p.ip === lastPeer.ip && p.name === lastPeer.name) return lastPeer.label;
  const label = p.ip ? `${p.name}[${p.ip}]` : p.name;
  lastPeer = { name: p.name, ip: p.ip, label };
  return label;
}

let lastPeer = { name: "", ip: "", label: "" };
