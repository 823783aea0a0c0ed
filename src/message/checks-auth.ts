import { finding, type EvidenceBlock, type Finding } from "../core/finding.js";
import type { Severity } from "../core/severity.js";
import { organizationalDomain } from "../standards/dmarc.js";
import type { MessageEvidence } from "./analyze.js";
import type { AuthResults } from "./auth-results.js";
import { MAX_MESSAGE_BYTES } from "./read.js";
import { RECOMMENDED_RSA_BITS, type DkimSignatureReport } from "./dkim.js";

const DKIM_REFS = ["RFC 6376 §6", "RFC 8601 §2.7.1"];

const DKIM_SEVERITY: Record<DkimSignatureReport["result"], Severity> = {
  pass: "ok",
  fail: "error",
  policy: "error",
  permerror: "error",
  temperror: "warning",
  neutral: "warning",
  none: "info",
};

function dkimBlocks(s: DkimSignatureReport): EvidenceBlock[] {
  const facts = [
    `d=${s.domain} s=${s.selector} a=${s.algorithm} c=${s.canonicalization}${s.keyBits ? ` key=${s.keyType ?? "?"}/${s.keyBits} bits` : ""}`,
    `h=${s.signedHeaders.join(":")}`,
    `bh (signed)   = ${s.bodyHashExpected}`,
    ...(s.bodyHashComputed ? [`bh (computed) = ${s.bodyHashComputed}`] : []),
    ...(s.signedAt ? [`t=${s.signedAt}`] : []),
    ...(s.expiresAt ? [`x=${s.expiresAt}`] : []),
    `mxray: dkim=${s.result} (${s.detail})`,
    ...(s.mailauth
      ? [`mailauth 4.13: ${s.mailauth.result}${s.mailauth.comment ? ` (${s.mailauth.comment})` : ""}`]
      : []),
  ];
  return [
    { kind: "header", label: `DKIM-Signature #${s.index + 1}`, lines: [s.raw] },
    { kind: "text", label: "verification", lines: facts },
    ...(s.keyEvidence.length
      ? [{ kind: "dns" as const, label: `${s.keyName} TXT`, lines: s.keyEvidence }]
      : []),
  ];
}

/** One finding per DKIM signature, plus key-strength and tag notes. */
export function dkimFindings(ev: MessageEvidence): Finding[] {
  if (ev.dkimSkipped) {
    if (ev.headers.fieldCount === 0) return [];
    return [
      finding(`message.dkim.not-checked.${ev.dkimSkipped}`, "warning", "dkim", ev.source, {
        error: ev.dkimError ?? "",
        cap: MAX_MESSAGE_BYTES / 1048576,
      }),
    ];
  }
  const sigs = ev.dkim ?? [];
  if (sigs.length === 0)
    return [
      finding(
        "message.dkim.none",
        "warning",
        "dkim",
        ev.identities.fromDomain ?? ev.source,
        {},
        [],
        ["RFC 6376"],
      ),
    ];
  const out: Finding[] = [];
  for (const s of sigs) {
    const subject = `${s.selector}._domainkey.${s.domain}`;
    const params = {
      domain: s.domain,
      selector: s.selector,
      algorithm: s.algorithm,
      bits: s.keyBits ?? "?",
      result: s.result,
      detail: s.detail,
      alignment: s.alignment,
      expires: s.expiresAt ?? "?",
      verified: s.cryptoVerified === undefined ? "?" : s.cryptoVerified ? "yes" : "no",
    };
    const id =
      s.result === "pass"
        ? "message.dkim.pass"
        : s.result === "temperror"
          ? "message.dkim.temperror"
          : `message.dkim.${s.result}.${s.reason}`;
    out.push(
      finding(
        id,
        DKIM_SEVERITY[s.result],
        "dkim",
        subject,
        params,
        dkimBlocks(s),
        s.result === "policy" ? ["RFC 8301"] : DKIM_REFS,
      ),
    );
    if (
      s.result === "pass" &&
      s.keyType === "rsa" &&
      s.keyBits !== undefined &&
      s.keyBits < RECOMMENDED_RSA_BITS
    )
      out.push(finding("message.dkim.key.weak", "warning", "dkim", subject, params, [], ["RFC 8301 §3.2"]));
    if (s.keyTesting)
      out.push(finding("message.dkim.key.testing", "info", "dkim", subject, params, [], ["RFC 6376 §3.6.1"]));
    if (s.bodyLength !== undefined)
      out.push(
        finding(
          "message.dkim.body-length",
          "warning",
          "dkim",
          subject,
          { ...params, length: s.bodyLength },
          [],
          ["RFC 6376 §8.2"],
        ),
      );
    if (s.signedAt && Date.parse(s.signedAt) - Date.parse(ev.checkedAt) > 5 * 60_000)
      out.push(
        finding(
          "message.dkim.future",
          "warning",
          "dkim",
          subject,
          { ...params, signed: s.signedAt },
          [],
          ["RFC 6376 §3.5"],
        ),
      );
  }
  return out;
}

export function arcFindings(ev: MessageEvidence): Finding[] {
  const a = ev.arc;
  if (!a || a.result === "none") return [];
  const lines = a.instances.map(
    (i) =>
      `i=${i.i} cv=${i.cv ?? "?"} seal d=${i.seal?.domain ?? "?"} s=${i.seal?.selector ?? "?"}${i.sealVerified === true ? " (verified)" : i.sealVerified === false ? " (FAILED)" : ""}; AMS d=${i.messageSignature?.domain ?? "?"}; AAR ${i.authResults?.authservId ?? "?"}: ${i.authResults?.results.map((r) => `${r.method}=${r.result}`).join(" ") ?? "-"}`,
  );
  const params = {
    instances: a.instances.length,
    latest: a.latest ?? a.instances.length,
    reason: a.reason ?? "",
    sealer: a.instances.at(-1)?.seal?.domain ?? "?",
  };
  const id = a.result === "pass" ? "message.arc.pass" : "message.arc.fail";
  return [
    finding(
      id,
      a.result === "pass" ? "ok" : "warning",
      "arc",
      params.sealer,
      params,
      [{ kind: "text", label: "ARC chain", lines }],
      ["RFC 8617 §5.2"],
    ),
  ];
}

const SPF_SEVERITY: Record<string, Severity> = {
  pass: "ok",
  fail: "error",
  softfail: "warning",
  neutral: "info",
  none: "warning",
  permerror: "error",
  temperror: "warning",
};

export function spfFindings(ev: MessageEvidence): Finding[] {
  if (ev.headers.fieldCount === 0) return [];
  if (!ev.spf)
    return [
      finding(`message.spf.${ev.spfSkipped ?? "no-client"}`, "info", "spf", ev.source, {
        error: ev.spfError ?? "",
      }),
    ];
  const r = ev.spf.result;
  const params = {
    ip: ev.spf.ip,
    domain: r.domain,
    identity: r.identity ?? "mailfrom",
    sender: ev.spf.sender || "<>",
    helo: ev.spf.helo ?? "-",
    mechanism: r.mechanism ?? "-",
    reason: r.reason ?? "",
    lookups: r.lookups,
    source: ev.spf.source.ip,
  };
  const lines = [
    `client ${ev.spf.ip} (${ev.spf.source.ip === "flag" ? "--ip" : "first external hop"}), helo ${ev.spf.helo ?? "-"}, MAIL FROM <${ev.spf.sender}> (${ev.spf.source.sender})`,
    `spf=${r.result} domain=${r.domain} mechanism=${r.mechanism ?? "-"} lookups=${r.lookups} void=${r.voidLookups}${r.reason ? ` reason: ${r.reason}` : ""}`,
  ];
  return [
    finding(
      `message.spf.${r.result}`,
      SPF_SEVERITY[r.result] ?? "warning",
      "spf",
      r.domain || ev.spf.ip,
      params,
      [{ kind: "spf", label: "SPF", lines }],
      ["RFC 7208 §2.6"],
    ),
  ];
}

export function dmarcFindings(ev: MessageEvidence): Finding[] {
  const d = ev.dmarc;
  if (!d) return [];
  const params = {
    domain: d.fromDomain,
    org: d.orgDomain,
    policy: d.requested ?? "none",
    applied: d.applied,
    pct: d.pct,
    spf: `${d.spf.result}${d.spf.domain ? ` (${d.spf.domain})` : ""}${d.spf.aligned ? ", aligned" : ", not aligned"}`,
    dkim: d.dkim.length
      ? d.dkim.map((k) => `${k.domain}${k.aligned ? " aligned" : " not aligned"}`).join(", ")
      : "no passing signature",
    adkim: d.adkim === "s" ? "strict" : "relaxed",
    aspf: d.aspf === "s" ? "strict" : "relaxed",
    record: d.record ?? "-",
    status: d.lookupStatus ?? "?",
  };
  const blocks: EvidenceBlock[] = [{ kind: "dns", label: `_dmarc.${d.fromDomain} TXT`, lines: d.evidence }];
  const refs = ["RFC 7489 §3.1", "RFC 7489 §6.6"];
  switch (d.result) {
    case "pass":
      return [finding("message.dmarc.pass", "ok", "dmarc", d.fromDomain, params, blocks, refs)];
    case "fail":
      if (d.applied === "none")
        return [finding("message.dmarc.fail-none", "warning", "dmarc", d.fromDomain, params, blocks, refs)];
      return [finding("message.dmarc.fail", "error", "dmarc", d.fromDomain, params, blocks, refs)];
    case "temperror":
      return [finding("message.dmarc.temperror", "warning", "dmarc", d.fromDomain, params, blocks, refs)];
    default:
      if (d.multiple)
        return [finding("message.dmarc.multiple", "error", "dmarc", d.fromDomain, params, blocks, refs)];
      if (d.unusable)
        return [finding("message.dmarc.unusable", "error", "dmarc", d.fromDomain, params, blocks, refs)];
      return [finding("message.dmarc.none", "warning", "dmarc", d.fromDomain, params, blocks, refs)];
  }
}

/** What mxray found now for a method, to set against a recorded result. */
function ours(
  ev: MessageEvidence,
  method: string,
  props: Record<string, string>,
): { result: string; subject: string } | undefined {
  switch (method) {
    case "dkim": {
      if (!ev.dkim) return undefined;
      const d = (props["header.d"] ?? props["header.i"]?.replace(/^.*@/, "") ?? "").toLowerCase();
      const b = props["header.b"];
      const sig =
        ev.dkim.find((s) => b && s.raw.replace(/\s+/g, "").includes(`b=${b}`)) ??
        ev.dkim.find((s) => s.domain === d && (!props["header.s"] || s.selector === props["header.s"]));
      if (!sig) return d ? { result: "none", subject: `d=${d}` } : undefined;
      return { result: sig.result, subject: `d=${sig.domain} s=${sig.selector}` };
    }
    case "spf":
      return ev.spf ? { result: ev.spf.result.result, subject: ev.spf.result.domain } : undefined;
    case "dmarc":
      return ev.dmarc ? { result: ev.dmarc.result, subject: ev.dmarc.fromDomain } : undefined;
    case "arc":
      return ev.arc ? { result: ev.arc.result, subject: "ARC chain" } : undefined;
    default:
      return undefined;
  }
}

/** One recorded result set against what mxray finds now. */
export interface AuthComparison {
  authserv: string;
  /** ARC instance when the record is an ARC-Authentication-Results. */
  instance?: number;
  method: string;
  theirs: string;
  ours: string;
  subject: string;
  raw: AuthResults;
  /** Written by the final receiver's organisation (same organisational domain as the topmost `by`). */
  trusted: boolean;
}

/**
 * The organisational domain of the final receiver: the `by` host of the topmost Received field.
 * RFC 8601 §5: only results from one's own authserv-id are to be trusted.
 */
function receiverOrg(ev: MessageEvidence): string | undefined {
  const by = ev.received.hops[0]?.by;
  return by && /[a-z]/i.test(by) && by.includes(".") ? organizationalDomain(by) : undefined;
}

/** Compares each recorded (ARC-)Authentication-Results entry with what mxray found now. */
export function compareAuthResults(ev: MessageEvidence): AuthComparison[] {
  const out: AuthComparison[] = [];
  const org = receiverOrg(ev);
  for (const ar of [...ev.authResults, ...ev.arcAuthResults]) {
    const trusted =
      org !== undefined && ar.authservId.includes(".") && organizationalDomain(ar.authservId) === org;
    for (const r of ar.results) {
      const now = ours(ev, r.method, r.props);
      if (!now) continue;
      out.push({
        authserv: ar.authservId,
        ...(ar.instance !== undefined ? { instance: ar.instance } : {}),
        method: r.method,
        theirs: r.result,
        ours: now.result,
        subject: now.subject,
        raw: ar,
        trusted,
      });
    }
  }
  return out;
}

export function authResultsFindings(ev: MessageEvidence): Finding[] {
  const cmp = compareAuthResults(ev);
  const out: Finding[] = [];
  let agree = 0;
  for (const c of cmp) {
    if (c.theirs === c.ours) {
      agree++;
      continue;
    }
    const params = {
      authserv: c.authserv || "?",
      method: c.method,
      theirs: c.theirs,
      ours: c.ours,
      subject: c.subject,
      instance: c.instance ?? 0,
    };
    const block: EvidenceBlock = {
      kind: "header",
      label:
        c.instance !== undefined ? `ARC-Authentication-Results i=${c.instance}` : "Authentication-Results",
      lines: [`${c.authserv}: ${c.raw.results.map((r) => `${r.method}=${r.result}`).join("; ")}`],
    };
    // An ARC sealer's record differing from now is what ARC exists for (a list changed the
    // message after checking it): information, not a warning.
    if (c.instance !== undefined)
      out.push(
        finding(
          "message.auth-results.arc-differs",
          "info",
          "auth-results",
          `${c.authserv || "?"} i=${c.instance} ${c.method}`,
          params,
          [block],
          ["RFC 8617 §4.1.1"],
        ),
      );
    else
      out.push(
        finding(
          c.trusted ? "message.auth-results.differs" : "message.auth-results.differs-foreign",
          c.trusted ? "warning" : "info",
          "auth-results",
          `${c.authserv || "?"} ${c.method}`,
          params,
          [block],
          ["RFC 8601 §5"],
        ),
      );
  }
  if (agree > 0)
    out.push(
      finding(
        "message.auth-results.agree",
        "ok",
        "auth-results",
        [...new Set(cmp.map((c) => c.authserv).filter(Boolean))].join(", ") || "?",
        { count: agree, total: cmp.length },
      ),
    );
  return out;
}

export function otherHeaderFindings(ev: MessageEvidence): Finding[] {
  const out: Finding[] = [];
  if (ev.headers.fieldCount === 0) return out;
  const spam = ev.spam;
  if (spam) {
    const tests = spam.tests
      .map((t) => (t.score !== undefined ? `${t.name}(${t.score})` : t.name))
      .join(", ");
    const params = { score: spam.score ?? "?", required: spam.required ?? "?", tests: tests || "-" };
    out.push(
      finding(
        spam.flagged ? "message.spam.flagged" : "message.spam.clean",
        spam.flagged ? "warning" : "info",
        "headers",
        "X-Spam-Status",
        params,
        [{ kind: "header", label: "X-Spam-Status", lines: [spam.raw] }],
      ),
    );
  }
  const l = ev.list;
  const signedBoth = (ev.dkim ?? []).some(
    (s) =>
      s.result === "pass" &&
      s.signedHeaders.includes("list-unsubscribe") &&
      s.signedHeaders.includes("list-unsubscribe-post"),
  );
  const listParams = { uris: l.unsubscribe.join(", ") || "-", post: l.post ?? "-", list: l.listId ?? "-" };
  if (l.bulk && l.unsubscribe.length === 0)
    out.push(
      finding(
        "message.list.no-unsubscribe",
        "warning",
        "headers",
        "List-Unsubscribe",
        listParams,
        [],
        ["RFC 2369", "RFC 8058"],
      ),
    );
  else if (l.unsubscribe.length && !l.oneClickHeaders)
    out.push(
      finding(
        "message.list.no-one-click",
        "warning",
        "headers",
        "List-Unsubscribe",
        listParams,
        [],
        ["RFC 8058 §3.1"],
      ),
    );
  else if (l.oneClickHeaders && !signedBoth)
    out.push(
      finding(
        "message.list.unsigned",
        "warning",
        "headers",
        "List-Unsubscribe",
        listParams,
        [],
        ["RFC 8058 §4"],
      ),
    );
  else if (l.oneClickHeaders)
    out.push(
      finding("message.list.one-click", "ok", "headers", "List-Unsubscribe", listParams, [], ["RFC 8058"]),
    );

  const id = ev.identities;
  const from = id.fromDomain;
  if (id.returnPath === undefined)
    out.push(finding("message.return-path.missing", "info", "headers", "Return-Path"));
  else if (id.returnPath === "")
    out.push(
      finding(
        "message.return-path.null",
        "info",
        "headers",
        "Return-Path",
        { from: from ?? "?" },
        [],
        ["RFC 5321 §4.5.5"],
      ),
    );
  else if (from && id.returnPathDomain) {
    const params = { returnPath: id.returnPath, rpDomain: id.returnPathDomain, from };
    if (id.returnPathDomain === from)
      out.push(finding("message.return-path.same", "ok", "headers", "Return-Path", params));
    else if (organizationalDomain(id.returnPathDomain) === organizationalDomain(from))
      out.push(
        finding(
          "message.return-path.same-org",
          "info",
          "headers",
          "Return-Path",
          params,
          [],
          ["RFC 7489 §3.1.2"],
        ),
      );
    else
      out.push(
        finding(
          "message.return-path.differs",
          "info",
          "headers",
          "Return-Path",
          params,
          [],
          ["RFC 7489 §3.1.2"],
        ),
      );
  }
  return out;
}
