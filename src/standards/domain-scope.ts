/**
 * Special-use and reserved names that can never be reached from the public Internet: RFC 2606
 * (test, example, invalid, localhost and example.com/net/org), RFC 6761, RFC 6762 (local),
 * RFC 7686 (onion), RFC 8375 (home.arpa), RFC 9476 (alt) and ICANN's `internal`.
 */
const SPECIAL_TLDS = new Set([
  "test",
  "example",
  "invalid",
  "localhost",
  "local",
  "onion",
  "alt",
  "internal",
]);
const SPECIAL_SUFFIXES = ["home.arpa", "example.com", "example.net", "example.org"];

/**
 * True for a domain under a special-use or reserved name (like `lab.test`), where private
 * addresses are expected, so problems that matter on the Internet are only warnings there.
 * @example
 *   isSpecialUseDomain("lab.test")    // true
 *   isSpecialUseDomain("example.de")  // false
 */
export function isSpecialUseDomain(domain: string): boolean {
  const name = domain.toLowerCase().replace(/\.$/, "");
  const tld = name.slice(name.lastIndexOf(".") + 1);
  if (SPECIAL_TLDS.has(tld)) return true;
  return SPECIAL_SUFFIXES.some((s) => name === s || name.endsWith(`.${s}`));
}

/**
 * True when an MX exchange looks like an IP address rather than a host name: either the address
 * itself (`192.0.2.1`, `[192.0.2.1]`) or an address that became a name because the zone file forgot
 * the trailing dot (`192.0.2.1.example.com`). RFC 7505 §3 / RFC 5321 §5.1: MX targets are names.
 * @example
 *   looksLikeAddressName("127.0.0.10.lab.test") // true
 *   looksLikeAddressName("mx1.example.com")     // false
 */
export function looksLikeAddressName(name: string): boolean {
  const n = name
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^\[|\]$/g, "");
  if (/^(?:ipv6:)?[0-9a-f]*:[0-9a-f:.]*$/.test(n) && n.includes(":")) return true;
  return /^(?:\d{1,3}\.){3}\d{1,3}(?:\.|$)/.test(n);
}
