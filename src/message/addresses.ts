import { stripComments } from "./headers.js";

/**
 * The addr-specs in an address header (From, Return-Path, Sender), in order. Lenient: a received
 * message may carry anything, so this finds `<local@domain>` angle addresses and bare
 * `local@domain` tokens, ignoring display names, comments and groups.
 * @example
 *   addressesIn('"Doe, J" <j@example.com>, k@example.org'); // ["j@example.com", "k@example.org"]
 */
export function addressesIn(value: string): string[] {
  const text = stripComments(value);
  const out: string[] = [];
  // Split on commas outside quotes and angle brackets.
  let part = "";
  let quoted = false;
  let angle = 0;
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "\\" && i + 1 < text.length) {
      part += c + text[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "<") angle++;
    else if (!quoted && c === ">" && angle > 0) angle--;
    if (!quoted && angle === 0 && (c === "," || c === ";")) {
      parts.push(part);
      part = "";
      continue;
    }
    part += c;
  }
  parts.push(part);
  for (const p of parts) {
    const angled = /<([^<>]*)>/.exec(p);
    const candidate = angled ? (angled[1] ?? "").trim() : (/[^\s:<>"]+@[^\s<>",;]+/.exec(p)?.[0] ?? "");
    // A group "Undisclosed:" or a route "@a,@b:local@domain" leaves a prefix ending in ':'.
    const addr = candidate.replace(/^.*:/, "").trim();
    if (angled && addr === "") out.push("");
    else if (addr) out.push(addr);
  }
  return out;
}

/** The domain of an address, lower case, without a trailing dot; "" when there is none. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  if (at === -1) return "";
  return address
    .slice(at + 1)
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
}
