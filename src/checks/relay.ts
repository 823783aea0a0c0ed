import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type Finding } from "../core/finding.js";
import type { RelayCase, RelayTestEvidence, ReplyEvidence } from "../probes/servers-evidence.js";
import { replyText, sessionSubject, transcriptBlock } from "./smtp.js";

/** How the server answered one relay attempt. */
export type RelayVerdict =
  | "accepted"
  | "refused"
  | "refused-domain"
  | "refused-sender"
  | "temporary"
  | "sender-refused"
  | "unanswered";

/** The recipient's domain was judged, not the relaying: "domain not found" (RFC 3463 X.1.2). */
function domainRefusal(r: ReplyEvidence): boolean {
  return (
    /^[45]\.1\.2$/.test(r.enhanced ?? "") ||
    /domain (not found|does not exist|unknown)|unknown domain|no such domain/i.test(r.lines.join(" "))
  );
}

/** A refusal of the sender (X.1.7, X.1.8, or Postfix's delayed "Sender address rejected"). */
function senderRefusal(r: ReplyEvidence): boolean {
  return /^[45]\.1\.[78]$/.test(r.enhanced ?? "") || /sender address rejected/i.test(r.lines.join(" "));
}

/**
 * The verdict of one attempt.
 *
 * @example
 *   relayVerdict({ from: "<>", to: "<a@b.invalid>", mail: { code: 250, lines: [], ms: 1 }, rcpt: { code: 554, enhanced: "5.7.1", lines: ["Relay access denied"], ms: 1 } }) // "refused"
 */
export function relayVerdict(c: RelayCase): RelayVerdict {
  if (c.mail && (c.mail.code < 200 || c.mail.code >= 300)) return "sender-refused";
  const r = c.rcpt;
  if (!r) return "unanswered";
  if (r.code >= 200 && r.code < 300) return "accepted";
  // the sender test first: Postfix says "Sender address rejected: Domain not found"
  if (senderRefusal(r)) return "refused-sender";
  if (domainRefusal(r)) return "refused-domain";
  if (r.code >= 400 && r.code < 500) return "temporary";
  return "refused";
}

/** Judges one relay test: open (critical), closed (ok), or why it could not tell. */
export function judgeRelay(t: RelayTestEvidence): Finding[] {
  const subject = sessionSubject(t);
  const block = transcriptBlock(t);
  const base = {
    host: t.host,
    address: t.address,
    port: t.port,
    recipient: t.recipient,
    local: t.localAddress ?? "",
  };
  const refs = ["RFC 5321 §3.9", "RFC 5321 §7.1", "RFC 2505"];
  const one = (id: string, severity: Finding["severity"], params: Finding["params"] = {}) => [
    finding(id, severity, "smtp", subject, { ...base, ...params }, [block], refs),
  ];
  const verdicts = t.cases.map((c) => ({ c, v: relayVerdict(c) }));
  const accepted = verdicts.find((x) => x.v === "accepted");
  if (accepted)
    return one("smtp.relay.open", "critical", {
      from: accepted.c.from,
      to: accepted.c.to,
      reply: replyText(accepted.c.rcpt),
    });
  if (t.skipped === "no-banner") return [];
  if (t.rateLimited)
    return one("smtp.relay.incomplete", "warning", {
      phase: t.rateLimited.phase,
      reason: replyText(t.rateLimited.reply) || "421",
    });
  if (t.failure)
    return one("smtp.relay.incomplete", "warning", {
      phase: t.failure.phase,
      reason: `${t.failure.kind}: ${t.failure.message}`,
    });
  const refused = verdicts.filter((x) => x.v === "refused");
  if (refused.length)
    return one("smtp.relay.closed", "ok", { tried: verdicts.length, reply: replyText(refused[0]!.c.rcpt) });
  const answered = verdicts.filter((x) => x.c.rcpt);
  if (!answered.length) return one("smtp.relay.untested", "info", { reply: replyText(t.cases[0]?.mail) });
  const reason = verdicts.some((x) => x.v === "refused-domain")
    ? "domain"
    : verdicts.some((x) => x.v === "refused-sender")
      ? "sender"
      : "temporary";
  return one(`smtp.relay.inconclusive.${reason}`, "warning", { reply: replyText(answered[0]!.c.rcpt) });
}

export function checkRelay(evidence: Evidence): Finding[] {
  return (evidence.smtp?.relay ?? []).flatMap(judgeRelay);
}

export const relayCheck: Check = { name: "smtp.relay", area: "smtp", run: checkRelay };
