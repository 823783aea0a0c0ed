import { domainToASCII } from "node:url";
import { getDomain, getPublicSuffix } from "tldts";

/*
 * Organizational domains (RFC 7489 §3.2): the public suffix of a name plus one label, found with the
 * Public Suffix List (tldts, ICANN and private sections both: a `github.io` site is its own organization,
 * as mail receivers that use the full list treat it).
 *
 * RFC 7489 §3.2 step 3: "If no Public Suffix is found, the Organizational Domain is the domain itself"
 * applies to names the list cannot place at all. For a TLD the list does not know (`.test`, `.lab`), the
 * list's default rule `*` makes the TLD a one-label public suffix, which is what tldts does: the
 * organizational domain of `sub.lab.test` is `lab.test`.
 *
 * RFC 9989 (DMARCbis) replaces the list with a DNS tree walk; for names under an ordinary registrable
 * domain both give the same answer, and the list keeps this function pure (no I/O).
 */

const norm = (name: string): string => {
  const trimmed = name.trim().replace(/\.$/, "").toLowerCase();
  return /^[\x21-\x7e]*$/.test(trimmed) ? trimmed : domainToASCII(trimmed) || trimmed;
};

/**
 * The organizational domain of a name; a public suffix or a bare label is its own.
 * @example
 *   organizationalDomain("mail.example.co.uk") // "example.co.uk"
 *   organizationalDomain("sub.lab.test")       // "lab.test"
 */
export function organizationalDomain(name: string): string {
  const ascii = norm(name);
  const found = getDomain(ascii, { allowPrivateDomains: true, validateHostname: false });
  return found ?? ascii;
}

/**
 * True when the name itself is a public suffix (`co.uk`, `test`, `github.io`): such a domain is a
 * PSD in DMARC terms (RFC 9091, RFC 9989 `psd=y`).
 * @example
 *   isPublicSuffix("co.uk") // true
 */
export function isPublicSuffix(name: string): boolean {
  const ascii = norm(name);
  return getPublicSuffix(ascii, { allowPrivateDomains: true, validateHostname: false }) === ascii;
}

/**
 * Whether two names belong to the same organization (same organizational domain); used for DMARC
 * report destinations (RFC 7489 §7.1) and identifier alignment.
 * @example
 *   sameOrganization("a.example.com", "b.example.com") // true
 */
export function sameOrganization(a: string, b: string): boolean {
  return organizationalDomain(a) === organizationalDomain(b);
}
