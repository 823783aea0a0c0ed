/**
 * SMTP TLS Reporting policy records (RFC 8460 §3), published as TXT at `_smtp._tls.<domain>`:
 *
 *   tlsrpt-record    = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
 *   tlsrpt-version   = %s"v=TLSRPTv1"
 *   field-delim      = *WSP ";" *WSP
 *   tlsrpt-rua       = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
 *   tlsrpt-extension = tlsrpt-ext-name "=" tlsrpt-ext-value
 */

export type TlsRptErrorCode =
  "version" | "field.syntax" | "rua.missing" | "rua.duplicate" | "uri.scheme" | "uri.invalid";

export interface TlsRptError {
  code: TlsRptErrorCode;
  /** The offending text (a field or URI), when there is one. */
  text?: string;
}

export interface TlsRptUri {
  uri: string;
  scheme: "mailto" | "https" | "other";
  /** Mailbox of a mailto: URI, host of an https: URI. */
  destination?: string;
  valid: boolean;
}

export interface TlsRptRecord {
  raw: string;
  /** True when the record has no error and can be used by senders. */
  valid: boolean;
  rua: TlsRptUri[];
  /** Extension fields (RFC 8460 §3 allows them), by name. */
  extensions: Record<string, string>;
  errors: TlsRptError[];
}

const EXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const EXT_VALUE = /^[\x21-\x3a\x3c\x3e-\x7e]+$/;
// A pragmatic addr-spec check: local@domain with at least one dot-separated label in the domain.
const MAILBOX =
  /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/**
 * RFC 8460 §3: "Records that do not begin with v=TLSRPTv1; are discarded" by senders.
 * @example isTlsRptRecord("v=TLSRPTv1 rua=mailto:a@b.example") // false: no ";" after the version
 */
export function isTlsRptRecord(txt: string): boolean {
  return /^v=TLSRPTv1\s*;/.test(txt);
}

/**
 * Parses one `_smtp._tls` TXT value strictly.
 * @example
 *   parseTlsRpt("v=TLSRPTv1; rua=mailto:tlsrpt@example.com").valid // true
 *   parseTlsRpt("v=TLSRPTv1; rua=ftp://x").errors[0].code          // "uri.scheme"
 */
export function parseTlsRpt(raw: string): TlsRptRecord {
  const errors: TlsRptError[] = [];
  const rua: TlsRptUri[] = [];
  const extensions: Record<string, string> = {};
  const parts = raw.split(";").map((p) => p.replace(/^[ \t]+|[ \t]+$/g, ""));
  if (parts[parts.length - 1] === "") parts.pop(); // the optional trailing delimiter
  if (parts[0] !== "v=TLSRPTv1") errors.push({ code: "version", text: parts[0] ?? "" });
  let sawRua = false;
  for (const field of parts.slice(1)) {
    const eq = field.indexOf("=");
    const name = eq > 0 ? field.slice(0, eq) : "";
    const value = eq > 0 ? field.slice(eq + 1) : "";
    if (name === "rua") {
      if (sawRua) errors.push({ code: "rua.duplicate", text: field });
      sawRua = true;
      for (const uri of value.split(",").map((u) => u.trim())) {
        const parsed = parseReportUri(uri);
        rua.push(parsed);
        if (parsed.scheme === "other") errors.push({ code: "uri.scheme", text: uri });
        else if (!parsed.valid) errors.push({ code: "uri.invalid", text: uri });
      }
    } else if (EXT_NAME.test(name) && EXT_VALUE.test(value)) {
      extensions[name] = value;
    } else {
      errors.push({ code: "field.syntax", text: field });
    }
  }
  if (!sawRua) errors.push({ code: "rua.missing" });
  return { raw, valid: errors.length === 0, rua, extensions, errors };
}

/**
 * A report destination: `mailto:` with one mailbox, or an `https:` URL with a host (RFC 8460 §3).
 * @example parseReportUri("https://r.example/tls").destination // "r.example"
 */
export function parseReportUri(uri: string): TlsRptUri {
  const lower = uri.toLowerCase();
  if (lower.startsWith("mailto:")) {
    const mailbox = decodeSafe(uri.slice(7).split("?")[0] ?? "");
    return { uri, scheme: "mailto", destination: mailbox, valid: MAILBOX.test(mailbox) };
  }
  if (lower.startsWith("https:")) {
    try {
      const url = new URL(uri);
      return {
        uri,
        scheme: "https",
        destination: url.hostname,
        valid: url.protocol === "https:" && url.hostname.length > 0 && !/\s/.test(uri),
      };
    } catch {
      return { uri, scheme: "https", valid: false };
    }
  }
  return { uri, scheme: "other", valid: false };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
