import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type Finding } from "../core/finding.js";
import { txtValues } from "../net/dns/types.js";
import type { TxtLookup } from "../probes/bimi.js";
import { bimiDmarcShortfall, isBimiRecord, parseBimi, type BimiProblemCode } from "../standards/bimi.js";
import { isDmarcRecord, parseDmarcRecord } from "../standards/dmarc.js";
import { dnsBlock, failed, lookupFailed } from "./dns-evidence.js";

const AREA = "bimi";
const DRAFT = "draft-brand-indicators-for-message-identification";

const PROBLEM_IDS: Record<BimiProblemCode, string> = {
  version: "bimi.syntax",
  "tag.syntax": "bimi.syntax",
  "tag.duplicate": "bimi.syntax",
  "location.missing": "bimi.location.missing",
  "location.not-https": "bimi.location.not-https",
  "location.invalid": "bimi.location.invalid",
  "location.not-svg": "bimi.location.not-svg",
  "authority.not-https": "bimi.authority.not-https",
  "authority.invalid": "bimi.authority.invalid",
  "authority.missing": "bimi.authority.missing",
};

/** The first lookup that failed, or the first one with a matching record; undefined when none has one. */
function pick(
  lookups: TxtLookup[],
  match: (txt: string) => boolean,
): { lookup: TxtLookup; failure: boolean } | undefined {
  for (const l of lookups) {
    if (failed(l.answer)) return { lookup: l, failure: true };
    if (txtValues(l.answer).some(match)) return { lookup: l, failure: false };
  }
  return undefined;
}

/** BIMI needs DMARC enforcement: p (and sp) quarantine or reject, pct=100 (draft §4.3). */
function checkDmarcForBimi(domain: string, lookups: TxtLookup[]): Finding[] {
  const found = pick(lookups, isDmarcRecord);
  const blocks = lookups.map((l) => dnsBlock(l.answer));
  if (found?.failure) return [lookupFailed(AREA, found.lookup.answer, "warning", found.lookup.name, [DRAFT])];
  const raw = found ? txtValues(found.lookup.answer).find(isDmarcRecord) : undefined;
  if (!found || raw === undefined)
    return [
      finding("bimi.dmarc.missing", "error", AREA, domain, { domain }, blocks, [DRAFT, "RFC 7489 §6.3"]),
    ];
  const r = parseDmarcRecord(raw);
  const facts = { p: r.usable ? r.p : undefined, sp: r.sp, pct: r.pct };
  const shortfall = bimiDmarcShortfall(facts);
  if (!shortfall) return [];
  const params = {
    domain,
    record: found.lookup.name,
    p: facts.p ?? "-",
    sp: facts.sp ?? "-",
    pct: facts.pct,
    shortfall,
  };
  return [
    finding("bimi.dmarc.not-enforced", "warning", AREA, domain, params, blocks, [DRAFT, "RFC 7489 §6.3"]),
  ];
}

/** Judges the BIMI record and the DMARC policy it depends on. */
export function checkBimi(evidence: Evidence): Finding[] {
  const b = evidence.bimi;
  if (!b) return [];
  const domain = evidence.target;
  const blocks = b.lookups.map((l) => dnsBlock(l.answer));
  const found = pick(b.lookups, isBimiRecord);
  if (found?.failure) return [lookupFailed(AREA, found.lookup.answer, "warning", found.lookup.name, [DRAFT])];
  if (!found) return [finding("bimi.missing", "info", AREA, domain, { domain }, blocks, [DRAFT])];
  const name = found.lookup.name;
  const records = txtValues(found.lookup.answer).filter(isBimiRecord);
  if (records.length > 1)
    return [
      finding("bimi.multiple", "error", AREA, name, { domain, count: records.length }, blocks, [DRAFT]),
    ];
  const parsed = parseBimi(records[0] ?? "");
  if (parsed.declined) return [finding("bimi.declined", "info", AREA, name, { domain }, blocks, [DRAFT])];
  const out: Finding[] = parsed.problems.map((p) =>
    finding(PROBLEM_IDS[p.code], p.severity, AREA, name, { domain, text: p.text ?? "" }, blocks, [DRAFT]),
  );
  if (!parsed.problems.some((p) => p.severity === "error")) {
    out.push(
      finding(
        "bimi.ok",
        "ok",
        AREA,
        name,
        { domain, location: parsed.location ?? "-", authority: parsed.authority || "-" },
        blocks,
        [DRAFT],
      ),
    );
  }
  return [...out, ...checkDmarcForBimi(domain, b.dmarc)];
}

export const bimiCheck: Check = { name: "bimi.record", area: AREA, run: checkBimi };
