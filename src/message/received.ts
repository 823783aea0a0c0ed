import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { parseMailDate } from "./date.js";

/** A Received field longer than this is cut before parsing (bounded work on hostile input). */
const MAX_RECEIVED_CHARS = 8192;

/** One Received header field (RFC 5321 §4.4), parsed. */
export interface ReceivedHop {
  /** Position among the Received fields, 0 = topmost (the newest, added last). */
  index: number;
  /** The sending side as the receiver recorded it. */
  from?: {
    /** The name the client gave in EHLO/HELO (or the from-domain as written). */
    helo?: string;
    /** The client's reverse-DNS name, as the receiver looked it up. */
    rdns?: string;
    /** The client's IP address. */
    ip?: string;
  };
  /** The receiving host. */
  by?: string;
  /** Software named next to the receiving host, e.g. `Postfix`. */
  software?: string;
  via?: string;
  /** The `with` protocol as written (`ESMTPS`, `LMTP`, `Microsoft SMTP Server`...). */
  with?: string;
  /** Upper-case protocol keyword, e.g. `ESMTPSA`. */
  protocol?: string;
  id?: string;
  for?: string;
  envelopeFrom?: string;
  /** TLS facts where the receiver wrote them. */
  tls?: { version?: string; cipher?: string; bits?: string };
  /** The protocol says TLS (RFC 3848 `...S`), or TLS facts were written. */
  encrypted: boolean;
  /** The protocol says the client authenticated (RFC 3848 `...A`). */
  authenticated: boolean;
  /** The date after the `;`, as written. */
  dateText?: string;
  /** Epoch ms of that date, when it parses. */
  time?: number;
  /** Why this hop could not be fully understood (empty when it parsed). */
  problems: string[];
  /** The field value, unfolded (cut to 8 KiB). */
  raw: string;
}

interface Token {
  kind: "word" | "comment";
  text: string;
}

/** Splits a Received value into words and top-level comments, respecting quotes and nesting. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? "";
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "(") {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        const d = text[j];
        if (d === "\\") {
          j++;
          continue;
        }
        if (d === "(") depth++;
        else if (d === ")" && --depth === 0) break;
      }
      out.push({ kind: "comment", text: text.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s(]/.test(text[j] ?? "")) j++;
    out.push({ kind: "word", text: text.slice(i, j) });
    i = j;
  }
  return out;
}

/** Index of the `;` that starts the date: the last one outside comments. */
function dateSplit(text: string): number {
  let depth = 0;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
    else if (c === ";" && depth === 0) last = i;
  }
  return last;
}

// `tls` is an Exim clause: `with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384`.
const CLAUSES = new Set(["from", "by", "via", "with", "id", "for", "tls"]);
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/;

/** Normalises `TLS1_2`, `TLSv1.2`, `TLS1.2` to `TLSv1.2`. */
function tlsVersion(v: string): string {
  const m = /^(TLS|SSL)v?(\d)[._]?(\d)?$/i.exec(v.trim());
  if (!m) return v;
  return `${(m[1] ?? "").toUpperCase()}v${m[2]}${m[3] !== undefined ? `.${m[3]}` : ""}`;
}

function findTls(text: string): ReceivedHop["tls"] {
  // Postfix: (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) ...)
  const postfix =
    /using\s+((?:TLS|SSL)v?[\d.]+)\s+with\s+cipher\s+([A-Za-z0-9_-]+)(?:\s*\((\d+\/\d+) bits\))?/i.exec(text);
  if (postfix)
    return {
      version: tlsVersion(postfix[1] ?? ""),
      cipher: postfix[2],
      ...(postfix[3] ? { bits: postfix[3] } : {}),
    };
  // Sendmail, Gmail, Microsoft: (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256)
  const version = /version=((?:TLS|SSL)v?[\d._]+)/i.exec(text)?.[1];
  const cipher = /cipher=([A-Za-z0-9_-]+)/i.exec(text)?.[1];
  const bits = /bits=(\d+(?:\/\d+)?)/i.exec(text)?.[1];
  if (version || cipher)
    return {
      ...(version ? { version: tlsVersion(version) } : {}),
      ...(cipher ? { cipher } : {}),
      ...(bits ? { bits } : {}),
    };
  // Exim: with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384
  const exim = /\((TLS1[._]\d)\)(?:\s+tls\s+([A-Za-z0-9_-]+))?/i.exec(text);
  if (exim) return { version: tlsVersion(exim[1] ?? ""), ...(exim[2] ? { cipher: exim[2] } : {}) };
  return undefined;
}

function cleanIp(s: string): string | undefined {
  const v = s
    .replace(/^\[|\]$/g, "")
    .replace(/^IPv6:/i, "")
    .replace(/%.*$/, "");
  return isIP(v) ? v : undefined;
}

function parseFrom(value: string | undefined, comments: string[]): ReceivedHop["from"] {
  const from: NonNullable<ReceivedHop["from"]> = {};
  if (value) {
    const literal = /^\[([^\]]+)\]$/.exec(value);
    const ip = literal ? cleanIp(literal[1] ?? "") : undefined;
    if (ip) from.ip = ip;
    else from.helo = value;
  }
  for (const c of comments) {
    // "name [ip]", "[ip] helo=name", "HELO name", "may be forged"...
    const bracket = /(?:^|\s)([^\s[\]()]*)\s*\[((?:IPv6:)?[0-9a-fA-F:.]+)\](?::\d+)?/.exec(c);
    if (bracket && !from.ip) {
      const ip = cleanIp(bracket[2] ?? "");
      if (ip) from.ip = ip;
      const name = (bracket[1] ?? "").replace(/\.$/, "");
      if (ip && name && name.toLowerCase() !== "unknown" && !name.includes("=")) from.rdns = name;
    }
    const helo = /\b(?:helo|ehlo)[=\s]+([^\s)\]]+)/i.exec(c)?.[1];
    if (helo) from.helo = helo;
    if (!from.ip) {
      const bare =
        c
          .split(/[\s,]+/)
          .map(cleanIp)
          .find((x) => x !== undefined) ?? (IPV4.exec(c) ? cleanIp(IPV4.exec(c)?.[0] ?? "") : undefined);
      if (bare) from.ip = bare;
    }
  }
  return Object.keys(from).length ? from : undefined;
}

/**
 * Parses one Received field value.
 * @example
 *   const hop = parseReceived("from a.example (a.example [192.0.2.1]) by mx.example with ESMTPS id 1; Tue, 3 Jan 2017 12:22:54 -0800", 0);
 *   hop.from?.ip; // "192.0.2.1"
 */
export function parseReceived(value: string, index: number): ReceivedHop {
  // unfolded, and runs of folding whitespace made one space, for parsing and display
  const raw = value
    .replace(/\r?\n/g, "")
    .replace(/[ \t]+/g, " ")
    .slice(0, MAX_RECEIVED_CHARS);
  const problems: string[] = [];
  if (value.length > MAX_RECEIVED_CHARS)
    problems.push(`field longer than ${MAX_RECEIVED_CHARS} characters, cut`);
  const split = dateSplit(raw);
  const head = split === -1 ? raw : raw.slice(0, split);
  const dateText = split === -1 ? undefined : raw.slice(split + 1).trim();
  const hop: ReceivedHop = { index, encrypted: false, authenticated: false, problems, raw };
  const clauses = new Map<string, { words: string[]; comments: string[] }>();
  let current: { words: string[]; comments: string[] } | undefined;
  for (const tok of tokenize(head)) {
    if (tok.kind === "comment") {
      current?.comments.push(tok.text);
      continue;
    }
    const kw = tok.text.toLowerCase();
    if (CLAUSES.has(kw) && (!current || current.words.length > 0) && !clauses.has(kw)) {
      current = { words: [], comments: [] };
      clauses.set(kw, current);
      continue;
    }
    current?.words.push(tok.text);
  }
  const from = clauses.get("from");
  if (from) {
    const parsed = parseFrom(from.words[0], from.comments);
    if (parsed) hop.from = parsed;
  }
  const by = clauses.get("by");
  if (by?.words[0]) hop.by = by.words[0].replace(/\.$/, "");
  const software = by?.comments.find((c) => /^[A-Za-z][\w ./-]*$/.test(c.trim()));
  if (software) hop.software = software.trim();
  const via = clauses.get("via")?.words[0];
  if (via) hop.via = via;
  const withClause = clauses.get("with");
  if (withClause?.words.length) {
    hop.with = withClause.words.join(" ");
    hop.protocol = (withClause.words[0] ?? "").toUpperCase();
  }
  const id = clauses.get("id")?.words[0];
  if (id) hop.id = id.replace(/;$/, "");
  const forWord = clauses.get("for")?.words[0];
  if (forWord) hop.for = forWord.replace(/^<|>;?$/g, "");
  const envelope = /envelope-from[=\s<]+([^\s>)]+)/i.exec(raw)?.[1];
  if (envelope) hop.envelopeFrom = envelope;
  const tls = findTls(head);
  if (tls) hop.tls = tls;
  const p = hop.protocol ?? "";
  hop.encrypted =
    /^(E?SMTP|LMTP|UTF8SMTP|UTF8LMTP)SA?$/.test(p) || p === "HTTPS" || Boolean(tls?.version || tls?.cipher);
  hop.authenticated = /^(ESMTP|LMTP|UTF8SMTP|UTF8LMTP)S?A$/.test(p);
  if (dateText !== undefined) {
    hop.dateText = dateText;
    const t = parseMailDate(dateText);
    if (t === undefined) problems.push("date not understood");
    else hop.time = t;
  } else problems.push("no date after ';'");
  if (!hop.by && !hop.from) problems.push("neither a from nor a by clause");
  return hop;
}

/** True for loopback, RFC 1918, CGNAT, link-local and unique-local addresses. */
export function isPrivateAddress(ip: string): boolean {
  try {
    const range = ipaddr.process(ip).range();
    return ["loopback", "private", "linkLocal", "uniqueLocal", "carrierGradeNat", "unspecified"].includes(
      range,
    );
  } catch {
    return false;
  }
}

/** Protocols that hand mail over inside one host or organisation, never across the internet. */
const LOCAL_PROTOCOLS = /^(LMTP|LMTPS|LMTPA|LMTPSA|LOCAL|UTF8LMTP\w*)$/;

/**
 * Picks the first external hop: where the message entered the receiving side from another party,
 * the hop whose client SPF is about. Walking from the top (newest), hops are skipped while they are
 * internal hand-offs: no client address, a local protocol (LMTP, local), an authenticated
 * submission (ESMTPA/ESMTPSA: the server's own user, where SPF does not apply), or a
 * private/loopback client with some other hop below it that has a public client address. When every
 * client is private (a lab, an intranet), the topmost SMTP hop with a client address is taken.
 * Returns its position in `hops` (top first), or -1 with the reason.
 */
export function firstExternalHop(hops: readonly ReceivedHop[]): {
  index: number;
  reason: "public-client" | "private-only" | "authenticated" | "none";
} {
  const withIp = hops
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => h.from?.ip && !LOCAL_PROTOCOLS.test(h.protocol ?? ""));
  const candidates = withIp.filter(({ h }) => !h.authenticated);
  for (const { h, i } of candidates) {
    if (!isPrivateAddress(h.from?.ip ?? "")) return { index: i, reason: "public-client" };
    const below = candidates.some((x) => x.i > i && !isPrivateAddress(x.h.from?.ip ?? ""));
    if (!below) break;
  }
  const top = candidates[0];
  if (top) return { index: top.i, reason: "private-only" };
  return { index: -1, reason: withIp.length ? "authenticated" : "none" };
}
