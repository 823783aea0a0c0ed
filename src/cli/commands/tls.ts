import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { Option, type Command } from "commander";
import { makeReport } from "../../audit.js";
import { judgeTlsEndpoint } from "../../checks/tls.js";
import { analyzeEndpoint } from "../../checks/tls/analysis.js";
import { endpointSubject, scanBlock } from "../../checks/tls/common.js";
import type { Evidence } from "../../core/evidence.js";
import { UsageError } from "../../core/exit-codes.js";
import { finding, type Finding } from "../../core/finding.js";
import { normalizeDomain } from "../../core/domain-name.js";
import { STARTTLS_PROTOCOLS, defaultStarttls, type StarttlsProtocol } from "../../net/starttls.js";
import { parseHostPort } from "../../net/tcp.js";
import { splitPem } from "../../net/tls/trust-store.js";
import { resolveHost } from "../../probes/servers.js";
import { collectTlsEndpoint, type TlsEndpointEvidence } from "../../probes/tls.js";
import { escapeTerminal } from "../../report/escape.js";
import {
  addNetworkOptions,
  addOutputOptions,
  contextFrom,
  emitReport,
  saveEvidence,
  wantsJson,
  type CommonFlags,
} from "../common.js";
import { lookupFailures, normalizeHostArgument } from "./ports.js";

interface TlsFlags extends CommonFlags {
  starttls?: StarttlsProtocol | "none";
  ca?: string[];
  servername?: string;
  quick?: boolean;
  saveEvidence?: string;
}

/** Most addresses of one name scanned (each is a full enumeration). */
const MAX_ADDRESSES = 4;

function readCa(files: readonly string[]): string[] {
  return files.map((f) => {
    let text: string;
    try {
      text = readFileSync(f, "utf8");
    } catch (err) {
      throw new UsageError(`--ca ${f}: ${(err as Error).message}`);
    }
    if (splitPem(text).length === 0) throw new UsageError(`--ca ${f}: no PEM certificate in it`);
    return text;
  });
}

/** The endpoint as a readable table: handshake, versions, suites with ratings, groups, certificate chain. */
export function describeEndpoint(ep: TlsEndpointEvidence, now: Date): string[] {
  const a = analyzeEndpoint(ep, now);
  const lines = ["", endpointSubject(ep), ...scanBlock(ep).lines.map((l) => `  ${l}`)];
  if (a.certBlock) lines.push("  certificate chain:", ...a.certBlock.lines.map((l) => `    ${l}`));
  if (a.tlsaBlock) lines.push("  TLSA:", ...a.tlsaBlock.lines.map((l) => `    ${l}`));
  return lines.map(escapeTerminal);
}

export function register(program: Command): void {
  const cmd = program
    .command("tls")
    .description(
      "TLS of one mail endpoint: versions, cipher suites rated with the NCSC table, key exchange, certificate chain, DANE",
    )
    .argument(
      "<host:port>",
      "host name or IP address and port, e.g. mx.example.com:25, 192.0.2.1:993, [2001:db8::1]:465 (port 25 by default)",
    )
    .addOption(
      new Option(
        "--starttls <protocol>",
        "plaintext preamble before TLS (default from the port: 25/587/2525 smtp, 143 imap, 110 pop3, else implicit TLS)",
      ).choices([...STARTTLS_PROTOCOLS, "none"]),
    )
    .option(
      "--ca <file>",
      "extra trusted CA certificate(s), PEM (repeatable)",
      (v: string, p: string[] = []) => [...p, v],
    )
    .option(
      "--servername <name>",
      "name for SNI, the certificate name check and the TLSA lookup (default: the host name given)",
    )
    .option("--quick", "one handshake only: no enumeration of versions, suites and groups")
    .option(
      "--save-evidence <file>",
      "write the gathered evidence to FILE (re-judge it with `mxray report FILE`)",
    );
  addNetworkOptions(addOutputOptions(cmd)).action(async (input: string, flags: TlsFlags) => {
    const target = parseHostPort(input);
    if (!target) throw new UsageError(`not a host:port: ${JSON.stringify(input)}`);
    const host = normalizeHostArgument(target.host);
    const port = target.port ?? 25;
    const servername =
      flags.servername !== undefined ? normalizeDomain(flags.servername) : isIP(host) ? undefined : host;
    const starttls = flags.starttls === "none" ? undefined : (flags.starttls ?? defaultStarttls(port));
    const extraCa = readCa(flags.ca ?? []);
    const ctx = contextFrom(flags);
    ctx.extraCa = extraCa;
    const started = ctx.now();
    try {
      const resolved = await resolveHost(host, ctx);
      const secureAddresses =
        resolved.answers.length > 0 &&
        resolved.answers.every((a) => a.status !== "noerror" || a.authenticated);
      const endpoints: TlsEndpointEvidence[] = [];
      for (const address of resolved.addresses.slice(0, MAX_ADDRESSES)) {
        ctx.progress.step(`tls ${address}:${port}`);
        endpoints.push(
          await collectTlsEndpoint(
            {
              ...(servername ? { host: servername } : {}),
              address,
              port,
              ...(starttls ? { starttls } : {}),
              depth: flags.quick ? "single" : "full",
              ...(resolved.answers.length ? { addressAuthenticated: secureAddresses } : {}),
            },
            ctx,
          ),
        );
      }
      const evidence: Evidence = {
        schema: 1,
        target: host,
        input,
        collectedAt: started.toISOString(),
        resolvers: [...ctx.dns.servers],
        tls: { endpoints },
      };
      const findings: Finding[] = [
        ...lookupFailures(resolved.answers, "tls"),
        ...endpoints.flatMap((ep) => judgeTlsEndpoint(ep, started)),
      ];
      if (resolved.addresses.length === 0 && findings.length === 0) {
        findings.push(
          finding("tls.target.no-address", "error", "tls", host, {
            host,
            status: resolved.answers.map((a) => `${a.type} ${a.status}`).join(", "),
          }),
        );
      }
      const report = makeReport("tls", evidence, findings, started, ctx.now());
      saveEvidence(flags.saveEvidence, report);
      const extra = wantsJson(flags) ? [] : endpoints.flatMap((ep) => describeEndpoint(ep, started));
      process.exitCode = emitReport(report, flags, extra, true);
    } finally {
      ctx.finish();
    }
  });
}
