import type { DomainProbe } from "../core/probe.js";
import { dnsRecordsProbes } from "./dns-records.js";
import { policyProbes } from "./policy.js";
import { spfProbes } from "./spf.js";
import { serversProbes } from "./servers.js";
import { tlsProbes } from "./tls.js";

/** Every probe of a domain audit; the orchestrator runs them by phase. */
export const domainProbes: readonly DomainProbe[] = [
  ...dnsRecordsProbes,
  ...spfProbes,
  ...policyProbes,
  ...serversProbes,
  ...tlsProbes,
];
