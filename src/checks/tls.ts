import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import type { Finding } from "../core/finding.js";
import { canonicalName } from "../net/dns/records.js";
import type { TlsEndpointEvidence } from "../probes/tls.js";
import { analyzeEndpoint, type EndpointAnalysis } from "./tls/analysis.js";
import { certificateFindings } from "./tls/certificate.js";
import { daneFindings } from "./tls/dane.js";
import { cipherFindings, handshakeFindings, versionFindings } from "./tls/endpoint.js";
import { mtaStsEnforceFindings } from "./tls/mta-sts.js";

/**
 * Every TLS finding of one endpoint: handshake, versions, suites, key exchange, certificate, DANE.
 * `now` is when the evidence was collected (certificate dates are judged as of then).
 * @example
 *   const findings = judgeTlsEndpoint(endpoint, new Date(evidence.collectedAt));
 */
export function judgeTlsEndpoint(ep: TlsEndpointEvidence, now: Date): Finding[] {
  return judgeAnalysis(analyzeEndpoint(ep, now));
}

function judgeAnalysis(a: EndpointAnalysis, tlsaJudged: ReadonlySet<string> = new Set()): Finding[] {
  const tlsaName = a.ep.tlsa ? canonicalName(a.ep.tlsa.name) : undefined;
  return [
    ...handshakeFindings(a.ep),
    ...versionFindings(a.ep),
    ...cipherFindings(a.ep),
    ...certificateFindings(a),
    ...daneFindings(a, tlsaName !== undefined && tlsaJudged.has(tlsaName)),
  ];
}

/** TLSA names whose RRset the DNS area (dane.tlsa-records) judges in the same run. */
function tlsaJudgedByDns(evidence: Evidence): Set<string> {
  return new Set((evidence.tlsa?.hosts ?? []).map((h) => canonicalName(h.name)));
}

function analyses(evidence: Evidence): EndpointAnalysis[] {
  const now = new Date(evidence.collectedAt);
  return (evidence.tls?.endpoints ?? []).map((ep) => analyzeEndpoint(ep, now));
}

export const tlsEndpointCheck: Check = {
  name: "tls.endpoints",
  area: "tls",
  run: (evidence) => {
    const judged = tlsaJudgedByDns(evidence);
    return analyses(evidence).flatMap((a) => judgeAnalysis(a, judged));
  },
};

export const tlsMtaStsCheck: Check = {
  name: "tls.mta-sts",
  area: "mta-sts",
  run: (evidence) => (evidence.tls ? mtaStsEnforceFindings(evidence, analyses(evidence)) : []),
};

export const tlsChecks: Check[] = [tlsEndpointCheck, tlsMtaStsCheck];
