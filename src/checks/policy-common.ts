import { finding, type EvidenceBlock, type Finding } from "../core/finding.js";
import type { Severity } from "../core/severity.js";
import { formatAnswer, type DnsAnswer } from "../net/dns/types.js";
import type { TagListProblemKind } from "../standards/tag-list.js";

/** Helpers shared by the DMARC, DKIM and MTA-STS checks. */

/** A DNS answer as an evidence block. */
export function dnsBlock(answer: DnsAnswer): EvidenceBlock {
  return { kind: "dns", label: `${answer.name} ${answer.type}`, lines: formatAnswer(answer) };
}

/** True when the question was answered (data, NODATA or NXDOMAIN); false for SERVFAIL, timeout... */
export function answered(answer: DnsAnswer): boolean {
  return answer.status === "noerror" || answer.status === "nodata" || answer.status === "nxdomain";
}

/** The shared `dns.lookup.failed` finding (src/i18n/catalogs/core.ts) for an answer that failed. */
export function lookupFailed(
  area: string,
  answer: DnsAnswer,
  severity: Severity,
  references?: string[],
): Finding {
  return finding(
    "dns.lookup.failed",
    severity,
    area,
    answer.name,
    {
      name: answer.name,
      type: answer.type,
      status: answer.status.toUpperCase() + (answer.detail ? ` (${answer.detail})` : ""),
    },
    [dnsBlock(answer)],
    references,
  );
}

/** A record with a caret under a (0-based) position, for syntax findings; labelled `<name> [<position>]`. */
export function pointAt(name: string, record: string, position: number): EvidenceBlock {
  const start = Math.max(0, position - 60);
  const shown = record.slice(start, start + 120);
  return { kind: "text", label: `${name} [${position}]`, lines: [shown, `${" ".repeat(position - start)}^`] };
}

/** Finding id suffix for each tag-list grammar deviation (`<area>.syntax.<suffix>`, duplicates: `<area>.tag.duplicate`). */
export function syntaxId(area: "dmarc" | "dkim", kind: TagListProblemKind): string {
  return kind === "duplicate" ? `${area}.tag.duplicate` : `${area}.syntax.${kind}`;
}

/** An empty tag (`;;`) is tolerated by every receiver we know; the other deviations break parsing. */
export function syntaxSeverity(kind: TagListProblemKind): Severity {
  return kind === "empty-tag" ? "info" : "error";
}
