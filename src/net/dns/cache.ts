import type { DnsAnswer } from "./types.js";

/**
 * A small TTL cache of answers for one run, bounded in entries: the oldest entry goes first when full
 * (a Map keeps insertion order). Only definite answers are stored; failures are asked again.
 * @example
 *   const cache = new AnswerCache(1000, () => Date.now());
 *   cache.set("lab.test MX", answer, 300);
 *   cache.get("lab.test MX");
 */
export class AnswerCache {
  private readonly entries = new Map<string, { answer: DnsAnswer; expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get(key: string): DnsAnswer | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.answer;
  }

  set(key: string, answer: DnsAnswer, ttlSeconds: number): void {
    if (this.maxEntries <= 0 || ttlSeconds <= 0) return;
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { answer, expires: this.now() + ttlSeconds * 1000 });
  }

  get size(): number {
    return this.entries.size;
  }
}
