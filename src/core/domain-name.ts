import { domainToASCII } from "node:url";
import { UsageError } from "./exit-codes.js";

/**
 * Normalises a domain the user typed: trims, drops a trailing dot, converts IDN to punycode
 * (bücher.example -> xn--bcher-kva.example), lower-cases, and checks label and name lengths.
 * Throws UsageError for something that cannot be a domain name.
 */
export function normalizeDomain(input: string): string {
  const trimmed = input.trim().replace(/\.$/, "");
  if (!trimmed) throw new UsageError("a domain name is required");
  if (/[\s/@:]/.test(trimmed)) throw new UsageError(`not a domain name: ${JSON.stringify(input)}`);
  const ascii = /^[\x21-\x7e]+$/.test(trimmed) ? trimmed.toLowerCase() : domainToASCII(trimmed);
  if (!ascii) throw new UsageError(`not a valid internationalised domain name: ${JSON.stringify(input)}`);
  if (ascii.length > 253)
    throw new UsageError(`domain name longer than 253 characters: ${ascii.slice(0, 40)}...`);
  for (const label of ascii.split(".")) {
    if (label.length === 0) throw new UsageError(`empty label in ${JSON.stringify(input)}`);
    if (label.length > 63)
      throw new UsageError(`label longer than 63 characters in ${JSON.stringify(input)}`);
  }
  return ascii;
}
