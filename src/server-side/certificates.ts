import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";

/** What a certificate file (and its key) showed. */
export interface CertFileFacts {
  /** Who uses it: `postfix smtpd (127.0.0.12:25)`, `dovecot`. */
  user: string;
  certFile: string;
  keyFile: string;
  subject?: string;
  issuer?: string;
  notAfter?: string;
  /** Days until expiry at the reference time (negative when expired). */
  daysLeft?: number;
  /** Whether the private key belongs to the leaf certificate; undefined when the key was not readable. */
  keyMatches?: boolean;
  /** Why the files could not be read or parsed. */
  error?: string;
}

const PEM = /-----BEGIN ([A-Z ]+)-----[\s\S]*?-----END \1-----/g;

function pemBlocks(text: string): { type: string; pem: string }[] {
  return [...text.matchAll(PEM)].map((m) => ({ type: m[1] as string, pem: m[0] }));
}

/**
 * Reads a certificate (leaf first) and its private key, which may share one file (Postfix
 * smtpd_tls_chain_files), and checks expiry and that the key matches.
 *
 * @example
 *   inspectCertFiles("dovecot", "/etc/ssl/mail.pem", "/etc/ssl/mail.key", new Date()).daysLeft
 */
export function inspectCertFiles(user: string, certFile: string, keyFile: string, now: Date): CertFileFacts {
  const facts: CertFileFacts = { user, certFile, keyFile };
  let certText: string;
  try {
    certText = readFileSync(certFile, "utf8");
  } catch (err) {
    return {
      ...facts,
      error: `${certFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    };
  }
  const blocks = pemBlocks(certText);
  const leaf = blocks.find((b) => b.type === "CERTIFICATE");
  if (!leaf) return { ...facts, error: `${certFile}: no PEM certificate` };
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(leaf.pem);
  } catch (err) {
    return { ...facts, error: `${certFile}: ${(err as Error).message}` };
  }
  facts.subject = cert.subject.replace(/\n/g, ", ");
  facts.issuer = cert.issuer.replace(/\n/g, ", ");
  facts.notAfter = new Date(cert.validTo).toISOString();
  facts.daysLeft = Math.floor((new Date(cert.validTo).getTime() - now.getTime()) / 86_400_000);
  let keyText: string | undefined = keyFile === certFile ? certText : undefined;
  if (keyText === undefined && keyFile) {
    try {
      keyText = readFileSync(keyFile, "utf8");
    } catch (err) {
      facts.error = `${keyFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
      return facts;
    }
  }
  const key = keyText ? pemBlocks(keyText).find((b) => b.type.endsWith("PRIVATE KEY")) : undefined;
  if (key) {
    try {
      facts.keyMatches = cert.checkPrivateKey(createPrivateKey(key.pem));
    } catch (err) {
      facts.error = `${keyFile}: ${(err as Error).message}`;
    }
  }
  return facts;
}
