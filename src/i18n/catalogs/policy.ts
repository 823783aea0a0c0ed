import type { Catalog } from "../types.js";
import { dkimMessages } from "./policy/dkim.js";
import { dmarcMessages } from "./policy/dmarc.js";
import { mtaStsMessages } from "./policy/mta-sts.js";

/** Texts of the policy areas: DMARC, DKIM keys, MTA-STS. */
export const policyMessages: Catalog = {
  ...dmarcMessages,
  ...dkimMessages,
  ...mtaStsMessages,
};
