import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";

/** Where Linux and BSD distributions keep the system's CA bundle. */
const SYSTEM_BUNDLES = [
  "/etc/ssl/certs/ca-certificates.crt",
  "/etc/pki/tls/certs/ca-bundle.crt",
  "/etc/ssl/cert.pem",
  "/etc/ssl/ca-bundle.pem",
];

/** Splits a PEM bundle into its certificates. */
export function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

export interface TrustStore {
  /** PEM certificates to hand to `tls.connect({ ca })`. */
  pems: string[];
  /** Where they came from, for the evidence: `system:/etc/ssl/certs/ca-certificates.crt (146)`, `extra (1)`. */
  sources: string[];
}

/**
 * The trust anchors a verification uses: the system bundle (Node 20 has no API for it, so the usual
 * files are read), Node's bundled Mozilla roots when no system bundle exists, plus extra CAs (`--ca`).
 * @example
 *   const store = loadTrustStore([readFileSync("ca.crt", "utf8")]);
 *   tls.connect({ host, port, ca: store.pems });
 */
export function loadTrustStore(
  extraCa: readonly string[] = [],
  bundles: readonly string[] = SYSTEM_BUNDLES,
): TrustStore {
  const sources: string[] = [];
  let pems: string[] = [];
  for (const path of bundles) {
    try {
      const found = splitPem(readFileSync(path, "utf8"));
      if (found.length) {
        pems = found;
        sources.push(`system:${path} (${found.length})`);
        break;
      }
    } catch {
      // not this distribution's path; try the next
    }
  }
  if (!pems.length) {
    pems = [...rootCertificates];
    sources.push(`node-bundled (${pems.length})`);
  }
  const extra = extraCa.flatMap((text) => splitPem(text));
  if (extra.length) sources.push(`extra (${extra.length})`);
  return { pems: [...pems, ...extra], sources };
}
