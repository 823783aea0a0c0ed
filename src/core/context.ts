import type { DnsClient } from "../net/dns/types.js";

/** Progress reporting for long work; the CLI draws it on a TTY, everything else ignores it. */
export interface Progress {
  step(message: string): void;
}

export const silentProgress: Progress = { step: () => {} };

/**
 * Everything a probe needs from the outside world, passed in, never global: tests swap any part,
 * and the server runs many checks at once with their own contexts.
 */
export interface RunContext {
  dns: DnsClient;
  /** Per network step (connect, one DNS query, one SMTP reply) time limit, in milliseconds. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** The clock, for certificate validity and ages; tests pin it. */
  now: () => Date;
  progress: Progress;
  /** Extra trusted CA certificates (PEM) for TLS and HTTPS verification, e.g. `--ca FILE`. */
  extraCa?: string[];
  /** Most connections at once to one IP address (mail servers rate-limit scanners). */
  perHostConcurrency: number;
  /** DKIM selectors given by the user, tried before the built-in list. */
  dkimSelectors?: string[];
  /** DNS blocklist zones to look MX addresses up in (`--dnsbl`); undefined means the built-in list, [] none. */
  dnsbls?: string[];
  /** Options of the servers probe (`--ports`, `--ehlo`, `--relay-test-rcpt`, `--no-relay-test`); undefined means defaults. */
  servers?: { ports?: number[]; ehloName?: string; relayRecipient?: string; relayTest?: boolean };
  /** Which areas to probe; undefined means all. */
  areas?: ReadonlySet<string>;
}
