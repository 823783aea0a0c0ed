/**
 * BIMI assertion records (draft-brand-indicators-for-message-identification), TXT at
 * `default._bimi.<domain>`: `v=BIMI1; l=<https URL of an SVG Tiny PS logo>; a=<https URL of a VMC/CMC>`.
 * An empty `l=` with an empty or absent `a=` is a declination: the domain publishes no indicator.
 */

export type BimiProblemCode =
  | "version"
  | "tag.syntax"
  | "tag.duplicate"
  | "location.missing"
  | "location.not-https"
  | "location.invalid"
  | "location.not-svg"
  | "authority.not-https"
  | "authority.invalid"
  | "authority.missing";

export interface BimiProblem {
  code: BimiProblemCode;
  severity: "error" | "warning";
  text?: string;
}

export interface BimiRecord {
  raw: string;
  tags: Record<string, string>;
  location?: string;
  authority?: string;
  /** `l=` empty: the domain declines to publish a logo. */
  declined: boolean;
  problems: BimiProblem[];
}

/** A lenient tag list (`name=value` pairs split by `;`): BIMI values are URLs, judged separately. */
function splitTags(raw: string): {
  tags: Record<string, string>;
  order: string[];
  bad: string[];
  duplicates: string[];
} {
  const tags: Record<string, string> = {};
  const order: string[] = [];
  const bad: string[] = [];
  const duplicates: string[] = [];
  for (const part of raw.split(";")) {
    const field = part.trim();
    if (!field) continue;
    const m = /^([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.*)$/s.exec(field);
    if (!m) {
      bad.push(field);
      continue;
    }
    const name = (m[1] ?? "").toLowerCase();
    if (Object.prototype.hasOwnProperty.call(tags, name)) duplicates.push(name);
    else order.push(name);
    tags[name] = (m[2] ?? "").trim();
  }
  return { tags, order, bad, duplicates };
}

/**
 * True when a TXT string is meant as a BIMI record (starts with the version tag).
 * @example isBimiRecord("v=BIMI1; l=https://e.example/l.svg") // true
 */
export function isBimiRecord(txt: string): boolean {
  return /^\s*v\s*=\s*BIMI1\s*(;|$)/i.test(txt);
}

/**
 * Parses and judges one BIMI record.
 * @example
 *   parseBimi("v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem").problems // []
 *   parseBimi("v=BIMI1; l=http://example.com/logo.png").problems.map(p => p.code) // ["location.not-https", ...]
 */
export function parseBimi(raw: string): BimiRecord {
  const { tags, order, bad, duplicates } = splitTags(raw);
  const problems: BimiProblem[] = [];
  if (order[0] !== "v" || tags.v !== "BIMI1")
    problems.push({ code: "version", severity: "error", text: tags.v ?? order[0] ?? "" });
  for (const b of bad) problems.push({ code: "tag.syntax", severity: "error", text: b });
  for (const d of duplicates) problems.push({ code: "tag.duplicate", severity: "error", text: d });
  const location = tags.l;
  const authority = tags.a;
  const declined = location === "" && (authority === undefined || authority === "");
  if (location === undefined) problems.push({ code: "location.missing", severity: "error" });
  else if (location !== "") {
    const url = httpsUrl(location);
    if (url === "not-https") problems.push({ code: "location.not-https", severity: "error", text: location });
    else if (url === "invalid")
      problems.push({ code: "location.invalid", severity: "error", text: location });
    if (!/\.svg(?:$|[?#])/i.test(location))
      problems.push({ code: "location.not-svg", severity: "warning", text: location });
  }
  if (authority !== undefined && authority !== "") {
    const url = httpsUrl(authority);
    if (url === "not-https")
      problems.push({ code: "authority.not-https", severity: "error", text: authority });
    else if (url === "invalid")
      problems.push({ code: "authority.invalid", severity: "error", text: authority });
  } else if (!declined) {
    problems.push({ code: "authority.missing", severity: "warning" });
  }
  return { raw, tags, location, authority, declined, problems };
}

function httpsUrl(value: string): "ok" | "not-https" | "invalid" {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "invalid";
  }
  if (url.protocol !== "https:") return "not-https";
  return url.hostname && !/\s/.test(value) ? "ok" : "invalid";
}

/** The DMARC policy facts BIMI depends on (from the DMARC parser, src/standards/dmarc.ts). */
export interface DmarcPolicyFacts {
  p?: string;
  sp?: string;
  pct: number;
}

/**
 * BIMI requires DMARC enforcement (draft §4.3, "DMARC Policy Enforcement"): p (and sp, when given)
 * at quarantine or reject, and pct=100. Returns why it is not enough, or undefined when it is.
 * @example bimiDmarcShortfall({ p: "quarantine", pct: 50 }) // "pct"
 */
export function bimiDmarcShortfall(facts: DmarcPolicyFacts): "p" | "sp" | "pct" | undefined {
  const enforcing = (v?: string) => v === "quarantine" || v === "reject";
  if (!enforcing(facts.p)) return "p";
  if (facts.sp !== undefined && !enforcing(facts.sp)) return "sp";
  if (facts.pct !== 100) return "pct";
  return undefined;
}
