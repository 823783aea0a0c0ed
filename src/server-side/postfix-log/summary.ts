import {
  addCounters,
  BoundedTable,
  DelayStats,
  detach,
  type DelayStatsSnapshot,
  type TableSnapshot,
} from "./bounded.js";
import type { Diagnostic, MailEvent } from "./events.js";
import { peerLabel } from "./events.js";
import { formatWallClock } from "./line.js";
import { classifyDeferral, classifyReject, reasonHost, shortReason, stripAddress } from "./reasons.js";
import { MessageTracker, type MessageTrace, type TrackerSnapshot } from "./tracker.js";

/** Counters of one hour or one day. */
export interface TrafficCounts {
  received: number;
  delivered: number;
  deferred: number;
  bounced: number;
  rejected: number;
}

/** Lines read, and why some were skipped. */
export interface LineCounts {
  total: number;
  /** Lines of a Postfix daemon / the Exim main log. */
  postfix: number;
  exim: number;
  /** Syslog lines of other programs (dovecot, opendkim...): read and ignored. */
  otherPrograms: number;
  blank: number;
  /** Lines ending in CR LF (the CR is removed and the line parsed). */
  crlf: number;
  /** Skipped: control characters / invalid UTF-8 (binary garbage). */
  binary: number;
  /** Skipped: a timestamp, then the line ends before the program and message. */
  truncated: number;
  /** Skipped: longer than the line limit. */
  overlong: number;
  /** Skipped: no timestamp in any supported format. */
  unrecognized: number;
  /** Outside --since/--until. */
  outOfRange: number;
}

export interface TopRow {
  key: string;
  count: number;
}

/** Everything `mxray logs` reports; the `data` of its Report. */
export interface LogSummary {
  format: string;
  lines: LineCounts;
  period: { first: string; last: string } | null;
  totals: {
    received: number;
    delivered: number;
    forwarded: number;
    deferred: number;
    deferrals: number;
    bounced: number;
    rejected: number;
    rejectWarnings: number;
    held: number;
    discarded: number;
    expired: number;
    bytesReceived: number;
    bytesDelivered: number;
    senders: number;
    sendingDomains: number;
    recipients: number;
    recipientDomains: number;
    placedOnHold: number;
    releasedFromHold: number;
    removedByAdmin: number;
    rejectedPercent: number;
  };
  /** Received messages and bytes by the service that accepted them (`postfix/submission/smtpd`, `pickup`). */
  receivedByService: Record<string, { messages: number; bytes: number }>;
  /** Rejects by the service that logged them. */
  rejectedByService: Record<string, number>;
  perDay: ({ date: string } & TrafficCounts)[];
  perHour: ({ hour: number } & TrafficCounts)[];
  deliveryDomains: {
    domain: string;
    sent: number;
    bytes: number;
    deferred: number;
    avgDelay: number;
    maxDelay: number;
  }[];
  receiptDomains: { domain: string; messages: number; bytes: number }[];
  senders: { address: string; messages: number; bytes: number }[];
  recipients: { address: string; messages: number; bytes: number }[];
  rejects: {
    category: string;
    rule: string;
    count: number;
    code: string;
    example: string;
    clients: TopRow[];
  }[];
  deferrals: {
    byDsn: { dsn: string; category: string; count: number; example: string }[];
    byHost: { host: string; category: string; count: number; example: string }[];
  };
  bounces: { relay: string; reason: string; count: number }[];
  connections: {
    inbound: number;
    lostAfter: TopRow[];
    /** "lost connection after CONNECT" from clients without reverse DNS: port scanners. */
    scanLike: number;
    scanClients: TopRow[];
    timeouts: TopRow[];
    tooManyErrors: number;
    pipelining: number;
    tlsFailures: TopRow[];
    outboundErrors: { host: string; reason: string; count: number }[];
  };
  sasl: { failures: number; byClient: { client: string; count: number; users: string[] }[] };
  postscreen: { events: TopRow[]; dnsblHits: TopRow[] };
  tls: {
    inbound: { sessions: number; tlsSessions: number; byProtocol: TopRow[]; byCipher: TopRow[] };
    outbound: { sessions: number; byProtocol: TopRow[]; byTrust: TopRow[] };
    receivedOverTls: number;
    receivedPlaintext: number;
  };
  delays: {
    relay: string;
    count: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
    exact: boolean;
  }[];
  warnings: { daemon: string; text: string; count: number }[];
  errors: { level: string; daemon: string; text: string; count: number }[];
  master: TopRow[];
  messages: { completed: number; open: number; evicted: number; held: string[] };
  /** Tables that hit their memory bound and folded their smallest rows. */
  foldedTables: string[];
  /** Present when the log was split and its parts read in parallel. */
  split?: SplitReading;
  /** With --messages N: the last N finished messages, each with every delivery attempt. */
  traces?: (Omit<MessageTrace, "first" | "last"> & { first: string; last: string })[];
}

export interface SummarizerOptions {
  /** Rows kept per table (keys beyond 2x this are folded into a remainder). */
  tableCapacity?: number;
  /** Open messages kept at most. */
  messageCapacity?: number;
  /** Keep the traces of the last N finished messages (sender, size, every delivery attempt); 0: none. */
  traces?: number;
  /**
   * This summariser reads a later part of a log split for parallel reading. Events that depend on
   * what earlier lines said (a queue id or smtpd session it has not seen begin) are set aside, in
   * order, for the summariser of the earlier parts to replay (`absorb`).
   */
  laterPart?: boolean;
}

/** An event set aside by a later part's summariser, replayed by the one of the earlier parts. */
export interface BoundaryEvent {
  ts: number;
  e: MailEvent;
  /** Its place among the later part's events (orders the message traces it finishes). */
  seq: number;
}

/** Events set aside at most; beyond, a later part counts them as if their start was never logged. */
export const MAX_BOUNDARY_EVENTS = 200_000;

/** How a log split across threads was read. */
export interface SplitReading {
  /** Parts read in parallel. */
  parts: number;
  /** Events that crossed a part boundary and were replayed in order. */
  boundaryEvents: number;
  /** Boundary events beyond MAX_BOUNDARY_EVENTS, counted without the earlier state (may be off). */
  approximated: number;
}

const COUNTERS = [
  "inbound",
  "scanLike",
  "tooManyErrors",
  "pipelining",
  "saslFailures",
  "tlsSessionsIn",
  "sessionsIn",
  "tlsOut",
  "receivedTls",
  "receivedPlain",
] as const;

type RejectExtra = { category: string; rule: string; code: string; example: string };
type FirstText<K extends string> = Record<K, string>;

/** A LogSummarizer's whole state as plain data that can cross a worker boundary. */
export interface SummarizerSnapshot {
  t: LogSummarizer["t"];
  counters: Record<(typeof COUNTERS)[number], number>;
  first: number;
  last: number;
  perHour: TrafficCounts[];
  perDay: TableSnapshot<TrafficCounts>;
  byService: TableSnapshot<{ bytes: number }>;
  rejectByService: TableSnapshot<null>;
  deliveryDomains: TableSnapshot<DomainDelivery>;
  receiptDomains: TableSnapshot<{ bytes: number }>;
  senders: TableSnapshot<{ bytes: number }>;
  recipients: TableSnapshot<{ bytes: number }>;
  rejects: TableSnapshot<RejectExtra & { clients: TableSnapshot<null> }>;
  deferByDsn: TableSnapshot<FirstText<"example" | "category">>;
  deferByHost: TableSnapshot<FirstText<"example" | "category">>;
  bounces: TableSnapshot<FirstText<"relay" | "reason">>;
  lostAfter: TableSnapshot<null>;
  scanClients: TableSnapshot<null>;
  timeouts: TableSnapshot<null>;
  tlsFailures: TableSnapshot<null>;
  outboundErrors: TableSnapshot<FirstText<"host" | "reason">>;
  saslByClient: TableSnapshot<{ users: Set<string> }>;
  postscreen: TableSnapshot<null>;
  dnsblHits: TableSnapshot<null>;
  tlsInProto: TableSnapshot<null>;
  tlsInCipher: TableSnapshot<null>;
  tlsOutProto: TableSnapshot<null>;
  tlsOutTrust: TableSnapshot<null>;
  delays: TableSnapshot<DelayStatsSnapshot>;
  warnings: TableSnapshot<FirstText<"daemon" | "text">>;
  errors: TableSnapshot<FirstText<"level" | "daemon" | "text">>;
  master: TableSnapshot<null>;
  traces: MessageTrace[];
  traceSeq: number[];
  seq: number;
  sessions: Map<number, boolean>;
  tracker: TrackerSnapshot;
  boundary: BoundaryEvent[];
  split: SplitReading;
}

interface DomainDelivery {
  sent: number;
  bytes: number;
  deferred: number;
  delaySum: number;
  maxDelay: number;
}

/** Keeps `into`'s text fields when set (they come from earlier lines), else takes `from`'s. */
function firstText<K extends string>(into: FirstText<K>, from: FirstText<K>): void {
  for (const k of Object.keys(from) as K[]) if (!into[k]) into[k] = from[k];
}

const emptyCounts = (): TrafficCounts => ({
  received: 0,
  delivered: 0,
  deferred: 0,
  bounced: 0,
  rejected: 0,
});

function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? address : address.slice(at + 1).toLowerCase();
}

/**
 * The address as pflogsumm counts it, with its domain part lower-cased, given that domain
 * (`domainOf`): mostly the address itself, as domains are mostly logged in lower case.
 */
function normAddress(address: string, domain: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 || address.endsWith(domain) ? address : address.slice(0, at + 1) + domain;
}

/**
 * A detached copy of a string, shared while the same string comes back: messages from one service
 * or client in a row keep one copy, not one each.
 */
class LastCopy {
  private source = "";
  private copy = "";

  of(s: string): string {
    if (s !== this.source) {
      this.copy = detach(s);
      this.source = this.copy;
    }
    return this.copy;
  }
}

function rows(t: BoundedTable<unknown>, n: number): TopRow[] {
  return t.top(n).map((r) => ({ key: r.key, count: r.count }));
}

/**
 * Turns a stream of mail events into the report's summary, in bounded memory.
 *
 * @example
 *   const s = new LogSummarizer();
 *   s.event(ts, { kind: "removed", qid: "1A2B3C", by: "qmgr" });
 *   s.finish(lineCounts, "postfix").totals.received;
 */
export class LogSummarizer {
  private readonly cap: number;
  readonly tracker: MessageTracker;
  private first = Infinity;
  private last = -Infinity;
  /** The grand totals (public for the snapshot type only). */
  readonly t = {
    received: 0,
    delivered: 0,
    forwarded: 0,
    deferred: 0,
    deferrals: 0,
    bounced: 0,
    rejected: 0,
    rejectWarnings: 0,
    held: 0,
    discarded: 0,
    expired: 0,
    bytesReceived: 0,
    bytesDelivered: 0,
    placedOnHold: 0,
    releasedFromHold: 0,
    removedByAdmin: 0,
  };
  private readonly perHour = Array.from({ length: 24 }, emptyCounts);
  private readonly perDay = new BoundedTable<TrafficCounts>(400, emptyCounts);
  private readonly byService = new BoundedTable<{ bytes: number }>(50, () => ({ bytes: 0 }));
  private readonly rejectByService = new BoundedTable<null>(50, () => null);
  private readonly deliveryDomains: BoundedTable<DomainDelivery>;
  private readonly receiptDomains: BoundedTable<{ bytes: number }>;
  private readonly senders: BoundedTable<{ bytes: number }>;
  private readonly recipients: BoundedTable<{ bytes: number }>;
  private readonly rejects: BoundedTable<{
    category: string;
    rule: string;
    code: string;
    example: string;
    clients: BoundedTable<null>;
  }>;
  private readonly deferByDsn: BoundedTable<{ example: string; category: string }>;
  private readonly deferByHost: BoundedTable<{ example: string; category: string }>;
  private readonly bounces: BoundedTable<{ relay: string; reason: string }>;
  private inbound = 0;
  private readonly lostAfter = new BoundedTable<null>(50, () => null);
  private scanLike = 0;
  private readonly scanClients: BoundedTable<null>;
  private readonly timeouts = new BoundedTable<null>(50, () => null);
  private tooManyErrors = 0;
  private pipelining = 0;
  private readonly tlsFailures: BoundedTable<null>;
  private readonly outboundErrors: BoundedTable<{ host: string; reason: string }>;
  private saslFailures = 0;
  private readonly saslByClient: BoundedTable<{ users: Set<string> }>;
  private readonly postscreen = new BoundedTable<null>(100, () => null);
  private readonly dnsblHits = new BoundedTable<null>(200, () => null);
  private tlsSessionsIn = 0;
  private sessionsIn = 0;
  private readonly tlsInProto = new BoundedTable<null>(20, () => null);
  private readonly tlsInCipher = new BoundedTable<null>(100, () => null);
  private tlsOut = 0;
  private readonly tlsOutProto = new BoundedTable<null>(20, () => null);
  private readonly tlsOutTrust = new BoundedTable<null>(20, () => null);
  private receivedTls = 0;
  private receivedPlain = 0;
  private readonly delays: BoundedTable<{ stats: DelayStats }>;
  private readonly warnings: BoundedTable<{ daemon: string; text: string }>;
  private readonly errors: BoundedTable<{ level: string; daemon: string; text: string }>;
  private readonly master = new BoundedTable<null>(100, () => null);
  private readonly traceLimit: number;
  private traces: MessageTrace[] = [];
  /** Each trace's event number (`seq` when its message was removed), to merge split parts in order. */
  private traceSeq: number[] = [];
  /** Events seen so far. */
  private seq = 0;
  /** smtpd sessions in progress: pid -> TLS seen (one smtpd process serves one client at a time). */
  private readonly sessions = new Map<number, boolean>();
  /** Set when this summariser reads a later part of a split log: events for the earlier parts. */
  private readonly boundary: BoundaryEvent[] | undefined;
  /** Queue ids of notifications (bounces) announced in this later part: they begin here. */
  private readonly announced = new Set<string>();
  private readonly split: SplitReading = { parts: 1, boundaryEvents: 0, approximated: 0 };

  constructor(opts: SummarizerOptions = {}) {
    const cap = (this.cap = opts.tableCapacity ?? 1000);
    if (opts.laterPart) this.boundary = [];
    this.tracker = new MessageTracker(opts.messageCapacity ?? 200_000);
    this.traceLimit = Math.max(0, Math.min(opts.traces ?? 0, 100_000));
    this.deliveryDomains = new BoundedTable(cap, () => ({
      sent: 0,
      bytes: 0,
      deferred: 0,
      delaySum: 0,
      maxDelay: 0,
    }));
    this.receiptDomains = new BoundedTable(cap, () => ({ bytes: 0 }));
    this.senders = new BoundedTable(cap, () => ({ bytes: 0 }));
    this.recipients = new BoundedTable(cap, () => ({ bytes: 0 }));
    this.rejects = new BoundedTable(cap, () => ({
      category: "",
      rule: "",
      code: "",
      example: "",
      clients: new BoundedTable<null>(20, () => null),
    }));
    this.deferByDsn = new BoundedTable(200, () => ({ example: "", category: "" }));
    this.deferByHost = new BoundedTable(cap, () => ({ example: "", category: "" }));
    this.bounces = new BoundedTable(cap, () => ({ relay: "", reason: "" }));
    this.scanClients = new BoundedTable(cap, () => null);
    this.tlsFailures = new BoundedTable(cap, () => null);
    this.outboundErrors = new BoundedTable(cap, () => ({ host: "", reason: "" }));
    this.saslByClient = new BoundedTable(cap, () => ({ users: new Set<string>() }));
    this.delays = new BoundedTable(200, () => ({ stats: new DelayStats() }));
    this.warnings = new BoundedTable(cap, () => ({ daemon: "", text: "" }));
    this.errors = new BoundedTable(cap, () => ({ level: "", daemon: "", text: "" }));
  }

  private dayNumber = NaN;
  private dayCounts: TrafficCounts = emptyCounts();

  private day(ts: number): TrafficCounts {
    // one table lookup per new day, not per event
    const n = Math.floor(ts / 86_400_000);
    if (n !== this.dayNumber) {
      this.dayNumber = n;
      this.dayCounts = this.perDay.add(formatWallClock(n * 86_400_000).slice(0, 10), 0);
    }
    return this.dayCounts;
  }

  private bump(ts: number, key: keyof TrafficCounts): void {
    (this.perHour[Math.floor(ts / 3_600_000) % 24] as TrafficCounts)[key]++;
    this.day(ts)[key]++;
  }

  /** A diagnostic (warning/error/fatal/panic) line. */
  diagnostic(d: Diagnostic): void {
    const text = d.text.length > 160 ? d.text.slice(0, 159) + "…" : d.text;
    if (d.level === "warning") {
      const w = this.warnings.add(this.diagnosticKey(d.daemon, text));
      if (!w.text) {
        w.daemon = detach(d.daemon);
        w.text = detach(text);
      }
    } else {
      const e = this.errors.add(`${d.level}\u0000${d.daemon}\u0000${text}`);
      if (!e.text) {
        e.level = d.level;
        e.daemon = detach(d.daemon);
        e.text = detach(text);
      }
    }
  }

  /** Copies of the service and client of the last message received, shared by the next ones. */
  private readonly serviceCopy = new LastCopy();
  private readonly clientCopy = new LastCopy();

  private lastDiagnostic = { daemon: "", text: "", key: "" };

  /** `daemon\0text`, built once for a run of the same warning (SASL failures come in bursts). */
  private diagnosticKey(daemon: string, text: string): string {
    const last = this.lastDiagnostic;
    if (text === last.text && daemon === last.daemon) return last.key;
    const key = detach(`${daemon}\u0000${text}`);
    this.lastDiagnostic = { daemon: detach(daemon), text: key.slice(daemon.length + 1), key };
    return key;
  }

  /** Whether the event needs state from lines before this part of a split log (see `laterPart`). */
  private needsEarlierState(e: MailEvent): boolean {
    switch (e.kind) {
      case "queued":
        // mail Postfix made itself (a bounce) begins at qmgr, announced by a notification line
        if (this.announced.delete(e.qid)) return false;
        return this.tracker.get(e.qid) === undefined;
      case "delivery":
      case "removed":
      case "hold":
        return this.tracker.get(e.qid) === undefined;
      case "received":
        return e.tls === undefined && !this.sessions.has(e.pid);
      case "tls-in":
      case "disconnect":
        return !this.sessions.has(e.pid);
      default:
        return false;
    }
  }

  /** One event at wall-clock time `ts`. */
  event(ts: number, e: MailEvent): void {
    this.seq++;
    if (this.boundary && this.needsEarlierState(e)) {
      if (this.boundary.length < MAX_BOUNDARY_EVENTS) {
        this.boundary.push({ ts, e, seq: this.seq });
        return;
      }
      this.split.approximated++;
    }
    if (ts < this.first) this.first = ts;
    if (ts > this.last) this.last = ts;
    // the kinds most lines have come first: a switch on strings tests its cases in order
    switch (e.kind) {
      case "other":
        return;
      case "connect":
        this.inbound++;
        this.sessionsIn++;
        if (this.sessions.size > 10_000) this.sessions.clear();
        this.sessions.set(e.pid, false);
        return;
      case "disconnect":
        this.sessions.delete(e.pid);
        return;
      case "tls-in":
        this.tlsSessionsIn++;
        this.tlsInProto.add(e.protocol || "?");
        this.tlsInCipher.add(e.cipher || "?");
        if (this.sessions.has(e.pid)) this.sessions.set(e.pid, true);
        return;
      case "tls-out":
        this.tlsOut++;
        this.tlsOutProto.add(e.protocol || "?");
        this.tlsOutTrust.add(e.trust);
        return;
      case "tls-fail":
        this.tlsFailures.add(`${e.direction === "in" ? "inbound" : "outbound"}: ${tlsFailureReason(e.text)}`);
        return;
      case "lost": {
        const label = peerLabel(e.peer);
        if (e.what === "lost") {
          this.lostAfter.add(e.stage);
          if (e.stage === "CONNECT" && e.peer.name === "unknown") {
            this.scanLike++;
            this.scanClients.add(label);
          }
        } else if (e.what === "timeout") this.timeouts.add(e.stage);
        else if (e.what === "too-many-errors") this.tooManyErrors++;
        else this.pipelining++;
        return;
      }
      case "received": {
        const m = this.tracker.open(e.qid, ts);
        m.via = this.serviceCopy.of(e.service);
        m.client = this.clientCopy.of(e.client);
        const tls = e.tls ?? this.sessions.get(e.pid) === true;
        m.tls = tls;
        if (tls) this.receivedTls++;
        else this.receivedPlain++;
        this.t.received++;
        this.bump(ts, "received");
        this.byService.add(e.service);
        return;
      }
      case "pickup": {
        const m = this.tracker.open(e.qid, ts);
        m.via = "pickup";
        m.client = "pickup";
        this.t.received++;
        this.bump(ts, "received");
        this.byService.add("pickup");
        return;
      }
      case "queued": {
        const m = this.tracker.open(e.qid, ts);
        if (m.sender === undefined) m.sender = detach(e.sender);
        if (m.size < 0) m.size = e.size;
        if (m.via && !m.counted) {
          m.counted = true;
          const senderDomain = domainOf(e.sender);
          const addr = e.sender ? normAddress(e.sender, senderDomain) : "from=<>";
          const dom =
            e.sender && e.sender.includes("@")
              ? senderDomain
              : m.client === "pickup"
                ? addr
                : clientDomain(m.client);
          this.senders.add(addr).bytes += e.size;
          this.receiptDomains.add(dom).bytes += e.size;
          this.t.bytesReceived += e.size;
          const svc = this.byService.get(m.via);
          if (svc) svc.extra.bytes += e.size;
        }
        return;
      }
      case "delivery":
        this.delivery(ts, e);
        return;
      case "removed": {
        const m = this.tracker.close(e.qid);
        if (e.by === "postsuper") this.t.removedByAdmin++;
        if (m && this.traceLimit > 0) {
          // a ring of the last N finished messages: bounded whatever the log size
          if (this.traces.length >= this.traceLimit) {
            this.traces.shift();
            this.traceSeq.shift();
          }
          this.traceSeq.push(this.seq);
          this.traces.push({
            qid: m.qid,
            via: m.via || m.origin || "",
            client: m.client,
            sender: m.sender ?? "",
            size: m.size,
            tls: m.tls,
            first: m.firstSeen,
            last: ts,
            attempts: m.attempts ?? [],
          });
        }
        return;
      }
      case "expired":
        this.t.expired++;
        return;
      case "hold": {
        if (e.on) this.t.placedOnHold++;
        else this.t.releasedFromHold++;
        const m = this.tracker.get(e.qid);
        if (m) m.held = e.on;
        return;
      }
      case "reject":
        this.reject(ts, e);
        return;
      case "sasl-fail": {
        this.saslFailures++;
        const c = this.saslByClient.add(peerLabel(e.peer));
        if (e.user && c.users.size < 5) c.users.add(detach(e.user));
        return;
      }
      case "outbound-error": {
        const o = this.outboundErrors.add(`${e.host}\u0000${e.text}`);
        if (!o.reason) {
          o.host = detach(e.host);
          o.reason = detach(e.text);
        }
        return;
      }
      case "postscreen":
        this.postscreen.add(e.what);
        return;
      case "dnsbl-hit":
        this.dnsblHits.add(e.list);
        return;
      case "master":
        this.master.add(e.text.length > 120 ? e.text.slice(0, 119) + "…" : e.text);
        return;
      case "notification": {
        if (this.boundary) {
          if (this.announced.size >= 10_000) this.announced.clear();
          this.announced.add(detach(e.newQid));
        }
        if (this.traceLimit > 0) this.tracker.open(e.newQid, ts).origin = detach(`${e.what} of ${e.qid}`);
        return;
      }
    }
  }

  private delivery(ts: number, e: Extract<MailEvent, { kind: "delivery" }>): void {
    const dom = domainOf(e.to);
    const to = normAddress(e.to, dom);
    const m = this.tracker.get(e.qid);
    if (m && this.traceLimit > 0) {
      m.lastSeen = ts;
      const list = (m.attempts ??= []);
      if (list.length < 20) {
        const reason = e.reason.length > 200 ? e.reason.slice(0, 199) + "…" : e.reason;
        list.push({
          to: detach(e.to),
          status: e.status,
          relay: detach(e.relay),
          delay: e.delay,
          dsn: detach(e.dsn),
          reason: detach(reason),
        });
      }
    }
    if (e.status === "sent") {
      if (e.reason.startsWith("forwarded as ")) {
        this.t.forwarded++;
        return;
      }
      this.t.delivered++;
      this.bump(ts, "delivered");
      const size = m && m.size > 0 ? m.size : 0;
      this.t.bytesDelivered += size;
      const d = this.deliveryDomains.add(dom);
      d.sent++;
      d.bytes += size;
      d.delaySum += e.delay;
      if (e.delay > d.maxDelay) d.maxDelay = e.delay;
      this.recipients.add(to).bytes += size;
      this.delays.add(e.relay).stats.add(e.delay);
    } else if (e.status === "deferred") {
      this.t.deferrals++;
      this.bump(ts, "deferred");
      if (m && !m.deferred) {
        m.deferred = true;
        this.t.deferred++;
      } else if (!m) {
        this.t.deferred++;
      }
      const d = this.deliveryDomains.add(dom, 0);
      d.deferred++;
      if (e.delay > d.maxDelay) d.maxDelay = e.delay;
      const category = classifyDeferral(e.dsn, e.reason);
      const byDsn = this.deferByDsn.add(e.dsn || "?");
      byDsn.category ||= category;
      byDsn.example ||= detach(shortReason(e.reason));
      const byHost = this.deferByHost.add(reasonHost(e.reason, e.relay));
      byHost.category ||= category;
      byHost.example ||= detach(shortReason(e.reason));
    } else if (e.status === "bounced") {
      this.t.bounced++;
      this.bump(ts, "bounced");
      const reason = shortReason(e.reason);
      const b = this.bounces.add(`${e.relay}\u0000${reason}`);
      if (!b.reason) {
        b.relay = detach(e.relay);
        b.reason = detach(reason);
      }
    } else if (e.status === "expired") {
      this.t.expired++;
    }
  }

  private reject(ts: number, e: Extract<MailEvent, { kind: "reject" }>): void {
    if (e.action === "reject" || e.action === "milter-reject") {
      this.t.rejected++;
      this.bump(ts, "rejected");
      this.rejectByService.add(e.service);
    } else if (e.action === "reject_warning") this.t.rejectWarnings++;
    else if (e.action === "hold") this.t.held++;
    else this.t.discarded++;
    if (e.action !== "reject" && e.action !== "milter-reject") return;
    const { category, rule, key } = classifyReject(e.text, e.source, e.action);
    const r = this.rejects.add(key);
    if (!r.category) {
      r.category = category;
      r.rule = rule;
      r.code = detach([e.code, e.dsn].filter(Boolean).join(" "));
      r.example = detach(`${e.stage}: ${stripAddress(e.text)}`.slice(0, 200));
    }
    if (e.peer) r.clients.add(peerLabel(e.peer));
  }

  /** The whole state as plain data, for the summariser of the earlier parts of a split log. */
  snapshot(): SummarizerSnapshot {
    const counters = {} as SummarizerSnapshot["counters"];
    for (const k of COUNTERS) counters[k] = this[k];
    return {
      t: this.t,
      counters,
      first: this.first,
      last: this.last,
      perHour: this.perHour,
      perDay: this.perDay.snapshot(),
      byService: this.byService.snapshot(),
      rejectByService: this.rejectByService.snapshot(),
      deliveryDomains: this.deliveryDomains.snapshot(),
      receiptDomains: this.receiptDomains.snapshot(),
      senders: this.senders.snapshot(),
      recipients: this.recipients.snapshot(),
      rejects: this.rejects.snapshot(({ clients, ...rest }) => ({ ...rest, clients: clients.snapshot() })),
      deferByDsn: this.deferByDsn.snapshot(),
      deferByHost: this.deferByHost.snapshot(),
      bounces: this.bounces.snapshot(),
      lostAfter: this.lostAfter.snapshot(),
      scanClients: this.scanClients.snapshot(),
      timeouts: this.timeouts.snapshot(),
      tlsFailures: this.tlsFailures.snapshot(),
      outboundErrors: this.outboundErrors.snapshot(),
      saslByClient: this.saslByClient.snapshot(),
      postscreen: this.postscreen.snapshot(),
      dnsblHits: this.dnsblHits.snapshot(),
      tlsInProto: this.tlsInProto.snapshot(),
      tlsInCipher: this.tlsInCipher.snapshot(),
      tlsOutProto: this.tlsOutProto.snapshot(),
      tlsOutTrust: this.tlsOutTrust.snapshot(),
      delays: this.delays.snapshot((d) => d.stats.snapshot()),
      warnings: this.warnings.snapshot(),
      errors: this.errors.snapshot(),
      master: this.master.snapshot(),
      traces: this.traces,
      traceSeq: this.traceSeq,
      seq: this.seq,
      sessions: this.sessions,
      tracker: this.tracker.snapshot(),
      boundary: this.boundary ?? [],
      split: this.split,
    };
  }

  /**
   * Continues this summary with the next part of a split log, read by another summariser (`laterPart`)
   * from where this one's part ended: first its boundary events are replayed here in order, against
   * the queue ids and sessions still open at the end of this part; then its counts and tables are added
   * and its open messages and sessions become this one's. The result is the one-pass summary, except
   * that a group's example text may come from another of its lines, and folded tables stay approximate.
   */
  absorb(o: SummarizerSnapshot): void {
    // the later part's events are numbered after this part's, the replayed ones in their own place
    const base = this.seq;
    for (const b of o.boundary) {
      this.seq = base + b.seq - 1;
      this.event(b.ts, b.e);
    }
    this.seq = base + o.seq;
    addCounters(this.t, o.t);
    for (const k of COUNTERS) this[k] += o.counters[k];
    if (o.first < this.first) this.first = o.first;
    if (o.last > this.last) this.last = o.last;
    this.perHour.forEach((h, i) => addCounters(h, o.perHour[i] as TrafficCounts));
    this.perDay.absorb(o.perDay, addCounters);
    this.byService.absorb(o.byService, addCounters);
    this.rejectByService.absorb(o.rejectByService);
    this.deliveryDomains.absorb(o.deliveryDomains, (into, from) => {
      into.sent += from.sent;
      into.bytes += from.bytes;
      into.deferred += from.deferred;
      into.delaySum += from.delaySum;
      if (from.maxDelay > into.maxDelay) into.maxDelay = from.maxDelay;
    });
    this.receiptDomains.absorb(o.receiptDomains, addCounters);
    this.senders.absorb(o.senders, addCounters);
    this.recipients.absorb(o.recipients, addCounters);
    this.rejects.absorb(o.rejects, (into, { clients, ...text }) => {
      if (!into.category) Object.assign(into, text);
      into.clients.absorb(clients);
    });
    this.deferByDsn.absorb(o.deferByDsn, firstText);
    this.deferByHost.absorb(o.deferByHost, firstText);
    this.bounces.absorb(o.bounces, firstText);
    this.lostAfter.absorb(o.lostAfter);
    this.scanClients.absorb(o.scanClients);
    this.timeouts.absorb(o.timeouts);
    this.tlsFailures.absorb(o.tlsFailures);
    this.outboundErrors.absorb(o.outboundErrors, firstText);
    this.saslByClient.absorb(o.saslByClient, (into, from) => {
      for (const u of from.users) if (into.users.size < 5) into.users.add(u);
    });
    this.postscreen.absorb(o.postscreen);
    this.dnsblHits.absorb(o.dnsblHits);
    this.tlsInProto.absorb(o.tlsInProto);
    this.tlsInCipher.absorb(o.tlsInCipher);
    this.tlsOutProto.absorb(o.tlsOutProto);
    this.tlsOutTrust.absorb(o.tlsOutTrust);
    this.delays.absorb(o.delays, (into, from) => into.stats.absorb(from));
    this.warnings.absorb(o.warnings, firstText);
    this.errors.absorb(o.errors, firstText);
    this.master.absorb(o.master);
    if (this.traceLimit > 0) {
      const all = this.traces.map((t, i) => ({ t, seq: this.traceSeq[i] as number }));
      o.traces.forEach((t, i) => all.push({ t, seq: base + (o.traceSeq[i] as number) }));
      all.sort((a, b) => a.seq - b.seq);
      const kept = all.slice(-this.traceLimit);
      this.traces = kept.map((x) => x.t);
      this.traceSeq = kept.map((x) => x.seq);
    }
    for (const [pid, tls] of o.sessions) this.sessions.set(pid, tls);
    this.tracker.absorb(o.tracker);
    this.split.parts += o.split.parts;
    this.split.boundaryEvents += o.boundary.length + o.split.boundaryEvents;
    this.split.approximated += o.split.approximated;
  }

  /** The summary so far; can be called repeatedly (--follow). */
  finish(lines: LineCounts, format: string, topN = 20): LogSummary {
    const t = this.t;
    const total = t.delivered + t.rejected + t.discarded;
    const folded: string[] = [];
    const check = (name: string, table: BoundedTable<unknown>) => {
      if (table.truncated) folded.push(name);
    };
    check("deliveryDomains", this.deliveryDomains);
    check("receiptDomains", this.receiptDomains);
    check("senders", this.senders);
    check("recipients", this.recipients);
    check("rejects", this.rejects);
    check("saslByClient", this.saslByClient);
    const held: string[] = [];
    for (const m of this.tracker.values()) if (m.held && held.length < 100) held.push(m.qid);
    return {
      format,
      lines,
      period:
        this.first === Infinity
          ? null
          : { first: formatWallClock(this.first), last: formatWallClock(this.last) },
      totals: {
        ...t,
        senders: this.senders.size + this.senders.otherKeys,
        sendingDomains: this.receiptDomains.size + this.receiptDomains.otherKeys,
        recipients: this.recipients.size + this.recipients.otherKeys,
        recipientDomains: [...this.deliveryDomains.top()].filter((r) => r.extra.sent > 0).length,
        rejectedPercent: total ? Math.floor((t.rejected / total) * 100) : 0,
      },
      receivedByService: Object.fromEntries(
        this.byService.top().map((r) => [r.key, { messages: r.count, bytes: r.extra.bytes }]),
      ),
      rejectedByService: Object.fromEntries(this.rejectByService.top().map((r) => [r.key, r.count])),
      perDay: this.perDay
        .top()
        .map((r) => ({ date: r.key, ...r.extra }))
        .sort((a, b) => (a.date < b.date ? -1 : 1)),
      perHour: this.perHour.map((c, hour) => ({ hour, ...c })),
      deliveryDomains: this.deliveryDomains
        .top()
        .sort(
          (a, b) =>
            b.extra.sent - a.extra.sent || b.extra.deferred - a.extra.deferred || (a.key < b.key ? -1 : 1),
        )
        .slice(0, topN)
        .map((r) => ({
          domain: r.key,
          sent: r.extra.sent,
          bytes: r.extra.bytes,
          deferred: r.extra.deferred,
          avgDelay: r.extra.sent ? round(r.extra.delaySum / r.extra.sent) : 0,
          maxDelay: r.extra.maxDelay,
        })),
      receiptDomains: this.receiptDomains
        .top(topN)
        .map((r) => ({ domain: r.key, messages: r.count, bytes: r.extra.bytes })),
      senders: this.senders
        .top(topN)
        .map((r) => ({ address: r.key, messages: r.count, bytes: r.extra.bytes })),
      recipients: this.recipients
        .top(topN)
        .map((r) => ({ address: r.key, messages: r.count, bytes: r.extra.bytes })),
      rejects: this.rejects.top(topN * 2).map((r) => ({
        category: r.extra.category,
        rule: r.extra.rule,
        count: r.count,
        code: r.extra.code,
        example: r.extra.example,
        clients: rows(r.extra.clients, 5),
      })),
      deferrals: {
        byDsn: this.deferByDsn
          .top(topN)
          .map((r) => ({ dsn: r.key, category: r.extra.category, count: r.count, example: r.extra.example })),
        byHost: this.deferByHost.top(topN).map((r) => ({
          host: r.key,
          category: r.extra.category,
          count: r.count,
          example: r.extra.example,
        })),
      },
      bounces: this.bounces
        .top(topN)
        .map((r) => ({ relay: r.extra.relay, reason: r.extra.reason, count: r.count })),
      connections: {
        inbound: this.inbound,
        lostAfter: rows(this.lostAfter, topN),
        scanLike: this.scanLike,
        scanClients: rows(this.scanClients, 10),
        timeouts: rows(this.timeouts, topN),
        tooManyErrors: this.tooManyErrors,
        pipelining: this.pipelining,
        tlsFailures: rows(this.tlsFailures, topN),
        outboundErrors: this.outboundErrors
          .top(topN)
          .map((r) => ({ host: r.extra.host, reason: r.extra.reason, count: r.count })),
      },
      sasl: {
        failures: this.saslFailures,
        byClient: this.saslByClient
          .top(topN)
          .map((r) => ({ client: r.key, count: r.count, users: [...r.extra.users] })),
      },
      postscreen: { events: rows(this.postscreen, 50), dnsblHits: rows(this.dnsblHits, topN) },
      tls: {
        inbound: {
          sessions: this.sessionsIn,
          tlsSessions: this.tlsSessionsIn,
          byProtocol: rows(this.tlsInProto, 10),
          byCipher: rows(this.tlsInCipher, 10),
        },
        outbound: {
          sessions: this.tlsOut,
          byProtocol: rows(this.tlsOutProto, 10),
          byTrust: rows(this.tlsOutTrust, 10),
        },
        receivedOverTls: this.receivedTls,
        receivedPlaintext: this.receivedPlain,
      },
      delays: this.delays.top(topN).map((r) => ({
        relay: r.key,
        count: r.count,
        p50: round(r.extra.stats.percentile(50)),
        p90: round(r.extra.stats.percentile(90)),
        p99: round(r.extra.stats.percentile(99)),
        max: round(r.extra.stats.max),
        exact: r.extra.stats.exact,
      })),
      warnings: this.warnings
        .top(topN)
        .map((r) => ({ daemon: r.extra.daemon, text: r.extra.text, count: r.count })),
      errors: this.errors
        .top(topN)
        .map((r) => ({ level: r.extra.level, daemon: r.extra.daemon, text: r.extra.text, count: r.count })),
      master: rows(this.master, 10),
      messages: {
        completed: this.tracker.completed,
        open: this.tracker.size,
        evicted: this.tracker.evicted,
        held,
      },
      foldedTables: folded,
      ...(this.split.parts > 1 ? { split: { ...this.split } } : {}),
      ...(this.traceLimit > 0
        ? {
            traces: this.traces.map((m) => ({
              ...m,
              first: formatWallClock(m.first),
              last: formatWallClock(m.last),
            })),
          }
        : {}),
    };
  }

  /** The table capacity in use. */
  get tableCapacity(): number {
    return this.cap;
  }
}

/**
 * OpenSSL's reason without its codes and source positions:
 * `TLS library problem: error:0A0000C1:SSL routines::no shared cipher:../ssl/statem/statem_srvr.c:2226:`
 * -> `no shared cipher`; `SSL_accept error ...: -1` -> `handshake aborted`.
 */
export function tlsFailureReason(text: string): string {
  const m = /error:[0-9A-Fa-f]+:[^:]*:[^:]*:([^:]+)/.exec(text);
  if (m) return (m[1] as string).trim();
  const t = text.replace(/^TLS library problem: /, "").trim();
  if (!t || t === "-1" || t === "0") return "handshake aborted";
  return shortReason(t);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** pflogsumm's gimme_domain: `mx.example.com[ip]` -> `example.com`; unknown -> the IP. */
function clientDomain(client: string): string {
  const open = client.indexOf("[");
  const name = open < 0 ? client : client.slice(0, open);
  const ip = open < 0 ? "" : client.slice(open + 1, client.indexOf("]", open));
  if (!name || name === "unknown") return ip || name;
  const parts = name.toLowerCase().split(".");
  return parts.length > 2 ? parts.slice(-2).join(".") : parts.join(".");
}
