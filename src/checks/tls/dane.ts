import { finding, type EvidenceBlock, type Finding } from "../../core/finding.js";
import { formatTlsa, tlsaUsability } from "../../standards/dane-match.js";
import type { EndpointAnalysis } from "./analysis.js";

const RFC = ["RFC 7672 §2.2", "RFC 6698 §2.1", "RFC 7671"];

/**
 * DANE for one endpoint (RFC 7672): the TLSA RRset must be DNSSEC-validated to count, only usable
 * DANE-TA(2)/DANE-EE(3) records authenticate, and one usable record must match the presented chain.
 * A sender that finds secure TLSA records and no match defers the mail: that is the critical case.
 *
 * `rrsetJudged`: the DNS area already judged this TLSA RRset (inside `mxray check`), so only what needs
 * the certificate is said here: the lookup, DNSSEC and usability findings would repeat its findings.
 */
export function daneFindings(a: EndpointAnalysis, rrsetJudged = false): Finding[] {
  const { ep, subject } = a;
  const answer = ep.tlsa;
  if (!answer) return [];
  const blocks: EvidenceBlock[] = [a.tlsaBlock, a.certBlock].filter(
    (b): b is EvidenceBlock => b !== undefined,
  );
  const base = { endpoint: subject, name: answer.name };
  if (answer.status === "nxdomain" || answer.status === "nodata") return [];
  if (rrsetJudged && (answer.status !== "noerror" || !answer.authenticated)) return [];
  if (answer.status !== "noerror") {
    // RFC 7672 §2.2.1: a failed TLSA lookup for a secure MX host makes DANE senders defer.
    return [
      finding(
        "tls.dane.lookup-failed",
        "error",
        "dane",
        subject,
        { ...base, status: answer.status },
        blocks,
        ["RFC 7672 §2.2.1"],
      ),
    ];
  }
  if (a.tlsa.length === 0) return [];
  if (!answer.authenticated) {
    return [
      finding("tls.dane.insecure", "warning", "dane", subject, { ...base, count: a.tlsa.length }, blocks, [
        "RFC 7672 §2.2",
        "RFC 4033",
      ]),
    ];
  }
  const out: Finding[] = [];
  if (ep.addressAuthenticated === false && !rrsetJudged) {
    out.push(
      finding(
        "tls.dane.address-insecure",
        "warning",
        "dane",
        subject,
        { ...base, host: ep.host ?? ep.address },
        blocks,
        ["RFC 7672 §2.2.2"],
      ),
    );
  }
  const unusable = a.tlsa.filter((r) => tlsaUsability(r) !== "usable");
  if (unusable.length && !rrsetJudged) {
    out.push(
      finding(
        "tls.dane.unusable",
        unusable.length === a.tlsa.length ? "error" : "warning",
        "dane",
        subject,
        {
          ...base,
          count: unusable.length,
          records: unusable.map((r) => `${formatTlsa(r).slice(0, 24)}… (${tlsaUsability(r)})`).join("; "),
        },
        blocks,
        ["RFC 7672 §3.1.3"],
      ),
    );
  }
  const first = ep.scan.first;
  if (!first.ok) {
    // Secure TLSA promises TLS: a DANE sender will not fall back to plaintext (RFC 7672 §2.2).
    if (first.stage !== "connect")
      out.push(
        finding(
          "tls.dane.no-tls",
          "critical",
          "dane",
          subject,
          { ...base, reason: `${first.stage} ${first.reason}` },
          blocks,
          ["RFC 7672 §2.2"],
        ),
      );
    return out;
  }
  const dane = a.dane;
  if (!dane || dane.usable.length === 0) return out;
  if (dane.matches.length === 0) {
    out.push(
      finding(
        "tls.dane.mismatch",
        "critical",
        "dane",
        subject,
        { ...base, records: dane.usable.map((r) => formatTlsa(r)).join("; ") },
        blocks,
        RFC,
      ),
    );
    return out;
  }
  const m = dane.matches[0];
  if (!m) return out;
  const matched = dane.matches
    .map((x) => `${formatTlsa(x.record)} -> certificate #${x.certIndex}`)
    .join("; ");
  // RFC 7672 §3.2.2/§3.2.3: with only DANE-TA, the name and the dates still have to be right.
  const before = out.length;
  if (!dane.eeMatched) {
    if (a.nameOk === false)
      out.push(
        finding(
          "tls.dane.ta-name-mismatch",
          "critical",
          "dane",
          subject,
          { ...base, host: ep.host ?? "", matched },
          blocks,
          ["RFC 7672 §3.2.2"],
        ),
      );
    if (a.validity === "expired" || a.validity === "not-yet-valid")
      out.push(
        finding(
          "tls.dane.ta-expired",
          "critical",
          "dane",
          subject,
          { ...base, matched, notAfter: a.leaf?.notAfter ?? "" },
          blocks,
          ["RFC 7671 §5.2.1"],
        ),
      );
  }
  if (out.length === before)
    out.push(
      finding(
        "tls.dane.match",
        "ok",
        "dane",
        subject,
        { ...base, matched, count: dane.matches.length },
        blocks,
        RFC,
      ),
    );
  return out;
}
