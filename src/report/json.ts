import type { Report } from "../core/report.js";
import { describe, type Lang } from "../i18n/index.js";

/** The report as one JSON document, each finding with its texts resolved in `lang`. */
export function renderJson(report: Report, lang: Lang, includeEvidence = false): string {
  const { evidence, ...rest } = report;
  const doc = {
    ...rest,
    lang,
    findings: report.findings.map((f) => ({ ...f, ...describe(f, lang) })),
    ...(includeEvidence && evidence ? { evidence } : {}),
  };
  return JSON.stringify(doc, null, 2);
}
