import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { UsageError } from "../../core/exit-codes.js";

/** A DNS server address split into its parts. */
export interface ServerAddress {
  host: string;
  port: number;
  family: 4 | 6;
}

const DEFAULT_PORT = 53;

/** glibc reads at most this many `nameserver` lines (MAXNS); more are ignored, so we ignore them too. */
const MAXNS = 3;

function parsePort(text: string, spec: string): number {
  if (!/^\d{1,5}$/.test(text)) throw new UsageError(`bad port in resolver ${JSON.stringify(spec)}`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw new UsageError(`port out of range in resolver ${JSON.stringify(spec)}`);
  return port;
}

/** `host:port` with IPv6 in brackets, the one form every part of mxray uses for a server. */
export function formatServer(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * Parses a `--resolver` value like `dig @server`: an IP address with an optional port.
 * Returns `host:port`, IPv6 in brackets, port 53 by default. Throws UsageError on anything else
 * (a host name is refused: finding the resolver must not itself need DNS).
 * @example
 *   parseResolverSpec("127.0.0.3");      // "127.0.0.3:53"
 *   parseResolverSpec("[::1]:5300");     // "[::1]:5300"
 *   parseResolverSpec("::1");            // "[::1]:53"
 */
export function parseResolverSpec(spec: string): string {
  const s = spec.trim().replace(/^@/, "");
  if (!s) throw new UsageError("empty --resolver");
  let host: string;
  let port = DEFAULT_PORT;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(s);
  if (bracketed) {
    host = bracketed[1] ?? "";
    if (bracketed[2] !== undefined) port = parsePort(bracketed[2], spec);
    if (isIP(host) !== 6) throw new UsageError(`not an IPv6 address in resolver ${JSON.stringify(spec)}`);
  } else if (isIP(s) === 6) {
    host = s;
  } else {
    const colon = s.lastIndexOf(":");
    host = colon >= 0 ? s.slice(0, colon) : s;
    if (colon >= 0) port = parsePort(s.slice(colon + 1), spec);
    if (isIP(host) !== 4) {
      throw new UsageError(
        `--resolver takes an IP address with an optional port (127.0.0.1, 127.0.0.1:5300, [::1]:5300), not ${JSON.stringify(spec)}`,
      );
    }
  }
  return formatServer(host.toLowerCase(), port);
}

/**
 * Splits a `host:port` made by parseResolverSpec back into its parts.
 * @example splitServer("[::1]:5300"); // { host: "::1", port: 5300, family: 6 }
 */
export function splitServer(server: string): ServerAddress {
  const normal = parseResolverSpec(server);
  const m = /^\[(.+)\]:(\d+)$/.exec(normal) ?? /^(.+):(\d+)$/.exec(normal);
  const host = m?.[1] ?? normal;
  return { host, port: Number(m?.[2] ?? DEFAULT_PORT), family: isIP(host) === 6 ? 6 : 4 };
}

/**
 * The `nameserver` lines of a resolv.conf file as `host:port` (the first three, as glibc does).
 * A missing or unreadable file gives an empty list; lines that are not IP addresses are skipped.
 * @example systemResolvers("/etc/resolv.conf"); // ["192.0.2.53:53", "[2001:db8::53]:53"]
 */
export function systemResolvers(path = "/etc/resolv.conf"): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return [];
  }
  const servers: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[#;].*$/, "").trim();
    const m = /^nameserver\s+(\S+)/.exec(line);
    if (!m?.[1]) continue;
    // A link-local IPv6 nameserver may carry a zone (fe80::1%eth0); net.isIP accepts it.
    const addr = m[1];
    if (isIP(addr) === 0) continue;
    const server = formatServer(addr.toLowerCase(), DEFAULT_PORT);
    if (!servers.includes(server)) servers.push(server);
    if (servers.length === MAXNS) break;
  }
  return servers;
}
