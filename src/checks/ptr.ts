import ipaddr from "ipaddr.js";
import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type Finding } from "../core/finding.js";
import type { ReverseDnsEntry } from "../probes/ptr.js";
import { looksGenericPtr } from "../standards/ptr-name.js";
import { dnsBlock, failed, lookupFailed } from "./dns-evidence.js";

const AREA = "ptr";
const REFS = ["RFC 1912 §2.1", "RFC 8601 §3"];

const sameAddress = (a: string, b: string): boolean => {
  try {
    return ipaddr.process(a).toNormalizedString() === ipaddr.process(b).toNormalizedString();
  } catch {
    return a === b;
  }
};

/** Judges the reverse DNS of one MX address. */
export function checkReverseEntry(e: ReverseDnsEntry): Finding[] {
  const subject = e.address;
  const hosts = e.hosts.join(", ");
  const blocks = [dnsBlock(e.answer), ...e.forward.map((f) => dnsBlock(f.answer))];
  if (failed(e.answer)) return [lookupFailed(AREA, e.answer, "warning", subject, REFS)];
  // Resolvers rotate RRsets; sorted names keep findings identical from run to run.
  const names = e.answer.records.flatMap((r) => (r.type === "PTR" ? [r.target] : [])).sort();
  if (names.length === 0)
    return [finding("ptr.missing", "warning", AREA, subject, { address: e.address, hosts }, blocks, REFS)];
  const out: Finding[] = [];
  if (names.length > 1)
    out.push(
      finding(
        "ptr.multiple",
        "warning",
        AREA,
        subject,
        { address: e.address, names: names.join(", ") },
        blocks,
        REFS,
      ),
    );
  const confirmed = e.forward.filter((f) =>
    f.answer.records.some((r) => (r.type === "A" || r.type === "AAAA") && sameAddress(r.address, e.address)),
  );
  if (confirmed.length === 0) {
    const failures = e.forward.filter((f) => failed(f.answer));
    if (failures.length === e.forward.length && failures.length > 0) {
      return [...out, ...failures.map((f) => lookupFailed(AREA, f.answer, "warning", subject, REFS))];
    }
    const found = e.forward.flatMap((f) =>
      f.answer.records.flatMap((r) => (r.type === "A" || r.type === "AAAA" ? [r.address] : [])),
    );
    out.push(
      finding(
        "ptr.not-confirmed",
        "warning",
        AREA,
        subject,
        { address: e.address, names: names.join(", "), found: found.length ? found.join(", ") : "-" },
        blocks,
        REFS,
      ),
    );
    return out;
  }
  const generic = names.filter((n) => looksGenericPtr(n, e.address));
  if (generic.length) {
    out.push(
      finding(
        "ptr.name.generic",
        "warning",
        AREA,
        subject,
        { address: e.address, name: generic.join(", ") },
        blocks,
        ["RFC 1912 §2.1", "M3AAWG rDNS Best Practices"],
      ),
    );
  }
  const name = confirmed
    .map((f) => f.name)
    .sort()
    .join(", ");
  out.push(finding("ptr.confirmed", "ok", AREA, subject, { address: e.address, name }, blocks, REFS));
  if (!confirmed.some((f) => e.hosts.includes(f.name))) {
    out.push(
      finding("ptr.name.differs", "info", AREA, subject, { address: e.address, name, hosts }, blocks, [
        "RFC 5321 §4.1.4",
      ]),
    );
  }
  return out;
}

export const ptrCheck: Check = {
  name: "ptr.records",
  area: AREA,
  run: (evidence: Evidence) => (evidence.reverseDns?.entries ?? []).flatMap(checkReverseEntry),
};
