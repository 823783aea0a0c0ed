import assert from "node:assert/strict";
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { dkimSign } from "mailauth/lib/dkim/sign.js";
import type { RunContext } from "../../../src/core/context.js";
import type { Report } from "../../../src/core/report.js";
import { describe as describeFinding, LANGS } from "../../../src/i18n/index.js";
import { silentProgress } from "../../../src/core/context.js";
import { createMemoryResolver, type MemoryZoneOptions } from "../../../src/net/dns/memory.js";
import type { DnsClient, DnsRecord } from "../../../src/net/dns/types.js";

/** The pinned clock of the message tests. */
export const NOW = new Date("2026-12-03T12:00:00Z");

export interface TestKey {
  privateKey: string;
  /** The p= value to publish. */
  p: string;
  type: "rsa" | "ed25519";
}

const cache = new Map<string, TestKey>();

/** An RSA key of `bits` (cached per size: key generation is the slow part of these tests). */
export function rsaKey(bits: number): TestKey {
  const hit = cache.get(`rsa${bits}`);
  if (hit) return hit;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  const key: TestKey = {
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    p: spki(publicKey),
    type: "rsa",
  };
  cache.set(`rsa${bits}`, key);
  return key;
}

export function ed25519Key(): TestKey {
  const hit = cache.get("ed25519");
  if (hit) return hit;
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  // RFC 8463: p= is the raw 32-byte key, the last 32 bytes of the SPKI DER
  const raw = publicKey.export({ type: "spki", format: "der" }).subarray(-32).toString("base64");
  const key: TestKey = {
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    p: raw,
    type: "ed25519",
  };
  cache.set("ed25519", key);
  return key;
}

function spki(k: KeyObject): string {
  return k.export({ type: "spki", format: "der" }).toString("base64");
}

export const txt = (name: string, value: string): DnsRecord => ({
  type: "TXT",
  name,
  ttl: 300,
  strings: value.match(/.{1,250}/g) ?? [""],
});
export const a = (name: string, address: string): DnsRecord => ({ type: "A", name, ttl: 300, address });

/** A key record for a test key. */
export const keyRecord = (selector: string, domain: string, key: TestKey, extra = ""): DnsRecord =>
  txt(`${selector}._domainkey.${domain}`, `v=DKIM1; k=${key.type};${extra} p=${key.p}`);

/** Prepends a DKIM-Signature made with mailauth's signer. */
export async function sign(
  message: string,
  opts: {
    domain: string;
    selector: string;
    key: TestKey;
    algorithm?: string;
    expires?: Date;
    signTime?: Date;
    headerList?: string[];
  },
): Promise<string> {
  // mailauth 4.13 reads the signer from signatureData (its .d.ts also lists top-level fields it ignores)
  const algorithm = opts.algorithm ?? (opts.key.type === "ed25519" ? "ed25519-sha256" : "rsa-sha256");
  const res = await dkimSign(message, {
    canonicalization: "relaxed/relaxed",
    algorithm,
    signTime: opts.signTime ?? new Date(NOW.getTime() - 3600_000),
    ...(opts.expires ? { expires: opts.expires } : {}),
    // mailauth takes the header list as one colon-separated string
    ...(opts.headerList ? { headerList: opts.headerList.join(":") } : {}),
    signatureData: [
      {
        signingDomain: opts.domain,
        selector: opts.selector,
        privateKey: opts.key.privateKey,
        algorithm,
        canonicalization: "relaxed/relaxed",
      },
    ],
  } as Parameters<typeof dkimSign>[1]);
  if (!/^DKIM-Signature:/i.test(res.signatures)) throw new Error("mailauth produced no signature");
  if (res.errors.length) throw res.errors[0];
  return res.signatures + message;
}

export function context(dns: DnsClient): RunContext {
  return { dns, timeoutMs: 2000, now: () => NOW, progress: silentProgress, perHostConcurrency: 2 };
}

export function memoryDns(records: DnsRecord[], options?: MemoryZoneOptions): DnsClient {
  return createMemoryResolver(records, options);
}

/** A plain message from a@example.com, CRLF line ends. */
export function plainMessage(extraHeaders: string[] = [], body = "Hello,\r\nthis is a test.\r\n"): string {
  return [
    ...extraHeaders,
    "From: Alice <a@example.com>",
    "To: b@example.net",
    "Subject: test",
    "Date: Thu, 03 Dec 2026 10:59:00 +0000",
    "Message-ID: <t1@example.com>",
    "",
    body,
  ].join("\r\n");
}

/** Every finding's texts are complete in both languages: no `{placeholder}` left unfilled. */
export function assertTextsComplete(report: Report): void {
  for (const f of report.findings) {
    for (const lang of LANGS) {
      const t = describeFinding(f, lang);
      assert.ok(!t.summary.startsWith(f.id), `${f.id} has no catalog entry`);
      for (const text of [t.summary, t.why, t.fix])
        assert.doesNotMatch(text, /\{[A-Za-z0-9_]+\}/, `${f.id} (${lang}): ${text}`);
    }
  }
}
