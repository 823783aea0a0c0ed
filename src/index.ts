/** mxray as a library: everything the CLI does is a typed export. */
export {
  auditDns,
  checkDomain,
  collectDomainEvidence,
  judgeEvidence,
  makeReport,
  rejudgeEvidence,
} from "./audit.js";
export { checkMessage, readMessage, analyzeMessage } from "./message/index.js";
export { checkHost, spfQuery } from "./standards/spf/index.js";
export type { Check } from "./core/check.js";
export type { RunContext, Progress } from "./core/context.js";
export type { Evidence, SavedEvidence } from "./core/evidence.js";
export { EXIT, exitCodeFor, UsageError } from "./core/exit-codes.js";
export type { Finding, EvidenceBlock, FindingParams } from "./core/finding.js";
export type { MailHost, MxEvidence } from "./core/mail-hosts.js";
export type { DomainProbe } from "./core/probe.js";
export type { Report } from "./core/report.js";
export type { Severity } from "./core/severity.js";
export { describe, langFromEnv, catalog, type Lang } from "./i18n/index.js";
export {
  allTimedOut,
  checkResolvers,
  createDnsClient,
  parseResolverSpec,
  systemResolvers,
} from "./net/dns/client.js";
export type { DnsClientOptions, DnsClientStats } from "./net/dns/client.js";
export { startDnsServer, type RunningDnsServer, type DnsServerOptions } from "./net/dns/server.js";
export { createMemoryResolver } from "./net/dns/memory.js";
export type { DnsAnswer, DnsClient, DnsRecord, DnsStatus, RRType } from "./net/dns/types.js";
export { renderJson } from "./report/json.js";
export { renderReport } from "./report/terminal.js";
export { collectTlsEndpoint } from "./probes/tls.js";
export { scanTls } from "./net/tls/scan.js";
export { judgeTlsEndpoint } from "./checks/tls.js";
export { matchTlsa } from "./standards/dane-match.js";
export { parseCertificate } from "./standards/certificate.js";
export { rateCipher, rateVersion, rateKeyExchange } from "./standards/tls-rating.js";
export { analyseLogs } from "./server-side/analyse-logs.js";
export { detectQueueFormat, summariseQueue } from "./server-side/queue.js";
export { parseDmarcRecord } from "./standards/dmarc.js";
export { organizationalDomain } from "./standards/organizational-domain.js";
