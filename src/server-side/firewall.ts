import { readFileSync } from "node:fs";
import { runTool } from "./run-tool.js";

/** A firewall rule that names a mail port. */
export interface FirewallRule {
  tool: "iptables" | "nft";
  /** Chain (iptables) or `table/chain` (nft). */
  chain: string;
  /** INPUT/OUTPUT/FORWARD, or the nft hook; "" when unknown. */
  direction: "input" | "output" | "forward" | "";
  ports: number[];
  action: "accept" | "drop" | "reject" | "other";
  rule: string;
}

export interface FirewallEvidence {
  source: string;
  rules: FirewallRule[];
  /** Default policies: chain -> accept/drop. */
  policies: Record<string, string>;
}

const MAIL = new Set([25, 465, 587, 110, 143, 993, 995, 2525]);

function portsIn(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(/[\s,{}]+/).filter(Boolean)) {
    const range = /^(\d+)[:-](\d+)$/.exec(part);
    if (range) {
      for (const p of MAIL) if (p >= Number(range[1]) && p <= Number(range[2])) out.push(p);
    } else if (/^\d+$/.test(part) && MAIL.has(Number(part))) out.push(Number(part));
  }
  return out;
}

function dirOf(chain: string): FirewallRule["direction"] {
  const c = chain.toLowerCase();
  return c.includes("input")
    ? "input"
    : c.includes("output")
      ? "output"
      : c.includes("forward")
        ? "forward"
        : "";
}

/** Rules of `iptables-save` / `ip6tables-save` output that touch mail ports. */
export function parseIptablesSave(text: string): { rules: FirewallRule[]; policies: Record<string, string> } {
  const rules: FirewallRule[] = [];
  const policies: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const pol = /^:(\S+) (ACCEPT|DROP)\b/.exec(line);
    if (pol) policies[pol[1] as string] = (pol[2] as string).toLowerCase();
    if (!line.startsWith("-A ")) continue;
    const chain = line.split(" ")[1] ?? "";
    const m = /--(?:dport|dports|destination-ports?)\s+(\S+)/.exec(line);
    if (!m) continue;
    const ports = portsIn(m[1] as string);
    if (!ports.length) continue;
    const j = /-j\s+(\S+)/.exec(line)?.[1] ?? "";
    const action = j === "ACCEPT" ? "accept" : j === "DROP" ? "drop" : j === "REJECT" ? "reject" : "other";
    rules.push({ tool: "iptables", chain, direction: dirOf(chain), ports, action, rule: line });
  }
  return { rules, policies };
}

/** Rules of `nft list ruleset` output that touch mail ports (`tcp dport 25 accept`, `tcp dport { 25, 587 } drop`). */
export function parseNftRuleset(text: string): { rules: FirewallRule[]; policies: Record<string, string> } {
  const rules: FirewallRule[] = [];
  const policies: Record<string, string> = {};
  let table = "";
  let chain = "";
  let hook = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const t = /^table (\S+ \S+) \{/.exec(line);
    if (t) table = t[1] as string;
    const c = /^chain (\S+) \{/.exec(line);
    if (c) {
      chain = c[1] as string;
      hook = "";
    }
    const h = /hook (\w+)/.exec(line);
    if (h && line.startsWith("type ")) {
      hook = h[1] as string;
      const p = /policy (\w+);/.exec(line);
      if (p) policies[`${table}/${chain}`] = p[1] as string;
      continue;
    }
    const d = /\b(?:tcp|th) dport (\{[^}]*\}|\S+)/.exec(line);
    if (!d) continue;
    const ports = portsIn(d[1] as string);
    if (!ports.length) continue;
    const action = /\baccept\b/.test(line)
      ? "accept"
      : /\bdrop\b/.test(line)
        ? "drop"
        : /\breject\b/.test(line)
          ? "reject"
          : "other";
    rules.push({
      tool: "nft",
      chain: `${table}/${chain}`,
      direction: dirOf(hook || chain),
      ports,
      action,
      rule: line,
    });
  }
  return { rules, policies };
}

/** Reads firewall rules from a saved file (format recognised), else from iptables-save and nft when installed. */
export async function gatherFirewall(
  saved?: string,
): Promise<FirewallEvidence | { error: string } | undefined> {
  if (saved) {
    let text: string;
    try {
      text = readFileSync(saved, "utf8");
    } catch (err) {
      return { error: `${saved}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    }
    const nft = /^\s*table \S+ \S+ \{/m.test(text);
    return { source: saved, ...(nft ? parseNftRuleset(text) : parseIptablesSave(text)) };
  }
  const [ipt, nft] = await Promise.all([
    runTool("iptables-save", [], { timeoutMs: 10_000 }),
    runTool("nft", ["list", "ruleset"], { timeoutMs: 10_000 }),
  ]);
  if (!ipt.ok && !nft.ok) return undefined;
  const a = ipt.ok ? parseIptablesSave(ipt.stdout) : { rules: [], policies: {} };
  const b = nft.ok ? parseNftRuleset(nft.stdout) : { rules: [], policies: {} };
  return {
    source: [ipt.ok ? "iptables-save" : "", nft.ok ? "nft list ruleset" : ""].filter(Boolean).join(" + "),
    rules: [...a.rules, ...b.rules],
    policies: { ...a.policies, ...b.policies },
  };
}
