import type { Answer } from "dns-packet";
import type { DnsRecord } from "./types.js";

/**
 * A name as mxray keeps it: lower case, no trailing dot; the root is "" (so a null MX is
 * `exchange: ""`, which formatRecord prints as `MX 0 .`).
 * @example canonicalName("Mail.Example.COM."); // "mail.example.com"
 */
export function canonicalName(name: string): string {
  const n = name.toLowerCase();
  return n === "." ? "" : n.replace(/\.$/, "");
}

function bytesOf(value: unknown): Buffer | undefined {
  return Buffer.isBuffer(value) ? value : undefined;
}

/** Splits RDATA made of length-prefixed character-strings; a length running past the end is cut. */
export function characterStrings(raw: Buffer): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length;) {
    const len = raw[i] ?? 0;
    out.push(raw.subarray(i + 1, Math.min(raw.length, i + 1 + len)).toString("utf8"));
    i += 1 + len;
  }
  return out;
}

/** Strings as character-strings of at most 255 bytes each, a longer one split as zone files do. */
function characterStringChunks(strings: string[]): Buffer[] {
  const out: Buffer[] = [];
  for (const s of strings) {
    const bytes = Buffer.from(s, "utf8");
    if (bytes.length === 0) out.push(bytes);
    for (let i = 0; i < bytes.length; i += 255) out.push(bytes.subarray(i, i + 255));
  }
  return out;
}

/** TXT character-strings as UTF-8 text, one string per character-string (RFC 1035 §3.3.14). */
function txtStrings(data: unknown): string[] {
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((p) => (Buffer.isBuffer(p) ? p.toString("utf8") : String(p)));
}

/**
 * Converts one decoded resource record into our DnsRecord, or undefined for types mxray does not
 * model (RRSIG, NSEC, OPT...). Binary fields: DS digest and TLSA data as lower-case hex, DNSKEY key
 * as base64, like the presentation format (RFC 4034, RFC 6698) minus the upper case.
 * @example fromWire({ type: "A", name: "Mail.Lab.Test", ttl: 30, data: "127.0.0.10" });
 */
export function fromWire(a: Answer): DnsRecord | undefined {
  const name = canonicalName(a.name);
  // RFC 2181 §8: a TTL with the top bit set is to be read as zero.
  const raw = "ttl" in a && typeof a.ttl === "number" ? a.ttl : 0;
  const ttl = raw > 0x7fffffff ? 0 : raw;
  // dns-packet knows the SPF type code (99) but has no codec for it: its data arrives as raw bytes.
  if ((a.type as string) === "SPF") {
    const raw = "data" in a ? bytesOf(a.data) : undefined;
    return { type: "SPF", name, ttl, strings: raw ? characterStrings(raw) : [] };
  }
  switch (a.type) {
    case "A":
    case "AAAA":
      return { type: a.type, name, ttl, address: String(a.data) };
    case "CNAME":
    case "NS":
    case "PTR":
      return { type: a.type, name, ttl, target: canonicalName(String(a.data)) };
    case "MX":
      return {
        type: "MX",
        name,
        ttl,
        preference: a.data.preference ?? 0,
        exchange: canonicalName(a.data.exchange),
      };
    case "TXT":
      return { type: "TXT", name, ttl, strings: txtStrings(a.data) };
    case "SOA":
      return {
        type: "SOA",
        name,
        ttl,
        mname: canonicalName(a.data.mname),
        rname: canonicalName(a.data.rname),
        serial: a.data.serial ?? 0,
        refresh: a.data.refresh ?? 0,
        retry: a.data.retry ?? 0,
        expire: a.data.expire ?? 0,
        minimum: a.data.minimum ?? 0,
      };
    case "DS":
      return {
        type: "DS",
        name,
        ttl,
        keyTag: a.data.keyTag,
        algorithm: a.data.algorithm,
        digestType: a.data.digestType,
        digest: (bytesOf(a.data.digest) ?? Buffer.alloc(0)).toString("hex"),
      };
    case "DNSKEY":
      return {
        type: "DNSKEY",
        name,
        ttl,
        flags: a.data.flags,
        // dns-packet drops the protocol octet; RFC 4034 §2.1.2 fixes it at 3 and the decoder checks it.
        protocol: 3,
        algorithm: a.data.algorithm,
        publicKey: (bytesOf(a.data.key) ?? Buffer.alloc(0)).toString("base64"),
      };
    case "TLSA":
      return {
        type: "TLSA",
        name,
        ttl,
        usage: a.data.usage,
        selector: a.data.selector,
        matchingType: a.data.matchingType,
        data: (bytesOf(a.data.certificate) ?? Buffer.alloc(0)).toString("hex"),
      };
    case "CAA":
      return { type: "CAA", name, ttl, flags: a.data.flags ?? 0, tag: a.data.tag, value: a.data.value };
    case "SRV":
      return {
        type: "SRV",
        name,
        ttl,
        priority: a.data.priority ?? 0,
        weight: a.data.weight ?? 0,
        port: a.data.port,
        target: canonicalName(a.data.target),
      };
    default:
      return undefined;
  }
}

/**
 * Converts one of our records into dns-packet's shape, for the in-process test server.
 * @example toWire({ type: "A", name: "a.test", ttl: 60, address: "127.0.0.1" });
 */
export function toWire(r: DnsRecord): Answer {
  const base = { name: r.name, ttl: r.ttl, class: "IN" as const };
  switch (r.type) {
    case "A":
    case "AAAA":
      return { ...base, type: r.type, data: r.address };
    case "CNAME":
    case "NS":
    case "PTR":
      return { ...base, type: r.type, data: r.target };
    case "MX":
      return { ...base, type: "MX", data: { preference: r.preference, exchange: r.exchange || "." } };
    case "TXT":
      return { ...base, type: "TXT", data: characterStringChunks(r.strings) };
    case "SPF": {
      // No SPF codec in dns-packet: hand it the RDATA bytes, which its generic codec writes as they are.
      const rdata = Buffer.concat(
        characterStringChunks(r.strings).flatMap((b) => [Buffer.from([b.length]), b]),
      );
      return { ...base, type: "SPF", data: rdata } as unknown as Answer;
    }
    case "SOA":
      return { ...base, type: "SOA", data: { ...r } };
    case "DS":
      return { ...base, type: "DS", data: { ...r, digest: Buffer.from(r.digest, "hex") } };
    case "DNSKEY":
      return {
        ...base,
        type: "DNSKEY",
        data: { flags: r.flags, algorithm: r.algorithm, key: Buffer.from(r.publicKey, "base64") },
      };
    case "TLSA":
      return { ...base, type: "TLSA", data: { ...r, certificate: Buffer.from(r.data, "hex") } };
    case "CAA":
      return { ...base, type: "CAA", data: { flags: r.flags, tag: r.tag as "issue", value: r.value } };
    case "SRV":
      return {
        ...base,
        type: "SRV",
        data: { priority: r.priority, weight: r.weight, port: r.port, target: r.target },
      };
  }
}
