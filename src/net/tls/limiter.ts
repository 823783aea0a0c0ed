/** Runs at most `max` tasks at once; the rest wait in order. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * A counting semaphore, used to keep the connections to one address at or under
 * `ctx.perHostConcurrency` (mail servers tarpit and rate-limit scanners).
 * @example
 *   const limit = createLimiter(2);
 *   await Promise.all(jobs.map((j) => limit.run(() => j())));
 */
export function createLimiter(max: number): Limiter {
  let active = 0;
  const queue: (() => void)[] = [];
  const limit = Math.max(1, max);
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in between.
      if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        const next = queue.shift();
        if (next) next();
        else active--;
      }
    },
  };
}
