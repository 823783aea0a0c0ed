import type { Evidence } from "../../core/evidence.js";
import { finding, type EvidenceBlock, type Finding } from "../../core/finding.js";
import { txtValues } from "../../net/dns/types.js";
import { isMtaStsRecord, matchingMxPattern, parseMtaStsPolicy } from "../../standards/mta-sts.js";
import type { EndpointAnalysis } from "./analysis.js";

/**
 * RFC 8461 §4.2/§5: under an `enforce` policy a sender delivers only to an MX whose certificate is
 * valid for that MX name and chains to a trusted root. Each MX host's port 25 endpoints are judged
 * on what they presented; the policy itself (syntax, mx patterns) is the MTA-STS area's.
 */
export function mtaStsEnforceFindings(evidence: Evidence, analyses: readonly EndpointAnalysis[]): Finding[] {
  const ev = evidence.mtaSts;
  if (!ev?.fetch || ev.fetch.outcome !== "ok" || ev.fetch.status !== 200) return [];
  if (!txtValues(ev.record).some(isMtaStsRecord)) return [];
  const policy = parseMtaStsPolicy(ev.fetch.body ?? "");
  if (policy.mode !== "enforce") return [];
  const out: Finding[] = [];
  const good: string[] = [];
  for (const a of analyses) {
    const { ep } = a;
    if (ep.port !== 25 || !ep.host) continue;
    // An MX outside the policy is refused by senders anyway; the MTA-STS area reports that.
    const pattern = matchingMxPattern(ep.host, policy.mx);
    if (!pattern) continue;
    const blocks: EvidenceBlock[] = [a.certBlock].filter((b): b is EvidenceBlock => b !== undefined);
    const params = { endpoint: a.subject, host: ep.host, pattern, domain: ev.domain };
    const first = ep.scan.first;
    if (!first.ok) {
      if (first.stage === "connect") continue;
      out.push(
        finding(
          "tls.mta-sts.mx-no-tls",
          "error",
          "mta-sts",
          a.subject,
          { ...params, reason: `${first.stage} ${first.reason}` },
          blocks,
          ["RFC 8461 §5"],
        ),
      );
      continue;
    }
    const reasons: string[] = [];
    if (a.trusted !== true) reasons.push(`untrusted (${a.trustError ?? "no chain"})`);
    if (a.nameOk !== true) reasons.push(`name does not match ${ep.host}`);
    if (a.validity === "expired" || a.validity === "not-yet-valid") reasons.push(a.validity);
    if (reasons.length) {
      out.push(
        finding(
          "tls.mta-sts.mx-invalid",
          "error",
          "mta-sts",
          a.subject,
          { ...params, reasons: reasons.join("; ") },
          blocks,
          ["RFC 8461 §4.2", "RFC 8461 §5"],
        ),
      );
    } else good.push(a.subject);
  }
  if (good.length && out.length === 0) {
    out.push(
      finding(
        "tls.mta-sts.mx-ok",
        "ok",
        "mta-sts",
        ev.domain,
        { domain: ev.domain, endpoints: good.join(", ") },
        [],
        ["RFC 8461 §4.2"],
      ),
    );
  }
  return out;
}
