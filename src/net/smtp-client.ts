import { WireFailure } from "./line-reader.js";
import type { WireSession } from "./wire-session.js";

/** One SMTP reply (RFC 5321 §4.2). */
export interface SmtpReply {
  code: number;
  /** Enhanced status code of the first line (RFC 3463), e.g. `5.7.1`. */
  enhanced?: string;
  /** The text of each line, after the code and separator. */
  lines: string[];
  /** Milliseconds from the command (or connection) to the complete reply. */
  ms: number;
  /** Milliseconds to its first line (a postscreen banner sends `220-` at once and the rest seconds later). */
  firstLineMs: number;
}

/** Longest SMTP reply line mxray accepts: RFC 5321 §4.5.3.1.5 allows 512 octets, servers exceed it. */
export const SMTP_MAX_LINE = 4096;
/** Most lines in one reply (an EHLO reply has a dozen). */
export const SMTP_MAX_REPLY_LINES = 100;

const REPLY_LINE = /^([2-5][0-9][0-9])([ -]|$)(.*)$/s;
const ENHANCED = /^([245]\.\d{1,3}\.\d{1,3})(?:\s|$)/;

/**
 * Reads one complete SMTP reply, multi-line replies included (`250-...` up to `250 ...`). Every line
 * must start with the same valid 3-digit code; the whole reply must arrive before the reply time
 * limit, so a server sending one continuation line every few seconds still ends.
 *
 * @example
 *   const banner = await readSmtpReply(session); // { code: 220, lines: ["mx.example.com ESMTP"], ... }
 */
export async function readSmtpReply(
  session: WireSession,
  since = performance.now(),
  timeoutMs = session.options.replyTimeoutMs,
): Promise<SmtpReply> {
  const until = Date.now() + timeoutMs;
  const lines: string[] = [];
  let code: string | undefined;
  let firstLineMs: number | undefined;
  for (;;) {
    const line = await session.readLine(until);
    const m = REPLY_LINE.exec(line);
    if (!m) throw fail(session, "invalid-reply", "not an SMTP reply line (no 3-digit code 200-599)", line);
    if (code !== undefined && m[1] !== code)
      throw fail(
        session,
        "invalid-reply",
        `reply code changed from ${code} to ${m[1]} inside one reply`,
        line,
      );
    code = m[1];
    firstLineMs ??= Math.round((performance.now() - since) * 10) / 10;
    lines.push(m[3] ?? "");
    if (m[2] !== "-") break;
    if (lines.length >= SMTP_MAX_REPLY_LINES)
      throw fail(session, "too-many-lines", `a reply of more than ${SMTP_MAX_REPLY_LINES} lines`, line);
  }
  const enhanced = ENHANCED.exec(lines[0] ?? "")?.[1];
  return {
    code: Number(code),
    lines,
    ms: Math.round((performance.now() - since) * 10) / 10,
    firstLineMs: firstLineMs ?? 0,
    ...(enhanced ? { enhanced } : {}),
  };
}

/** Sends a command and reads its reply. */
export async function smtpCommand(session: WireSession, command: string): Promise<SmtpReply> {
  const since = performance.now();
  session.send(command);
  return readSmtpReply(session, since);
}

function fail(
  session: WireSession,
  kind: "invalid-reply" | "too-many-lines",
  message: string,
  line: string,
): WireFailure {
  const err = new WireFailure(kind, message, line.slice(0, 80));
  session.note("*", `${kind}: ${message}`);
  // a server that speaks something else is not read any further
  session.close();
  return err;
}

/** `250 text` as a reply line, for evidence and messages. */
export function formatReply(r: SmtpReply): string {
  return r.lines.map((l, i) => `${r.code}${i < r.lines.length - 1 ? "-" : " "}${l}`).join(" / ");
}
