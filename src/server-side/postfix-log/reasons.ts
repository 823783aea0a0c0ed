import { detach } from "./bounded.js";

/**
 * Groups free-text reject, deferral and bounce reasons into categories an administrator acts on,
 * naming the list or rule involved (`zen.spamhaus.org`, `virtual mailbox table`, `header Subject`).
 */

export type RejectCategory =
  | "relay-denied"
  | "unknown-recipient"
  | "unknown-sender-domain"
  | "unknown-recipient-domain"
  | "dnsbl"
  | "spf"
  | "helo"
  | "client-rdns"
  | "non-fqdn"
  | "pipelining"
  | "size"
  | "greylist"
  | "access"
  | "content"
  | "milter"
  | "recipient-rejected"
  | "sender-rejected"
  | "other";

/** Up to the first of `;`, `,`, `)` or space after `start`. */
function word(text: string, start: number): string {
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 59 || c === 44 || c === 41 || c === 32) break;
    end++;
  }
  return text.slice(start, end);
}

/** Removes a leading `<address>: ` that Postfix puts before the reason. */
export function stripAddress(text: string): string {
  if (text.startsWith("<")) {
    const e = text.indexOf(">: ");
    if (e > 0) return text.slice(e + 3);
  }
  return text;
}

/** A reject's category and rule, with `key` (`category\0rule`) made once for the summary's table. */
export interface RejectClass {
  category: RejectCategory;
  rule: string;
  key: string;
}

/** source -> action -> reason text -> class: no key is built per line, only the text is hashed. */
const rejectCache = new Map<string, Map<string, Map<string, RejectClass>>>();
let rejectCached = 0;

/**
 * The category and rule of a reject (cached: the same reasons come back again and again).
 *
 * @example
 *   classifyReject("<x@a>: Relay access denied", "smtpd", "reject") // { category: "relay-denied", rule: "reject_unauth_destination", key: ... }
 */
export function classifyReject(rawText: string, source: string, action: string): RejectClass {
  // source and action are the parser's own literals: nothing to copy
  let bySource = rejectCache.get(source);
  if (!bySource) rejectCache.set(source, (bySource = new Map()));
  let byAction = bySource.get(action);
  if (!byAction) bySource.set(action, (byAction = new Map()));
  const text = stripAddress(rawText);
  const hit = byAction.get(text);
  if (hit) return hit;
  const r = classifyRejectUncached(rawText, source, action);
  if (rejectCached >= 5000) {
    for (const m of rejectCache.values()) m.clear();
    rejectCached = 0;
  }
  rejectCached++;
  // copies, so the cache does not pin the log chunks the texts were sliced from
  const rule = detach(r.rule);
  const own: RejectClass = { category: r.category, rule, key: `${r.category}\u0000${rule}` };
  byAction.set(detach(text), own);
  return own;
}

function classifyRejectUncached(
  rawText: string,
  source: string,
  action: string,
): { category: RejectCategory; rule: string } {
  if (source === "cleanup")
    return {
      category: "content",
      rule: rawText.slice(rawText.lastIndexOf("(") + 1, -1) || "header/body checks",
    };
  if (action === "milter-reject") return { category: "milter", rule: stripAddress(rawText) };
  const text = stripAddress(rawText);
  const lower = text.toLowerCase();
  let i = lower.indexOf("blocked using ");
  if (i >= 0) return { category: "dnsbl", rule: word(text, i + 14) };
  i = lower.indexOf(" is listed at ");
  if (i >= 0) return { category: "dnsbl", rule: word(text, i + 14) };
  if (lower.includes("relay not permitted"))
    return { category: "relay-denied", rule: "relay_from_hosts / relay_to_domains" };
  if (lower.includes("unrouteable address"))
    return { category: "unknown-recipient", rule: "routers (unrouteable address)" };
  if (lower.includes("sender verify failed")) return { category: "sender-rejected", rule: "verify = sender" };
  if (lower.includes("relay access denied"))
    return { category: "relay-denied", rule: "reject_unauth_destination" };
  i = lower.indexOf("user unknown in ");
  if (i >= 0)
    return { category: "unknown-recipient", rule: word(text, i + 16) === "" ? "" : text.slice(i + 16) };
  if (lower.includes("user unknown") || lower.includes("unknown user"))
    return { category: "unknown-recipient", rule: "recipient maps" };
  if (lower.startsWith("sender address rejected: domain not found"))
    return { category: "unknown-sender-domain", rule: "reject_unknown_sender_domain" };
  if (lower.startsWith("recipient address rejected: domain not found"))
    return { category: "unknown-recipient-domain", rule: "reject_unknown_recipient_domain" };
  if (lower.includes("spf")) return { category: "spf", rule: text };
  if (lower.startsWith("helo command rejected"))
    return { category: "helo", rule: text.slice(23) || "helo restrictions" };
  if (lower.startsWith("client host rejected: cannot find your"))
    return { category: "client-rdns", rule: text.slice(23) };
  if (lower.includes("need fully-qualified")) return { category: "non-fqdn", rule: text };
  if (lower.includes("pipelining")) return { category: "pipelining", rule: "reject_unauth_pipelining" };
  if (lower.includes("message size exceeds")) return { category: "size", rule: "message_size_limit" };
  if (lower.includes("greylist")) return { category: "greylist", rule: text };
  if (lower.includes("access denied")) return { category: "access", rule: text };
  if (lower.startsWith("recipient address rejected"))
    return { category: "recipient-rejected", rule: text.slice(28) };
  if (lower.startsWith("sender address rejected"))
    return { category: "sender-rejected", rule: text.slice(25) };
  return { category: "other", rule: text };
}

export type DeferralCategory =
  "unreachable" | "timeout" | "tls" | "dns" | "remote-temporary" | "mailbox" | "local" | "other";

/** Category of a deferral from its DSN and reason. */
export function classifyDeferral(dsn: string, reason: string): DeferralCategory {
  const lower = reason.toLowerCase();
  if (lower.includes("tls") || lower.includes("certificate") || dsn === "4.7.5") return "tls";
  if (
    lower.includes("connection refused") ||
    lower.includes("no route to host") ||
    lower.includes("network is unreachable")
  )
    return "unreachable";
  if (lower.includes("timed out") || lower.includes("timeout") || lower.includes("lost connection"))
    return "timeout";
  if (
    lower.includes("host or domain name not found") ||
    lower.includes("name service error") ||
    dsn === "4.4.3"
  )
    return "dns";
  if (dsn === "4.2.2" || lower.includes("quota") || lower.includes("mailbox full")) return "mailbox";
  if (lower.includes(" said: 4") || lower.includes("said: 4")) return "remote-temporary";
  if (
    dsn.startsWith("4.3.") ||
    lower.includes("unavailable") ||
    lower.includes("delivery temporarily suspended")
  )
    return "local";
  return "other";
}

/** The remote host a deferral or bounce is about: `host X[ip] said`, `connect to X[ip]:25`, else the relay. */
export function reasonHost(reason: string, relay: string): string {
  let i = reason.indexOf("connect to ");
  if (i >= 0) {
    const e = reason.indexOf(": ", i + 11);
    if (e > 0) return reason.slice(i + 11, e);
  }
  i = reason.indexOf("host ");
  if (i >= 0) {
    const e = reason.indexOf(" said:", i);
    if (e > 0) return reason.slice(i + 5, e);
  }
  return relay;
}

/** A reason shortened for grouping: no `<address>`, no queue ids or numbers after "queued as", at most 120 chars. */
export function shortReason(reason: string): string {
  let r = reason;
  const said = r.indexOf(" said: ");
  if (said >= 0) r = r.slice(said + 7);
  r = r.replace(/<[^>]*>/g, "<…>").replace(/ \(in reply to [^)]*\)$/, "");
  return r.length > 120 ? r.slice(0, 119) + "…" : r;
}
