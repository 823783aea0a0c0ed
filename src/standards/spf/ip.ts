import { isIPv4, isIPv6 } from "node:net";
import ipaddr from "ipaddr.js";

/** A client or network address as bytes; IPv4-mapped IPv6 (`::ffff:192.0.2.1`) becomes IPv4. */
export interface SpfAddress {
  family: 4 | 6;
  bytes: number[];
  /** Canonical text: dotted quad, or RFC 5952 IPv6. */
  text: string;
}

// RFC 7208 §5.6 ABNF: qnum forbids leading zeros and values over 255.
const QNUM = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
const IP4_RE = new RegExp(`^${QNUM}(?:\\.${QNUM}){3}$`);

/** True for an `ip4:` network as RFC 7208's ABNF allows it (strict dotted quad). */
export function isSpfIp4(text: string): boolean {
  return IP4_RE.test(text);
}

/** True for an `ip6:` network: an RFC 4291 text address, no zone index. */
export function isSpfIp6(text: string): boolean {
  return isIPv6(text) && !text.includes("%");
}

/**
 * Parses an address; IPv4-mapped IPv6 is unmapped, since RFC 7208 §5 evaluates such a client as
 * IPv4 (its `ip4`, `a` and `mx` matches and the `%{i}` and `%{v}` macros).
 * @example parseAddress("::ffff:192.0.2.1") // { family: 4, text: "192.0.2.1", ... }
 */
export function parseAddress(text: string): SpfAddress | null {
  const t = text.trim();
  if (isIPv4(t)) {
    const bytes = t.split(".").map(Number);
    return { family: 4, bytes, text: bytes.join(".") };
  }
  if (!isIPv6(t) || t.includes("%")) return null;
  const bytes = ipv6Bytes(t);
  // ::ffff:a.b.c.d only; ::a.b.c.d (IPv4-compatible, deprecated) stays IPv6
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    const v4 = bytes.slice(12);
    return { family: 4, bytes: v4, text: v4.join(".") };
  }
  return { family: 6, bytes, text: ipaddr.fromByteArray(bytes).toString() };
}

/** The 16 bytes of a valid IPv6 text address (checked by the caller with isIPv6). */
function ipv6Bytes(text: string): number[] {
  let t = text.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(t);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    t = `${t.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = t.split("::");
  const h = head ? head.split(":") : [];
  const tl = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - tl.length).fill("0"), ...tl];
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

/** Whether `addr` lies in `network/prefix` (same family only). */
export function inNetwork(addr: SpfAddress, network: SpfAddress, prefix: number): boolean {
  if (addr.family !== network.family) return false;
  let bits = prefix;
  for (let i = 0; i < addr.bytes.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((addr.bytes[i] ?? 0) & mask) !== ((network.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** `%{i}`: dotted quad, or 32 dot-separated nibbles for IPv6 (RFC 7208 §7.3). */
export function macroIp(addr: SpfAddress): string {
  if (addr.family === 4) return addr.text;
  // Upper-case hex, as the OpenSPF suite's explanations expect (DNS itself ignores the case).
  return addr.bytes
    .flatMap((b) => [(b >> 4).toString(16), (b & 15).toString(16)])
    .join(".")
    .toUpperCase();
}

/** The reverse-lookup name: `4.3.2.1.in-addr.arpa` or the nibble `ip6.arpa` name. */
export function reverseName(addr: SpfAddress): string {
  return addr.family === 4
    ? `${[...addr.bytes].reverse().join(".")}.in-addr.arpa`
    : `${macroIp(addr).split(".").reverse().join(".")}.ip6.arpa`;
}
