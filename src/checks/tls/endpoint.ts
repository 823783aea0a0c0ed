import { finding, type EvidenceBlock, type Finding } from "../../core/finding.js";
import type { AcceptedCipher } from "../../net/tls/scan.js";
import type { TlsEndpointEvidence } from "../../probes/tls.js";
import {
  rateCipher,
  rateKeyExchange,
  rateVersion,
  ratingRank,
  type TlsRating,
} from "../../standards/tls-rating.js";
import {
  cipherBlock,
  endpointSubject,
  isOpportunistic,
  kexBlock,
  listNames,
  scanBlock,
  severityOfRating,
  transcriptBlock,
} from "./common.js";

const NCSC = "NCSC-NL TLS guidelines 2025 (as applied by internet.nl)";

/**
 * Whether TLS could be judged at all. A closed or silent port is the ports area's finding, so it
 * gives nothing here; a server that offers no STARTTLS gets an info (the SMTP area reports it).
 */
export function handshakeFindings(ep: TlsEndpointEvidence): Finding[] {
  const subject = endpointSubject(ep);
  const first = ep.scan.first;
  const tblock = transcriptBlock(ep);
  const blocks: EvidenceBlock[] = tblock ? [tblock] : [];
  const params = { endpoint: subject, port: ep.port };
  if (first.ok) {
    const out = [
      finding(
        "tls.handshake.ok",
        "ok",
        "tls",
        subject,
        {
          ...params,
          version: first.protocol,
          cipher: first.cipherIana,
          kex: first.kex ? `${first.kex.name ?? first.kex.type} ${first.kex.size}` : "RSA",
        },
        [scanBlock(ep), ...blocks],
      ),
    ];
    if (first.trailingBytes) {
      out.push(
        finding(
          "tls.starttls.trailing-data",
          "warning",
          "tls",
          subject,
          { ...params, bytes: first.trailingBytes },
          blocks,
          ["RFC 3207 §4.2", "CVE-2011-0411"],
        ),
      );
    }
    return out;
  }
  if (first.stage === "connect") return [];
  if (first.stage === "preamble") {
    if (first.reason === "not-offered")
      return [
        finding(
          "tls.endpoint.no-starttls",
          ep.port === 25 ? "info" : "warning",
          "tls",
          subject,
          params,
          blocks,
          ["RFC 3207"],
        ),
      ];
    return [
      finding(
        "tls.endpoint.preamble-failed",
        "warning",
        "tls",
        subject,
        { ...params, reason: first.reason, detail: first.detail },
        blocks,
      ),
    ];
  }
  return [
    finding(
      "tls.handshake.failed",
      "error",
      "tls",
      subject,
      { ...params, reason: first.reason, detail: first.detail },
      [scanBlock(ep), ...blocks],
      ["RFC 8446", "RFC 3207"],
    ),
  ];
}

/** Versions accepted, rated (NCSC 3.3.1). A single-handshake scan judges the negotiated version only. */
export function versionFindings(ep: TlsEndpointEvidence): Finding[] {
  const first = ep.scan.first;
  if (!first.ok) return [];
  const subject = endpointSubject(ep);
  const block = scanBlock(ep, "versions");
  const accepted =
    ep.scan.depth === "full"
      ? ep.scan.versions.filter((v) => v.state === "accepted").map((v) => v.version as string)
      : [first.protocol];
  if (ep.scan.ssl3?.state === "accepted") accepted.unshift("SSLv3");
  const bad = accepted.filter((v) => rateVersion(v) === "insufficient");
  const out: Finding[] = [];
  if (bad.length) {
    out.push(
      finding(
        "tls.version.insufficient",
        severityOfRating("insufficient", ep),
        "tls",
        subject,
        { endpoint: subject, versions: bad.join(", ") },
        [block],
        [NCSC, "RFC 8996", "RFC 7568"],
      ),
    );
  }
  if (
    ep.scan.depth === "full" &&
    !accepted.includes("TLSv1.3") &&
    ep.scan.versions.find((v) => v.version === "TLSv1.3")?.state === "rejected"
  ) {
    out.push(
      finding(
        "tls.version.no-tls13",
        "info",
        "tls",
        subject,
        { endpoint: subject },
        [block],
        [NCSC, "RFC 8446"],
      ),
    );
  }
  if (!bad.length && ep.scan.depth === "full")
    out.push(
      finding(
        "tls.version.ok",
        "ok",
        "tls",
        subject,
        { endpoint: subject, versions: accepted.join(", ") },
        [block],
        [NCSC],
      ),
    );
  const unknown = ep.scan.versions.filter((v) => v.state === "unknown");
  if (unknown.length || ep.scan.stopped) {
    out.push(
      finding(
        "tls.scan.incomplete",
        "info",
        "tls",
        subject,
        {
          endpoint: subject,
          versions: unknown.map((v) => v.version).join(", ") || "-",
          reason: ep.scan.stopped ?? unknown[0]?.detail ?? "",
        },
        [block],
      ),
    );
  }
  return out;
}

function allAccepted(ep: TlsEndpointEvidence): AcceptedCipher[] {
  const first = ep.scan.first;
  if (ep.scan.depth === "single" || ep.scan.versions.length === 0) {
    return first.ok
      ? [{ name: first.cipher, iana: first.cipherIana, ...(first.kex ? { kex: first.kex } : {}) }]
      : [];
  }
  const seen = new Map<string, AcceptedCipher>();
  for (const v of ep.scan.versions) for (const c of v.ciphers) if (!seen.has(c.iana)) seen.set(c.iana, c);
  return [...seen.values()];
}

/** Cipher suites (NCSC appendix B) and key exchange (NCSC 3.3.2.1 / 3.3.3.1), worst first. */
export function cipherFindings(ep: TlsEndpointEvidence): Finding[] {
  if (!ep.scan.first.ok) return [];
  const subject = endpointSubject(ep);
  const block = scanBlock(ep, "versions");
  const kblock = kexBlock(ep);
  const ciphers = allAccepted(ep);
  const by = (r: TlsRating) => ciphers.filter((c) => rateCipher(c.iana) === r).map((c) => c.iana);
  const out: Finding[] = [];
  const insufficient = by("insufficient");
  const phaseOut = by("phase-out");
  if (insufficient.length) {
    out.push(
      finding(
        "tls.cipher.insufficient",
        severityOfRating("insufficient", ep),
        "tls",
        subject,
        { endpoint: subject, count: insufficient.length, ciphers: listNames(insufficient) },
        [cipherBlock(ep, "insufficient")],
        [NCSC],
      ),
    );
  }
  if (phaseOut.length) {
    out.push(
      finding(
        "tls.cipher.phase-out",
        severityOfRating("phase-out", ep),
        "tls",
        subject,
        { endpoint: subject, count: phaseOut.length, ciphers: listNames(phaseOut) },
        [cipherBlock(ep, "phase-out")],
        [NCSC],
      ),
    );
  }
  if (!insufficient.length && !phaseOut.length && ep.scan.depth === "full") {
    out.push(
      finding(
        "tls.cipher.ok",
        "ok",
        "tls",
        subject,
        { endpoint: subject, count: ciphers.length },
        [block],
        [NCSC],
      ),
    );
  }
  // Key exchange: the groups offered one by one, plus the DH sizes seen with DHE suites.
  const kexes = new Map<string, TlsRating>();
  for (const c of ciphers)
    if (c.kex)
      kexes.set(
        c.kex.type === "DH" ? `DH ${c.kex.size}` : (c.kex.name ?? c.kex.type),
        rateKeyExchange(c.kex),
      );
  for (const g of ep.scan.groups)
    for (const a of g.accepted)
      kexes.set(
        a.type === "DH" ? `${a.name} (DH ${a.size})` : a.name,
        rateKeyExchange({ type: a.type, name: a.name, size: a.size }),
      );
  const kexBad = [...kexes].filter(([, r]) => r === "insufficient").map(([n]) => n);
  const kexOld = [...kexes].filter(([, r]) => r === "phase-out").map(([n]) => n);
  if (kexBad.length)
    out.push(
      finding(
        "tls.kex.insufficient",
        severityOfRating("insufficient", ep),
        "tls",
        subject,
        { endpoint: subject, groups: listNames(kexBad) },
        [kblock],
        [NCSC, "RFC 7919"],
      ),
    );
  if (kexOld.length)
    out.push(
      finding(
        "tls.kex.phase-out",
        severityOfRating("phase-out", ep),
        "tls",
        subject,
        { endpoint: subject, groups: listNames(kexOld) },
        [kblock],
        [NCSC, "RFC 7919"],
      ),
    );
  const staticRsa = ciphers.filter(
    (c) =>
      !c.kex &&
      !c.legacy &&
      !/anon|PSK|SRP/.test(c.iana) &&
      !c.iana.startsWith("TLS_AES") &&
      !c.iana.startsWith("TLS_CHACHA"),
  );
  if (staticRsa.length)
    out.push(
      finding(
        "tls.kex.no-forward-secrecy",
        isOpportunistic(ep) ? "info" : "warning",
        "tls",
        subject,
        { endpoint: subject, count: staticRsa.length, ciphers: listNames(staticRsa.map((c) => c.iana)) },
        [cipherBlock(ep, "insufficient")],
        [NCSC],
      ),
    );
  return out.concat(orderFindings(ep, block));
}

/**
 * NCSC B2-5: with suites of mixed ratings the server must choose by its own order, best first. When it
 * has an order, the enumeration saw the suites in exactly that order, so a worse suite ahead of a
 * better one is a violation.
 */
function orderFindings(ep: TlsEndpointEvidence, block: EvidenceBlock): Finding[] {
  const subject = endpointSubject(ep);
  const out: Finding[] = [];
  for (const v of ep.scan.versions) {
    // Suites found by hand-built hellos were not part of the order enumeration.
    const ordered = v.ciphers.filter((c) => !c.legacy);
    if (ordered.length < 2 || v.serverPreference === null) continue;
    const ratings = new Set(ordered.map((c) => rateCipher(c.iana)));
    if (!v.serverPreference) {
      if (ratings.size > 1)
        out.push(
          finding(
            "tls.cipher.order.client",
            isOpportunistic(ep) ? "info" : "warning",
            "tls",
            subject,
            { endpoint: subject, version: v.version },
            [block],
            [NCSC],
          ),
        );
      continue;
    }
    for (let i = 1; i < ordered.length; i++) {
      const prev = ordered[i - 1] as AcceptedCipher;
      const cur = ordered[i] as AcceptedCipher;
      if (ratingRank(rateCipher(prev.iana)) > ratingRank(rateCipher(cur.iana))) {
        out.push(
          finding(
            "tls.cipher.order.wrong",
            "info",
            "tls",
            subject,
            {
              endpoint: subject,
              version: v.version,
              preferred: prev.iana,
              over: cur.iana,
              preferredRating: rateCipher(prev.iana),
              overRating: rateCipher(cur.iana),
            },
            [block],
            [NCSC],
          ),
        );
        break;
      }
    }
  }
  return out;
}
