import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { MailHost } from "../core/mail-hosts.js";
import type { DomainProbe } from "../core/probe.js";
import type { DnsAnswer } from "../net/dns/types.js";
import { tlsaName } from "../standards/tlsa.js";
import { ask, mapLimit } from "./dns-query.js";

/** The TLSA RRset of one MX host's SMTP service (RFC 7672 §2.2.3: `_25._tcp.<mx host>`). */
export interface TlsaHostEvidence {
  host: string;
  port: number;
  /** The query name whose answer decides: `_25._tcp.<host>`, or of the CNAME-expanded host name. */
  name: string;
  answer: DnsAnswer;
  /** Every TLSA question asked for this host, in order (the expanded name first, when there is one). */
  tried: DnsAnswer[];
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

/**
 * The TLSA RRset that applies to one MX host (RFC 7672 §2.2.2): when the host name is an alias that
 * resolves securely (AD) to a final name, senders look first at `_25._tcp.<final name>` and fall back
 * to `_25._tcp.<host>` only when that name has no TLSA records. A failed lookup decides too: DANE
 * senders defer rather than guess.
 */
export async function collectTlsa(ctx: RunContext, host: MailHost): Promise<TlsaHostEvidence> {
  const tried: DnsAnswer[] = [];
  const secureAlias = host.addressAnswers.find(
    (a) => a.cnameChain.length > 0 && a.authenticated && a.status === "noerror",
  );
  const final = secureAlias?.cnameChain[secureAlias.cnameChain.length - 1];
  if (final) {
    const expanded = await ask(ctx, tlsaName(final, 25), "TLSA");
    tried.push(expanded);
    if (expanded.status !== "nodata" && expanded.status !== "nxdomain") {
      return { host: host.name, port: 25, name: expanded.name, answer: expanded, tried };
    }
  }
  const answer = await ask(ctx, tlsaName(host.name, 25), "TLSA");
  tried.push(answer);
  return { host: host.name, port: 25, name: answer.name, answer, tried };
}

/** Phase 2: TLSA at `_25._tcp.<host>` for every MX host (the domain itself under implicit MX). */
export const tlsaProbe: DomainProbe = {
  name: "tlsa",
  area: "dane",
  phase: 2,
  async run(evidence: Evidence, ctx: RunContext): Promise<void> {
    const hosts = evidence.mx?.hosts ?? [];
    evidence.tlsa = { hosts: await mapLimit(hosts, 8, (host) => collectTlsa(ctx, host)) };
  },
};
