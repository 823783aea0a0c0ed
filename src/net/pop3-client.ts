import { WireFailure } from "./line-reader.js";
import type { WireSession } from "./wire-session.js";

/** Longest POP3 line accepted (RFC 2449 allows 512 octets for responses; be lenient). */
export const POP3_MAX_LINE = 4096;
const MAX_LIST_LINES = 200;

/** A POP3 status line (RFC 1939 §3). */
export interface Pop3Status {
  ok: boolean;
  text: string;
}

function parseStatus(session: WireSession, line: string): Pop3Status {
  const m = /^(\+OK|-ERR)\b ?(.*)$/i.exec(line);
  if (!m) {
    session.close();
    throw new WireFailure("invalid-reply", "not a POP3 status line (+OK / -ERR)", line.slice(0, 80));
  }
  return { ok: m[1]!.toUpperCase() === "+OK", text: m[2] ?? "" };
}

/**
 * Reads the POP3 greeting (`+OK ...`).
 *
 * @example
 *   await readPop3Status(session); // { ok: true, text: "Dovecot ready." }
 */
export async function readPop3Status(session: WireSession): Promise<Pop3Status> {
  return parseStatus(session, await session.readLine(session.replyDeadline()));
}

/** Sends a command and reads its status line. */
export async function pop3Command(session: WireSession, command: string): Promise<Pop3Status> {
  session.send(command);
  return readPop3Status(session);
}

/** Sends CAPA (RFC 2449) and reads the capability list; undefined when the server answers -ERR. */
export async function pop3Capa(session: WireSession): Promise<string[] | undefined> {
  session.send("CAPA");
  const until = session.replyDeadline();
  const status = parseStatus(session, await session.readLine(until));
  if (!status.ok) return undefined;
  const caps: string[] = [];
  for (;;) {
    const line = await session.readLine(until);
    if (line === ".") return caps;
    caps.push(line.startsWith("..") ? line.slice(1) : line);
    if (caps.length > MAX_LIST_LINES)
      throw new WireFailure("too-many-lines", "a CAPA list of too many lines");
  }
}
