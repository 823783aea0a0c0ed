import { domainToASCII } from "node:url";
import { addressesIn, domainOf } from "./addresses.js";

const asciiDomain = (d: string): string => (/^[\x21-\x7e]*$/.test(d) ? d : domainToASCII(d) || d);
import type { HeaderSection } from "./headers.js";
import { fieldsNamed, firstField } from "./headers.js";

/** SpamAssassin's verdict as the receiving filter wrote it (X-Spam-Status, X-Spam-Report). */
export interface SpamStatus {
  flagged: boolean;
  score?: number;
  required?: number;
  /** Rules that hit, with their points when the report or the tests list gives them. */
  tests: { name: string; score?: number }[];
  version?: string;
  raw: string;
}

/**
 * Parses SpamAssassin's X-Spam-Status (`Yes, score=7.1 required=5.0 tests=A,B=1.2 autolearn=no`).
 * @example
 *   parseSpamStatus("No, score=-0.1 required=5.0 tests=DKIM_SIGNED,DKIM_VALID")?.tests.length; // 2
 */
export function parseSpamStatus(value: string, report?: string): SpamStatus | undefined {
  const flag = /^\s*(yes|no)\b/i.exec(value);
  if (!flag) return undefined;
  const num = (re: RegExp) => {
    const m = re.exec(value)?.[1];
    return m !== undefined && Number.isFinite(Number(m)) ? Number(m) : undefined;
  };
  const status: SpamStatus = {
    flagged: (flag[1] ?? "").toLowerCase() === "yes",
    tests: [],
    raw: value.slice(0, 4096),
  };
  const score = num(/\b(?:score|hits)=(-?\d+(?:\.\d+)?)/i);
  if (score !== undefined) status.score = score;
  const required = num(/\brequired=(-?\d+(?:\.\d+)?)/i);
  if (required !== undefined) status.required = required;
  const version = /\bversion=(\S+)/i.exec(value)?.[1];
  if (version) status.version = version;
  const tests =
    /\btests=(.*?)(?:\s+(?:autolearn|autolearn_force|version|shortcircuit)=|$)/is.exec(value)?.[1] ?? "";
  const points = new Map<string, number>();
  for (const m of (report ?? "").matchAll(/(-?\d+(?:\.\d+)?)\s+([A-Z0-9_]{2,})\b/g))
    points.set(m[2] ?? "", Number(m[1]));
  for (const t of tests.split(/[,\s]+/).slice(0, 200)) {
    const [name, s] = t.split("=");
    if (!name || name.toLowerCase() === "none") continue;
    const sc = s !== undefined && Number.isFinite(Number(s)) ? Number(s) : points.get(name);
    status.tests.push(sc !== undefined ? { name, score: sc } : { name });
  }
  return status;
}

/** Bulk-mail headers: List-Unsubscribe (RFC 2369) and one-click unsubscribe (RFC 8058). */
export interface ListHeaders {
  /** The message looks like bulk or list mail (List-Id, Precedence bulk/list, List-Unsubscribe). */
  bulk: boolean;
  listId?: string;
  precedence?: string;
  /** URIs of List-Unsubscribe, in order. */
  unsubscribe: string[];
  /** The List-Unsubscribe-Post value. */
  post?: string;
  /** RFC 8058 §3.1: an HTTPS URI plus `List-Unsubscribe=One-Click`. */
  oneClickHeaders: boolean;
}

/** Reads the list headers of a message. */
export function readListHeaders(headers: HeaderSection): ListHeaders {
  const unsub = firstField(headers, "list-unsubscribe")?.value ?? "";
  const unsubscribe = [...unsub.matchAll(/<([^<>]*)>/g)].map((m) => (m[1] ?? "").trim()).slice(0, 20);
  const post = firstField(headers, "list-unsubscribe-post")?.value;
  const listId = firstField(headers, "list-id")?.value;
  const precedence = firstField(headers, "precedence")?.value.toLowerCase();
  const out: ListHeaders = {
    bulk: Boolean(listId) || precedence === "bulk" || precedence === "list" || unsubscribe.length > 0,
    unsubscribe,
    oneClickHeaders:
      unsubscribe.some((u) => /^https:\/\//i.test(u)) &&
      post?.replace(/\s+/g, "") === "List-Unsubscribe=One-Click",
  };
  if (listId) out.listId = listId.slice(0, 300);
  if (precedence) out.precedence = precedence.slice(0, 40);
  if (post !== undefined) out.post = post.slice(0, 300);
  return out;
}

/** The From and Return-Path identities, for DMARC and for the Return-Path vs From comparison. */
export interface Identities {
  fromFields: number;
  fromAddresses: string[];
  /** The single From domain DMARC is about, when there is exactly one. */
  fromDomain?: string;
  /** Distinct From domains (more than one makes DMARC undefined, RFC 7489 §6.6.1). */
  fromDomains: string[];
  /** The topmost Return-Path address (`""` for the null path `<>`), when present. */
  returnPath?: string;
  returnPathDomain?: string;
  returnPathFields: number;
}

export function readIdentities(headers: HeaderSection): Identities {
  const fromFields = fieldsNamed(headers, "from");
  const fromAddresses = fromFields.flatMap((f) => addressesIn(f.value)).slice(0, 50);
  // IDN domains are compared and looked up in their ASCII (punycode) form
  const fromDomains = [...new Set(fromAddresses.map((a) => asciiDomain(domainOf(a))).filter(Boolean))];
  const rp = fieldsNamed(headers, "return-path");
  const out: Identities = {
    fromFields: fromFields.length,
    fromAddresses,
    fromDomains,
    returnPathFields: rp.length,
  };
  if (fromDomains.length === 1) out.fromDomain = fromDomains[0];
  const first = rp[0];
  if (first) {
    const addr = /<\s*>/.test(first.value) ? "" : (addressesIn(first.value)[0] ?? first.value.trim());
    out.returnPath = addr;
    const d = asciiDomain(domainOf(addr));
    if (d) out.returnPathDomain = d;
  }
  return out;
}
