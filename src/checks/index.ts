import type { Check } from "../core/check.js";
import { dnsRecordsChecks } from "./dns-records.js";
import { policyChecks } from "./policy.js";
import { spfChecks } from "./spf.js";
import { serversChecks } from "./servers.js";
import { tlsChecks } from "./tls.js";
import { messageChecks } from "../message/checks.js";

/** Every check of a domain audit, in report order. */
export const domainChecks: readonly Check[] = [
  ...dnsRecordsChecks,
  ...spfChecks,
  ...policyChecks,
  ...serversChecks,
  ...tlsChecks,
];

/**
 * Every check over saved evidence, whatever command gathered it: `mxray report` judges with these.
 * A check whose evidence section is absent returns nothing.
 */
export const allChecks: readonly Check[] = [...domainChecks, ...messageChecks];
