import type { EvidenceBlock } from "../../core/finding.js";
import type { Severity } from "../../core/severity.js";
import type { TlsScanResult } from "../../net/tls/scan.js";
import type { TlsEndpointEvidence } from "../../probes/tls.js";
import { rateCipher, rateKeyExchange, rateVersion, type TlsRating } from "../../standards/tls-rating.js";

/** `mail.example.com[192.0.2.1]:25`, or `192.0.2.1:25` without a name. */
export function endpointSubject(ep: Pick<TlsEndpointEvidence, "host" | "address" | "port">): string {
  const addr = ep.address.includes(":") ? `[${ep.address}]` : ep.address;
  return ep.host && ep.host !== ep.address ? `${ep.host}[${ep.address}]:${ep.port}` : `${addr}:${ep.port}`;
}

/**
 * Port 25 between MTAs is opportunistic TLS (RFC 7435, RFC 3207 §4): a weak cipher or an unverifiable
 * certificate still beats plaintext, and senders deliver anyway. On the other ports clients log in, so
 * the same weakness weighs more.
 */
export function isOpportunistic(ep: Pick<TlsEndpointEvidence, "port">): boolean {
  return ep.port === 25;
}

/** Severity of a rating on this endpoint: insufficient is an error (a warning on port 25), phase out a warning (info on 25). */
export function severityOfRating(rating: TlsRating, ep: Pick<TlsEndpointEvidence, "port">): Severity {
  const opp = isOpportunistic(ep);
  if (rating === "insufficient") return opp ? "warning" : "error";
  if (rating === "phase-out") return opp ? "info" : "warning";
  return "ok";
}

function kexText(k: { type: string; name?: string; size: number } | undefined): string {
  if (!k) return "static RSA (no forward secrecy)";
  return k.type === "ECDH"
    ? `ECDH ${k.name ?? ""} ${k.size} bits`.replace("  ", " ")
    : `${k.type} ${k.size} bits`;
}

/** Which part of the scan a block shows: everything, or only the version lines. */
export type ScanPart = "all" | "versions";

/** The scan as readable lines: first handshake, versions, suites with their ratings, groups. */
export function scanBlock(ep: TlsEndpointEvidence, part: ScanPart = "all"): EvidenceBlock {
  const s: TlsScanResult = ep.scan;
  const lines: string[] = [
    `mode: ${s.mode === "implicit" ? "implicit TLS" : `STARTTLS (${s.mode})`}; scan: ${s.depth}; ${s.handshakes} handshakes in ${s.elapsedMs} ms`,
  ];
  if (s.first.ok) {
    lines.push(
      `negotiated: ${s.first.protocol} ${s.first.cipherIana} (${s.first.cipher}), key exchange ${kexText(s.first.kex)}`,
    );
  } else {
    lines.push(`first handshake failed at ${s.first.stage}: ${s.first.reason} - ${s.first.detail}`);
  }
  if (s.ssl3)
    lines.push(
      `${"SSLv3".padEnd(8)} ${s.ssl3.state} [insufficient]${s.ssl3.suite ? ` (picked ${s.ssl3.suite})` : ""}${s.ssl3.detail ? ` (${s.ssl3.detail})` : ""}`,
    );
  for (const v of s.versions) {
    const pref = v.serverPreference === null ? "" : v.serverPreference ? "; server order" : "; client order";
    lines.push(
      `${v.version.padEnd(8)} ${v.state} [${rateVersion(v.version)}]${v.state === "accepted" ? ` ${v.ciphers.length} suites${pref}` : ""}${v.detail ? ` (${v.detail})` : ""}`,
    );
    if (part === "versions") continue;
    for (const c of v.ciphers)
      lines.push(
        `   ${c.iana} [${rateCipher(c.iana)}] ${c.legacy ? "(hand-built ClientHello)" : kexText(c.kex)}`,
      );
    if (!v.ciphersComplete) lines.push("   (enumeration stopped early: the list may be incomplete)");
  }
  for (const g of part === "all" ? s.groups : []) {
    lines.push(
      `groups ${g.version}: ${g.accepted.map((a) => `${a.name} [${rateKeyExchange({ type: a.type, name: a.name, size: a.size })}]`).join(", ") || "none"}${g.rejected.length ? `; refused: ${g.rejected.join(", ")}` : ""}`,
    );
  }
  if (s.stopped) lines.push(`scan stopped early: ${s.stopped}`);
  for (const n of s.notTestable) lines.push(`not tested: ${n}`);
  return { kind: "tls", label: endpointSubject(ep), lines };
}

/** The accepted suites of one rating, per version: the evidence of a cipher finding. */
export function cipherBlock(ep: TlsEndpointEvidence, rating: TlsRating): EvidenceBlock {
  const lines: string[] = [];
  const versions = ep.scan.versions.length ? ep.scan.versions : [];
  for (const v of versions)
    for (const c of v.ciphers)
      if (rateCipher(c.iana) === rating)
        lines.push(
          `${v.version} ${c.iana}${c.legacy ? "" : ` (${c.name})`} [${rating}] ${c.legacy ? "(hand-built ClientHello)" : kexText(c.kex)}`,
        );
  if (!versions.length && ep.scan.first.ok)
    lines.push(
      `${ep.scan.first.protocol} ${ep.scan.first.cipherIana} [${rateCipher(ep.scan.first.cipherIana)}] (single handshake)`,
    );
  return { kind: "tls", label: `${endpointSubject(ep)} suites [${rating}]`, lines };
}

/** Each key exchange seen, with its rating and how many suites used it, plus the groups scan. */
export function kexBlock(ep: TlsEndpointEvidence): EvidenceBlock {
  const seen = new Map<string, { rating: TlsRating; count: number }>();
  const note = (k: { type: string; name?: string; size: number }) => {
    const key = kexText(k);
    const e = seen.get(key) ?? { rating: rateKeyExchange(k), count: 0 };
    e.count++;
    seen.set(key, e);
  };
  for (const v of ep.scan.versions) for (const c of v.ciphers) if (c.kex) note(c.kex);
  if (ep.scan.first.ok && ep.scan.first.kex && !ep.scan.versions.length) note(ep.scan.first.kex);
  const lines = [...seen].map(([k, e]) => `${k} [${e.rating}] with ${e.count} suite(s)`);
  for (const g of ep.scan.groups) {
    lines.push(
      `groups ${g.version}: ${g.accepted.map((a) => `${a.name} [${rateKeyExchange({ type: a.type, name: a.name, size: a.size })}]`).join(", ") || "none"}${g.rejected.length ? `; refused: ${g.rejected.join(", ")}` : ""}`,
    );
  }
  return { kind: "tls", label: `${endpointSubject(ep)} key exchange`, lines };
}

/** The STARTTLS dialogue as evidence. */
export function transcriptBlock(ep: TlsEndpointEvidence): EvidenceBlock | undefined {
  const t = ep.scan.first.transcript;
  if (!t.length) return undefined;
  const kind = ep.scan.mode === "imap" ? "imap" : ep.scan.mode === "pop3" ? "pop3" : "smtp";
  return { kind, label: `${endpointSubject(ep)} STARTTLS`, lines: t };
}

/** Joins names for a summary, at most `max`, with "and N more". */
export function listNames(names: readonly string[], max = 6): string {
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown} (+${names.length - max})` : shown;
}
