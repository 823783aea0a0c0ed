import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type EvidenceBlock, type Finding } from "../core/finding.js";
import type { MailHost, MxEvidence } from "../core/mail-hosts.js";
import type { DnsRecord } from "../net/dns/types.js";
import { classifyAddress } from "../standards/address-scope.js";
import { isSpecialUseDomain, looksLikeAddressName } from "../standards/domain-scope.js";
import { dnsBlock, failed, lookupFailed } from "./dns-evidence.js";

const AREA = "mx";
const RFC5321 = "RFC 5321 §5.1";

/** Findings about one MX target: name form, CNAME, addresses and their scope. */
function checkHost(domain: string, host: MailHost, implicit: boolean): Finding[] {
  const out: Finding[] = [];
  const blocks = host.addressAnswers.map(dnsBlock);
  if (!implicit && looksLikeAddressName(host.name)) {
    out.push(
      finding("mx.target.address-literal", "error", AREA, host.name, { host: host.name }, blocks, [
        "RFC 7505 §3",
        RFC5321,
      ]),
    );
  }
  const viaCname = host.addressAnswers.find((a) => a.cnameChain.length > 0);
  if (!implicit && viaCname) {
    const chain = [host.name, ...viaCname.cnameChain].join(" -> ");
    out.push(
      finding("mx.target.cname", "error", AREA, host.name, { host: host.name, chain }, blocks, [
        "RFC 2181 §10.3",
        RFC5321,
      ]),
    );
  }
  const failures = host.addressAnswers.filter(failed);
  for (const a of failures)
    out.push(lookupFailed(AREA, a, host.addresses.length ? "warning" : "error", host.name, [RFC5321]));
  if (host.addresses.length === 0 && failures.length === 0 && !implicit) {
    out.push(
      finding("mx.target.no-address", "error", AREA, host.name, { host: host.name }, blocks, [RFC5321]),
    );
  }
  // A lab or intranet domain under a special-use name legitimately uses private addresses: there it is
  // a warning (the domain cannot receive Internet mail anyway); for a public domain it is an error.
  const severity = isSpecialUseDomain(domain) ? "warning" : "error";
  for (const address of host.addresses) {
    const scope = classifyAddress(address);
    if (scope && !scope.public) {
      out.push(
        finding(
          "mx.address.not-public",
          severity,
          AREA,
          `${host.name} ${address}`,
          { host: host.name, address, range: scope.range },
          blocks,
          ["RFC 6890", RFC5321],
        ),
      );
    }
  }
  return out;
}

function checkImplicit(domain: string, mx: MxEvidence): Finding[] {
  const host = mx.hosts[0];
  const blocks = [dnsBlock(mx.answer), ...(host?.addressAnswers.map(dnsBlock) ?? [])];
  if (!host || host.addresses.length === 0) {
    const failures = host?.addressAnswers.filter(failed) ?? [];
    if (failures.length) return failures.map((a) => lookupFailed(AREA, a, "error", domain, [RFC5321]));
    return [finding("mx.none", "error", AREA, domain, { domain }, blocks, [RFC5321, "RFC 7505"])];
  }
  return [
    finding(
      "mx.implicit",
      "warning",
      AREA,
      domain,
      { domain, addresses: host.addresses.join(", ") },
      blocks,
      [RFC5321],
    ),
    ...checkHost(domain, host, true),
  ];
}

type MxRecord = Extract<DnsRecord, { type: "MX" }>;

/** RFC 7505 §3: one `MX 0 .` record means "no mail"; other null forms are malformed. */
function checkNullMx(domain: string, nulls: MxRecord[], block: EvidenceBlock): Finding[] {
  const out = [finding("mx.null", "info", AREA, domain, { domain }, [block], ["RFC 7505 §3"])];
  if (nulls.length > 1 || nulls.some((r) => r.preference !== 0)) {
    const preferences = nulls.map((r) => r.preference).join(", ");
    out.push(
      finding(
        "mx.null.malformed",
        "warning",
        AREA,
        domain,
        { domain, preferences },
        [block],
        ["RFC 7505 §3"],
      ),
    );
  }
  return out;
}

/** The shape of an explicit MX set: count, duplicates, and whether it was cut short. */
function checkMxSet(domain: string, mx: MxEvidence, real: MxRecord[], block: EvidenceBlock): Finding[] {
  const list = mx.hosts.map((h) => `${h.preference} ${h.name}`).join(", ");
  const out = [
    finding("mx.present", "ok", AREA, domain, { domain, count: mx.hosts.length, hosts: list }, [block]),
  ];
  if (mx.hosts.length === 1) {
    out.push(
      finding(
        "mx.single",
        "info",
        AREA,
        domain,
        { domain, host: mx.hosts[0]?.name ?? "" },
        [block],
        [RFC5321],
      ),
    );
  }
  const byName = new Map<string, number[]>();
  for (const r of real) byName.set(r.exchange, [...(byName.get(r.exchange) ?? []), r.preference]);
  for (const [host, prefs] of byName) {
    if (prefs.length < 2) continue;
    const preferences = prefs.sort((x, y) => x - y).join(", ");
    out.push(finding("mx.duplicate", "warning", AREA, host, { host, preferences }, [block], [RFC5321]));
  }
  if (byName.size > mx.hosts.length) {
    const params = { domain, count: byName.size, checked: mx.hosts.length };
    out.push(finding("mx.hosts.truncated", "info", AREA, domain, params, [block]));
  }
  return out;
}

/** Whether the hosts together can take mail: none with an address, or all on one address. */
function checkRedundancy(domain: string, hosts: MailHost[]): Finding[] {
  const blocks = hosts.flatMap((h) => h.addressAnswers.map(dnsBlock));
  if (hosts.length > 0 && hosts.every((h) => h.addresses.length === 0 && !h.addressAnswers.some(failed))) {
    return [finding("mx.unreachable", "critical", AREA, domain, { domain }, blocks, [RFC5321])];
  }
  // Several MX names that all lead to the same addresses look redundant but are one server.
  const withAddresses = hosts.filter((h) => h.addresses.length > 0);
  const key = (h: MailHost) => [...h.addresses].sort().join(",");
  if (withAddresses.length > 1 && new Set(withAddresses.map(key)).size === 1) {
    const params = {
      domain,
      hosts: withAddresses.map((h) => h.name).join(", "),
      addresses: withAddresses[0]?.addresses.join(", ") ?? "",
    };
    return [finding("mx.hosts.same-address", "info", AREA, domain, params, blocks, [RFC5321])];
  }
  return [];
}

/** Judges the MX set: presence, null MX, duplicates, count, and every target. */
export function checkMxEvidence(evidence: Evidence): Finding[] {
  const mx = evidence.mx;
  if (!mx) return [];
  const domain = evidence.target;
  const answer = mx.answer;
  const block = dnsBlock(answer);
  if (failed(answer)) return [lookupFailed(AREA, answer, "error", domain, [RFC5321])];
  if (answer.status === "nxdomain") {
    return [finding("mx.domain.nxdomain", "error", AREA, domain, { domain }, [block], [RFC5321])];
  }
  if (mx.implicit) return checkImplicit(domain, mx);

  const records = answer.records.flatMap((r) => (r.type === "MX" ? [r] : []));
  const nulls = records.filter((r) => r.exchange === "" || r.exchange === ".");
  const real = records.filter((r) => !nulls.includes(r));
  if (real.length === 0) return checkNullMx(domain, nulls, block);

  const out: Finding[] = [];
  if (nulls.length) {
    const params = { domain, count: real.length };
    out.push(
      finding("mx.null.mixed", "error", AREA, domain, params, [block], ["RFC 7505 §3", "RFC 7505 §4"]),
    );
  }
  out.push(...checkMxSet(domain, mx, real, block));
  for (const host of mx.hosts) out.push(...checkHost(domain, host, false));
  out.push(...checkRedundancy(domain, mx.hosts));
  return out;
}

export const mxCheck: Check = { name: "mx.records", area: AREA, run: checkMxEvidence };
