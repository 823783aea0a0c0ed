import ipaddr from "ipaddr.js";

/** Where an IP address can be reached from: the public Internet or only some private scope. */
export interface AddressScope {
  family: 4 | 6;
  /** ipaddr.js range name: `unicast`, `private`, `loopback`, `linkLocal`, `uniqueLocal`, `reserved`... */
  range: string;
  /** True when a mail server on the public Internet could connect to it. */
  public: boolean;
}

// Globally routed ranges besides plain unicast: reachable, so not a "private address" problem.
const ROUTABLE = new Set(["unicast", "6to4", "teredo", "amt", "as112", "as112v6"]);

/**
 * Classifies an address by the IANA special-purpose registries (RFC 6890 and successors), through
 * ipaddr.js. An IPv4-mapped IPv6 address is judged by its IPv4 part. Returns undefined for a
 * string that is not an address.
 * @example
 *   classifyAddress("10.1.2.3")  // { family: 4, range: "private", public: false }
 *   classifyAddress("2001:db8::1") // { family: 6, range: "reserved", public: false }
 */
export function classifyAddress(address: string): AddressScope | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  return { family: parsed.kind() === "ipv4" ? 4 : 6, range, public: ROUTABLE.has(range) };
}

/**
 * The reverse-lookup name of an address (RFC 1035 §3.5 in-addr.arpa, RFC 3596 §2.5 ip6.arpa nibbles),
 * without the suffix when `suffix` is given as "" (DNSBL zones use the same order, RFC 5782 §2.1, §2.4).
 * @example
 *   reverseName("192.0.2.1")        // "1.2.0.192.in-addr.arpa"
 *   reverseName("2001:db8::1", "")  // "1.0.0.0. ... .8.b.d.0.1.0.0.2"
 */
export function reverseName(address: string, suffix?: string): string | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") {
    const octets = parsed.toByteArray().reverse().join(".");
    return suffix === "" ? octets : `${octets}.${suffix ?? "in-addr.arpa"}`;
  }
  const hex = parsed
    .toByteArray()
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
  const nibbles = [...hex].reverse().join(".");
  return suffix === "" ? nibbles : `${nibbles}.${suffix ?? "ip6.arpa"}`;
}

/**
 * The address family of a valid address string, or undefined.
 * @example addressFamily("::1") // 6
 */
export function addressFamily(address: string): 4 | 6 | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return 4;
  if (ipaddr.IPv6.isValid(address)) return 6;
  return undefined;
}
