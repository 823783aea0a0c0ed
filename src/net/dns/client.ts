// Placeholder: the wire client (dns-packet, UDP+EDNS0, TCP fallback...) is being built in this file.
import { UsageError } from "../../core/exit-codes.js";
import type { DnsClient } from "./types.js";

export interface DnsClientOptions {
  /** `host:port` strings, IPv6 as `[::1]:53`. */
  servers: string[];
  /** Per-query time limit in ms. */
  timeoutMs: number;
  /** Attempts per server, default 2. */
  retries?: number;
}

export function createDnsClient(_options: DnsClientOptions): DnsClient {
  throw new UsageError("DNS client not built yet");
}

export function parseResolverSpec(spec: string): string {
  return spec;
}

export function systemResolvers(_path = "/etc/resolv.conf"): string[] {
  return [];
}
