import { worstSeverity, type Severity } from "./severity.js";

/** Exit codes of the monitoring-plugin convention (Nagios, Icinga, Zabbix, CI jobs). */
export const EXIT = { ok: 0, warning: 1, critical: 2, unknown: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** 0 when all is well, 1 for warnings, 2 for errors or critical findings. */
export function exitCodeFor(severities: Iterable<Severity>): ExitCode {
  const worst = worstSeverity(severities);
  if (worst === "error" || worst === "critical") return EXIT.critical;
  if (worst === "warning") return EXIT.warning;
  return EXIT.ok;
}

/** An error that means "mxray could not run" (bad flags, unreadable input, no resolver): exit 3. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
