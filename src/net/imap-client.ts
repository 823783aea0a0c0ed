import { WireFailure } from "./line-reader.js";
import type { WireSession } from "./wire-session.js";

/** Longest IMAP line accepted before login (capability lists are short). */
export const IMAP_MAX_LINE = 8192;
const MAX_RESPONSE_LINES = 200;

/** A tagged IMAP response with the untagged lines that came before it (RFC 9051 §7). */
export interface ImapResponse {
  status: "OK" | "NO" | "BAD";
  text: string;
  untagged: string[];
}

/**
 * Reads the greeting: `* OK`, `* PREAUTH` or `* BYE` (RFC 9051 §7.1).
 *
 * @example
 *   const g = await readImapGreeting(session); // { status: "OK", text: "[CAPABILITY IMAP4rev1 ...] ready." }
 */
export async function readImapGreeting(
  session: WireSession,
): Promise<{ status: "OK" | "PREAUTH" | "BYE"; text: string }> {
  const line = await session.readLine(session.replyDeadline());
  const m = /^\* (OK|PREAUTH|BYE)\b ?(.*)$/i.exec(line);
  if (!m) {
    session.close();
    throw new WireFailure(
      "invalid-reply",
      "not an IMAP greeting (* OK / * PREAUTH / * BYE)",
      line.slice(0, 80),
    );
  }
  return { status: m[1]!.toUpperCase() as "OK" | "PREAUTH" | "BYE", text: m[2] ?? "" };
}

/** Sends `tag command` and reads up to the tagged response. */
export async function imapCommand(session: WireSession, tag: string, command: string): Promise<ImapResponse> {
  session.send(`${tag} ${command}`);
  const until = session.replyDeadline();
  const untagged: string[] = [];
  for (;;) {
    const line = await session.readLine(until);
    if (line.startsWith(`${tag} `)) {
      const m = /^\S+ (OK|NO|BAD)\b ?(.*)$/i.exec(line);
      if (!m) throw new WireFailure("invalid-reply", "malformed tagged IMAP response", line.slice(0, 80));
      return { status: m[1]!.toUpperCase() as ImapResponse["status"], text: m[2] ?? "", untagged };
    }
    if (/^\* BYE\b/i.test(line)) throw new WireFailure("closed", "the server said BYE", line.slice(0, 80));
    untagged.push(line);
    if (untagged.length > MAX_RESPONSE_LINES)
      throw new WireFailure("too-many-lines", "an IMAP response of too many lines");
  }
}

/**
 * Capabilities from a `* CAPABILITY ...` line or a `[CAPABILITY ...]` response code, upper case.
 *
 * @example
 *   imapCapabilities(["* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED"]) // ["IMAP4REV1", "STARTTLS", "LOGINDISABLED"]
 */
export function imapCapabilities(lines: readonly string[]): string[] | undefined {
  for (const line of lines) {
    const m = /^\* CAPABILITY (.*)$/i.exec(line) ?? /\[CAPABILITY ([^\]]*)\]/i.exec(line);
    if (m)
      return (m[1] ?? "")
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((c) => c.toUpperCase());
  }
  return undefined;
}
