import type { RunContext } from "../core/context.js";

/**
 * Politeness towards one mail server: at most `perHost` connections at once to one IP address, and
 * a pause after the server said 421 (busy, rate limited). Mail servers tarpit and block scanners
 * that open many connections; a limited probe gets truthful answers.
 */
export interface HostLimiter {
  /** Waits for a free slot for `address` (and for its back-off to end); returns the release. */
  acquire(address: string, signal?: AbortSignal): Promise<() => void>;
  /** Records a 421 or a dropped session: the next connection to `address` waits first. */
  noteRateLimited(address: string): void;
  /** How many times `address` rate-limited us in this run. */
  rateLimitCount(address: string): number;
  /** Most connections that were open at once to any one address (for tests). */
  readonly peak: number;
}

export interface HostLimiterOptions {
  perHost: number;
  /** First back-off after a 421, doubled at each further one. */
  backoffMs?: number;
  /** Longest back-off. */
  maxBackoffMs?: number;
}

interface HostState {
  active: number;
  queue: Array<() => void>;
  notBefore: number;
  limited: number;
}

/**
 * @example
 *   const limiter = createHostLimiter({ perHost: 2 });
 *   const release = await limiter.acquire("192.0.2.1");
 *   try { ...talk to the server... } finally { release(); }
 */
export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const perHost = Math.max(1, options.perHost);
  const backoffMs = options.backoffMs ?? 2000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const hosts = new Map<string, HostState>();
  let peak = 0;
  const stateOf = (address: string): HostState => {
    let s = hosts.get(address);
    if (!s) hosts.set(address, (s = { active: 0, queue: [], notBefore: 0, limited: 0 }));
    return s;
  };

  const waitUntil = (at: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      const ms = at - Date.now();
      if (ms <= 0 || signal?.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done, { once: true });
    });

  return {
    get peak() {
      return peak;
    },
    async acquire(address, signal) {
      const s = stateOf(address);
      if (s.active >= perHost) await new Promise<void>((resolve) => s.queue.push(resolve));
      else s.active++;
      peak = Math.max(peak, s.active);
      await waitUntil(s.notBefore, signal);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const next = s.queue.shift();
        // hand the slot over directly, so `active` never dips below the real count
        if (next) next();
        else s.active--;
      };
    },
    noteRateLimited(address) {
      const s = stateOf(address);
      s.limited++;
      s.notBefore = Date.now() + Math.min(maxBackoffMs, backoffMs * 2 ** (s.limited - 1));
    },
    rateLimitCount(address) {
      return hosts.get(address)?.limited ?? 0;
    },
  };
}

const perContext = new WeakMap<RunContext, HostLimiter>();

/**
 * The limiter shared by every probe of one run (ports, SMTP, IMAP, POP3, TLS), so together they
 * respect `ctx.perHostConcurrency`.
 */
export function hostLimiterFor(ctx: RunContext): HostLimiter {
  let l = perContext.get(ctx);
  if (!l) perContext.set(ctx, (l = createHostLimiter({ perHost: ctx.perHostConcurrency })));
  return l;
}
