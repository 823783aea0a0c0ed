import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type Finding } from "../core/finding.js";
import { txtValues } from "../net/dns/types.js";
import type { DnsblSelfTest } from "../probes/dnsbl.js";
import { describeDnsblCode, interpretDnsblAnswer } from "../standards/dnsbl.js";
import { dnsBlock } from "./dns-evidence.js";

const AREA = "dnsbl";
const REFS = ["RFC 5782 §2"];

/** Why a list's RFC 5782 §5 self-test says its answers cannot be trusted, or undefined when it passed. */
export function selfTestProblem(t: DnsblSelfTest): "lists-control" | "test-not-listed" | undefined {
  if (interpretDnsblAnswer(t.control).outcome === "listed") return "lists-control";
  if (interpretDnsblAnswer(t.test).outcome === "not-listed") return "test-not-listed";
  return undefined;
}

/** Judges every address against every list; an unknown answer is never "not listed". */
export function checkDnsbl(evidence: Evidence): Finding[] {
  const d = evidence.dnsbl;
  if (!d) return [];
  const out: Finding[] = [];
  const broken = new Map<string, DnsblSelfTest>();
  for (const t of d.selfTests) {
    const problem = selfTestProblem(t);
    if (!problem) continue;
    broken.set(t.zone, t);
    const id = problem === "lists-control" ? "dnsbl.zone.lists-everything" : "dnsbl.zone.test-missing";
    out.push(
      finding(
        id,
        "warning",
        AREA,
        t.zone,
        { zone: t.zone },
        [dnsBlock(t.test), dnsBlock(t.control)],
        ["RFC 5782 §5"],
      ),
    );
  }
  // A list that does not list its own test entry says "not listed" to everything: its NXDOMAIN means nothing.
  const deaf = new Set(
    d.selfTests.filter((t) => selfTestProblem(t) === "test-not-listed").map((t) => t.zone),
  );
  // Lists that do not list the IPv6 test entry do not cover IPv6: their answers for IPv6 say nothing.
  const noIpv6 = new Set(
    d.selfTests.flatMap((t) =>
      t.test6 && !deaf.has(t.zone) && interpretDnsblAnswer(t.test6).outcome === "not-listed" ? [t.zone] : [],
    ),
  );
  for (const t of d.selfTests) {
    if (noIpv6.has(t.zone) && t.test6) {
      out.push(
        finding(
          "dnsbl.zone.no-ipv6",
          "info",
          AREA,
          t.zone,
          { zone: t.zone },
          [dnsBlock(t.test6)],
          ["RFC 5782 §2.4", "RFC 5782 §5"],
        ),
      );
    }
  }
  const judged = d.lookups.filter(
    (l) =>
      !(noIpv6.has(l.zone) && l.address.includes(":") && !l.address.toLowerCase().startsWith("::ffff:")) &&
      !(deaf.has(l.zone) && interpretDnsblAnswer(l.answer).outcome === "not-listed"),
  );
  const clean = new Map<string, string[]>();
  for (const l of judged) {
    const v = interpretDnsblAnswer(l.answer);
    const blocks = [dnsBlock(l.answer), ...(l.txt ? [dnsBlock(l.txt)] : [])];
    const subject = `${l.address} ${l.zone}`;
    const codes = v.codes.map((c) => describeDnsblCode(l.zone, c)).join(", ");
    const params = { address: l.address, zone: l.zone, codes: codes || "-" };
    switch (v.outcome) {
      case "not-listed":
        clean.set(l.address, [...(clean.get(l.address) ?? []), l.zone]);
        break;
      case "listed": {
        const reason = l.txt ? txtValues(l.txt).join(" | ") : "";
        const id = broken.has(l.zone) ? "dnsbl.listed.unreliable" : "dnsbl.listed";
        out.push(
          finding(
            id,
            broken.has(l.zone) ? "warning" : "error",
            AREA,
            subject,
            { ...params, reason: reason || "-" },
            blocks,
            REFS,
          ),
        );
        break;
      }
      case "refused":
        out.push(finding("dnsbl.refused", "warning", AREA, subject, params, blocks, REFS));
        break;
      case "unexpected":
        out.push(finding("dnsbl.unexpected", "warning", AREA, subject, params, blocks, REFS));
        break;
      case "failed":
        out.push(
          finding(
            "dnsbl.lookup-failed",
            "warning",
            AREA,
            subject,
            { ...params, status: l.answer.status.toUpperCase() },
            blocks,
            REFS,
          ),
        );
        break;
    }
  }
  const perAddress = new Map<string, number>();
  for (const l of judged) perAddress.set(l.address, (perAddress.get(l.address) ?? 0) + 1);
  for (const [address, total] of perAddress) {
    const zones = clean.get(address) ?? [];
    if (zones.length === total) {
      out.push(
        finding(
          "dnsbl.clean",
          "ok",
          AREA,
          address,
          { address, count: total, zones: zones.join(", ") },
          [],
          REFS,
        ),
      );
    }
  }
  return out;
}

export const dnsblCheck: Check = { name: "dnsbl.listings", area: AREA, run: checkDnsbl };
