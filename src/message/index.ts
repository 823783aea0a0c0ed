/** `mxray message`: the story of one received message, as a library. */
import { runChecks } from "../core/check.js";
import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import { countSeverities, type Report } from "../core/report.js";
import { VERSION } from "../version.js";
import { analyzeMessage, type AnalyzeOptions } from "./analyze.js";
import { messageChecks } from "./checks.js";
import type { RawMessage } from "./read.js";

export {
  analyzeMessage,
  validateArcMessage,
  MAX_HOPS,
  type AnalyzeOptions,
  type MessageEvidence,
  type MessageSpf,
} from "./analyze.js";
export { messageChecks } from "./checks.js";
export { readMessage, readStream, MAX_MESSAGE_BYTES, type RawMessage } from "./read.js";
export { parseHeaders, MAX_HEADER_BYTES, type HeaderSection, type HeaderField } from "./headers.js";
export { parseReceived, firstExternalHop, type ReceivedHop } from "./received.js";
export { parseAuthResults, type AuthResults, type AuthResultEntry } from "./auth-results.js";
export { recordingResolver, DNS_ERROR_CODES, type RecordingResolver } from "./resolver.js";
export { timeline, totalDelay } from "./checks-delivery.js";
export { renderTimeline, renderAuthentication, renderSummary } from "./render.js";
export type { DkimSignatureReport, DkimResultCode, DkimReason } from "./dkim.js";
export type { ArcReport, ArcInstance } from "./arc.js";
export type { DmarcEvaluation } from "./dmarc.js";

/**
 * Analyses a message and judges it: the report `mxray message` prints.
 * @example
 *   const report = await checkMessage(await readMessage("mail.eml"), ctx);
 *   report.findings.filter((f) => f.area === "dkim");
 */
export async function checkMessage(
  raw: RawMessage,
  ctx: RunContext,
  opts: AnalyzeOptions = {},
): Promise<Report> {
  const started = ctx.now();
  const message = await analyzeMessage(raw, ctx, opts);
  const evidence: Evidence = {
    schema: 1,
    target: raw.source,
    input: raw.source,
    collectedAt: started.toISOString(),
    resolvers: [...ctx.dns.servers],
    message,
  };
  const findings = runChecks(messageChecks, evidence);
  return {
    tool: "mxray",
    version: VERSION,
    command: "message",
    target: raw.source,
    startedAt: started.toISOString(),
    durationMs: ctx.now().getTime() - started.getTime(),
    findings,
    counts: countSeverities(findings),
    evidence,
    data: message,
  };
}
