/** How bad a finding is, from harmless to service-breaking. */
export type Severity = "ok" | "info" | "warning" | "error" | "critical";

export const SEVERITIES: readonly Severity[] = ["ok", "info", "warning", "error", "critical"];

const RANK: Record<Severity, number> = { ok: 0, info: 1, warning: 2, error: 3, critical: 4 };

/** Orders severities: negative when `a` is milder than `b`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}

/** The worst severity in a list, `ok` for an empty list. */
export function worstSeverity(severities: Iterable<Severity>): Severity {
  let worst: Severity = "ok";
  for (const s of severities) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}
