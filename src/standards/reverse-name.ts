import ipaddr from "ipaddr.js";

/**
 * The PTR query name of an IP address (RFC 1035 §3.5, RFC 3596 §2.5); undefined for a non-address.
 *
 * @example
 *   reverseName("192.0.2.1") // "1.2.0.192.in-addr.arpa"
 *   reverseName("2001:db8::1") // "1.0.0.0....8.b.d.0.1.0.0.2.ip6.arpa"
 */
export function reverseName(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  const ip = ipaddr.process(address);
  const bytes = ip.toByteArray();
  if (ip.kind() === "ipv4") return `${bytes.reverse().join(".")}.in-addr.arpa`;
  const nibbles = bytes.flatMap((b) => [b >> 4, b & 15]).map((n) => n.toString(16));
  return `${nibbles.reverse().join(".")}.ip6.arpa`;
}
