import type { Check } from "../core/check.js";
import type { Evidence } from "../core/evidence.js";
import { finding, type EvidenceBlock, type Finding } from "../core/finding.js";
import type { MxEvidence } from "../core/mail-hosts.js";
import { txtValues } from "../net/dns/types.js";
import type { HttpsFetchResult } from "../net/https-fetch.js";
import type { MtaStsEvidence } from "../probes/mta-sts.js";
import {
  isMtaStsRecord,
  matchingMxPattern,
  mxMatchesPattern,
  parseMtaStsPolicy,
  parseMtaStsRecord,
  type MtaStsPolicy,
} from "../standards/mta-sts.js";
import { answered, dnsBlock, lookupFailed } from "./policy-common.js";

const AREA = "mta-sts";
const REC = "RFC 8461 §3.1";
const POL = "RFC 8461 §3.2";
const FETCH = "RFC 8461 §3.3";
const MATCH = "RFC 8461 §4.1";
/** Under a day, a policy may expire between two messages of a normal mail flow. */
const SHORT_MAX_AGE = 86400;
const BODY_LINES_SHOWN = 30;
const BODY_LINE_CHARS = 200;

/** The HTTPS exchange as evidence lines: addresses, TLS and certificate facts, status, headers, body. */
export function httpBlock(fetch: HttpsFetchResult): EvidenceBlock {
  const lines = [`GET ${fetch.url}`];
  for (const a of fetch.attempts)
    lines.push(`connect ${a.address}:${fetch.port}: ${a.outcome}${a.detail ? ` (${a.detail})` : ""}`);
  if (fetch.tls) {
    lines.push(`TLS ${fetch.tls.protocol ?? "?"} ${fetch.tls.cipher ?? ""}`.trimEnd());
    const c = fetch.tls.certificate;
    if (c) {
      lines.push(`certificate subject: ${c.subject}`, `certificate issuer: ${c.issuer}`);
      if (c.subjectAltName) lines.push(`certificate SAN: ${c.subjectAltName}`);
      lines.push(
        `certificate valid: ${c.validFrom} - ${c.validTo}`,
        `certificate sha256: ${c.fingerprint256}`,
      );
    }
    lines.push(
      fetch.tls.authorized
        ? "certificate verified for the host name"
        : `certificate NOT verified: ${fetch.tls.authorizationError ?? "?"}`,
    );
  }
  if (fetch.status !== undefined) {
    lines.push(`HTTP ${fetch.status} ${fetch.statusText ?? ""}`.trimEnd());
    for (const h of ["content-type", "content-length", "location"])
      if (fetch.headers?.[h]) lines.push(`${h}: ${fetch.headers[h]}`);
  }
  if (fetch.outcome !== "ok")
    lines.push(`outcome: ${fetch.outcome}${fetch.detail ? ` - ${fetch.detail}` : ""}`);
  if (fetch.body !== undefined) {
    const body = fetch.body.split(/\r?\n/);
    // Long lines (an HTML page, a minified blob) are cut: evidence should stay readable.
    lines.push(
      "",
      ...body
        .slice(0, BODY_LINES_SHOWN)
        .map((l) => (l.length > BODY_LINE_CHARS ? `${l.slice(0, BODY_LINE_CHARS)}...` : l)),
    );
    if (body.length > BODY_LINES_SHOWN) lines.push(`... (${body.length - BODY_LINES_SHOWN} more lines)`);
  }
  return { kind: "http", label: fetch.url, lines };
}

/**
 * Judges MTA-STS evidence; `mx` (phase 1) is used to match every MX host against the policy, and
 * `collectedAt` (the evidence's own time, never the clock: checks are pure) to judge the policy
 * host's certificate lifetime.
 */
export function checkMtaSts(ev: MtaStsEvidence, mx?: MxEvidence, collectedAt?: string): Finding[] {
  const out: Finding[] = [];
  const recordName = ev.record.name;
  if (!answered(ev.record)) return [lookupFailed(AREA, ev.record, "error", [REC])];
  const txts = txtValues(ev.record);
  const records = txts.filter(isMtaStsRecord);
  const recordBlock = dnsBlock(ev.record);
  for (const txt of txts.filter((t) => !isMtaStsRecord(t) && /sts/i.test(t))) {
    out.push(
      finding(
        "mta-sts.record.ignored",
        "error",
        AREA,
        recordName,
        { name: recordName, record: txt },
        [recordBlock],
        [REC],
      ),
    );
  }
  const policyOk = ev.fetch?.outcome === "ok" && ev.fetch.status === 200;

  if (records.length === 0) {
    // Without the TXT record senders never look for a policy: a published policy is then useless.
    if (policyOk && /version:\s*STSv1/.test(ev.fetch?.body ?? "")) {
      out.push(
        finding(
          "mta-sts.record.missing-policy-present",
          "warning",
          AREA,
          recordName,
          { name: recordName, url: ev.policyUrl },
          [recordBlock, httpBlock(ev.fetch as HttpsFetchResult)],
          [REC],
        ),
      );
    } else if (out.length === 0) {
      out.push(
        finding(
          "mta-sts.record.missing",
          "info",
          AREA,
          ev.domain,
          { domain: ev.domain, name: recordName },
          [recordBlock],
          ["RFC 8461"],
        ),
      );
    }
    return out;
  }
  if (records.length > 1) {
    out.push(
      finding(
        "mta-sts.record.multiple",
        "error",
        AREA,
        recordName,
        { name: recordName, count: records.length },
        [recordBlock],
        [REC],
      ),
    );
  } else {
    const rec = parseMtaStsRecord(records[0] ?? "");
    for (const p of rec.problems) {
      if (p.kind === "bad-id")
        out.push(
          finding(
            "mta-sts.record.id-invalid",
            "error",
            AREA,
            recordName,
            { name: recordName, value: p.value },
            [recordBlock],
            [REC],
          ),
        );
      else if (p.kind === "missing-id")
        out.push(
          finding(
            "mta-sts.record.id-missing",
            "error",
            AREA,
            recordName,
            { name: recordName },
            [recordBlock],
            [REC],
          ),
        );
      else if (p.kind === "syntax")
        out.push(
          finding(
            "mta-sts.record.syntax",
            "error",
            AREA,
            recordName,
            { name: recordName, position: p.position, text: p.text ?? "" },
            [recordBlock],
            [REC],
          ),
        );
      else if (p.kind === "duplicate")
        out.push(
          finding(
            "mta-sts.record.duplicate-tag",
            "error",
            AREA,
            recordName,
            { name: recordName, tag: p.tag },
            [recordBlock],
            [REC],
          ),
        );
    }
    if (rec.problems.length === 0)
      out.push(
        finding(
          "mta-sts.record.valid",
          "ok",
          AREA,
          recordName,
          { name: recordName, id: rec.id ?? "" },
          [recordBlock],
          [REC],
        ),
      );
  }
  if (!ev.fetch) return out;
  const fetchFinding = fetchFindings(ev, ev.fetch);
  out.push(...fetchFinding);
  out.push(...certificateLifetime(ev, ev.fetch, collectedAt));
  if (!policyOk || fetchFinding.some((f) => f.severity === "error")) return out;
  const policy = parseMtaStsPolicy(ev.fetch.body ?? "");
  out.push(...policyFindings(ev, policy, httpBlock(ev.fetch)));
  if (policy.mode && policy.mode !== "none" && policy.mx.length > 0) out.push(...mxFindings(ev, policy, mx));
  return out;
}

/** Below this many days left, a failed renewal will break the policy fetch before anyone notices. */
const CERT_WARN_DAYS = 14;

/**
 * A policy host whose certificate lapses stops serving the policy: senders keep their cached copy only
 * until max_age runs out, then fall back to no MTA-STS. Forgotten renewals of mta-sts.* hosts are common
 * because nothing else visibly breaks.
 */
function certificateLifetime(ev: MtaStsEvidence, fetch: HttpsFetchResult, collectedAt?: string): Finding[] {
  const cert = fetch.tls?.authorized ? fetch.tls.certificate : undefined;
  if (!cert || !collectedAt) return [];
  const days = Math.floor((Date.parse(cert.validTo) - Date.parse(collectedAt)) / 86400000);
  if (!Number.isFinite(days) || days >= CERT_WARN_DAYS) return [];
  return [
    finding(
      "mta-sts.policy.certificate-expiring",
      "warning",
      AREA,
      ev.policyUrl,
      { host: fetch.host, days, validTo: cert.validTo },
      [httpBlock(fetch)],
      [FETCH],
    ),
  ];
}

function fetchFindings(ev: MtaStsEvidence, fetch: HttpsFetchResult): Finding[] {
  const host = fetch.host;
  const block = [httpBlock(fetch), ...fetch.dns.map(dnsBlock)];
  const f = (id: string, params: Finding["params"], severity: Finding["severity"] = "error") => [
    finding(id, severity, AREA, ev.policyUrl, { host, url: ev.policyUrl, ...params }, block, [FETCH]),
  ];
  switch (fetch.outcome) {
    case "no-address":
      return f("mta-sts.policy.host-missing", {});
    case "dns-failed":
      return fetch.dns.filter((a) => !answered(a)).map((a) => lookupFailed(AREA, a, "error", [FETCH]));
    case "connect-failed":
    case "http-error":
      return f("mta-sts.policy.unreachable", { detail: fetch.detail ?? fetch.outcome });
    case "timeout":
      return f("mta-sts.policy.timeout", { detail: fetch.detail ?? "" });
    case "aborted":
      return f("mta-sts.policy.unreachable", { detail: "aborted" });
    case "tls-failed":
      return fetch.tls && !fetch.tls.authorized
        ? f("mta-sts.policy.certificate-invalid", { reason: fetch.tls.authorizationError ?? "?" })
        : f("mta-sts.policy.tls-failed", { detail: fetch.detail ?? "" });
    case "too-large":
      return f("mta-sts.policy.too-large", { bytes: fetch.bodyBytes ?? 0, detail: fetch.detail ?? "" });
    case "ok":
      break;
  }
  const status = fetch.status ?? 0;
  if (status >= 300 && status < 400)
    return f("mta-sts.policy.redirect", { status, location: fetch.headers?.location ?? "" });
  if (status !== 200) return f("mta-sts.policy.http-status", { status });
  const type = (fetch.headers?.["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "text/plain")
    return f("mta-sts.policy.content-type", { contentType: type || "(none)" }, "warning");
  return [];
}

function policyFindings(ev: MtaStsEvidence, policy: MtaStsPolicy, block: EvidenceBlock): Finding[] {
  const out: Finding[] = [];
  const f = (id: string, severity: Finding["severity"], params: Finding["params"] = {}) =>
    out.push(finding(id, severity, AREA, ev.policyUrl, { url: ev.policyUrl, ...params }, [block], [POL]));
  for (const p of policy.problems) {
    switch (p.kind) {
      case "syntax":
        f("mta-sts.policy.syntax", "error", { line: p.line, text: p.text });
        break;
      case "bom":
        f("mta-sts.policy.bom", "warning");
        break;
      case "missing-field":
        f("mta-sts.policy.field-missing", "error", { field: p.field });
        break;
      case "bad-version":
        f("mta-sts.policy.version-invalid", "error", { line: p.line, value: p.value });
        break;
      case "bad-mode":
        f("mta-sts.policy.mode-invalid", "error", { line: p.line, value: p.value });
        break;
      case "bad-max-age":
        f("mta-sts.policy.max-age-invalid", "error", { line: p.line, value: p.value });
        break;
      case "bad-mx":
        f("mta-sts.policy.mx-invalid", "error", { line: p.line, value: p.value });
        break;
      case "duplicate":
        f("mta-sts.policy.duplicate", "error", { line: p.line, field: p.field });
        break;
      case "unknown-field":
        f("mta-sts.policy.unknown-field", "warning", { line: p.line, field: p.field });
        break;
    }
  }
  if (out.some((x) => x.severity === "error")) return out;
  if (policy.mode === "none") f("mta-sts.policy.mode-none", "info");
  if (policy.mode === "testing") f("mta-sts.policy.mode-testing", "info");
  if (policy.maxAge !== undefined && policy.maxAge < SHORT_MAX_AGE && policy.mode !== "none")
    f("mta-sts.policy.max-age-short", "warning", { maxAge: policy.maxAge });
  f("mta-sts.policy.valid", "ok", {
    mode: policy.mode ?? "?",
    maxAge: policy.maxAge ?? 0,
    mx: policy.mx.join(", "),
  });
  return out;
}

function mxFindings(ev: MtaStsEvidence, policy: MtaStsPolicy, mx?: MxEvidence): Finding[] {
  if (!mx) return [finding("mta-sts.mx.unknown", "info", AREA, ev.domain, { domain: ev.domain })];
  if (mx.nullMx) return [];
  const out: Finding[] = [];
  const patterns = policy.mx.join(", ");
  const block: EvidenceBlock = {
    kind: "text",
    label: `MX of ${ev.domain} vs policy mx`,
    lines: mx.hosts.map((h) => `${h.name} -> ${matchingMxPattern(h.name, policy.mx) ?? "(no pattern)"}`),
  };
  const evidence = [dnsBlock(mx.answer), block];
  const uncovered = mx.hosts.filter((h) => !matchingMxPattern(h.name, policy.mx));
  for (const h of uncovered) {
    const enforce = policy.mode === "enforce";
    out.push(
      finding(
        "mta-sts.mx.not-covered",
        enforce ? "error" : "warning",
        AREA,
        h.name,
        { host: h.name, patterns, mode: policy.mode ?? "" },
        evidence,
        [MATCH],
      ),
    );
  }
  const unused = policy.mx.filter((p) => !mx.hosts.some((h) => mxMatchesPattern(h.name, p)));
  for (const p of unused)
    out.push(
      finding("mta-sts.mx.pattern-unused", "info", AREA, ev.policyUrl, { pattern: p }, evidence, [MATCH]),
    );
  if (uncovered.length === 0 && mx.hosts.length > 0) {
    out.push(
      finding(
        "mta-sts.mx.covered",
        "ok",
        AREA,
        ev.domain,
        { count: mx.hosts.length, hosts: mx.hosts.map((h) => h.name).join(", ") },
        evidence,
        [MATCH],
      ),
    );
  }
  return out;
}

export const mtaStsCheck: Check = {
  name: "mta-sts.policy",
  area: AREA,
  run: (evidence: Evidence) =>
    evidence.mtaSts ? checkMtaSts(evidence.mtaSts, evidence.mx, evidence.collectedAt) : [],
};
