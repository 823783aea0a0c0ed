/**
 * DNS blocklists (RFC 5782): an address is looked up as an A query for its reversed form under
 * the list's zone (`2.0.0.127.zen.example`; IPv6 as 32 reversed nibbles). Pure: query names and the
 * reading of answers; the lookups themselves are done by the DNSBL probe.
 */
import type { DnsAnswer } from "../net/dns/types.js";
import { classifyAddress, reverseName } from "./address-scope.js";

/**
 * Widely used public lists, used when the user names none. Some refuse queries that arrive through
 * large public resolvers (Spamhaus answers 127.255.255.254): ask through your own resolver.
 */
export const DEFAULT_DNSBLS: readonly string[] = [
  "zen.spamhaus.org",
  "bl.spamcop.net",
  "b.barracudacentral.org",
  "psbl.surriel.com",
  "bl.mailspike.net",
];

/**
 * The question to ask a list about an address; an IPv4-mapped IPv6 address is asked in IPv4 form.
 * @example
 *   dnsblQueryName("192.0.2.99", "bl.example") // "99.2.0.192.bl.example"
 */
export function dnsblQueryName(address: string, zone: string): string | undefined {
  const scope = classifyAddress(address);
  if (!scope) return undefined;
  const plain =
    address.toLowerCase().startsWith("::ffff:") && scope.family === 4 ? address.slice(7) : address;
  const rev = reverseName(plain, "");
  return rev ? `${rev}.${zone.toLowerCase().replace(/\.$/, "")}` : undefined;
}

/** RFC 5782 §5: every IPv4 list lists 127.0.0.2 and never 127.0.0.1 (IPv6: ::FFFF:7F00:2 and ::1). */
export const DNSBL_TEST_ADDRESS = "127.0.0.2";
export const DNSBL_CONTROL_ADDRESS = "127.0.0.1";

/**
 * The IPv6 test entry of RFC 5782 §5 (::FFFF:7F00:2), asked in nibble form: a list that does not
 * list it does not cover IPv6, so its NXDOMAIN for an IPv6 address means nothing.
 * @example dnsblIpv6TestName("bl.example") // "2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.bl.example"
 */
export function dnsblIpv6TestName(zone: string): string {
  return `${reverseName("::ffff:7f00:2", "")}.${zone.toLowerCase().replace(/\.$/, "")}`;
}

/**
 * What one list's answer means:
 * - `listed`: A records in 127.0.0.0/8 (the return codes say why, list by list);
 * - `not-listed`: NXDOMAIN (or NODATA);
 * - `refused`: the list answered with a code it uses to refuse the query (127.255.255.0/24, the
 *   Spamhaus convention for public-resolver or over-limit queries; 127.0.0.1, which RFC 5782 §5
 *   forbids as a listing and several lists use to signal a blocked query);
 * - `unexpected`: addresses outside 127.0.0.0/8 (a dead list whose domain now answers everything);
 * - `failed`: SERVFAIL, timeout, REFUSED... the answer is unknown, never "not listed".
 */
export type DnsblOutcome = "listed" | "not-listed" | "refused" | "unexpected" | "failed";

export interface DnsblVerdict {
  outcome: DnsblOutcome;
  /** The A records returned, e.g. ["127.0.0.2"]. */
  codes: string[];
}

/**
 * Reads a DNSBL answer.
 * @example interpretDnsblAnswer(answer).outcome // "listed" for an A 127.0.0.2
 */
export function interpretDnsblAnswer(answer: DnsAnswer): DnsblVerdict {
  const codes = answer.records.flatMap((r) => (r.type === "A" ? [r.address] : []));
  switch (answer.status) {
    case "nxdomain":
    case "nodata":
      return { outcome: "not-listed", codes };
    case "noerror":
      break;
    default:
      return { outcome: "failed", codes };
  }
  if (codes.length === 0) return { outcome: "not-listed", codes };
  if (codes.some((c) => c.startsWith("127.255.255.") || c === "127.0.0.1"))
    return { outcome: "refused", codes };
  if (codes.every((c) => c.startsWith("127."))) return { outcome: "listed", codes };
  return { outcome: "unexpected", codes };
}

// Spamhaus ZEN return codes (https://docs.spamhaus.com), the most widely used list.
const SPAMHAUS: Record<string, string> = {
  "127.0.0.2": "SBL",
  "127.0.0.3": "SBL CSS",
  "127.0.0.4": "XBL",
  "127.0.0.5": "XBL",
  "127.0.0.6": "XBL",
  "127.0.0.7": "XBL",
  "127.0.0.9": "SBL DROP",
  "127.0.0.10": "PBL (ISP)",
  "127.0.0.11": "PBL (Spamhaus)",
  "127.255.255.252": "typing error in the DNSBL name",
  "127.255.255.254": "query through a public or open resolver",
  "127.255.255.255": "excessive number of queries",
};

/**
 * A short meaning for a return code, when the list is known; otherwise the code itself.
 * @example describeDnsblCode("zen.spamhaus.org", "127.0.0.4") // "127.0.0.4 (XBL)"
 */
export function describeDnsblCode(zone: string, code: string): string {
  const z = zone.toLowerCase();
  const meaning = z.endsWith("spamhaus.org") || z.endsWith("spamhaus.net") ? SPAMHAUS[code] : undefined;
  return meaning ? `${code} (${meaning})` : code;
}

/**
 * Checks a list zone name the user gave (a DNS name of 2+ labels, no address).
 * @example isValidDnsblZone("bl.example") // true
 */
export function isValidDnsblZone(zone: string): boolean {
  const z = zone.replace(/\.$/, "");
  return /^(?=.{3,200}$)([A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(
    z,
  );
}
