import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { DomainProbe } from "../core/probe.js";
import type { DnsAnswer } from "../net/dns/types.js";
import { tlsaName } from "../standards/tlsa.js";
import { ask, mapLimit } from "./dns-query.js";

/** The TLSA RRset of one MX host's SMTP service (RFC 7672 §2.2.3: `_25._tcp.<mx host>`). */
export interface TlsaHostEvidence {
  host: string;
  port: number;
  /** The query name, `_25._tcp.<host>`. */
  name: string;
  answer: DnsAnswer;
}

/**
 * TLSA records found for the MX hosts. The TLS area matches them against the certificates it sees:
 * import this type and `assessTlsa` from src/standards/tlsa.ts.
 */
export interface TlsaEvidence {
  hosts: TlsaHostEvidence[];
}

declare module "../core/evidence.js" {
  interface Evidence {
    tlsa?: TlsaEvidence;
  }
}

/** Phase 2: TLSA at `_25._tcp.<host>` for every MX host (the domain itself under implicit MX). */
export const tlsaProbe: DomainProbe = {
  name: "tlsa",
  area: "dane",
  phase: 2,
  async run(evidence: Evidence, ctx: RunContext): Promise<void> {
    const hosts = (evidence.mx?.hosts ?? []).map((h) => h.name);
    const found = await mapLimit(hosts, 8, async (host): Promise<TlsaHostEvidence> => {
      const name = tlsaName(host, 25);
      return { host, port: 25, name, answer: await ask(ctx, name, "TLSA") };
    });
    evidence.tlsa = { hosts: found };
  },
};
