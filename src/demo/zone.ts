import { generateKeyPairSync } from "node:crypto";
import type { DnsRecord } from "../net/dns/types.js";

/** The demo mail domain. `.test` is reserved (RFC 6761): it can never be a real domain. */
export const DEMO_DOMAIN = "shop.demo.test";

/** A blocklist zone served beside the demo domain, used instead of public DNSBLs. */
export const DEMO_DNSBL = "bl.demo.test";

/** The outside DMARC report collector: served too, so the missing authorisation is a real NXDOMAIN. */
export const DEMO_REPORT_DOMAIN = "dmarc-collector.test";

/** DKIM selectors published by the demo zone (passed to the audit like `--selector`). */
export const DEMO_SELECTORS = ["s2048", "ed1", "default", "old"];

const TTL = 300;

function txt(name: string, ...values: string[]): DnsRecord {
  return { type: "TXT", name, ttl: TTL, strings: values };
}

/** Splits a long TXT value into 255-byte character-strings, as zone files must. */
function longTxt(name: string, value: string): DnsRecord {
  return txt(name, ...(value.match(/.{1,255}/g) ?? [""]));
}

function dkimRecord(keyType: "rsa" | "ed25519", bits?: number): string {
  const { publicKey } =
    keyType === "rsa"
      ? generateKeyPairSync("rsa", { modulusLength: bits ?? 2048 })
      : generateKeyPairSync("ed25519");
  const der = publicKey.export({ type: "spki", format: "der" });
  // ed25519 DKIM keys are the raw 32-byte key (RFC 8463), the tail of the SPKI.
  const p = keyType === "rsa" ? der.toString("base64") : der.subarray(der.length - 32).toString("base64");
  return `v=DKIM1; k=${keyType}; p=${p}`;
}

/**
 * A small mail domain with a mix of good and deliberately broken records, every address on
 * loopback. Keys are made fresh on each run (nothing secret is shipped).
 */
export function demoZone(): DnsRecord[] {
  const d = DEMO_DOMAIN;
  return [
    {
      type: "SOA",
      name: d,
      ttl: TTL,
      mname: `ns1.${d}`,
      rname: `hostmaster.${d}`,
      serial: 2026120301,
      refresh: 3600,
      retry: 600,
      expire: 86400,
      minimum: 60,
    },
    { type: "NS", name: d, ttl: TTL, target: `ns1.${d}` },
    { type: "A", name: `ns1.${d}`, ttl: TTL, address: "127.0.0.1" },
    { type: "A", name: d, ttl: TTL, address: "127.0.0.1" },
    // Good: a primary MX with forward-confirmed reverse DNS.
    { type: "MX", name: d, ttl: TTL, preference: 10, exchange: `mx1.${d}` },
    { type: "A", name: `mx1.${d}`, ttl: TTL, address: "127.0.0.1" },
    { type: "PTR", name: "1.0.0.127.in-addr.arpa", ttl: TTL, target: `mx1.${d}` },
    // Broken: a backup MX that is a CNAME (RFC 2181 §10.3) and whose address has no PTR.
    { type: "MX", name: d, ttl: TTL, preference: 20, exchange: `backup.${d}` },
    { type: "CNAME", name: `backup.${d}`, ttl: TTL, target: `mx2.${d}` },
    { type: "A", name: `mx2.${d}`, ttl: TTL, address: "127.0.0.2" },
    // SPF: an include chain with a deprecated ptr mechanism, ending in a soft ~all.
    txt(d, `v=spf1 mx include:_spf.${d} ~all`),
    txt(`_spf.${d}`, `v=spf1 ip4:127.0.0.0/24 ptr include:_spf2.${d} ?all`),
    txt(`_spf2.${d}`, "v=spf1 ip4:127.0.1.0/24 -all"),
    // DKIM: a good 2048-bit RSA key, an ed25519 key, a weak 1024-bit key in testing mode, a revoked one.
    longTxt(`s2048._domainkey.${d}`, dkimRecord("rsa", 2048)),
    txt(`ed1._domainkey.${d}`, dkimRecord("ed25519")),
    longTxt(`default._domainkey.${d}`, dkimRecord("rsa", 1024).replace("v=DKIM1;", "v=DKIM1; t=y;")),
    txt(`old._domainkey.${d}`, "v=DKIM1; k=rsa; p="),
    // DMARC at p=none, with an external report address that never authorised it.
    txt(`_dmarc.${d}`, "v=DMARC1; p=none; rua=mailto:reports@${DEMO_REPORT_DOMAIN}; adkim=r"),
    // MTA-STS announced, but no policy server answers on mta-sts.<domain>:443.
    txt(`_mta-sts.${d}`, "v=STSv1; id=20261203T000000"),
    { type: "A", name: `mta-sts.${d}`, ttl: TTL, address: "127.0.0.1" },
    // TLS-RPT good; BIMI present while DMARC is only p=none.
    txt(`_smtp._tls.${d}`, "v=TLSRPTv1; rua=mailto:tlsrpt@shop.demo.test"),
    txt(`default._bimi.${d}`, "v=BIMI1; l=https://shop.demo.test/logo.svg; a="),
    // DANE TLSA published in an unsigned zone: without DNSSEC no sender can use it.
    {
      type: "TLSA",
      name: `_25._tcp.mx1.${d}`,
      ttl: TTL,
      usage: 3,
      selector: 1,
      matchingType: 1,
      data: "0".repeat(64),
    },
    {
      type: "SOA",
      name: DEMO_REPORT_DOMAIN,
      ttl: TTL,
      mname: `ns1.${d}`,
      rname: `hostmaster.${d}`,
      serial: 1,
      refresh: 3600,
      retry: 600,
      expire: 86400,
      minimum: 60,
    },
    // A demo blocklist (RFC 5782 layout) that lists the backup MX's address.
    { type: "A", name: `2.0.0.127.${DEMO_DNSBL}`, ttl: TTL, address: "127.0.0.2" },
    txt(`2.0.0.127.${DEMO_DNSBL}`, "Listed in the demo blocklist: sent spam to a trap"),
  ];
}
