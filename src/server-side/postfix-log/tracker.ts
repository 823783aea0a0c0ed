import { detach } from "./bounded.js";

/**
 * Per-message state, keyed by queue id, from arrival (smtpd `client=` / pickup) through cleanup and
 * qmgr to every delivery attempt and removal. State is dropped at removal and the table is capped
 * (oldest evicted first), so memory does not grow with the log.
 */

export interface MessageState {
  qid: string;
  /** How it arrived: the smtpd service (`postfix/submission/smtpd`), `pickup`, or "" when not seen. */
  via: string;
  /** Client `name[ip]` (or `pickup`), for the sending-domain table of null-sender mail. */
  client: string;
  /** Whether it arrived over TLS (the smtpd session had a TLS handshake before `client=`). */
  tls: boolean;
  sender: string | undefined;
  /** Size from qmgr, -1 until seen. */
  size: number;
  /** Counted once into the received bytes and sender tables. */
  counted: boolean;
  /** Counted once into the deferred-messages total. */
  deferred: boolean;
  held: boolean;
  /** For mail Postfix made itself: `sender non-delivery notification of QID`. */
  origin?: string;
  firstSeen: number;
  lastSeen: number;
  /** Delivery attempts, when message traces are kept (--messages): at most 20 per message. */
  attempts?: DeliveryAttempt[];
}

/** One delivery attempt of one recipient. */
export interface DeliveryAttempt {
  to: string;
  status: string;
  relay: string;
  delay: number;
  dsn: string;
  reason: string;
}

/** A finished message as reported by `--messages`. */
export interface MessageTrace {
  qid: string;
  via: string;
  client: string;
  sender: string;
  size: number;
  tls: boolean;
  first: number;
  last: number;
  attempts: DeliveryAttempt[];
}

/**
 * The open messages of a log.
 *
 * @example
 *   const t = new MessageTracker(1000);
 *   t.open("1A2B3C", 0).via = "pickup";
 *   t.close("1A2B3C");
 */
export class MessageTracker {
  private readonly open_ = new Map<string, MessageState>();
  /** Messages dropped because the table was full (a log that never shows their removal). */
  evicted = 0;
  /** Messages that reached removal. */
  completed = 0;

  constructor(private readonly capacity = 200_000) {}

  /**
   * The message looked up last: a later part of a split log asks for a message twice per line (is
   * it known here? then the event itself), and a message's lines often come in a row.
   */
  private last: MessageState | undefined;

  get(qid: string): MessageState | undefined {
    const last = this.last;
    if (last !== undefined && last.qid === qid) return last;
    const m = this.open_.get(qid);
    if (m) this.last = m;
    return m;
  }

  /** The state of `qid`, created when first seen. */
  open(qid: string, ts: number): MessageState {
    let m = this.get(qid);
    if (!m) {
      if (this.open_.size >= this.capacity) this.evictOldest();
      // a copy: the queue id is kept while the message is open and must not pin its log chunk
      const own = detach(qid);
      m = {
        qid: own,
        via: "",
        client: "",
        tls: false,
        sender: undefined,
        size: -1,
        counted: false,
        deferred: false,
        held: false,
        firstSeen: ts,
        lastSeen: ts,
      };
      this.open_.set(own, m);
      this.last = m;
    }
    return m;
  }

  private evictOldest(): void {
    const oldest = this.open_.keys().next();
    if (!oldest.done) {
      this.last = undefined;
      this.open_.delete(oldest.value);
      this.evicted++;
    }
  }

  close(qid: string): MessageState | undefined {
    const m = this.get(qid);
    if (m) {
      this.last = undefined;
      this.open_.delete(m.qid);
      this.completed++;
    }
    return m;
  }

  /** Messages still open (in the queue at the end of the log, or whose start the log does not show). */
  get size(): number {
    return this.open_.size;
  }

  values(): IterableIterator<MessageState> {
    return this.open_.values();
  }

  /** The open messages and counters as plain, cloneable data. */
  snapshot(): TrackerSnapshot {
    return { open: [...this.open_.values()], evicted: this.evicted, completed: this.completed };
  }

  /**
   * Takes over the state of a tracker that read the log after this one: its counters, and its open
   * messages as the newest (a queue id seen again there is the later message).
   */
  absorb(snap: TrackerSnapshot): void {
    this.last = undefined;
    this.evicted += snap.evicted;
    this.completed += snap.completed;
    for (const m of snap.open) {
      if (!this.open_.delete(m.qid) && this.open_.size >= this.capacity) this.evictOldest();
      this.open_.set(m.qid, m);
    }
  }
}

/** A MessageTracker as plain, cloneable data. */
export interface TrackerSnapshot {
  open: MessageState[];
  evicted: number;
  completed: number;
}
