import { isIP } from "node:net";
import { WireFailure } from "../net/line-reader.js";
import { readSmtpReply, SMTP_MAX_LINE, smtpCommand, type SmtpReply } from "../net/smtp-client.js";
import { connectTcp } from "../net/tcp.js";
import { WireSession } from "../net/wire-session.js";
import type { RelayTestEvidence } from "./servers-evidence.js";
import { bannerTimeoutFor, ehloNameFor, isHostName, quit, replyEvidence } from "./smtp.js";

/**
 * The default outside recipient of the relay test. `.invalid` (RFC 2606 §2) can never be a real
 * domain, so even a relay that accepted the RCPT could deliver nothing (and mxray never sends DATA).
 * A relay that checks recipient domains refuses it, which the check reports as inconclusive.
 */
export const DEFAULT_RELAY_RECIPIENT = "relay-test@mxray-relay-test.invalid";

export interface RelayProbeOptions {
  host: string;
  address: string;
  port: number;
  ehloName?: string;
  /** The outside recipient to try (`local@domain`). */
  recipient: string;
  timeoutMs: number;
  bannerTimeoutMs?: number;
  sessionTimeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * The sender/recipient forms tried, after nmap's smtp-open-relay: the plain form first, then the
 * address tricks old relays fell for (percent hack, quoted local part, source route, bang path).
 * Kept to eight so the probe stays under Postfix's default soft error limit (10).
 *
 * @example
 *   relayCases("t@example.invalid", "192.0.2.1", "mx.example.com")[0] // { from: "<>", to: "<t@example.invalid>" }
 */
export function relayCases(
  recipient: string,
  address: string,
  server: string,
): Array<{ from: string; to: string }> {
  const at = recipient.lastIndexOf("@");
  const user = recipient.slice(0, at);
  const domain = recipient.slice(at + 1);
  const lit = address.includes(":") ? `[IPv6:${address}]` : `[${address}]`;
  // a bare IP is not a domain (RFC 5321 §4.1.3): an address literal is
  const sender = `<mxray-relay-test@${isIP(server) || !isHostName(server) ? lit : server}>`;
  return [
    { from: "<>", to: `<${recipient}>` },
    { from: sender, to: `<${recipient}>` },
    { from: sender, to: `<${user}%${domain}@${lit}>` },
    { from: sender, to: `<"${user}@${domain}">` },
    { from: sender, to: `<${user}@${domain}@${lit}>` },
    { from: sender, to: `<@${lit}:${user}@${domain}>` },
    { from: sender, to: `<${domain}!${user}>` },
    { from: sender, to: `<${domain}!${user}@${lit}>` },
  ];
}

/**
 * Tests whether the server relays for an outside sender to an outside recipient: MAIL FROM and
 * RCPT TO for each form, RSET between them, and QUIT. It stops at RCPT and never sends DATA, so no
 * mail can be delivered; it stops at the first accepted form, and at a 421.
 *
 * @example
 *   const ev = await probeRelay({ host: "mx.example.com", address: "192.0.2.1", port: 25,
 *     ehloName: "probe.example.net", recipient: DEFAULT_RELAY_RECIPIENT, timeoutMs: 5000 });
 */
export async function probeRelay(o: RelayProbeOptions): Promise<RelayTestEvidence> {
  const ev: RelayTestEvidence = {
    host: o.host,
    address: o.address,
    port: o.port,
    recipient: o.recipient,
    cases: [],
    transcript: [],
    omitted: 0,
  };
  const c = await connectTcp(o.address, o.port, { timeoutMs: o.timeoutMs, signal: o.signal });
  if (c.state !== "open") {
    ev.failure = { phase: "connect", kind: "error", message: `${c.state} (${c.code})` };
    return ev;
  }
  if (c.socket.localAddress) ev.localAddress = c.socket.localAddress;
  const ehloName = ehloNameFor(o.ehloName, c.socket.localAddress);
  const bannerTimeout = o.bannerTimeoutMs ?? bannerTimeoutFor(o.timeoutMs);
  const s = new WireSession(c.socket, {
    maxLineLength: SMTP_MAX_LINE,
    replyTimeoutMs: o.timeoutMs,
    sessionTimeoutMs: o.sessionTimeoutMs ?? bannerTimeout + o.timeoutMs * 12,
    signal: o.signal,
  });
  let phase = "banner";
  const limited = (r: SmtpReply): SmtpReply => {
    if (r.code === 421) {
      ev.rateLimited = { phase, reply: replyEvidence(r) };
      throw new WireFailure("closed", "421: the server is closing the connection");
    }
    return r;
  };
  try {
    const banner = limited(await readSmtpReply(s, performance.now(), bannerTimeout));
    if (banner.code !== 220) {
      ev.skipped = "no-banner";
      return ev;
    }
    phase = "ehlo";
    let hello = limited(await smtpCommand(s, `EHLO ${ehloName}`));
    if (hello.code !== 250) hello = limited(await smtpCommand(s, `HELO ${ehloName}`));
    if (hello.code !== 250) {
      ev.skipped = "no-banner";
      return ev;
    }
    for (const form of relayCases(o.recipient, o.address, o.host)) {
      phase = `relay ${form.from} -> ${form.to}`;
      const attempt: RelayTestEvidence["cases"][number] = { ...form };
      ev.cases.push(attempt);
      const mail = limited(await smtpCommand(s, `MAIL FROM:${form.from}`));
      attempt.mail = replyEvidence(mail);
      if (mail.code >= 200 && mail.code < 300) {
        const rcpt = limited(await smtpCommand(s, `RCPT TO:${form.to}`));
        attempt.rcpt = replyEvidence(rcpt);
        limited(await smtpCommand(s, "RSET"));
        if (rcpt.code >= 200 && rcpt.code < 300) break;
      } else {
        limited(await smtpCommand(s, "RSET"));
      }
    }
    phase = "quit";
    await quit(s);
  } catch (err) {
    if (!(err instanceof WireFailure)) throw err;
    if (!ev.rateLimited)
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
