import type { X509Certificate } from "node:crypto";
import type { EvidenceBlock } from "../../core/finding.js";
import { formatAnswer } from "../../net/dns/types.js";
import type { TlsEndpointEvidence } from "../../probes/tls.js";
import {
  certificateMatchesName,
  chainShape,
  daysLeft,
  describeCertificate,
  parseCertificate,
  validityAt,
  type CertificateFacts,
  type ChainShape,
  type ValidityState,
} from "../../standards/certificate.js";
import { matchTlsa, type DaneOutcome, type TlsaFields } from "../../standards/dane-match.js";
import { endpointSubject } from "./common.js";

/** What the certificate and DANE checks of one endpoint share, computed once from its evidence. */
export interface EndpointAnalysis {
  ep: TlsEndpointEvidence;
  subject: string;
  /** The chain as sent; entries that did not parse carry the parser's message. */
  facts: (CertificateFacts | { error: string })[];
  certs: X509Certificate[];
  leaf?: CertificateFacts;
  /** Undefined when there is no name to check (an IP-only target). */
  nameOk?: boolean;
  validity?: ValidityState;
  days?: number;
  trusted?: boolean;
  trustError?: string;
  shape?: ChainShape;
  /** TLSA records from the evidence (any status), with the matching outcome when a chain exists. */
  tlsa: TlsaFields[];
  dane?: DaneOutcome;
  certBlock?: EvidenceBlock;
  tlsaBlock?: EvidenceBlock;
}

/**
 * Derives the certificate facts, the trust verdict and the DANE match of an endpoint. `now` is the
 * time the evidence was collected, so a saved run is judged as it was then.
 * @example const a = analyzeEndpoint(ep, new Date(evidence.collectedAt));
 */
export function analyzeEndpoint(ep: TlsEndpointEvidence, now: Date): EndpointAnalysis {
  const subject = endpointSubject(ep);
  const tlsa: TlsaFields[] = (ep.tlsa?.records ?? []).flatMap((r) =>
    r.type === "TLSA"
      ? [{ usage: r.usage, selector: r.selector, matchingType: r.matchingType, data: r.data }]
      : [],
  );
  const out: EndpointAnalysis = { ep, subject, facts: [], certs: [], tlsa };
  if (ep.tlsa) out.tlsaBlock = { kind: "dns", label: `${ep.tlsa.name} TLSA`, lines: formatAnswer(ep.tlsa) };
  const first = ep.scan.first;
  if (!first.ok || !first.chain) return out;
  const lines: string[] = [];
  first.chain.forEach((der, i) => {
    const p = parseCertificate(der);
    if (p.ok) {
      out.facts.push(p.facts);
      out.certs.push(p.cert);
      lines.push(...describeCertificate(p.facts, i));
    } else {
      out.facts.push({ error: p.error });
      lines.push(`#${i} could not be parsed: ${p.error}`);
    }
  });
  const leaf = out.facts[0];
  if (leaf && !("error" in leaf)) {
    out.leaf = leaf;
    out.validity = validityAt(leaf, now);
    out.days = daysLeft(leaf, now);
    if (ep.host && out.certs[0]) out.nameOk = certificateMatchesName(out.certs[0], ep.host);
  }
  out.trusted = first.trusted;
  if (first.trustError) out.trustError = first.trustError;
  // Only a fully parsed chain can be followed; a broken certificate is reported as such.
  if (out.certs.length === out.facts.length && out.certs.length) out.shape = chainShape(out.certs);
  if (out.certs.length && out.certs.length === out.facts.length) out.dane = matchTlsa(tlsa, out.certs);
  lines.push(
    `trust: ${first.trusted ? "verified" : `not verified (${first.trustError ?? "unknown"})`} against ${ep.scan.trustSources.join(" + ") || "the trust store"}`,
  );
  if (ep.host) lines.push(`name ${ep.host}: ${out.nameOk ? "matches" : "does not match"}`);
  out.certBlock = {
    kind: "certificate",
    label: `${subject} certificate chain (${first.chain.length} sent)`,
    lines,
  };
  return out;
}
