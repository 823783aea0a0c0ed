import type { Answer } from "dns-packet";
import { canonicalName, fromWire } from "./records.js";
import type { DnsRecord, RRType } from "./types.js";

/** Most CNAMEs followed from one name, as the memory resolver and common resolvers do. */
export const MAX_CNAME = 8;

/** Where following CNAMEs through one answer section ended. */
export type ChainStep =
  /** Records of the asked type at the end of the chain. */
  | { kind: "data"; records: DnsRecord[]; ttl: number }
  /** No data and no further CNAME at `current`; `advanced` when this answer moved the chain on. */
  | { kind: "end"; current: string; advanced: boolean; ttl: number }
  /** The CNAME at the end points back to a name already followed (it is appended to `chain`). */
  | { kind: "loop" }
  | { kind: "too-long" };

/**
 * Follows the CNAMEs of one answer section from `start`, appending each target to `chain` and
 * `visited` (shared across the answers of one question, so a loop spread over several answers is
 * caught too). Only IN-class records whose owner is the current name count: whatever else a server
 * puts in the answer section (records for other names) is ignored, never trusted.
 * @example
 *   const chain: string[] = [];
 *   followChain(packet.answers ?? [], "smtp.lab.test", "A", chain, new Set(["smtp.lab.test"]));
 */
export function followChain(
  answers: readonly Answer[],
  start: string,
  type: RRType,
  chain: string[],
  visited: Set<string>,
): ChainStep {
  const inClass = answers.filter((a) => !("class" in a) || a.class === undefined || a.class === "IN");
  let current = start;
  let advanced = false;
  let ttl = Number.POSITIVE_INFINITY;
  for (;;) {
    const here = inClass.filter((a) => canonicalName(a.name) === current);
    const records = here.filter((a) => (a.type as string) === type).flatMap((a) => fromWire(a) ?? []);
    if (records.length) return { kind: "data", records, ttl: Math.min(ttl, ...records.map((r) => r.ttl)) };
    const cname = type === "CNAME" ? undefined : here.find((a) => a.type === "CNAME");
    if (!cname || !("data" in cname)) return { kind: "end", current, advanced, ttl };
    const target = canonicalName(String(cname.data));
    if (visited.has(target)) {
      chain.push(target);
      return { kind: "loop" };
    }
    if (chain.length >= MAX_CNAME) return { kind: "too-long" };
    ttl = Math.min(ttl, typeof cname.ttl === "number" ? cname.ttl : 0);
    visited.add(target);
    chain.push(target);
    current = target;
    advanced = true;
  }
}
