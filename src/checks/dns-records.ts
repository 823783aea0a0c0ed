import type { Check } from "../core/check.js";
import { bimiCheck } from "./bimi.js";
import { daneRecordsCheck } from "./dane-records.js";
import { dnsblCheck } from "./dnsbl.js";
import { dnssecCheck } from "./dnssec.js";
import { mxCheck } from "./mx.js";
import { ptrCheck } from "./ptr.js";
import { tlsRptCheck } from "./tls-rpt.js";

/** Checks of the DNS-record areas, in report order. */
export const dnsRecordsChecks: Check[] = [
  mxCheck,
  ptrCheck,
  dnssecCheck,
  daneRecordsCheck,
  tlsRptCheck,
  bimiCheck,
  dnsblCheck,
];
