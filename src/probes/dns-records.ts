import type { DomainProbe } from "../core/probe.js";
import { bimiProbe } from "./bimi.js";
import { dnsblProbe } from "./dnsbl.js";
import { dnssecProbe } from "./dnssec.js";
import { mxProbe } from "./mx.js";
import { ptrProbe } from "./ptr.js";
import { tlsaProbe } from "./tlsa.js";
import { tlsRptProbe } from "./tls-rpt.js";

export type { ReverseDnsEvidence, ReverseDnsEntry } from "./ptr.js";
export type { DnssecEvidence, DnssecSubject, DnssecZone } from "./dnssec.js";
export type { TlsaEvidence, TlsaHostEvidence } from "./tlsa.js";
export type { TlsRptEvidence } from "./tls-rpt.js";
export type { BimiEvidence } from "./bimi.js";
export type { DnsblEvidence, DnsblLookup, DnsblSelfTest } from "./dnsbl.js";

/** The DNS-record areas: MX (phase 1), then reverse DNS, DNSSEC, TLSA, TLS-RPT, BIMI, DNSBL (phase 2). */
export const dnsRecordsProbes: DomainProbe[] = [
  mxProbe,
  ptrProbe,
  dnssecProbe,
  tlsaProbe,
  tlsRptProbe,
  bimiProbe,
  dnsblProbe,
];
