import type { Evidence } from "./evidence.js";
import type { Finding } from "./finding.js";

/**
 * A check is a pure function from evidence to findings: no I/O, no clock. Every check has this one
 * signature, so the registry, the CLI, the server and the tests treat them alike. A check whose
 * evidence section is absent returns [] (that area was not probed).
 */
export interface Check {
  /** Unique name of the check, e.g. `dmarc.record`. */
  name: string;
  /** Area its findings belong to (`mx`, `dmarc`, ...). */
  area: string;
  run(evidence: Evidence): Finding[];
}

/** Runs checks over evidence; a check that throws becomes an `internal.check.crashed` finding. */
export function runChecks(checks: readonly Check[], evidence: Evidence): Finding[] {
  const out: Finding[] = [];
  for (const check of checks) {
    try {
      out.push(...check.run(evidence));
    } catch (err) {
      out.push({
        id: "internal.check.crashed",
        severity: "error",
        area: check.area,
        subject: check.name,
        params: { check: check.name, error: err instanceof Error ? err.message : String(err) },
        evidence: [],
      });
    }
  }
  return out;
}
