import { readFileSync } from "node:fs";
import { inspectCertFiles, type CertFileFacts } from "./certificates.js";
import { listValue, param, parseMainCf, parseMasterCf, servicePort, type MasterService } from "./postconf.js";
import { runTool } from "./run-tool.js";

/** One smtpd listener with its effective settings (main.cf, then its master.cf -o overrides). */
export interface SmtpdService {
  name: string;
  port: number | undefined;
  address: string | undefined;
  maxproc: string;
  settings: Record<string, string>;
}

export interface PostfixConfigEvidence {
  source: string;
  /** Parameters set explicitly (postconf -n / main.cf). */
  explicit: Record<string, string>;
  /** Effective values of the parameters mxray judges. */
  effective: Record<string, string>;
  services: SmtpdService[];
  certificates: CertFileFacts[];
}

export interface DovecotEvidence {
  source: string;
  /** Top-level settings of `doveconf -n`. */
  settings: Record<string, string>;
  /** Listeners found in `service ... { inet_listener ... }` blocks. */
  listeners: { name: string; address: string; port: number; ssl: boolean }[];
  certificates: CertFileFacts[];
}

const JUDGED = [
  "smtpd_tls_security_level",
  "smtp_tls_security_level",
  "smtpd_tls_auth_only",
  "smtpd_sasl_auth_enable",
  "smtpd_tls_protocols",
  "smtpd_tls_mandatory_protocols",
  "smtp_tls_protocols",
  "smtpd_relay_restrictions",
  "smtpd_recipient_restrictions",
  "mynetworks",
  "mynetworks_style",
  "message_size_limit",
  "maximal_queue_lifetime",
  "bounce_queue_lifetime",
  "default_process_limit",
  "smtpd_client_connection_rate_limit",
  "smtpd_client_message_rate_limit",
  "smtpd_client_connection_count_limit",
  "smtpd_client_auth_rate_limit",
  "smtpd_tls_cert_file",
  "smtpd_tls_key_file",
  "smtpd_tls_chain_files",
  "smtpd_tls_wrappermode",
  "inet_interfaces",
  "smtp_dns_support_level",
];

const SERVICE_SETTINGS = [
  "smtpd_tls_security_level",
  "smtpd_tls_auth_only",
  "smtpd_sasl_auth_enable",
  "smtpd_tls_protocols",
  "smtpd_tls_mandatory_protocols",
  "smtpd_relay_restrictions",
  "smtpd_recipient_restrictions",
  "smtpd_client_restrictions",
  "smtpd_tls_wrappermode",
  "smtpd_tls_cert_file",
  "smtpd_tls_key_file",
  "smtpd_tls_chain_files",
  "mynetworks",
  "syslog_name",
];

/** Effective smtpd settings per inet service. */
export function smtpdServices(effective: Record<string, string>, master: MasterService[]): SmtpdService[] {
  return master
    .filter((s) => s.type === "inet" && s.command === "smtpd")
    .map((s) => {
      const settings: Record<string, string> = {};
      for (const k of SERVICE_SETTINGS)
        settings[k] =
          s.overrides[k] !== undefined
            ? param({ ...effective, ...s.overrides }, k)
            : (effective[k] ?? param(effective, k));
      const colon = s.name.lastIndexOf(":");
      return {
        name: s.name,
        port: servicePort(s.name),
        address: colon > 0 ? s.name.slice(0, colon).replace(/^\[|\]$/g, "") : undefined,
        maxproc: s.maxproc,
        settings,
      };
    });
}

function certsOf(user: string, s: Record<string, string>, now: Date): CertFileFacts[] {
  const chain = listValue(s.smtpd_tls_chain_files ?? "");
  if (chain.length) return chain.slice(0, 1).map((f) => inspectCertFiles(user, f, f, now));
  const cert = s.smtpd_tls_cert_file ?? "";
  if (!cert) return [];
  return [inspectCertFiles(user, cert, s.smtpd_tls_key_file || cert, now)];
}

/** Builds the Postfix evidence from main.cf/master.cf texts (files or postconf output). */
export function postfixEvidence(
  source: string,
  mainText: string,
  masterText: string,
  now: Date,
  fullText?: string,
): PostfixConfigEvidence {
  const explicit = parseMainCf(mainText);
  const all = fullText ? parseMainCf(fullText) : explicit;
  const effective: Record<string, string> = {};
  for (const k of JUDGED) effective[k] = fullText ? (all[k] ?? "") : param(explicit, k);
  if (!effective.mynetworks && !fullText) effective.mynetworks = "";
  const services = smtpdServices({ ...all, ...effective }, parseMasterCf(masterText));
  const certificates: CertFileFacts[] = [];
  const seen = new Set<string>();
  for (const svc of services) {
    for (const c of certsOf(`postfix smtpd (${svc.name})`, svc.settings, now)) {
      if (seen.has(c.certFile)) continue;
      seen.add(c.certFile);
      certificates.push(c);
    }
  }
  return { source, explicit, effective, services, certificates };
}

/**
 * Reads the Postfix configuration: from files given (main.cf, master.cf), else from `postconf`
 * (with MAIL_CONFIG = configDir). Undefined when there is no Postfix and no files.
 */
export async function gatherPostfix(opts: {
  configDir?: string;
  mainCf?: string;
  masterCf?: string;
  now: Date;
}): Promise<PostfixConfigEvidence | { error: string } | undefined> {
  if (opts.mainCf) {
    try {
      const main = readFileSync(opts.mainCf, "utf8");
      const master = opts.masterCf ? readFileSync(opts.masterCf, "utf8") : "";
      return postfixEvidence(opts.mainCf, main, master, opts.now);
    } catch (err) {
      return { error: `${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    }
  }
  const c = opts.configDir ? ["-c", opts.configDir] : [];
  const n = await runTool("postconf", [...c, "-n"], { timeoutMs: 15_000 });
  if (!n.ok)
    return n.error === "ENOENT"
      ? undefined
      : { error: `postconf -n: ${n.error}: ${n.stderr.trim().split("\n")[0] ?? ""}` };
  const [all, master] = await Promise.all([
    runTool("postconf", c, { timeoutMs: 15_000 }),
    runTool("postconf", [...c, "-M"], { timeoutMs: 15_000 }),
  ]);
  return postfixEvidence(
    `postconf${opts.configDir ? ` -c ${opts.configDir}` : ""}`,
    n.stdout,
    master.ok ? master.stdout : "",
    opts.now,
    all.ok ? all.stdout : undefined,
  );
}

/** Parses `doveconf -n` output into top-level settings and inet listeners. */
export function parseDoveconf(text: string, source: string, now: Date): DovecotEvidence {
  const settings: Record<string, string> = {};
  const listeners: DovecotEvidence["listeners"] = [];
  const stack: string[] = [];
  let listener: { name: string; address: string; port: number; ssl: boolean } | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    if (line.endsWith("{")) {
      const head = line.slice(0, -1).trim();
      stack.push(head);
      if (head.startsWith("inet_listener"))
        listener = { name: head.slice(13).trim(), address: "", port: 0, ssl: false };
      continue;
    }
    if (line === "}") {
      const head = stack.pop() ?? "";
      if (head.startsWith("inet_listener") && listener) {
        listeners.push(listener);
        listener = undefined;
      }
      continue;
    }
    const eq = line.indexOf(" = ");
    const key = eq < 0 ? line.replace(/ =$/, "") : line.slice(0, eq);
    const value = eq < 0 ? "" : line.slice(eq + 3);
    if (listener) {
      if (key === "port") listener.port = Number(value);
      else if (key === "address") listener.address = value;
      else if (key === "ssl") listener.ssl = value === "yes";
    } else if (stack.length === 0) settings[key] = value;
  }
  const certificates: CertFileFacts[] = [];
  const cert = settings.ssl_cert ?? "";
  if (cert.startsWith("<")) {
    const key = settings.ssl_key ?? "";
    certificates.push(
      inspectCertFiles("dovecot", cert.slice(1), key.startsWith("<") ? key.slice(1) : "", now),
    );
  }
  return { source, settings, listeners, certificates };
}

/** `doveconf -n` (with `-c FILE` when given), or a saved output file. */
export async function gatherDovecot(opts: {
  config?: string;
  saved?: string;
  now: Date;
}): Promise<DovecotEvidence | { error: string } | undefined> {
  if (opts.saved) {
    try {
      return parseDoveconf(readFileSync(opts.saved, "utf8"), opts.saved, opts.now);
    } catch (err) {
      return { error: `${opts.saved}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    }
  }
  const r = await runTool("doveconf", [...(opts.config ? ["-c", opts.config] : []), "-n"], {
    timeoutMs: 15_000,
  });
  if (!r.ok)
    return r.error === "ENOENT"
      ? undefined
      : { error: `doveconf -n: ${r.error}: ${r.stderr.trim().split("\n")[0] ?? ""}` };
  return parseDoveconf(r.stdout, `doveconf -n${opts.config ? ` -c ${opts.config}` : ""}`, opts.now);
}
