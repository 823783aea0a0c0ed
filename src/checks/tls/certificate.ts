import { finding, type EvidenceBlock, type Finding } from "../../core/finding.js";
import type { Severity } from "../../core/severity.js";
import { rateCertificateKey, rateSignature } from "../../standards/tls-rating.js";
import type { EndpointAnalysis } from "./analysis.js";
import { isOpportunistic } from "./common.js";

/** OpenSSL verification codes that mean "no path to a trust anchor from what was sent". */
const NO_ISSUER = new Set([
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
]);
const SELF_SIGNED = new Set(["DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN"]);
/** Verification codes about dates: reported by the validity findings, not again as "untrusted". */
const DATE_ERRORS = new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);

/**
 * The certificate chain of one endpoint: presence, validity and days left, the name, trust, chain
 * order and completeness, key and signature strength.
 *
 * With a matching DANE-EE(3) record, DANE senders check neither the name nor the dates nor the CA
 * (RFC 7672 §3.1.1); those problems then weigh only for senders without DANE and are reported milder.
 */
export function certificateFindings(a: EndpointAnalysis): Finding[] {
  const { ep, subject } = a;
  const first = ep.scan.first;
  if (!first.ok) return [];
  const blocks: EvidenceBlock[] = a.certBlock ? [a.certBlock] : [];
  const base = { endpoint: subject, host: ep.host ?? ep.address };
  if (!first.chain || first.chain.length === 0) {
    return [
      finding(
        "tls.cert.missing",
        isOpportunistic(ep) ? "warning" : "error",
        "tls",
        subject,
        { ...base, cipher: first.cipherIana },
        blocks,
        ["RFC 8446 §4.4.2"],
      ),
    ];
  }
  const out: Finding[] = [];
  const broken = a.facts
    .map((f, i) => ("error" in f ? { i, error: f.error } : undefined))
    .filter((x) => x !== undefined);
  for (const b of broken)
    out.push(
      finding(
        "tls.cert.unparseable",
        "error",
        "tls",
        subject,
        { ...base, index: b.i, error: b.error },
        blocks,
        ["RFC 5280"],
      ),
    );
  const leaf = a.leaf;
  if (!leaf) return out;

  const eeCovers = a.dane?.eeMatched === true && isOpportunistic(ep);
  const strict = !isOpportunistic(ep);
  // Trust and name failures: errors where clients verify (submission, IMAP, POP3), warnings on 25.
  const pkixSeverity = (): Severity => (eeCovers ? "info" : strict ? "error" : "warning");

  const params = {
    ...base,
    notAfter: leaf.notAfter,
    notBefore: leaf.notBefore,
    days: a.days ?? 0,
    daneEe: eeCovers,
  };
  let problems = broken.length;
  switch (a.validity) {
    case "expired":
      problems++;
      out.push(
        finding(
          "tls.cert.expired",
          eeCovers ? "info" : "error",
          "tls",
          subject,
          { ...params, daysAgo: -(a.days ?? 0) },
          blocks,
          ["RFC 5280 §4.1.2.5"],
        ),
      );
      break;
    case "not-yet-valid":
      problems++;
      out.push(
        finding("tls.cert.not-yet-valid", eeCovers ? "info" : "error", "tls", subject, params, blocks, [
          "RFC 5280 §4.1.2.5",
        ]),
      );
      break;
    case "expires-very-soon":
    case "expires-soon":
      problems++;
      out.push(
        finding(
          "tls.cert.expires-soon",
          eeCovers ? "info" : a.validity === "expires-very-soon" ? "error" : "warning",
          "tls",
          subject,
          params,
          blocks,
        ),
      );
      break;
    default:
      break;
  }
  if (a.nameOk === false) {
    problems++;
    out.push(
      finding(
        "tls.cert.name-mismatch",
        pkixSeverity(),
        "tls",
        subject,
        { ...params, names: leaf.subjectAltNames.join(", ") || leaf.subject },
        blocks,
        ["RFC 6125 §6", "RFC 7672 §3.2.2"],
      ),
    );
  }
  // Extension problems anywhere in the chain; an unknown critical one is also why OpenSSL refuses it.
  let criticalCause = false;
  a.facts.forEach((f, i) => {
    if ("error" in f) return;
    if (f.unknownCritical.length) {
      criticalCause = true;
      problems++;
      out.push(
        finding(
          "tls.cert.extension-unknown-critical",
          pkixSeverity(),
          "tls",
          subject,
          { ...base, index: i, oids: f.unknownCritical.join(", ") },
          blocks,
          ["RFC 5280 §4.2"],
        ),
      );
    }
    if (f.malformedExtensions.length) {
      problems++;
      out.push(
        finding(
          "tls.cert.extension-malformed",
          "warning",
          "tls",
          subject,
          { ...base, index: i, extensions: f.malformedExtensions.join("; ") },
          blocks,
          ["RFC 5280 §4.2"],
        ),
      );
    }
  });
  // A date error hides any other verification error; the anchor search (dates ignored) still tells
  // whether the chain leads to a trust anchor.
  const anchor = ep.scan.anchor;
  const dateOnly = a.trustError !== undefined && DATE_ERRORS.has(a.trustError);
  const untrusted = a.trusted === false && !criticalCause && (!dateOnly || anchor?.reached === false);
  if (untrusted) {
    problems++;
    const top = a.shape ? a.facts[a.shape.path[a.shape.path.length - 1] ?? 0] : undefined;
    const topIssuer = anchor?.stuckIssuer ?? (top && !("error" in top) ? top.issuer : leaf.issuer);
    const selfSigned = anchor
      ? a.shape?.endsInSelfSigned === true
      : a.trustError !== undefined && SELF_SIGNED.has(a.trustError);
    const incomplete = anchor
      ? !a.shape?.endsInSelfSigned
      : a.trustError !== undefined && NO_ISSUER.has(a.trustError) && a.shape?.endsInSelfSigned === false;
    const error = a.trustError ?? "unknown";
    if (selfSigned) {
      out.push(
        finding(
          "tls.cert.self-signed",
          pkixSeverity(),
          "tls",
          subject,
          { ...params, issuer: topIssuer, error },
          blocks,
          ["RFC 5280 §6"],
        ),
      );
    } else if (
      incomplete &&
      (anchor?.reached === false || (a.trustError !== undefined && NO_ISSUER.has(a.trustError)))
    ) {
      out.push(
        finding(
          "tls.cert.chain-incomplete",
          pkixSeverity(),
          "tls",
          subject,
          { ...params, issuer: topIssuer, sent: first.chain.length, error },
          blocks,
          ["RFC 8446 §4.4.2", "RFC 5246 §7.4.2"],
        ),
      );
    } else {
      out.push(
        finding(
          "tls.cert.untrusted",
          pkixSeverity(),
          "tls",
          subject,
          { ...params, error, issuer: topIssuer },
          blocks,
          ["RFC 5280 §6"],
        ),
      );
    }
  }
  if (a.shape && !a.shape.ordered && a.shape.path.length > 1) {
    out.push(
      finding(
        "tls.cert.chain-order",
        "warning",
        "tls",
        subject,
        { ...base, order: a.shape.path.join(" -> ") },
        blocks,
        ["RFC 5246 §7.4.2", "RFC 8446 §4.4.2"],
      ),
    );
  } else if (a.shape && !a.shape.ordered) {
    out.push(
      finding(
        "tls.cert.chain-order",
        "warning",
        "tls",
        subject,
        { ...base, order: "leaf's issuer not next" },
        blocks,
        ["RFC 5246 §7.4.2"],
      ),
    );
  }
  if (a.shape?.unrelated.length) {
    out.push(
      finding(
        "tls.cert.chain-extra",
        "info",
        "tls",
        subject,
        { ...base, count: a.shape.unrelated.length, indexes: a.shape.unrelated.join(", ") },
        blocks,
        ["RFC 8446 §4.4.2"],
      ),
    );
  }
  const keyRating = rateCertificateKey(leaf.key);
  const keyText = `${leaf.key.type}${leaf.key.bits ? ` ${leaf.key.bits}` : ""}${leaf.key.curve ? ` ${leaf.key.curve}` : ""}`;
  if (keyRating === "insufficient") {
    problems++;
    out.push(
      finding("tls.cert.key-insufficient", "error", "tls", subject, { ...base, key: keyText }, blocks, [
        "NCSC-NL TLS guidelines 2025 §3.3.2.1",
      ]),
    );
  } else if (keyRating === "phase-out") {
    out.push(
      finding("tls.cert.key-phase-out", "info", "tls", subject, { ...base, key: keyText }, blocks, [
        "NCSC-NL TLS guidelines 2025 §3.3.2.1",
      ]),
    );
  }
  // Signatures: the leaf and the intermediates; a root's own signature is never checked by anyone.
  a.facts.forEach((f, i) => {
    if ("error" in f || (f.selfSigned && i > 0)) return;
    if (
      rateSignature({
        algorithm: f.signature.algorithm,
        ...(f.signature.hash ? { hash: f.signature.hash } : {}),
      }) === "insufficient"
    ) {
      problems++;
      out.push(
        finding(
          "tls.cert.signature-weak",
          f.signature.hash === "sha1" || f.signature.hash === "md5" ? "error" : "warning",
          "tls",
          subject,
          { ...base, index: i, algorithm: f.signature.algorithm },
          blocks,
          ["NCSC-NL TLS guidelines 2025 §3.3.5", "RFC 9155"],
        ),
      );
    }
  });
  if (problems === 0) {
    out.push(
      finding(
        "tls.cert.ok",
        "ok",
        "tls",
        subject,
        { ...base, days: a.days ?? 0, notAfter: leaf.notAfter, issuer: leaf.issuer, key: keyText },
        blocks,
      ),
    );
  }
  return out;
}
