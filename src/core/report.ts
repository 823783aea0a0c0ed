import type { Evidence } from "./evidence.js";
import type { Finding } from "./finding.js";
import { SEVERITIES, type Severity } from "./severity.js";

/** What a command produced: findings, optionally the evidence and command-specific data. */
export interface Report {
  tool: "mxray";
  version: string;
  command: string;
  target: string;
  startedAt: string;
  durationMs: number;
  findings: Finding[];
  /** How many findings of each severity. */
  counts: Record<Severity, number>;
  evidence?: Evidence;
  /** Command-specific results (an SPF trace, a log summary...), shown by the command's own renderer. */
  data?: unknown;
}

export function countSeverities(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}
