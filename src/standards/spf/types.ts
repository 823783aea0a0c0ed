import type { DnsClient, DnsStatus, RRType } from "../../net/dns/types.js";

/** The seven results of check_host() (RFC 7208 §2.6). */
export type SpfResultCode = "pass" | "fail" | "softfail" | "neutral" | "none" | "permerror" | "temperror";

/** A mechanism's qualifier (RFC 7208 §4.6.2); `+` when none is written. */
export type SpfQualifier = "+" | "-" | "~" | "?";

export type SpfMechanismName = "all" | "include" | "a" | "mx" | "ptr" | "ip4" | "ip6" | "exists";

/** Processing limits of RFC 7208 §4.6.4; the defaults are the RFC's numbers. */
export interface SpfLimits {
  /** Terms that cause DNS queries (include, a, mx, ptr, exists, redirect). */
  lookups: number;
  /** Queries answering NXDOMAIN or no records. */
  voidLookups: number;
  /** Address lookups per `mx` mechanism (MX names). */
  mxNames: number;
  /** Names examined per `ptr` mechanism or `%{p}` macro. */
  ptrNames: number;
  /** Longest explanation kept, in characters (an exp= TXT can be 64 KB, each macro can multiply it). */
  explanationChars: number;
  /** Wall-clock limit of one evaluation in ms, then temperror (RFC 7208 §4.6.4: at least 20 s). */
  timeMs: number;
}

export const DEFAULT_SPF_LIMITS: SpfLimits = {
  lookups: 10,
  voidLookups: 2,
  mxNames: 10,
  ptrNames: 10,
  explanationChars: 4096,
  timeMs: 20000,
};

/** One DNS question the evaluator asked, with its outcome: part of the trace. */
export interface SpfTraceQuery {
  name: string;
  type: RRType;
  status: DnsStatus;
  /** The records received, as short strings (addresses, MX names, joined TXT strings). */
  answers: string[];
  /** True when this query counted as a void lookup. */
  void?: boolean;
  /** Why the query was made, when it is not obvious (e.g. `other family, for void counting`). */
  note?: string;
}

/** One term of a record, as evaluated. */
export interface SpfTraceTerm {
  /** The term as written in the record. */
  term: string;
  kind: "mechanism" | "modifier";
  /** Mechanism or modifier name, lower case. */
  name: string;
  qualifier?: SpfQualifier;
  /** The domain the term asked about after macro expansion, when it names one. */
  target?: string;
  queries: SpfTraceQuery[];
  /** Whether a mechanism matched; null for modifiers and terms that ended in an error. */
  matched: boolean | null;
  /** The DNS-querying-term counter and the void counter after this term. */
  lookups: number;
  voidLookups: number;
  /** The evaluation of an included or redirected domain. */
  child?: SpfTraceNode;
  /** Why this term ended the evaluation with permerror or temperror. */
  error?: string;
  /** Extra facts (e.g. `9 MX names, 1 matched`). */
  note?: string;
}

/** The evaluation of one domain: its record lookup, the record and each term evaluated in order. */
export interface SpfTraceNode {
  domain: string;
  via: "check_host" | "include" | "redirect";
  /** The record lookup (TXT). */
  queries: SpfTraceQuery[];
  /** The SPF record selected, or null when there was none. */
  record: string | null;
  terms: SpfTraceTerm[];
  result: SpfResultCode;
  /** The reason for permerror, temperror or none at this level. */
  reason?: string;
  /** The exp= evaluation, when one was made. */
  explanation?: { target: string | null; queries: SpfTraceQuery[]; text: string | null; problem?: string };
}

/** What check_host() returns: the result, its explanation and the whole path to it. */
export interface SpfResult {
  result: SpfResultCode;
  /** The expanded exp= text on fail, when the record has a usable one; otherwise null. */
  explanation: string | null;
  /** The domain check_host() was asked about. */
  domain: string;
  /** `mailfrom` or `helo`, set by spfQuery(). */
  identity?: "mailfrom" | "helo";
  /** The sender used in macros (`postmaster@domain` when the local part is empty). */
  sender: string;
  ip: string;
  /** DNS-querying terms evaluated, and void lookups seen (RFC 7208 §4.6.4). */
  lookups: number;
  voidLookups: number;
  /** The mechanism that decided the result, as written (`-all`, `ip4:192.0.2.0/24`), or null. */
  mechanism: string | null;
  /** Why the result is permerror, temperror or none (English, technical). */
  reason: string | null;
  trace: SpfTraceNode;
}

export interface CheckHostParams {
  /** The SMTP client's address, IPv4 or IPv6 (IPv4-mapped IPv6 is treated as IPv4). */
  ip: string;
  /** The domain whose policy is evaluated. */
  domain: string;
  /** The reverse-path (`user@domain`) or `postmaster@helo` for the HELO identity. */
  sender: string;
  /** The HELO/EHLO name (macro `%{h}`). */
  helo?: string;
  /** The receiving host's domain (macro `%{r}`, exp only). */
  receiver?: string;
}

export interface CheckHostOptions {
  dns: DnsClient;
  /** The clock, for `%{t}`. */
  now?: () => Date;
  signal?: AbortSignal;
  limits?: Partial<SpfLimits>;
}
