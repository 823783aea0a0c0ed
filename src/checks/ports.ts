import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type EvidenceBlock, type Finding } from "../core/finding.js";
import type { Severity } from "../core/severity.js";
import { formatAnswer } from "../net/dns/types.js";
import type { PortResult, PortsEvidence } from "../probes/servers-evidence.js";
import { MAIL_PORTS } from "../standards/mail-ports.js";

/** `25/tcp   open        0.4 ms  smtp` — one line of the port matrix. */
export function formatPortLine(r: PortResult): string {
  const name = MAIL_PORTS[r.port] ?? "";
  const detail = r.state === "open" ? `${r.ms} ms` : `${r.code ?? ""} after ${r.ms} ms`;
  return `${`${r.port}/tcp`.padEnd(10)}${r.state.padEnd(12)}${detail.padEnd(28)}${name}`.trimEnd();
}

/** The port matrix of one address, as evidence. */
export function portMatrixBlock(
  host: string,
  address: string,
  results: readonly PortResult[],
): EvidenceBlock {
  return { kind: "text", label: `${host} ${address}`, lines: results.map(formatPortLine) };
}

const subjectOf = (r: { host: string; address: string }) =>
  r.host === r.address ? r.address : `${r.host} ${r.address}`;

function addressFindings(ev: PortsEvidence, address: string, results: PortResult[]): Finding[] {
  const first = results[0]!;
  const block = portMatrixBlock(first.host, address, results);
  const list = (state: PortResult["state"]) =>
    results
      .filter((r) => r.state === state)
      .map((r) => r.port)
      .join(", ") || "-";
  const out: Finding[] = [
    finding(
      "ports.matrix",
      "info",
      "ports",
      subjectOf(first),
      {
        target: subjectOf(first),
        address,
        host: first.host,
        open: list("open"),
        closed: list("closed"),
        filtered: list("filtered"),
        unreachable: list("unreachable"),
      },
      [block],
    ),
  ];
  for (const r of results) {
    if (r.state === "open") continue;
    const params = { address, host: r.host, port: r.port, state: r.state, code: r.code ?? "", ms: r.ms };
    if (r.port === 25) {
      const severity: Severity = ev.role === "mx" ? "error" : "warning";
      out.push(
        finding(
          `ports.smtp.${r.state}`,
          severity,
          "ports",
          `${subjectOf(r)}:25`,
          params,
          [block],
          ["RFC 5321 §2.3.5", "RFC 5321 §4.5.4.1"],
        ),
      );
    } else if (r.state === "filtered" || r.state === "unreachable") {
      // Closed submission or mailbox ports are a choice; silence or ICMP errors are worth a look.
      out.push(
        finding(`ports.other.${r.state}`, "info", "ports", `${subjectOf(r)}:${r.port}`, params, [block]),
      );
    }
  }
  return out;
}

/**
 * The port matrix of every address, port 25 problems (error on an MX), and a critical finding when
 * no MX address at all accepts connections on port 25.
 */
export function checkPorts(evidence: Evidence): Finding[] {
  const ev = evidence.ports;
  if (!ev) return [];
  const out: Finding[] = [];
  const byAddress = new Map<string, PortResult[]>();
  for (const r of ev.results) byAddress.set(r.address, [...(byAddress.get(r.address) ?? []), r]);
  for (const [address, results] of byAddress) out.push(...addressFindings(ev, address, results));
  // For an MX the MX check already reports a host without addresses (mx.target.no-address).
  for (const h of ev.role === "host" ? ev.hosts : []) {
    if (h.addresses.length === 0) {
      const blocks = (h.answers ?? []).map((a) => ({
        kind: "dns" as const,
        label: `${a.name} ${a.type}`,
        lines: formatAnswer(a),
      }));
      out.push(finding("ports.host.no-address", "warning", "ports", h.name, { host: h.name }, blocks));
    }
  }
  const smtp = ev.results.filter((r) => r.port === 25);
  if (ev.role === "mx" && smtp.length > 0 && !smtp.some((r) => r.state === "open")) {
    const lines = smtp.map((r) => `${r.host} ${r.address} ${formatPortLine(r)}`);
    out.push(
      finding(
        "ports.mx.unreachable",
        "critical",
        "ports",
        evidence.target,
        { domain: evidence.target, tried: smtp.length },
        [{ kind: "text", label: "port 25 of every MX address", lines }],
      ),
    );
  }
  return out;
}

export const portsCheck: Check = { name: "ports", area: "ports", run: checkPorts };
