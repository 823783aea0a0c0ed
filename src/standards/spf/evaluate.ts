/**
 * check_host() of RFC 7208 §4, with a trace of every term, query and counter.
 * The resolver comes in as a parameter; nothing here does I/O of its own.
 */
import { domainToASCII } from "node:url";
import type { DnsAnswer, DnsRecord, RRType } from "../../net/dns/types.js";
import { inNetwork, macroIp, parseAddress, reverseName, type SpfAddress } from "./ip.js";
import {
  expandMacros,
  parseMacroString,
  truncateDomain,
  type MacroToken,
  type MacroValues,
} from "./macros.js";
import { isSpfRecord, parseSpfRecord, type SpfMechanism, type SpfModifier } from "./parse.js";
import {
  DEFAULT_SPF_LIMITS,
  type CheckHostOptions,
  type CheckHostParams,
  type SpfLimits,
  type SpfQualifier,
  type SpfResult,
  type SpfResultCode,
  type SpfTraceNode,
  type SpfTraceQuery,
  type SpfTraceTerm,
} from "./types.js";

/** Ends the evaluation of a record with permerror or temperror; caught in evaluateDomain. */
class SpfAbort extends Error {
  constructor(
    readonly result: "permerror" | "temperror",
    readonly reason: string,
  ) {
    super(reason);
  }
}

interface State {
  opts: CheckHostOptions;
  limits: SpfLimits;
  ip: SpfAddress;
  sender: string;
  localPart: string;
  senderDomain: string;
  helo: string;
  receiver: string;
  lookups: number;
  voids: number;
  /** Validated PTR names of the client, looked up once per evaluation (for `%{p}`). */
  ptrNames?: Promise<string[]>;
  /** The caller's signal combined with the evaluation's time limit. */
  signal: AbortSignal;
  deadline: number;
}

interface DomainOutcome {
  node: SpfTraceNode;
  result: SpfResultCode;
  explanation: string | null;
  mechanism: string | null;
  reason: string | null;
}

const QUALIFIER_RESULT: Record<SpfQualifier, SpfResultCode> = {
  "+": "pass",
  "-": "fail",
  "~": "softfail",
  "?": "neutral",
};
const FAILED = new Set(["servfail", "refused", "timeout", "malformed", "error"]);

/**
 * Whether a name may be asked about: labels of 1-63 printable ASCII characters, at most 253 in all,
 * at least two labels (RFC 7208 §4.3). Returns the name without a trailing dot, lower-cased, or null.
 */
export function spfDomainName(input: string): string | null {
  let name = input.endsWith(".") ? input.slice(0, -1) : input;
  if (/[^\x21-\x7e]/.test(name)) {
    const ascii = domainToASCII(name);
    if (!ascii) return null;
    name = ascii;
  }
  if (!name || name.length > 253 || name.startsWith("[")) return null;
  const labels = name.split(".");
  if (labels.length < 2 || labels.some((l) => l.length === 0 || l.length > 63)) return null;
  return name.toLowerCase();
}

function recordText(r: DnsRecord): string {
  switch (r.type) {
    case "A":
    case "AAAA":
      return r.address;
    case "MX":
      return `${r.preference} ${r.exchange}`;
    case "TXT":
    case "SPF":
      return r.strings.join("");
    case "PTR":
    case "CNAME":
      return r.target;
    default:
      return r.type;
  }
}

async function ask(
  state: State,
  queries: SpfTraceQuery[],
  name: string,
  type: RRType,
  note?: string,
): Promise<DnsAnswer> {
  if (state.opts.signal?.aborted) throw new SpfAbort("temperror", "evaluation aborted");
  if (Date.now() > state.deadline)
    throw new SpfAbort(
      "temperror",
      `time limit of ${state.limits.timeMs} ms exceeded before ${name} ${type}`,
    );
  let answer: DnsAnswer;
  try {
    answer = await state.opts.dns.query(name, type, { signal: state.signal });
  } catch (err) {
    // the DnsClient contract is never to throw; a resolver that does still only yields temperror
    const detail = err instanceof Error ? err.message : String(err);
    queries.push({ name, type, status: "error", answers: [], note: detail });
    throw new SpfAbort("temperror", `DNS error for ${name} ${type}: ${detail}`);
  }
  const q: SpfTraceQuery = {
    name,
    type,
    status: answer.status,
    answers: answer.records.filter((r) => r.type === type).map(recordText),
  };
  if (note) q.note = note;
  queries.push(q);
  if (state.signal.aborted) {
    const why = state.opts.signal?.aborted
      ? "evaluation aborted"
      : `time limit of ${state.limits.timeMs} ms exceeded at ${name} ${type}`;
    throw new SpfAbort("temperror", why);
  }
  return answer;
}

function failure(a: DnsAnswer): string {
  return `DNS ${a.status}${a.detail ? ` (${a.detail})` : ""} for ${a.name} ${a.type}`;
}

function countVoid(state: State, q: SpfTraceQuery): void {
  q.void = true;
  state.voids++;
  if (state.voids > state.limits.voidLookups) {
    throw new SpfAbort(
      "permerror",
      `void lookup limit (${state.limits.voidLookups}) exceeded at ${q.name} ${q.type}`,
    );
  }
}

function countLookup(state: State, term: string): void {
  state.lookups++;
  if (state.lookups > state.limits.lookups) {
    throw new SpfAbort("permerror", `DNS lookup limit (${state.limits.lookups}) exceeded at ${term}`);
  }
}

/**
 * Addresses of `name` in the client's family. An empty answer is a void lookup only when the name
 * has no address of the other family either (a v4-only host asked for AAAA is not "void": see
 * mailauth issue 104); the extra query is made only then.
 */
async function addresses(state: State, queries: SpfTraceQuery[], name: string): Promise<string[]> {
  const type = state.ip.family === 4 ? "A" : "AAAA";
  const a = await ask(state, queries, name, type);
  if (FAILED.has(a.status)) throw new SpfAbort("temperror", failure(a));
  const found = a.records.flatMap((r) => (r.type === type ? [r.address] : []));
  if (found.length) return found;
  const q = queries[queries.length - 1] as SpfTraceQuery;
  if (a.status === "nodata") {
    const other = await ask(
      state,
      queries,
      name,
      type === "A" ? "AAAA" : "A",
      "other family, for void counting",
    );
    if (other.status !== "nxdomain" && other.status !== "nodata") return [];
  }
  countVoid(state, q);
  return [];
}

function matchesAny(state: State, addrs: string[], m: SpfMechanism): boolean {
  const prefix = state.ip.family === 4 ? (m.cidr4 ?? 32) : (m.cidr6 ?? 128);
  return addrs.some((text) => {
    const net = parseAddress(text);
    return net !== null && net.family === state.ip.family && inNetwork(state.ip, net, prefix);
  });
}

/** The client's validated PTR names (RFC 7208 §5.5), at most `ptrNames` of them examined. */
async function validatedNames(
  state: State,
  queries: SpfTraceQuery[],
  countVoids: boolean,
): Promise<string[]> {
  const ptr = await ask(state, queries, reverseName(state.ip), "PTR");
  const q = queries[queries.length - 1] as SpfTraceQuery;
  if (ptr.status === "nxdomain" || ptr.status === "nodata") {
    if (countVoids) countVoid(state, q);
    return [];
  }
  // a failed PTR lookup makes the mechanism not match (RFC 7208 §5.5): no records, no names
  const names = ptr.records.flatMap((r) =>
    r.type === "PTR" ? [r.target.replace(/\.$/, "").toLowerCase()] : [],
  );
  const out: string[] = [];
  const type = state.ip.family === 4 ? "A" : "AAAA";
  for (const name of names.slice(0, state.limits.ptrNames)) {
    const a = await ask(state, queries, name, type, "validating PTR name");
    // a DNS error on one name only skips that name (RFC 7208 §5.5)
    const addrs = a.records.flatMap((r) => (r.type === type ? [r.address] : []));
    if (addrs.some((x) => parseAddress(x)?.text === state.ip.text)) out.push(name);
  }
  return out;
}

function macroValues(state: State, domain: string, queries: SpfTraceQuery[]): MacroValues {
  return {
    s: state.sender,
    l: state.localPart,
    o: state.senderDomain,
    d: domain,
    i: macroIp(state.ip),
    v: state.ip.family === 4 ? "in-addr" : "ip6",
    h: state.helo,
    c: state.ip.text,
    r: state.receiver,
    t: String(Math.floor((state.opts.now?.() ?? new Date()).getTime() / 1000)),
    p: async () => {
      state.ptrNames ??= validatedNames(state, queries, false).catch(() => []);
      const names = await state.ptrNames;
      const d = domain.toLowerCase();
      return names.find((n) => n === d) ?? names.find((n) => n.endsWith(`.${d}`)) ?? names[0] ?? "unknown";
    },
  };
}

/**
 * A name as it can be put on the wire: no empty label, labels up to 63 octets, 253 in all, ASCII.
 * Syntax is checked on the domain-spec before expansion, never after (RFC 7208 §7.1: a HELO of
 * `OEMCOMPUTER` in `a:%{h}` is simply a name that does not exist).
 */
function wireName(input: string): string | null {
  const name = input.endsWith(".") ? input.slice(0, -1) : input;
  if (!name || name.length > 253 || /[^\x20-\x7e]/.test(name)) return null;
  if (name.split(".").some((l) => l.length === 0 || l.length > 63)) return null;
  return name.toLowerCase();
}

/** Expands a domain-spec into a name to query; null when the expansion cannot be a DNS name. */
async function target(
  state: State,
  domain: string,
  macros: MacroToken[] | undefined,
  trace: SpfTraceTerm,
): Promise<string | null> {
  if (!macros) return domain;
  const expanded = truncateDomain(await expandMacros(macros, macroValues(state, domain, trace.queries)));
  const name = wireName(expanded);
  trace.target = name ?? expanded;
  if (!name) trace.note = "the expansion is not a usable DNS name: no query, no match";
  return name;
}

/** mx (RFC 7208 §5.4): the MX names of `name`, at most `mxNames` of them, their addresses in the client's family. */
async function matchMx(state: State, m: SpfMechanism, name: string, trace: SpfTraceTerm): Promise<boolean> {
  const mx = await ask(state, trace.queries, name, "MX");
  if (FAILED.has(mx.status)) throw new SpfAbort("temperror", failure(mx));
  if (mx.status !== "noerror" || mx.records.length === 0) {
    countVoid(state, trace.queries[trace.queries.length - 1] as SpfTraceQuery);
    return false;
  }
  // a null MX ("MX 0 .") names no host
  const hosts = mx.records.flatMap((r) =>
    r.type === "MX" && r.exchange && r.exchange !== "." ? [r.exchange.replace(/\.$/, "")] : [],
  );
  if (hosts.length > state.limits.mxNames) {
    const limit = state.limits.mxNames;
    throw new SpfAbort(
      "permerror",
      `${m.raw}: ${hosts.length} MX names, more than ${limit} (RFC 7208 §4.6.4)`,
    );
  }
  for (const host of hosts) {
    if (matchesAny(state, await addresses(state, trace.queries, host), m)) {
      trace.note = `matched MX host ${host}`;
      return true;
    }
  }
  return false;
}

/** include (RFC 7208 §5.2): a recursive check_host() whose pass is a match. */
async function matchInclude(
  state: State,
  m: SpfMechanism,
  name: string,
  trace: SpfTraceTerm,
): Promise<boolean> {
  const child = await evaluateDomain(state, name, "include", false);
  trace.child = child.node;
  switch (child.result) {
    case "pass":
      return true;
    case "fail":
    case "softfail":
    case "neutral":
      return false;
    case "temperror":
      throw new SpfAbort("temperror", child.reason ?? `temperror in ${name}`);
    case "none":
      throw new SpfAbort("permerror", `${m.raw}: ${name} has no SPF record (${child.reason ?? "none"})`);
    case "permerror":
      throw new SpfAbort("permerror", child.reason ?? `permerror in ${name}`);
  }
}

/** The mechanisms that ask DNS: each counts against the limit of 10, then asks about its target. */
async function matchDnsMechanism(
  state: State,
  domain: string,
  m: SpfMechanism,
  trace: SpfTraceTerm,
): Promise<boolean> {
  countLookup(state, m.raw);
  const name = await target(state, domain, m.macros, trace);
  if (name === null) {
    if (m.name === "include")
      throw new SpfAbort(
        "permerror",
        `${m.raw}: expands to ${JSON.stringify(trace.target)}, not a domain name`,
      );
    return false;
  }
  trace.target = name;
  switch (m.name) {
    case "a":
      return matchesAny(state, await addresses(state, trace.queries, name), m);
    case "mx":
      return matchMx(state, m, name, trace);
    case "ptr": {
      const names = await validatedNames(state, trace.queries, true);
      const hit = names.find((n) => n === name || n.endsWith(`.${name}`));
      if (hit) trace.note = `validated PTR name ${hit}`;
      return hit !== undefined;
    }
    case "exists": {
      // always an A query, whatever the client's family (RFC 7208 §5.7)
      const a = await ask(state, trace.queries, name, "A");
      if (FAILED.has(a.status)) throw new SpfAbort("temperror", failure(a));
      if (a.records.some((r) => r.type === "A")) return true;
      countVoid(state, trace.queries[trace.queries.length - 1] as SpfTraceQuery);
      return false;
    }
    default:
      return matchInclude(state, m, name, trace);
  }
}

async function evalMechanism(
  state: State,
  domain: string,
  m: SpfMechanism,
  trace: SpfTraceTerm,
): Promise<boolean> {
  switch (m.name) {
    case "all":
      return true;
    case "ip4":
    case "ip6": {
      const net = parseAddress(m.network ?? "");
      // ip4 networks only match IPv4 clients, ip6 only IPv6 (mapped clients are IPv4)
      if (!net || (m.name === "ip4") !== (state.ip.family === 4) || net.family !== state.ip.family)
        return false;
      return inNetwork(state.ip, net, (m.name === "ip4" ? m.cidr4 : m.cidr6) ?? 0);
    }
    default:
      return matchDnsMechanism(state, domain, m, trace);
  }
}

/** The exp= text (RFC 7208 §6.2); any problem means no explanation, never another result. */
async function explain(
  state: State,
  domain: string,
  exp: SpfModifier,
  node: SpfTraceNode,
): Promise<string | null> {
  const info: NonNullable<SpfTraceNode["explanation"]> = { target: null, queries: [], text: null };
  node.explanation = info;
  try {
    const expanded = truncateDomain(
      await expandMacros(exp.macros ?? [], macroValues(state, domain, info.queries)),
    );
    const name = spfDomainName(expanded);
    if (!name) return ((info.problem = `invalid exp= domain ${JSON.stringify(expanded)}`), null);
    info.target = name;
    const a = await ask(state, info.queries, name, "TXT", "explanation");
    const texts = a.records.flatMap((r) => (r.type === "TXT" ? [r.strings.join("")] : []));
    if (a.status !== "noerror" || texts.length !== 1) {
      info.problem = a.status === "noerror" ? `${texts.length} TXT records at ${name}` : failure(a);
      return null;
    }
    const parsed = parseMacroString(texts[0] as string, { exp: true });
    if (!parsed.ok) return ((info.problem = `exp text: ${parsed.problem} at ${parsed.position}`), null);
    info.text = await expandMacros(
      parsed.tokens,
      macroValues(state, domain, info.queries),
      state.limits.explanationChars,
    );
    return info.text;
  } catch (err) {
    info.problem = err instanceof Error ? err.message : String(err);
    return null;
  }
}

/** Finds the SPF record of `domain`: none, one, or an error (RFC 7208 §4.4, §4.5). */
async function lookupRecord(
  state: State,
  node: SpfTraceNode,
): Promise<{ record: string } | { result: SpfResultCode; reason: string }> {
  const a = await ask(state, node.queries, node.domain, "TXT");
  if (FAILED.has(a.status)) return { result: "temperror", reason: failure(a) };
  if (a.status !== "noerror") return { result: "none", reason: `${a.status} for ${node.domain} TXT` };
  const records = a.records
    .flatMap((r) => (r.type === "TXT" ? [r.strings.join("")] : []))
    .filter(isSpfRecord);
  if (records.length === 0) return { result: "none", reason: `no v=spf1 record at ${node.domain}` };
  if (records.length > 1)
    return { result: "permerror", reason: `${records.length} v=spf1 records at ${node.domain}` };
  return { record: records[0] as string };
}

async function evaluateDomain(
  state: State,
  domain: string,
  via: SpfTraceNode["via"],
  allowExp: boolean,
): Promise<DomainOutcome> {
  const node: SpfTraceNode = { domain, via, queries: [], record: null, terms: [], result: "neutral" };
  const done = (
    result: SpfResultCode,
    extra: Partial<Omit<DomainOutcome, "node" | "result">> = {},
  ): DomainOutcome => {
    node.result = result;
    if (extra.reason) node.reason = extra.reason;
    return {
      node,
      result,
      explanation: extra.explanation ?? null,
      mechanism: extra.mechanism ?? null,
      reason: extra.reason ?? null,
    };
  };
  let current: SpfTraceTerm | undefined;
  try {
    const found = await lookupRecord(state, node);
    if (!("record" in found)) return done(found.result, { reason: found.reason });
    node.record = found.record;
    const parsed = parseSpfRecord(found.record);
    const first = parsed.errors[0];
    if (first)
      return done("permerror", {
        reason: `syntax error at position ${first.position} (${first.term}): ${first.detail}`,
      });

    for (const m of parsed.mechanisms) {
      current = {
        term: m.raw,
        kind: "mechanism",
        name: m.name,
        qualifier: m.qualifier,
        queries: [],
        matched: null,
        lookups: 0,
        voidLookups: 0,
      };
      node.terms.push(current);
      const matched = await evalMechanism(state, domain, m, current);
      Object.assign(current, { matched, lookups: state.lookups, voidLookups: state.voids });
      if (matched) {
        const result = QUALIFIER_RESULT[m.qualifier];
        const explanation =
          result === "fail" && allowExp && parsed.exp ? await explain(state, domain, parsed.exp, node) : null;
        return done(result, { mechanism: m.raw, explanation });
      }
    }
    current = undefined;
    // RFC 7208 §6.1: redirect is ignored when the record has an "all" mechanism
    const redirect = parsed.mechanisms.some((m) => m.name === "all") ? undefined : parsed.redirect;
    if (!redirect) return done("neutral");
    current = {
      term: redirect.raw,
      kind: "modifier",
      name: "redirect",
      queries: [],
      matched: null,
      lookups: 0,
      voidLookups: 0,
    };
    node.terms.push(current);
    countLookup(state, redirect.raw);
    const name = await target(state, domain, redirect.macros, current);
    if (name === null)
      throw new SpfAbort(
        "permerror",
        `${redirect.raw}: expands to ${JSON.stringify(current.target)}, not a domain name`,
      );
    // the original record's exp= is not used after a redirect (RFC 7208 §6.2)
    const child = await evaluateDomain(state, name, "redirect", allowExp);
    Object.assign(current, { child: child.node, lookups: state.lookups, voidLookups: state.voids });
    if (child.result === "none")
      throw new SpfAbort(
        "permerror",
        `${redirect.raw}: ${name} has no SPF record (${child.reason ?? "none"})`,
      );
    return done(child.result, {
      explanation: child.explanation,
      mechanism: child.mechanism,
      reason: child.reason ?? undefined,
    });
  } catch (err) {
    if (!(err instanceof SpfAbort)) throw err;
    if (current)
      Object.assign(current, {
        error: err.reason,
        matched: null,
        lookups: state.lookups,
        voidLookups: state.voids,
      });
    return done(err.result, { reason: err.reason });
  }
}

/**
 * RFC 7208 §4 check_host(): the SPF result for a client address, a domain and a sender.
 * Throws TypeError only when `ip` is not an IP address (a caller's bug); everything the DNS
 * or the records do ends in one of the seven results.
 * @example
 *   const r = await checkHost({ ip: "192.0.2.1", domain: "example.com", sender: "a@example.com" }, { dns });
 *   r.result // "pass"
 */
export async function checkHost(params: CheckHostParams, options: CheckHostOptions): Promise<SpfResult> {
  const ip = parseAddress(params.ip);
  if (!ip) throw new TypeError(`not an IP address: ${JSON.stringify(params.ip)}`);
  const at = params.sender.lastIndexOf("@");
  const localPart = at < 0 ? "" : params.sender.slice(0, at);
  const senderDomain = at < 0 ? params.sender : params.sender.slice(at + 1);
  const sender = `${localPart || "postmaster"}@${senderDomain}`;
  const limits = { ...DEFAULT_SPF_LIMITS, ...options.limits };
  const timer = AbortSignal.timeout(limits.timeMs);
  const state: State = {
    opts: options,
    limits,
    signal: options.signal ? AbortSignal.any([options.signal, timer]) : timer,
    deadline: Date.now() + limits.timeMs,
    ip,
    sender,
    localPart: localPart || "postmaster",
    senderDomain,
    helo: params.helo ?? "unknown",
    receiver: params.receiver ?? "unknown",
    lookups: 0,
    voids: 0,
  };
  const base = { domain: params.domain, sender, ip: ip.text };
  const domain = spfDomainName(params.domain);
  if (!domain) {
    // RFC 7208 §4.3: a malformed or single-label domain gives "none" without any query
    const reason = `${JSON.stringify(params.domain)} is not a valid multi-label domain name`;
    const trace: SpfTraceNode = {
      domain: params.domain,
      via: "check_host",
      queries: [],
      record: null,
      terms: [],
      result: "none",
      reason,
    };
    return {
      ...base,
      result: "none",
      explanation: null,
      lookups: 0,
      voidLookups: 0,
      mechanism: null,
      reason,
      trace,
    };
  }
  const out = await evaluateDomain(state, domain, "check_host", true);
  return {
    ...base,
    domain,
    result: out.result,
    explanation: out.result === "fail" ? out.explanation : null,
    lookups: state.lookups,
    voidLookups: state.voids,
    mechanism: out.mechanism,
    reason: out.reason,
    trace: out.node,
  };
}

export interface SpfQueryParams {
  ip: string;
  /** The MAIL FROM address; empty for the null reverse-path (then the HELO identity is checked). */
  sender: string;
  helo?: string;
  receiver?: string;
}

/**
 * Picks the identity like spfquery does: the sender's domain, or, for the null reverse-path,
 * the HELO name with `postmaster@helo` as sender (RFC 7208 §2.4).
 * @example await spfQuery({ ip: "192.0.2.1", sender: "", helo: "mail.example.com" }, { dns })
 */
export async function spfQuery(params: SpfQueryParams, options: CheckHostOptions): Promise<SpfResult> {
  const sender = params.sender.trim().replace(/^<(.*)>$/, "$1");
  if (sender) {
    const at = sender.lastIndexOf("@");
    const domain = at < 0 ? sender : sender.slice(at + 1);
    const r = await checkHost(
      {
        ip: params.ip,
        domain,
        sender: at < 0 ? `@${sender}` : sender,
        helo: params.helo,
        receiver: params.receiver,
      },
      options,
    );
    return { ...r, identity: "mailfrom" };
  }
  const helo = params.helo ?? "";
  const r = await checkHost(
    { ip: params.ip, domain: helo, sender: `postmaster@${helo}`, helo, receiver: params.receiver },
    options,
  );
  return { ...r, identity: "helo" };
}
