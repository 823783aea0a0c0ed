import { domainToASCII } from "node:url";
import { parseTagList, tagMap, type Tag, type TagListProblemKind } from "./tag-list.js";

export { organizationalDomain, isPublicSuffix, sameOrganization } from "./organizational-domain.js";

/*
 * DMARC policy records: RFC 7489 §6.3-6.4 (the grammar), RFC 9091 (np=), RFC 9989 (DMARCbis: t=, psd=,
 * and pct/rf/ri removed). Pure parsing; judgement lives in src/checks/dmarc.ts.
 */

export type DmarcPolicy = "none" | "quarantine" | "reject";
export type DmarcAlignment = "r" | "s";

/** One reporting URI of rua= or ruf= (RFC 7489 §6.2: `URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]`). */
export interface DmarcUri {
  /** As written, size suffix included. */
  raw: string;
  /** The URI without the size suffix. */
  uri: string;
  scheme: string;
  /** For mailto: the address, percent-decoded. */
  address?: string;
  /** For mailto: the domain of the address (ASCII, lower case). This is the report destination. */
  domain?: string;
  /** The `!size` limit as written, e.g. `10m`. */
  maxSize?: string;
  /** Why the URI cannot be used, when it cannot. */
  problem?: "not-mailto" | "bad-uri" | "bad-address";
}

/** Something in a record that deviates from the standards, with where it is. */
export type DmarcProblem =
  | { kind: "syntax"; syntax: TagListProblemKind; position: number; tag?: string; text?: string }
  /** v= is not the first tag or is not exactly `DMARC1`: receivers discard the record (RFC 7489 §6.3). */
  | { kind: "bad-version"; position: number; text: string }
  /** p= absent. RFC 7489 receivers discard the record; RFC 9989 ones treat it as p=none when rua= is valid. */
  | { kind: "missing-policy" }
  /** p= present but not right after v=; RFC 7489's grammar puts it there, RFC 9989 does not. */
  | { kind: "policy-not-second"; position: number }
  | { kind: "invalid-value"; tag: string; value: string; position: number; expected: string }
  | { kind: "unknown-tag"; tag: string; position: number }
  /** pct=, rf=, ri= are in RFC 7489 but removed by RFC 9989. */
  | { kind: "removed-tag"; tag: string; value: string; position: number };

export interface DmarcRecord {
  raw: string;
  tags: Tag[];
  /** Requested policy; undefined when p= is missing or invalid. */
  p?: DmarcPolicy;
  /** Subdomain policy as written (effective: {@link effectiveSubdomainPolicy}). */
  sp?: DmarcPolicy;
  /** Non-existent subdomain policy (RFC 9091) as written. */
  np?: DmarcPolicy;
  adkim: DmarcAlignment;
  aspf: DmarcAlignment;
  /** Percentage of failing mail the policy applies to (RFC 7489; default 100). */
  pct: number;
  fo: string[];
  rf: string[];
  ri: number;
  rua: DmarcUri[];
  ruf: DmarcUri[];
  /** RFC 9989 test mode (t=y). */
  testing: boolean;
  psd?: "y" | "n" | "u";
  problems: DmarcProblem[];
  /**
   * Whether receivers following RFC 7489 would apply this record at all: v=DMARC1 first, a valid p=,
   * and a tag-list without duplicates.
   */
  usable: boolean;
}

const POLICIES: readonly string[] = ["none", "quarantine", "reject"];
const KNOWN = new Set([
  "v",
  "p",
  "sp",
  "np",
  "adkim",
  "aspf",
  "pct",
  "fo",
  "rf",
  "ri",
  "rua",
  "ruf",
  "t",
  "psd",
]);
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,62})$/;
const VERSION_AT_START = /^[ \t]*v[ \t]*=[ \t]*DMARC1[ \t]*(;|$)/;

/**
 * True when a TXT string is a DMARC record as receivers select them: it starts with `v=DMARC1`
 * (case-sensitive, RFC 7489 §6.4 `%x44 %x4d %x41 %x52 %x43 %x31`). Other TXT records at `_dmarc` are
 * discarded (RFC 7489 §6.6.3 step 3).
 * @example
 *   isDmarcRecord("v=DMARC1; p=none") // true
 *   isDmarcRecord("v=dmarc1; p=none") // false
 */
export function isDmarcRecord(txt: string): boolean {
  return VERSION_AT_START.test(txt);
}

/**
 * A TXT string that was evidently meant as DMARC but that receivers will discard: wrong case of
 * `DMARC1`, v= not first, a typo in the version.
 * @example
 *   looksLikeDmarc("p=reject; v=DMARC1") // true
 */
export function looksLikeDmarc(txt: string): boolean {
  if (isDmarcRecord(txt)) return false;
  return (
    /^\s*v\s*=\s*dmarc/i.test(txt) || /(^|;)\s*v\s*=\s*DMARC1\s*(;|$)/i.test(txt) || /\bDMARC1\b/i.test(txt)
  );
}

function parsePolicy(value: string): DmarcPolicy | undefined {
  const v = value.toLowerCase();
  return POLICIES.includes(v) ? (v as DmarcPolicy) : undefined;
}

/**
 * Parses one rua=/ruf= URI. Only mailto: has a defined delivery in DMARC; other schemes are kept and
 * flagged (`not-mailto`) because receivers do not send reports there.
 * @example
 *   parseDmarcUri("mailto:rua@example.com!10m") // {uri:"mailto:rua@example.com", domain:"example.com", maxSize:"10m", ...}
 */
export function parseDmarcUri(raw: string): DmarcUri {
  const trimmed = raw.trim();
  const bang = trimmed.lastIndexOf("!");
  const size = bang >= 0 ? trimmed.slice(bang + 1) : "";
  const sized = bang >= 0 && /^\d+[kmgt]?$/i.test(size);
  const uri = sized ? trimmed.slice(0, bang) : trimmed;
  const out: DmarcUri = { raw: trimmed, uri, scheme: "" };
  if (sized) out.maxSize = size.toLowerCase();
  const colon = uri.indexOf(":");
  const scheme = uri.slice(0, Math.max(colon, 0));
  if (colon <= 0 || !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme)) return { ...out, problem: "bad-uri" };
  out.scheme = scheme.toLowerCase();
  if (out.scheme !== "mailto") return { ...out, problem: "not-mailto" };
  let address: string;
  try {
    address = decodeURIComponent(uri.slice(colon + 1).split("?")[0] ?? "");
  } catch {
    return { ...out, problem: "bad-address" };
  }
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at);
  const domainPart = address.slice(at + 1).replace(/\.$/, "");
  if (at <= 0 || !domainPart || /\s/.test(address) || local.length > 64)
    return { ...out, address, problem: "bad-address" };
  const ascii = /^[\x21-\x7e]+$/.test(domainPart) ? domainPart.toLowerCase() : domainToASCII(domainPart);
  if (!ascii || ascii.length > 253 || !ascii.split(".").every((l) => LABEL.test(l)))
    return { ...out, address, problem: "bad-address" };
  return { ...out, address, domain: ascii };
}

function parseUris(tag: Tag, problems: DmarcProblem[]): DmarcUri[] {
  const list = tag.value.split(",").map((s) => s.trim());
  const uris = list.filter((s) => s !== "").map(parseDmarcUri);
  if (uris.length === 0) {
    problems.push({
      kind: "invalid-value",
      tag: tag.name,
      value: tag.value,
      position: tag.position,
      expected: "mailto:address[,mailto:address]",
    });
  }
  return uris;
}

/**
 * Parses a DMARC record strictly: every tag validated, every problem kept with its position. Missing
 * optional tags take their RFC 7489 defaults (adkim=r, aspf=r, pct=100, fo=0, rf=afrf, ri=86400).
 * @example
 *   const r = parseDmarcRecord("v=DMARC1; p=reject; rua=mailto:d@example.com");
 *   r.p        // "reject"
 *   r.usable   // true
 */
export function parseDmarcRecord(raw: string): DmarcRecord {
  const { tags, problems: syntax } = parseTagList(raw);
  const problems: DmarcProblem[] = syntax.map((s) => ({
    kind: "syntax" as const,
    syntax: s.kind,
    position: s.position,
    ...(s.tag !== undefined ? { tag: s.tag } : {}),
    ...(s.text !== undefined ? { text: s.text } : {}),
  }));
  const record: DmarcRecord = {
    raw,
    tags,
    adkim: "r",
    aspf: "r",
    pct: 100,
    fo: ["0"],
    rf: ["afrf"],
    ri: 86400,
    rua: [],
    ruf: [],
    testing: false,
    problems,
    usable: false,
  };
  const first = tags[0];
  if (!first || first.name !== "v" || first.value !== "DMARC1") {
    const v = tags.find((t) => t.name.toLowerCase() === "v");
    problems.push({
      kind: "bad-version",
      position: v?.position ?? first?.position ?? 0,
      text: v ? `v=${v.value}` : first ? `${first.name}=${first.value}` : raw.slice(0, 20),
    });
  }
  const invalid = (tag: Tag, expected: string) =>
    problems.push({
      kind: "invalid-value",
      tag: tag.name,
      value: tag.value,
      position: tag.position,
      expected,
    });

  const firstOf = tagMap(tags);
  tags.forEach((tag, index) => {
    const name = tag.name.toLowerCase();
    if (index === 0 && name === "v") return;
    if (!KNOWN.has(name)) {
      problems.push({ kind: "unknown-tag", tag: tag.name, position: tag.position });
      return;
    }
    // A duplicate keeps its first value (tagMap below); the duplicate itself is a syntax problem.
    if (firstOf.get(name) !== tag) return;
    const value = tag.value;
    switch (name) {
      case "v":
        break; // not first: already reported as bad-version
      case "p":
      case "sp":
      case "np": {
        const policy = parsePolicy(value);
        if (!policy) invalid(tag, "none | quarantine | reject");
        else record[name] = policy;
        if (name === "p" && index !== 1) problems.push({ kind: "policy-not-second", position: tag.position });
        break;
      }
      case "adkim":
      case "aspf": {
        const v = value.toLowerCase();
        if (v === "r" || v === "s") record[name] = v;
        else invalid(tag, "r | s");
        break;
      }
      case "pct":
        if (/^\d{1,3}$/.test(value) && Number(value) <= 100) record.pct = Number(value);
        else invalid(tag, "an integer 0-100");
        problems.push({ kind: "removed-tag", tag: tag.name, value, position: tag.position });
        break;
      case "fo": {
        const parts = value.split(":").map((s) => s.trim());
        if (parts.every((p) => ["0", "1", "d", "s"].includes(p.toLowerCase())))
          record.fo = parts.map((p) => p.toLowerCase());
        else invalid(tag, "0, 1, d or s, colon-separated");
        break;
      }
      case "rf": {
        const parts = value.split(":").map((s) => s.trim().toLowerCase());
        if (parts.every((p) => p === "afrf")) record.rf = parts;
        else invalid(tag, "afrf");
        problems.push({ kind: "removed-tag", tag: tag.name, value, position: tag.position });
        break;
      }
      case "ri":
        if (/^\d{1,10}$/.test(value) && Number(value) <= 0xffffffff) record.ri = Number(value);
        else invalid(tag, "an integer number of seconds");
        problems.push({ kind: "removed-tag", tag: tag.name, value, position: tag.position });
        break;
      case "rua":
      case "ruf":
        record[name] = parseUris(tag, problems);
        break;
      case "t": {
        const v = value.toLowerCase();
        if (v === "y" || v === "n") record.testing = v === "y";
        else invalid(tag, "y | n");
        break;
      }
      case "psd": {
        const v = value.toLowerCase();
        if (v === "y" || v === "n" || v === "u") record.psd = v;
        else invalid(tag, "y | n | u");
        break;
      }
    }
  });
  if (!firstOf.has("p")) problems.push({ kind: "missing-policy" });
  record.usable =
    !problems.some((p) => p.kind === "bad-version" || (p.kind === "syntax" && p.syntax === "duplicate")) &&
    record.p !== undefined;
  return record;
}

/** The policy for existing subdomains: sp=, else p= (RFC 7489 §6.3). */
export function effectiveSubdomainPolicy(r: DmarcRecord): DmarcPolicy | undefined {
  return r.sp ?? r.p;
}

/** The policy for non-existent subdomains: np=, else sp=, else p= (RFC 9091 §4.1). */
export function effectiveNonExistentPolicy(r: DmarcRecord): DmarcPolicy | undefined {
  return r.np ?? r.sp ?? r.p;
}

/**
 * The DNS name that authorises `destination` to receive reports for `policyDomain` (RFC 7489 §7.1):
 * `<policy-domain>._report._dmarc.<destination>`.
 * @example
 *   reportAuthorizationName("example.com", "reports.example.net") // "example.com._report._dmarc.reports.example.net"
 */
export function reportAuthorizationName(policyDomain: string, destination: string): string {
  return `${policyDomain}._report._dmarc.${destination}`;
}
