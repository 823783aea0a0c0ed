import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { MAIL_PORTS } from "../standards/mail-ports.js";

/** TCP states as numbered in /proc/net/tcp (include/net/tcp_states.h). */
export const TCP_STATES: Record<number, string> = {
  1: "ESTABLISHED",
  2: "SYN_SENT",
  3: "SYN_RECV",
  4: "FIN_WAIT1",
  5: "FIN_WAIT2",
  6: "TIME_WAIT",
  7: "CLOSE",
  8: "CLOSE_WAIT",
  9: "LAST_ACK",
  10: "LISTEN",
  11: "CLOSING",
  12: "NEW_SYN_RECV",
};

export { MAIL_PORTS };

export interface SocketEntry {
  family: 4 | 6;
  localIp: string;
  localPort: number;
  remoteIp: string;
  remotePort: number;
  state: string;
  uid: number;
  inode: number;
}

/** The owner of a socket, when /proc/PID/fd could be read. */
export interface SocketOwner {
  pid: number;
  command: string;
  /**
   * Other processes holding the same socket, e.g. the smtpd children of Postfix's master: the first
   * MAX_SHARED_LISTED by pid (a busy server has hundreds), with their number in `sharedCount`.
   */
  sharedWith?: { pid: number; command: string }[];
  sharedCount?: number;
}

const MAX_SHARED_LISTED = 20;

interface SocketHolder {
  pid: number;
  ppid: number;
  command: string;
}

function parentPid(proc: string, pid: string): number {
  try {
    const stat = readFileSync(`${proc}/${pid}/stat`, "utf8");
    // "pid (comm) state ppid ...": comm may itself hold spaces and parentheses
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) || 0;
  } catch {
    return 0;
  }
}

/**
 * A socket inherited by children (Postfix's master and its smtpd processes, Dovecot and its
 * logins) belongs to the holder whose parent does not hold it too, whatever order /proc lists them.
 */
export function chooseOwner(holders: SocketHolder[]): SocketOwner {
  const pids = new Set(holders.map((h) => h.pid));
  const roots = holders.filter((h) => !pids.has(h.ppid));
  const pick = (roots.length > 0 ? roots : holders).reduce((a, b) => (b.pid < a.pid ? b : a));
  const others = holders
    .filter((h) => h !== pick)
    .sort((a, b) => a.pid - b.pid)
    .map((h) => ({ pid: h.pid, command: h.command }));
  return others.length > 0
    ? {
        pid: pick.pid,
        command: pick.command,
        sharedWith: others.slice(0, MAX_SHARED_LISTED),
        sharedCount: others.length,
      }
    : { pid: pick.pid, command: pick.command };
}

function hexToIpv4(hex: string): string {
  // one 32-bit word in host (little-endian) order
  const n = Number.parseInt(hex, 16);
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join(".");
}

function hexToIpv6(hex: string): string {
  const groups: string[] = [];
  for (let w = 0; w < 4; w++) {
    const word = hex.slice(w * 8, w * 8 + 8);
    // each 32-bit word is little-endian: reverse its bytes
    const bytes = (word.match(/../g) ?? []).reverse().join("");
    groups.push(bytes.slice(0, 4), bytes.slice(4, 8));
  }
  const full = groups.map((g) => g.replace(/^0+(?=.)/, "").toLowerCase()).join(":");
  if (full.startsWith("0:0:0:0:0:ffff:")) {
    const v4 = groups.slice(6).join("");
    return `::ffff:${[0, 2, 4, 6].map((i) => Number.parseInt(v4.slice(i, i + 2), 16)).join(".")}`;
  }
  // compress the longest zero run
  const best = /(?:^|:)0(?::0)+(?::|$)/g;
  let longest = "";
  for (const m of full.matchAll(best)) if (m[0].length > longest.length) longest = m[0];
  return longest ? full.replace(longest, "::") : full;
}

/**
 * Parses /proc/net/tcp or /proc/net/tcp6 text.
 *
 * @example
 *   parseProcNetTcp(readFileSync("/proc/net/tcp", "utf8"), 4).filter((s) => s.state === "LISTEN")
 */
export function parseProcNetTcp(text: string, family: 4 | 6): SocketEntry[] {
  const out: SocketEntry[] = [];
  for (const line of text.split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const [lip = "", lport = "0"] = (f[1] ?? "").split(":");
    const [rip = "", rport = "0"] = (f[2] ?? "").split(":");
    const st = Number.parseInt(f[3] ?? "", 16);
    out.push({
      family,
      localIp: family === 4 ? hexToIpv4(lip) : hexToIpv6(lip),
      localPort: Number.parseInt(lport, 16),
      remoteIp: family === 4 ? hexToIpv4(rip) : hexToIpv6(rip),
      remotePort: Number.parseInt(rport, 16),
      state: TCP_STATES[st] ?? `0x${(f[3] ?? "").toUpperCase()}`,
      uid: Number(f[7]),
      inode: Number(f[9]),
    });
  }
  return out;
}

/**
 * Maps socket inodes to the processes holding them, from /proc/PID/fd links (`socket:[inode]`).
 * Without root only the caller's own processes are visible; `unreadable` counts the others.
 */
export function socketOwners(proc = "/proc"): { owners: Map<number, SocketOwner>; unreadable: number } {
  const owners = new Map<number, SocketOwner>();
  const holders = new Map<number, SocketHolder[]>();
  let unreadable = 0;
  let pids: string[] = [];
  try {
    pids = readdirSync(proc).filter((d) => /^\d+$/.test(d));
  } catch {
    return { owners, unreadable: 0 };
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`${proc}/${pid}/fd`);
    } catch {
      unreadable++;
      continue;
    }
    let command = "";
    let ppid = -1;
    for (const fd of fds) {
      let link: string;
      try {
        link = readlinkSync(`${proc}/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (!link.startsWith("socket:[")) continue;
      if (!command) {
        try {
          command = readFileSync(`${proc}/${pid}/comm`, "utf8").trim();
        } catch {
          command = "?";
        }
      }
      if (ppid < 0) ppid = parentPid(proc, pid);
      const inode = Number(link.slice(8, -1));
      const list = holders.get(inode);
      const holder = { pid: Number(pid), ppid, command };
      if (!list) holders.set(inode, [holder]);
      else if (!list.some((h) => h.pid === holder.pid)) list.push(holder);
    }
  }
  for (const [inode, list] of holders) owners.set(inode, chooseOwner(list));
  return { owners, unreadable };
}

export interface ListenerInfo {
  address: string;
  port: number;
  service: string;
  owner: SocketOwner | null;
}

export interface PortStates {
  port: number;
  service: string;
  states: Record<string, number>;
  /** TIME_WAIT connections by peer address (top ones). */
  timeWaitPeers: { peer: string; count: number }[];
  /** SYN_RECV connections by peer address (top ones). */
  synRecvPeers: { peer: string; count: number }[];
}

/** What `mxray local` reports about sockets. */
export interface SocketsEvidence {
  listeners: ListenerInfo[];
  mailPorts: PortStates[];
  /** Processes whose sockets could not be attributed (not root). */
  unreadableProcesses: number;
  /** Whether /proc/net/tcp could be read at all. */
  available: boolean;
}

/**
 * Listening sockets and per-port TCP states of mail ports, from /proc.
 *
 * @example
 *   const ev = gatherSockets(); ev.listeners.filter((l) => l.port === 25)
 */
export function gatherSockets(proc = "/proc", extraPorts: number[] = []): SocketsEvidence {
  let entries: SocketEntry[] = [];
  let available = false;
  for (const [file, fam] of [
    ["tcp", 4],
    ["tcp6", 6],
  ] as const) {
    try {
      entries = entries.concat(parseProcNetTcp(readFileSync(`${proc}/net/${file}`, "utf8"), fam));
      available = true;
    } catch {
      // tcp6 is absent when IPv6 is disabled
    }
  }
  return summariseSockets(
    entries,
    available ? socketOwners(proc) : { owners: new Map(), unreadable: 0 },
    available,
    extraPorts,
  );
}

/** Pure part of gatherSockets, for tests. */
export function summariseSockets(
  entries: SocketEntry[],
  own: { owners: Map<number, SocketOwner>; unreadable: number },
  available: boolean,
  extraPorts: number[] = [],
): SocketsEvidence {
  const mailPort = (p: number) =>
    MAIL_PORTS[p] ?? (extraPorts.includes(p) ? "custom (master.cf)" : undefined);
  const listeners: ListenerInfo[] = [];
  const ports = new Map<
    number,
    { states: Record<string, number>; tw: Map<string, number>; syn: Map<string, number> }
  >();
  for (const e of entries) {
    if (e.state === "LISTEN") {
      const service = mailPort(e.localPort);
      if (service)
        listeners.push({
          address: e.localIp,
          port: e.localPort,
          service,
          owner: own.owners.get(e.inode) ?? null,
        });
      continue;
    }
    if (!mailPort(e.localPort)) continue;
    let p = ports.get(e.localPort);
    if (!p) {
      p = { states: {}, tw: new Map(), syn: new Map() };
      ports.set(e.localPort, p);
    }
    p.states[e.state] = (p.states[e.state] ?? 0) + 1;
    if (e.state === "TIME_WAIT") p.tw.set(e.remoteIp, (p.tw.get(e.remoteIp) ?? 0) + 1);
    if (e.state === "SYN_RECV" || e.state === "NEW_SYN_RECV")
      p.syn.set(e.remoteIp, (p.syn.get(e.remoteIp) ?? 0) + 1);
  }
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([peer, count]) => ({ peer, count }));
  listeners.sort((a, b) => a.port - b.port || (a.address < b.address ? -1 : 1));
  return {
    listeners,
    mailPorts: [...ports.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([port, p]) => ({
        port,
        service: mailPort(port) ?? "",
        states: p.states,
        timeWaitPeers: top(p.tw),
        synRecvPeers: top(p.syn),
      })),
    unreadableProcesses: own.unreadable,
    available,
  };
}
