import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { DomainProbe } from "../core/probe.js";
import type { DnsAnswer } from "../net/dns/types.js";
import { ask } from "./dns-query.js";

/** The `_smtp._tls.<domain>` TXT answer (RFC 8460 §3); the check parses it. */
export interface TlsRptEvidence {
  name: string;
  answer: DnsAnswer;
}

declare module "../core/evidence.js" {
  interface Evidence {
    tlsRpt?: TlsRptEvidence;
  }
}

/** Phase 2: the TLS-RPT policy record. */
export const tlsRptProbe: DomainProbe = {
  name: "tls-rpt",
  area: "tls-rpt",
  phase: 2,
  async run(evidence: Evidence, ctx: RunContext): Promise<void> {
    const name = `_smtp._tls.${evidence.target}`;
    evidence.tlsRpt = { name, answer: await ask(ctx, name, "TXT") };
  },
};
