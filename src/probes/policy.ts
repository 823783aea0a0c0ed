import type { DomainProbe } from "../core/probe.js";
import { dkimProbe } from "./dkim.js";
import { dmarcProbe } from "./dmarc.js";
import { mtaStsProbe } from "./mta-sts.js";

export { dmarcProbe, probeDmarc, discoverDmarc } from "./dmarc.js";
export type { DmarcEvidence, DmarcLookup, DmarcReportAuthorization, DmarcDiscovery } from "./dmarc.js";
export { dkimProbe, probeDkim } from "./dkim.js";
export type { DkimEvidence, DkimSelectorLookup } from "./dkim.js";
export { mtaStsProbe, probeMtaSts, mtaStsPolicyUrl } from "./mta-sts.js";
export type { MtaStsEvidence } from "./mta-sts.js";

/** The policy areas of the DNS audit: DMARC, DKIM keys, MTA-STS (all phase 2). */
export const policyProbes: DomainProbe[] = [dmarcProbe, dkimProbe, mtaStsProbe];
