/**
 * Postfix configuration as data: main.cf parameters (from `postconf -n`, `postconf` or main.cf
 * itself) and master.cf services (from `postconf -M` or master.cf), with `-o` overrides.
 */

export interface MasterService {
  /** `smtp`, `submission`, `127.0.0.10:25`, `pickup`... */
  name: string;
  type: string;
  private: string;
  unpriv: string;
  chroot: string;
  wakeup: string;
  maxproc: string;
  command: string;
  /** `-o name=value` overrides. */
  overrides: Record<string, string>;
}

/** Parses `name = value` lines (main.cf or `postconf` output): comments, continuation lines. */
export function parseMainCf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let last: string | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (/^\s*#/.test(line) || !line.trim()) continue;
    if (/^\s/.test(line) && last) {
      out[last] = `${out[last] ?? ""} ${line.trim()}`.trim();
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    last = line.slice(0, eq).trim();
    out[last] = line.slice(eq + 1).trim();
  }
  return out;
}

function splitMasterArgs(args: string): string[] {
  // `-o { name = value with spaces }` is one argument (Postfix >= 3.0)
  const out: string[] = [];
  let i = 0;
  while (i < args.length) {
    while (args[i] === " " || args[i] === "\t") i++;
    if (i >= args.length) break;
    if (args[i] === "{") {
      const e = args.indexOf("}", i);
      out.push(args.slice(i + 1, e < 0 ? undefined : e).trim());
      i = e < 0 ? args.length : e + 1;
    } else {
      let e = i;
      while (e < args.length && args[e] !== " " && args[e] !== "\t") e++;
      out.push(args.slice(i, e));
      i = e;
    }
  }
  return out;
}

/** Parses master.cf (or `postconf -M` output): one service per logical line, continuation lines indented. */
export function parseMasterCf(text: string): MasterService[] {
  const logical: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (/^\s*#/.test(line) || !line.trim()) continue;
    if (/^\s/.test(line) && logical.length) logical[logical.length - 1] += ` ${line.trim()}`;
    else logical.push(line.trim());
  }
  const out: MasterService[] = [];
  for (const l of logical) {
    const f = splitMasterArgs(l);
    if (f.length < 8) continue;
    const [
      name = "",
      type = "",
      priv = "",
      unpriv = "",
      chroot = "",
      wakeup = "",
      maxproc = "",
      command = "",
      ...rest
    ] = f;
    const overrides: Record<string, string> = {};
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === "-o" && rest[i + 1] !== undefined) {
        const kv = rest[i + 1] as string;
        const eq = kv.indexOf("=");
        if (eq > 0) overrides[kv.slice(0, eq).trim()] = kv.slice(eq + 1).trim();
        i++;
      }
    }
    out.push({ name, type, private: priv, unpriv, chroot, wakeup, maxproc, command, overrides });
  }
  return out;
}

/** Defaults (Postfix 3.x, compatibility_level >= 2) of the parameters mxray judges. */
export const POSTFIX_DEFAULTS: Record<string, string> = {
  smtpd_tls_security_level: "",
  smtp_tls_security_level: "",
  smtpd_tls_auth_only: "no",
  smtpd_sasl_auth_enable: "no",
  smtpd_tls_protocols: ">=TLSv1",
  smtpd_tls_mandatory_protocols: ">=TLSv1",
  smtp_tls_protocols: ">=TLSv1",
  smtp_tls_mandatory_protocols: ">=TLSv1",
  smtpd_relay_restrictions: "permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination",
  smtpd_recipient_restrictions: "",
  mynetworks_style: "host",
  message_size_limit: "10240000",
  maximal_queue_lifetime: "5d",
  bounce_queue_lifetime: "5d",
  default_process_limit: "100",
  smtpd_client_connection_rate_limit: "0",
  smtpd_client_message_rate_limit: "0",
  smtpd_client_connection_count_limit: "50",
  smtpd_client_auth_rate_limit: "0",
  smtpd_tls_cert_file: "",
  smtpd_tls_key_file: "$smtpd_tls_cert_file",
  smtpd_tls_chain_files: "",
  smtpd_tls_wrappermode: "no",
  inet_interfaces: "all",
};

/** The effective value of a main.cf parameter, with one level of `$name` expansion. */
export function param(cfg: Record<string, string>, name: string): string {
  const v = cfg[name] ?? POSTFIX_DEFAULTS[name] ?? "";
  return v.replace(
    /\$\{?([a-z_0-9]+)\}?/g,
    (whole, ref: string) => cfg[ref] ?? POSTFIX_DEFAULTS[ref] ?? whole,
  );
}

/** Splits a Postfix list value (commas and/or whitespace). */
export function listValue(v: string): string[] {
  return v
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** The port of an inet service name (`smtp`, `submission`, `127.0.0.10:587`, `[::1]:25`, `2525`). */
export function servicePort(name: string): number | undefined {
  const known: Record<string, number> = { smtp: 25, submission: 587, submissions: 465, smtps: 465 };
  const colon = name.lastIndexOf(":");
  const p = colon >= 0 ? name.slice(colon + 1) : name;
  if (known[p] !== undefined) return known[p];
  const n = Number(p);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined;
}
