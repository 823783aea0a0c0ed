import type { RunContext } from "./context.js";
import type { Evidence } from "./evidence.js";

/**
 * A probe gathers evidence for one area and writes it into its own section of `Evidence`. It judges
 * nothing and never throws for expected failures (timeouts, refusals): those are evidence.
 *
 * Phases run in order, probes of one phase concurrently:
 *   1 - the MX set (everything else reads `evidence.mx`),
 *   2 - DNS-only areas (PTR, SPF, DMARC, DKIM, MTA-STS, DNSSEC, DANE records, DNSBL...),
 *   3 - the servers themselves (ports, SMTP/IMAP/POP3, TLS).
 * `mxray dns` runs phases 1-2, `mxray check` all three.
 */
export interface DomainProbe {
  name: string;
  area: string;
  phase: 1 | 2 | 3;
  run(evidence: Evidence, ctx: RunContext): Promise<void>;
}
