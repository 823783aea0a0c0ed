import type { Check } from "../core/check.js";
import { dkimCheck } from "./dkim.js";
import { dmarcCheck } from "./dmarc.js";
import { mtaStsCheck } from "./mta-sts.js";

export { checkDmarc, dmarcCheck } from "./dmarc.js";
export { checkDkim, dkimCheck } from "./dkim.js";
export { checkMtaSts, mtaStsCheck, httpBlock } from "./mta-sts.js";

/** The policy areas of the DNS audit: DMARC, DKIM keys, MTA-STS. */
export const policyChecks: Check[] = [dmarcCheck, dkimCheck, mtaStsCheck];
