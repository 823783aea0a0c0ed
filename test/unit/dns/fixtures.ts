import type { DnsRecord } from "../../../src/net/dns/types.js";

/** A small zone for the in-process server: one of each record type, a CNAME chain, a big TXT. */
export const soa = (zone: string): DnsRecord => ({
  type: "SOA",
  name: zone,
  ttl: 3600,
  mname: `ns1.${zone}`,
  rname: `hostmaster.${zone}`,
  serial: 2026120301,
  refresh: 7200,
  retry: 900,
  expire: 1209600,
  minimum: 300,
});

/** A TXT made of `n` character-strings of 255 bytes: over 1232 bytes for n >= 5. */
export const bigTxt = (name: string, n: number): DnsRecord => ({
  type: "TXT",
  name,
  ttl: 300,
  strings: Array.from({ length: n }, (_, i) => String.fromCharCode(97 + (i % 26)).repeat(255)),
});

export const zoneRecords: DnsRecord[] = [
  soa("example.test"),
  { type: "NS", name: "example.test", ttl: 3600, target: "ns1.example.test" },
  { type: "A", name: "ns1.example.test", ttl: 3600, address: "127.0.0.53" },
  { type: "MX", name: "example.test", ttl: 300, preference: 10, exchange: "mail.example.test" },
  { type: "A", name: "mail.example.test", ttl: 300, address: "127.0.0.25" },
  { type: "AAAA", name: "mail.example.test", ttl: 300, address: "::1" },
  { type: "CNAME", name: "smtp.example.test", ttl: 60, target: "relay.example.test" },
  { type: "CNAME", name: "relay.example.test", ttl: 120, target: "mail.example.test" },
  { type: "CNAME", name: "away.example.test", ttl: 60, target: "host.other.test" },
  { type: "CNAME", name: "dangling.example.test", ttl: 60, target: "gone.example.test" },
  { type: "TXT", name: "example.test", ttl: 300, strings: ["v=spf1 mx -all"] },
  {
    type: "TXT",
    name: "_dmarc.example.test",
    ttl: 300,
    strings: ["v=DMARC1; p=reject; ", "rua=mailto:d@example.test"],
  },
  { type: "TXT", name: "sel._domainkey.example.test", ttl: 300, strings: ["v=DKIM1; k=ed25519; p=ÄÖ"] },
  bigTxt("big.example.test", 8),
  { type: "SPF", name: "example.test", ttl: 300, strings: ["v=spf1 -all"] },
  {
    type: "TLSA",
    name: "_25._tcp.mail.example.test",
    ttl: 300,
    usage: 3,
    selector: 1,
    matchingType: 1,
    data: "ab".repeat(32),
  },
  {
    type: "DS",
    name: "example.test",
    ttl: 300,
    keyTag: 12345,
    algorithm: 13,
    digestType: 2,
    digest: "0f".repeat(32),
  },
  {
    type: "DNSKEY",
    name: "example.test",
    ttl: 300,
    flags: 257,
    protocol: 3,
    algorithm: 13,
    publicKey: Buffer.alloc(64, 7).toString("base64"),
  },
  { type: "CAA", name: "example.test", ttl: 300, flags: 128, tag: "issue", value: "ca.example.test" },
  {
    type: "SRV",
    name: "_submission._tcp.example.test",
    ttl: 300,
    priority: 0,
    weight: 1,
    port: 587,
    target: "mail.example.test",
  },
  { type: "PTR", name: "25.0.0.127.in-addr.arpa", ttl: 300, target: "mail.example.test" },
  { type: "MX", name: "nullmx.example.test", ttl: 300, preference: 0, exchange: "" },
  soa("other.test"),
  { type: "A", name: "host.other.test", ttl: 30, address: "127.0.0.80" },
  soa("0.0.127.in-addr.arpa"),
];
