import type { DnsAnswer } from "../net/dns/types.js";

/** One MX target (or the domain itself under implicit MX) with its resolved addresses. */
export interface MailHost {
  /** Host name, ASCII, no trailing dot. */
  name: string;
  preference: number;
  /** IPv4 and IPv6 addresses found (A then AAAA). */
  addresses: string[];
  /** The A and AAAA answers, as evidence. */
  addressAnswers: DnsAnswer[];
}

/** The MX section of the evidence. Written by the MX probe in phase 1; read by later phases. */
export interface MxEvidence {
  answer: DnsAnswer;
  /** No MX records: mail goes to the domain's own A/AAAA (RFC 5321 §5.1). */
  implicit: boolean;
  /** A single `MX 0 .` (RFC 7505): the domain accepts no mail. */
  nullMx: boolean;
  hosts: MailHost[];
}

declare module "./evidence.js" {
  interface Evidence {
    mx?: MxEvidence;
  }
}
