import type { Severity } from "./severity.js";

/** Parameters interpolated into a finding's catalog texts (`{name}` placeholders). */
export type FindingParams = Record<string, string | number | boolean>;

/** What was seen, shown next to a finding: DNS answers, an SMTP transcript, a certificate... */
export interface EvidenceBlock {
  kind: "dns" | "smtp" | "imap" | "pop3" | "tls" | "certificate" | "http" | "spf" | "log" | "header" | "text";
  /** Short label, e.g. `_dmarc.example.com TXT` or `mail.example.com:25`. */
  label: string;
  /** The raw lines, as received (escaped only at render time). */
  lines: string[];
}

/**
 * One judgement about one subject. Texts (summary, why, fix) are looked up by `id` in the message
 * catalogs, so a finding carries only data; renderers resolve it in the user's language.
 */
export interface Finding {
  /** Stable, dotted id: `dmarc.policy.none`, `tls.version.tls10`. Never reworded once released. */
  id: string;
  severity: Severity;
  /** The area it belongs to, for grouping: `mx`, `spf`, `dmarc`, `smtp`, `tls`, ... */
  area: string;
  /** What it is about: `example.com`, `mx1.example.com:25`, `selector1._domainkey.example.com`. */
  subject: string;
  params: FindingParams;
  evidence: EvidenceBlock[];
  /** RFC sections or documents, e.g. `RFC 7489 §6.3`. */
  references?: string[];
}

/** Builds a finding; `params`, `evidence` and `references` default to empty. */
export function finding(
  id: string,
  severity: Severity,
  area: string,
  subject: string,
  params: FindingParams = {},
  evidence: EvidenceBlock[] = [],
  references?: string[],
): Finding {
  return references
    ? { id, severity, area, subject, params, evidence, references }
    : { id, severity, area, subject, params, evidence };
}
