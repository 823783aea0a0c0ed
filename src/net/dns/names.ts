import { domainToASCII } from "node:url";

/**
 * A name ready to ask: IDN converted to punycode (RFC 5891, as browsers do), lower case, no trailing dot,
 * labels of 1..63 octets and at most 253 characters. Underscore labels (`_dmarc`) stay as they are.
 * Returns `{ error }` for a name that cannot go on the wire.
 * @example
 *   queryName("Bücher.Example."); // { name: "xn--bcher-kva.example" }
 *   queryName("a..b");             // { error: "empty label in \"a..b\"" }
 */
export function queryName(input: string): { name: string } | { error: string } {
  const trimmed = input.trim().replace(/\.$/, "");
  if (trimmed === "") return { name: "" }; // the root
  const ascii = /^[\x21-\x7e]+$/.test(trimmed) ? trimmed.toLowerCase() : domainToASCII(trimmed).toLowerCase();
  if (!ascii) return { error: `not a valid internationalised name: ${JSON.stringify(input)}` };
  if (ascii.length > 253)
    return { error: `name longer than 253 characters: ${JSON.stringify(ascii.slice(0, 40))}...` };
  for (const label of ascii.split(".")) {
    if (label.length === 0) return { error: `empty label in ${JSON.stringify(input)}` };
    if (label.length > 63) return { error: `label longer than 63 characters in ${JSON.stringify(input)}` };
  }
  return { name: ascii };
}
