import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentProgress, type RunContext } from "../../../src/core/context.js";
import type { Finding } from "../../../src/core/finding.js";
import type { DnsClient, DnsRecord } from "../../../src/net/dns/types.js";

/** A run context over a given DNS client, with a pinned clock. */
export function testContext(dns: DnsClient, extra: Partial<RunContext> = {}): RunContext {
  return {
    dns,
    timeoutMs: 5000,
    now: () => new Date("2026-01-15T12:00:00Z"),
    progress: silentProgress,
    perHostConcurrency: 2,
    ...extra,
  };
}

/** A TXT record for memory zones. */
export function txt(name: string, ...strings: string[]): DnsRecord {
  return { type: "TXT", name, ttl: 300, strings };
}

/** Finding ids, sorted, for compact assertions. */
export function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.id).sort();
}

/** The one finding with this id (fails when absent or repeated). */
export function one(findings: readonly Finding[], id: string): Finding {
  const found = findings.filter((f) => f.id === id);
  if (found.length !== 1)
    throw new Error(`expected one ${id}, got ${found.length}: ${ids(findings).join(", ")}`);
  return found[0] as Finding;
}

export interface TestPki {
  dir: string;
  caPem: string;
  /** Issues a leaf certificate for the names (first is the CN); returns PEM cert and key. */
  issue(names: string[], options?: { selfSigned?: boolean }): { cert: string; key: string };
  cleanup(): void;
}

/** A throwaway CA made with openssl in a temporary directory. */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), "mxray-policy-pki-"));
  const run = (...args: string[]) =>
    execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  run(
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.crt",
    "-days",
    "3",
    "-subj",
    "/CN=mxray policy test CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  );
  let n = 0;
  return {
    dir,
    caPem: readFileSync(join(dir, "ca.crt"), "utf8"),
    issue(names, options = {}) {
      n++;
      const san = names.map((x) => `DNS:${x}`).join(",");
      if (options.selfSigned) {
        run(
          "req",
          "-x509",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:P-256",
          "-nodes",
          "-keyout",
          `l${n}.key`,
          "-out",
          `l${n}.crt`,
          "-days",
          "3",
          "-subj",
          `/CN=${names[0]}`,
          "-addext",
          `subjectAltName=${san}`,
        );
      } else {
        run(
          "req",
          "-new",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:P-256",
          "-nodes",
          "-keyout",
          `l${n}.key`,
          "-out",
          `l${n}.csr`,
          "-subj",
          `/CN=${names[0]}`,
        );
        writeFileSync(join(dir, `l${n}.ext`), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\n`);
        run(
          "x509",
          "-req",
          "-in",
          `l${n}.csr`,
          "-CA",
          "ca.crt",
          "-CAkey",
          "ca.key",
          "-CAcreateserial",
          "-days",
          "2",
          "-out",
          `l${n}.crt`,
          "-extfile",
          `l${n}.ext`,
        );
      }
      return {
        cert: readFileSync(join(dir, `l${n}.crt`), "utf8"),
        key: readFileSync(join(dir, `l${n}.key`), "utf8"),
      };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
