/**
 * Comparing mxray with pflogsumm: its number formatting, its Grand Totals block, and the known
 * difference in what it counts (see mxrayAsPflogsumm).
 */

/** pflogsumm's number formatting (adj_int_units + %d): 600000 -> "585k". */
export function pflogsummUnits(n: number): string {
  if (n > 536870912) return `${Math.floor(n / 1048576)}m`;
  if (n > 524288) return `${Math.floor(n / 1024)}k`;
  return String(n);
}

/** The Grand Totals block of a pflogsumm report. */
export function parsePflogsummTotals(report: string): Record<string, string> {
  const out: Record<string, string> = {};
  const block = report.slice(
    report.indexOf("Grand Totals"),
    report.indexOf("Per-Hour") > 0 ? report.indexOf("Per-Hour") : undefined,
  );
  for (const line of block.split("\n")) {
    const m = /^\s*(\d+)([km ]?)\s+(.+?)\s*$/.exec(line);
    if (!m) continue;
    const label = (m[3] as string).replace(/\s*\(.*\)$/, "");
    const d = /\((\d+)([km ]?)\s*deferrals\)/.exec(line);
    if (d) out.deferrals = `${d[1]}${(d[2] ?? "").trim()}`;
    out[label] = `${m[1]}${(m[2] ?? "").trim()}`;
  }
  return out;
}

/** The parts of a LogSummary the comparison needs. */
export interface PflogsummView {
  totals: Record<string, number>;
  receivedByService: Record<string, { messages: number; bytes: number }>;
}

/** smtpd syslog names pflogsumm 1.1.5 recognises (`(?:postfix)(?:/(?:smtps|submission))?/smtpd`). */
const PFLOGSUMM_SMTPD = new Set(["postfix/smtpd", "postfix/smtps/smtpd", "postfix/submission/smtpd"]);

/** The parts of a LogSummary the comparison needs. */
export interface PflogsummView {
  totals: Record<string, number>;
  receivedByService: Record<string, { messages: number; bytes: number }>;
  rejectedByService: Record<string, number>;
}

/**
 * The pflogsumm view of mxray's totals. pflogsumm 1.1.5 takes the daemon from the syslog name with
 * `postfix(/smtps|/submission)?/DAEMON`, so an smtpd service under another name (the common
 * `postfix/submissions/smtpd` for port 465) is not "smtpd" to it: it counts neither the mail received
 * there, nor its bytes, nor its rejects. mxray counts them and reports them per service; they are
 * taken out here so the two can be compared.
 *
 * @example
 *   mxrayAsPflogsumm(report.data).received // "9" when pflogsumm says 9 and mxray 10 (one via submissions)
 */
export function mxrayAsPflogsumm(s: PflogsummView): Record<string, string> {
  const t = s.totals;
  const unseen = Object.entries(s.receivedByService).filter(
    ([svc]) => svc.endsWith("/smtpd") && !PFLOGSUMM_SMTPD.has(svc),
  );
  const lostMsgs = unseen.reduce((n, [, v]) => n + v.messages, 0);
  const lostBytes = unseen.reduce((n, [, v]) => n + v.bytes, 0);
  const lostRejects = Object.entries(s.rejectedByService)
    .filter(([svc]) => svc.endsWith("/smtpd") && !PFLOGSUMM_SMTPD.has(svc))
    .reduce((n, [, v]) => n + v, 0);
  const g = (k: string) => t[k] ?? 0;
  return {
    received: pflogsummUnits(g("received") - lostMsgs),
    delivered: pflogsummUnits(g("delivered")),
    forwarded: pflogsummUnits(g("forwarded")),
    deferred: pflogsummUnits(g("deferred")),
    deferrals: pflogsummUnits(g("deferrals")),
    bounced: pflogsummUnits(g("bounced")),
    rejected: pflogsummUnits(g("rejected") - lostRejects),
    "reject warnings": pflogsummUnits(g("rejectWarnings")),
    held: pflogsummUnits(g("held")),
    discarded: pflogsummUnits(g("discarded")),
    "bytes received": pflogsummUnits(g("bytesReceived") - lostBytes),
    "bytes delivered": pflogsummUnits(g("bytesDelivered")),
    recipients: pflogsummUnits(g("recipients")),
    "recipient hosts/domains": pflogsummUnits(g("recipientDomains")),
  };
}
