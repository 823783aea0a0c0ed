import { isIP } from "node:net";
import type { RunContext } from "../core/context.js";
import type { DnsAnswer, DnsClient } from "../net/dns/types.js";
import { formatAnswer } from "../net/dns/types.js";
import { spfQuery, type SpfResult } from "../standards/spf/index.js";
import { validateArc, type ArcReport } from "./arc.js";
import { parseAuthResults, type AuthResults } from "./auth-results.js";
import { parseMailDate } from "./date.js";
import { runDkimVerify, verifyDkim, type DkimSignatureReport } from "./dkim.js";
import { evaluateDmarc, type DmarcEvaluation } from "./dmarc.js";
import { parseDkimSignature, tooCostly } from "./dkim-signature.js";
import { fieldsNamed, firstField, parseHeaders, type HeaderField, type HeaderSection } from "./headers.js";
import {
  parseSpamStatus,
  readIdentities,
  readListHeaders,
  type Identities,
  type ListHeaders,
  type SpamStatus,
} from "./other-headers.js";
import { MAX_MESSAGE_BYTES, toCrlf, type RawMessage } from "./read.js";
import { firstExternalHop, parseReceived, type ReceivedHop } from "./received.js";
import { recordingResolver } from "./resolver.js";

/** At most this many Received fields are analysed (RFC 5321 §6.3 loop limits are around 100). */
export const MAX_HOPS = 100;

/** The SPF check of the connecting client, as mxray evaluated it now. */
export interface MessageSpf {
  ip: string;
  helo?: string;
  /** The MAIL FROM used (empty for the null reverse-path). */
  sender: string;
  /** Where ip/helo/sender came from. */
  source: { ip: "flag" | "received"; sender: "flag" | "return-path" | "received" | "none" };
  result: SpfResult;
}

/** Everything `mxray message` found in one message. */
export interface MessageEvidence {
  source: string;
  size: number;
  bytesRead: number;
  truncated: boolean;
  /** The verification time (DKIM x=, hop dates in the future). */
  checkedAt: string;
  headers: Omit<HeaderSection, "fields">;
  subject?: string;
  messageId?: string;
  date?: { text: string; time?: number };
  identities: Identities;
  received: {
    /** Received fields in the message. */
    total: number;
    /** Hops analysed, top (newest) first; at most MAX_HOPS. */
    hops: ReceivedHop[];
    /** Position in `hops` of the first external hop, -1 when none. */
    firstExternal: number;
    firstExternalReason: "public-client" | "private-only" | "authenticated" | "none";
  };
  /** Undefined when DKIM was not checked (see `dkimSkipped`). */
  dkim?: DkimSignatureReport[];
  dkimSkipped?: "truncated" | "headers" | "error";
  dkimError?: string;
  /** How DKIM verification had to work around the input. */
  dkimNote?: string;
  arc?: ArcReport;
  spf?: MessageSpf;
  spfSkipped?: "no-client" | "bad-ip" | "submission" | "error";
  spfError?: string;
  dmarc?: DmarcEvaluation;
  authResults: AuthResults[];
  arcAuthResults: AuthResults[];
  spam?: SpamStatus;
  list: ListHeaders;
  /** Every DNS answer consulted, as evidence lines. */
  dns: string[];
}

declare module "../core/evidence.js" {
  interface Evidence {
    message?: MessageEvidence;
  }
}

export interface AnalyzeOptions {
  /** Override the connecting client (`--ip`, `--helo`, `--sender`). */
  ip?: string;
  helo?: string;
  sender?: string;
}

/**
 * Analyses a received message: delivery trace, DKIM, ARC, SPF, DMARC and the headers that explain
 * delivery. Only DNS goes out, through `ctx.dns`.
 * @example
 *   const ev = await analyzeMessage(await readMessage("mail.eml"), ctx);
 *   ev.received.hops.length;
 */
export async function analyzeMessage(
  raw: RawMessage,
  ctx: RunContext,
  opts: AnalyzeOptions = {},
): Promise<MessageEvidence> {
  const now = ctx.now();
  const bytes = toCrlf(raw.bytes);
  const section = parseHeaders(bytes);
  const { fields: _fields, ...headerFacts } = section;
  const resolver = recordingResolver(ctx.dns, ctx.signal);
  const identities = readIdentities(section);
  const receivedFields = fieldsNamed(section, "received");
  const hops = receivedFields.slice(0, MAX_HOPS).map((f, i) => parseReceived(f.value, i));
  const external = firstExternalHop(hops);
  const dateField = firstField(section, "date");
  const ev: MessageEvidence = {
    source: raw.source,
    size: raw.size,
    bytesRead: raw.bytes.length,
    truncated: raw.truncated,
    checkedAt: now.toISOString(),
    headers: headerFacts,
    identities,
    received: {
      total: receivedFields.length,
      hops,
      firstExternal: external.index,
      firstExternalReason: external.reason,
    },
    authResults: fieldsNamed(section, "authentication-results").map((f, i) =>
      parseAuthResults(f.value, f.name, i),
    ),
    arcAuthResults: fieldsNamed(section, "arc-authentication-results").map((f, i) =>
      parseAuthResults(f.value, f.name, i),
    ),
    list: readListHeaders(section),
    dns: [],
  };
  const subject = firstField(section, "subject")?.value;
  if (subject !== undefined) ev.subject = subject.slice(0, 500);
  const messageId = firstField(section, "message-id")?.value;
  if (messageId !== undefined) ev.messageId = messageId.slice(0, 500);
  if (dateField) {
    const time = parseMailDate(dateField.value);
    ev.date = { text: dateField.value.slice(0, 200), ...(time !== undefined ? { time } : {}) };
  }
  const spamField = firstField(section, "x-spam-status");
  if (spamField) {
    const spam = parseSpamStatus(spamField.value, firstField(section, "x-spam-report")?.value);
    if (spam) ev.spam = spam;
  }

  // DKIM and ARC: mailauth hashes the body, so only a whole message can be judged.
  if (raw.truncated) ev.dkimSkipped = "truncated";
  else if (section.fieldCount === 0 || section.oversized) ev.dkimSkipped = "headers";
  else {
    ctx.progress.step("verifying DKIM signatures and the ARC chain");
    try {
      let verified;
      const signatures = fieldsNamed(section, "dkim-signature").map((f) => ({
        f,
        tags: parseDkimSignature(f.value),
      }));
      const costly = signatures.filter((x) => tooCostly(x.f.value, x.tags)).map((x) => x.f);
      const input = costly.length ? withoutFields(bytes, section, costly) : bytes;
      if (costly.length)
        ev.dkimNote = `${costly.length} signature(s) with an absurd h= or size were not given to the verifier`;
      try {
        verified = await runDkimVerify(input, resolver, now);
      } catch (err) {
        // mailauth 4.13 throws on some absurd tags (an x= beyond the Date range); the signatures
        // with unusable tags are reported as permerror by mxray anyway, so verify the others
        // again without them.
        const unusable = signatures.filter((x) => x.tags.problems.length > 0).map((x) => x.f);
        if (unusable.length === 0) throw err;
        ev.dkimNote = `mailauth stopped (${err instanceof Error ? err.message : String(err)}); verified again without ${unusable.length} unusable signature(s)`;
        verified = await runDkimVerify(withoutFields(bytes, section, unusable), resolver, now);
      }
      ev.dkim = await verifyDkim(verified, section, {
        resolver,
        now,
        ...(identities.fromDomain ? { fromDomain: identities.fromDomain } : {}),
      });
      ev.arc = await validateArc(verified, section, resolver);
    } catch (err) {
      // mailauth throwing is a bug or an input it cannot take; the rest of the story still stands.
      ev.dkimSkipped = "error";
      ev.dkimError = err instanceof Error ? err.message : String(err);
    }
  }

  try {
    const spf = await checkSpf(ev, ctx, opts);
    if (typeof spf === "string") ev.spfSkipped = spf;
    else ev.spf = spf;
  } catch (err) {
    // The evaluator refuses what it cannot evaluate (a HELO that is no domain...): say so, go on.
    ev.spfSkipped = "error";
    ev.spfError = err instanceof Error ? err.message : String(err);
  }

  if (identities.fromDomain && /^[a-z0-9_.-]+$/.test(identities.fromDomain)) {
    ctx.progress.step(`DMARC for ${identities.fromDomain}`);
    ev.dmarc = await evaluateDmarc(
      identities.fromDomain,
      ev.spf ? { result: ev.spf.result.result, domain: ev.spf.result.domain } : undefined,
      ev.dkim ?? [],
      resolver,
    );
  }
  ev.dns = resolver.answers.flatMap((a: DnsAnswer) => formatAnswer(a));
  return ev;
}

/** The message without some header fields, bytes otherwise unchanged. */
function withoutFields(bytes: Buffer, section: HeaderSection, drop: readonly HeaderField[]): Buffer {
  const end = section.bodyOffset === -1 ? section.headerBytes : section.bodyOffset;
  const lines = bytes.subarray(0, end).toString("latin1").split("\r\n");
  const skip = new Set<number>();
  for (const f of drop) {
    const count = f.raw.split("\r\n").length;
    for (let i = 0; i < count; i++) skip.add(f.line - 1 + i);
  }
  const kept = lines.filter((_, i) => !skip.has(i)).join("\r\n");
  return Buffer.concat([Buffer.from(kept, "latin1"), bytes.subarray(end)]);
}

async function checkSpf(
  ev: MessageEvidence,
  ctx: RunContext,
  opts: AnalyzeOptions,
): Promise<MessageSpf | "no-client" | "bad-ip" | "submission"> {
  const hop = ev.received.firstExternal >= 0 ? ev.received.hops[ev.received.firstExternal] : undefined;
  const ip = opts.ip ?? hop?.from?.ip;
  if (!ip) return ev.received.firstExternalReason === "authenticated" ? "submission" : "no-client";
  if (!isIP(ip)) return "bad-ip";
  const helo = opts.helo ?? (opts.ip ? undefined : hop?.from?.helo);
  let sender = "";
  let senderSource: MessageSpf["source"]["sender"] = "none";
  if (opts.sender !== undefined) {
    sender = opts.sender;
    senderSource = "flag";
  } else if (ev.identities.returnPath !== undefined) {
    sender = ev.identities.returnPath;
    senderSource = "return-path";
  } else if (hop?.envelopeFrom) {
    sender = hop.envelopeFrom;
    senderSource = "received";
  }
  ctx.progress.step(`SPF for ${ip}`);
  const result = await spfQuery(
    { ip, sender, ...(helo ? { helo } : {}) },
    { dns: ctx.dns, now: ctx.now, ...(ctx.signal ? { signal: ctx.signal } : {}) },
  );
  return {
    ip,
    ...(helo ? { helo } : {}),
    sender,
    source: { ip: opts.ip ? "flag" : "received", sender: senderSource },
    result,
  };
}

/**
 * The ARC validation path alone (used by the conformance suite): DKIM pass for the newest AMS,
 * then the chain.
 * @example
 *   (await validateArcMessage(Buffer.from(eml), dns, new Date())).result; // "pass"
 */
export async function validateArcMessage(message: Buffer, dns: DnsClient, now: Date): Promise<ArcReport> {
  const bytes = toCrlf(message.subarray(0, MAX_MESSAGE_BYTES));
  const section = parseHeaders(bytes);
  const resolver = recordingResolver(dns);
  const verified = await runDkimVerify(bytes, resolver, now);
  return validateArc(verified, section, resolver);
}
