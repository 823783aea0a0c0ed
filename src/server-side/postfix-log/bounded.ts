/**
 * Bounded aggregation structures: a log of any size must be summarised in memory that does not grow
 * with it. Keyed tables keep at most `2 × capacity` keys; when they overflow, the smallest entries are
 * folded into an "other" remainder (exact whenever a table holds no more than 2 × capacity distinct keys,
 * which covers every real server's per-day report; the report says when a table was folded).
 */

/**
 * A copy of `s` that does not keep its source alive. Lines are slices of 1 MB read chunks; a slice
 * kept in a long-lived table would pin its whole chunk, and memory would grow with the log. Flattening
 * a one-character prefix forces a fresh copy of just these characters.
 */
export function detach(s: string): string {
  return (" " + s).slice(1);
}

/**
 * `s` as V8's single shared (internalised) copy, which holds no slice of a read chunk. Two
 * internalised strings compare by pointer, in `===` and as map keys; for the handful of names a log
 * repeats on every line (hosts, programs).
 */
export function internalize(s: string): string {
  return Object.keys({ [s]: 0 })[0] ?? detach(s);
}

/** A row of a bounded table: a key, its count, and any extra numeric fields. */
export interface TableRow<E> {
  key: string;
  count: number;
  extra: E;
}

/**
 * A counter table with a memory bound.
 *
 * @example
 *   const t = new BoundedTable(100, () => ({ bytes: 0 }));
 *   t.add("lab.test", 1).bytes += 608;
 *   t.top(10); // [{ key: "lab.test", count: 1, extra: { bytes: 608 } }]
 */
export class BoundedTable<E> {
  private readonly rows = new Map<string, TableRow<E>>();
  /** Count folded into the remainder after pruning. */
  otherCount = 0;
  /** Keys dropped by pruning. */
  otherKeys = 0;

  constructor(
    readonly capacity: number,
    private readonly makeExtra: () => E,
  ) {}

  /**
   * The row added to last: consecutive lines often name the same key (a cipher, a relay, a domain),
   * and comparing with it is cheaper than hashing a fresh slice for the map.
   */
  private last: TableRow<E> | undefined;

  /** Adds `n` to `key` and returns its extra fields for the caller to update. */
  add(key: string, n = 1): E {
    const last = this.last;
    let row = last !== undefined && last.key === key ? last : this.rows.get(key);
    if (!row) {
      if (this.rows.size >= this.capacity * 2) this.prune();
      const own = detach(key);
      row = { key: own, count: 0, extra: this.makeExtra() };
      this.rows.set(own, row);
    }
    this.last = row;
    row.count += n;
    return row.extra;
  }

  get(key: string): TableRow<E> | undefined {
    return this.rows.get(key);
  }

  get size(): number {
    return this.rows.size;
  }

  get truncated(): boolean {
    return this.otherKeys > 0;
  }

  /** The `n` largest rows, largest first, ties by key. */
  top(n = Infinity): TableRow<E>[] {
    const all = [...this.rows.values()].sort(
      (a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    return n === Infinity ? all : all.slice(0, n);
  }

  /**
   * The table as plain data that can cross a worker boundary (structured clone); `extraOut` turns
   * an extra into cloneable data when it holds a class instance (a nested table, DelayStats).
   */
  snapshot<X = E>(extraOut?: (e: E) => X): TableSnapshot<X> {
    const rows: TableSnapshot<X>["rows"] = [];
    for (const r of this.rows.values())
      rows.push([r.key, r.count, extraOut ? extraOut(r.extra) : (r.extra as unknown as X)]);
    return { rows, otherCount: this.otherCount, otherKeys: this.otherKeys };
  }

  /**
   * Adds another table's rows (from `snapshot`) to this one: counts are summed and `mergeExtra`
   * folds each extra into this table's row. Exact while neither table was folded.
   */
  absorb<X>(snap: TableSnapshot<X>, mergeExtra?: (into: E, from: X) => void): void {
    for (const [key, count, extra] of snap.rows) {
      const into = this.add(key, count);
      mergeExtra?.(into, extra);
    }
    this.otherCount += snap.otherCount;
    this.otherKeys += snap.otherKeys;
  }

  /** Keeps the `capacity` largest rows; the rest go to the remainder. */
  private prune(): void {
    this.last = undefined;
    const sorted = this.top();
    for (const row of sorted.slice(this.capacity)) {
      this.otherCount += row.count;
      this.otherKeys++;
      this.rows.delete(row.key);
    }
  }
}

/** A BoundedTable as plain, cloneable data. */
export interface TableSnapshot<X> {
  rows: [key: string, count: number, extra: X][];
  otherCount: number;
  otherKeys: number;
}

/** Sums the numeric fields of `from` into `into` (for extras made only of counters). */
export function addCounters<T extends object>(into: T, from: T): void {
  const a = into as Record<string, number>;
  for (const [k, v] of Object.entries(from as Record<string, number>)) a[k] = (a[k] ?? 0) + v;
}

/** DelayStats as plain, cloneable data. */
export interface DelayStatsSnapshot {
  count: number;
  sum: number;
  max: number;
  samples: number[] | undefined;
  buckets: Uint32Array;
}

/** Percentiles of a stream of durations: exact up to `exactLimit` samples, then a log-bucket histogram. */
export class DelayStats {
  count = 0;
  sum = 0;
  max = 0;
  static readonly BUCKETS = 160;
  private samples: number[] | undefined = [];
  private readonly buckets = new Uint32Array(DelayStats.BUCKETS);
  // Buckets grow by 15 % from 10 ms: bucket i covers (0.01·1.15^(i-1), 0.01·1.15^i] seconds,
  // so a percentile read from the histogram is within 15 % of the true value (10 ms .. ~50 days).
  private static readonly BASE = 0.01;
  private static readonly STEP = Math.log(1.15);

  constructor(private readonly exactLimit = 512) {}

  add(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) return;
    this.count++;
    this.sum += seconds;
    if (seconds > this.max) this.max = seconds;
    const b = DelayStats.bucketOf(seconds);
    this.buckets[b] = (this.buckets[b] ?? 0) + 1;
    if (this.samples) {
      this.samples.push(seconds);
      if (this.samples.length > this.exactLimit) this.samples = undefined;
    }
  }

  private static bucketOf(seconds: number): number {
    if (seconds <= DelayStats.BASE) return 0;
    const i = Math.ceil(Math.log(seconds / DelayStats.BASE) / DelayStats.STEP);
    return Math.min(DelayStats.BUCKETS - 1, i);
  }

  snapshot(): DelayStatsSnapshot {
    return {
      count: this.count,
      sum: this.sum,
      max: this.max,
      samples: this.samples,
      buckets: this.buckets,
    };
  }

  /**
   * Adds another stream's statistics: the same result as one stream of both, as samples are kept
   * while the combined count stays within the exact limit and the histogram always.
   */
  absorb(o: DelayStatsSnapshot): void {
    this.count += o.count;
    this.sum += o.sum;
    if (o.max > this.max) this.max = o.max;
    for (let i = 0; i < this.buckets.length; i++)
      this.buckets[i] = (this.buckets[i] ?? 0) + (o.buckets[i] ?? 0);
    if (this.samples && o.samples && this.samples.length + o.samples.length <= this.exactLimit)
      this.samples.push(...o.samples);
    else this.samples = undefined;
  }

  /** Whether percentiles are exact (few samples) or read from the histogram. */
  get exact(): boolean {
    return this.samples !== undefined;
  }

  /** The p-th percentile (0..100), nearest-rank. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    if (this.samples) {
      const sorted = [...this.samples].sort((a, b) => a - b);
      return sorted[rank - 1] ?? 0;
    }
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i] ?? 0;
      if (seen >= rank)
        return Math.min(
          this.max,
          i === 0 ? DelayStats.BASE : DelayStats.BASE * Math.exp(i * DelayStats.STEP),
        );
    }
    return this.max;
  }
}
