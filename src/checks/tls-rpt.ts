import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type Finding } from "../core/finding.js";
import { txtValues } from "../net/dns/types.js";
import { isTlsRptRecord, parseTlsRpt, type TlsRptError } from "../standards/tls-rpt.js";
import { dnsBlock, failed, lookupFailed } from "./dns-evidence.js";

const AREA = "tls-rpt";
const REFS = ["RFC 8460 §3"];

const ERROR_IDS: Record<TlsRptError["code"], string> = {
  version: "tlsrpt.syntax",
  "field.syntax": "tlsrpt.syntax",
  "rua.missing": "tlsrpt.rua.missing",
  "rua.duplicate": "tlsrpt.syntax",
  "uri.scheme": "tlsrpt.rua.scheme",
  "uri.invalid": "tlsrpt.rua.invalid",
};

/** Judges the `_smtp._tls` record: one record, v=TLSRPTv1 first, rua= with mailto:/https: URIs. */
export function checkTlsRpt(evidence: Evidence): Finding[] {
  const t = evidence.tlsRpt;
  if (!t) return [];
  const domain = evidence.target;
  const blocks = [dnsBlock(t.answer)];
  if (failed(t.answer)) return [lookupFailed(AREA, t.answer, "warning", t.name, REFS)];
  const all = txtValues(t.answer);
  const records = all.filter(isTlsRptRecord);
  // A TXT that was meant as TLS-RPT but that senders discard (wrong case, no ";" after the version).
  const nearMiss = all.filter((v) => !isTlsRptRecord(v) && /^\s*v\s*=\s*tlsrpt/i.test(v));
  if (records.length === 0) {
    if (nearMiss.length)
      return nearMiss.map((text) =>
        finding("tlsrpt.syntax", "error", AREA, t.name, { domain, text }, blocks, REFS),
      );
    return [finding("tlsrpt.missing", "info", AREA, t.name, { domain }, blocks, REFS)];
  }
  if (records.length > 1)
    return [
      finding("tlsrpt.multiple", "error", AREA, t.name, { domain, count: records.length }, blocks, REFS),
    ];
  const parsed = parseTlsRpt(records[0] ?? "");
  if (parsed.valid) {
    return [
      finding(
        "tlsrpt.ok",
        "ok",
        AREA,
        t.name,
        { domain, rua: parsed.rua.map((u) => u.uri).join(", ") },
        blocks,
        REFS,
      ),
    ];
  }
  return parsed.errors.map((e) =>
    finding(ERROR_IDS[e.code], "error", AREA, t.name, { domain, text: e.text ?? "" }, blocks, REFS),
  );
}

export const tlsRptCheck: Check = { name: "tls-rpt.record", area: AREA, run: checkTlsRpt };
