import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type Finding } from "../core/finding.js";
import type { TlsaHostEvidence } from "../probes/tlsa.js";
import { assessTlsa, type TlsaProblem } from "../standards/tlsa.js";
import { dnsBlock, failed } from "./dns-evidence.js";

const AREA = "dane";

function describeProblem(p: TlsaProblem): string {
  const detail = Object.entries(p.detail)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return detail ? `${p.code} (${detail})` : p.code;
}

/** Judges the TLSA RRset of one MX host (syntax only; matching certificates is the TLS area's job). */
export function checkTlsaHost(h: TlsaHostEvidence, evidence: Evidence): Finding[] {
  const a = h.answer;
  const blocks = (h.tried?.length ? h.tried : [a]).map(dnsBlock);
  const base = { host: h.host, name: h.name };
  // RFC 7672 §2.2: a TLSA lookup that fails (not "no records") makes DANE senders defer mail.
  if (failed(a))
    return [
      finding(
        "dane.tlsa.lookup-failed",
        "error",
        AREA,
        h.name,
        { ...base, status: a.status.toUpperCase() },
        blocks,
        ["RFC 7672 §2.2"],
      ),
    ];
  const records = a.records.flatMap((r) => (r.type === "TLSA" ? [r] : []));
  if (records.length === 0)
    return [finding("dane.tlsa.none", "info", AREA, h.name, base, blocks, ["RFC 7672 §1.3"])];

  const out: Finding[] = [];
  const assessed = records.map((r) => assessTlsa(r));
  for (const t of assessed) {
    const record = `${t.fields.usage} ${t.fields.selector} ${t.fields.matchingType} ${t.fields.data.length > 24 ? t.fields.data.slice(0, 24) + "…" : t.fields.data}`;
    if (t.problems.length) {
      out.push(
        finding(
          "dane.tlsa.invalid",
          "error",
          AREA,
          h.name,
          { ...base, record, problems: t.problems.map(describeProblem).join("; ") },
          blocks,
          ["RFC 6698 §2.1", "RFC 7672 §3.1"],
        ),
      );
    }
    if (t.fields.usage === 0 || t.fields.usage === 1) {
      out.push(
        finding(
          "dane.tlsa.usage-pkix",
          "warning",
          AREA,
          h.name,
          { ...base, record, usage: t.mnemonic.split(" ")[0] ?? "" },
          blocks,
          ["RFC 7672 §3.1.3"],
        ),
      );
    }
  }
  const usable = assessed.filter((t) => t.usableForSmtp);
  if (usable.length === 0)
    out.push(
      finding("dane.tlsa.unusable", "warning", AREA, h.name, { ...base, count: records.length }, blocks, [
        "RFC 7672 §2.2",
        "RFC 7672 §3.1",
      ]),
    );

  if (!a.authenticated) {
    out.push(
      finding(
        "dane.tlsa.insecure",
        "warning",
        AREA,
        h.name,
        { ...base, resolver: evidence.resolvers.join(", ") || "-" },
        blocks,
        ["RFC 7672 §2.2", "RFC 6698 §4.1"],
      ),
    );
    return out;
  }
  // RFC 7672 §2.2.1-2.2.2: DANE applies only when the MX RRset and the host's addresses are secure too.
  const mx = evidence.mx;
  const host = mx?.hosts.find((x) => x.name === h.host);
  const insecure: string[] = [];
  if (mx && !mx.implicit && !mx.answer.authenticated) insecure.push(`${mx.answer.name} MX`);
  for (const ans of host?.addressAnswers ?? [])
    if (ans.status === "noerror" && !ans.authenticated) insecure.push(`${ans.name} ${ans.type}`);
  if (insecure.length) {
    out.push(
      finding(
        "dane.chain.insecure",
        "warning",
        AREA,
        h.name,
        { ...base, insecure: insecure.join(", ") },
        [...blocks, ...(mx ? [dnsBlock(mx.answer)] : [])],
        ["RFC 7672 §2.2.1", "RFC 7672 §2.2.2"],
      ),
    );
  }
  if (usable.length) {
    out.push(
      finding(
        "dane.tlsa.present",
        "ok",
        AREA,
        h.name,
        {
          ...base,
          count: usable.length,
          records: [...new Set(usable.map((t) => t.mnemonic))].sort().join(", "),
        },
        blocks,
        ["RFC 7672 §3.1"],
      ),
    );
  }
  return out;
}

export const daneRecordsCheck: Check = {
  name: "dane.tlsa-records",
  area: AREA,
  run: (evidence: Evidence) => (evidence.tlsa?.hosts ?? []).flatMap((h) => checkTlsaHost(h, evidence)),
};
