import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import type { Finding } from "../core/finding.js";
import type { MessageEvidence } from "./analyze.js";
import {
  arcFindings,
  authResultsFindings,
  dkimFindings,
  dmarcFindings,
  otherHeaderFindings,
  spfFindings,
} from "./checks-auth.js";
import { deliveryFindings, inputFindings } from "./checks-delivery.js";

const check = (name: string, area: string, run: (m: MessageEvidence) => Finding[]): Check => ({
  name,
  area,
  run: (evidence: Evidence) => (evidence.message ? run(evidence.message) : []),
});

/** The checks of `mxray message`: pure functions of `evidence.message`. */
export const messageChecks: readonly Check[] = [
  check("message.input", "message", inputFindings),
  check("message.delivery", "delivery", deliveryFindings),
  check("message.dkim", "dkim", dkimFindings),
  check("message.arc", "arc", arcFindings),
  check("message.spf", "spf", spfFindings),
  check("message.dmarc", "dmarc", dmarcFindings),
  check("message.auth-results", "auth-results", authResultsFindings),
  check("message.headers", "headers", otherHeaderFindings),
];
