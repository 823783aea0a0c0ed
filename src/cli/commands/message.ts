import { isIP } from "node:net";
import type { Command } from "commander";
import { UsageError } from "../../core/exit-codes.js";
import type { MessageEvidence } from "../../message/analyze.js";
import { checkMessage } from "../../message/index.js";
import { readMessage } from "../../message/read.js";
import { renderAuthentication, renderSummary, renderTimeline } from "../../message/render.js";
import {
  addNetworkOptions,
  addOutputOptions,
  contextFrom,
  emitReport,
  langOf,
  saveEvidence,
  wantsJson,
  type CommonFlags,
} from "../common.js";

interface MessageFlags extends CommonFlags {
  ip?: string;
  helo?: string;
  sender?: string;
  saveEvidence?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command("message")
    .description(
      "explain a received message: delivery hops and delays, DKIM, ARC, SPF, DMARC, and the headers that explain delivery",
    )
    .argument("<file>", "the message (.eml, a Maildir file), or - for stdin; at most 64 MiB are read")
    .option(
      "--ip <address>",
      "the connecting client's IP for SPF (default: from the first external Received hop)",
    )
    .option("--helo <name>", "the client's HELO/EHLO name for SPF")
    .option(
      "--sender <address>",
      "the MAIL FROM address for SPF (default: Return-Path); '' for the null sender",
    )
    .option("--save-evidence <file>", "write the gathered evidence to FILE");
  addNetworkOptions(addOutputOptions(cmd)).action(async (file: string, flags: MessageFlags) => {
    if (flags.ip !== undefined && !isIP(flags.ip))
      throw new UsageError(`--ip takes an IPv4 or IPv6 address, not ${JSON.stringify(flags.ip)}`);
    const raw = await readMessage(file);
    const ctx = contextFrom(flags);
    const report = await checkMessage(raw, ctx, {
      ...(flags.ip !== undefined ? { ip: flags.ip } : {}),
      ...(flags.helo !== undefined ? { helo: flags.helo } : {}),
      ...(flags.sender !== undefined ? { sender: flags.sender } : {}),
    }).finally(() => ctx.finish());
    saveEvidence(flags.saveEvidence, report);
    const ev = report.data as MessageEvidence;
    const lang = langOf(flags);
    const color = flags.color !== false && process.stdout.isTTY === true && !process.env.NO_COLOR;
    const extra = wantsJson(flags)
      ? []
      : [
          ...renderSummary(ev, lang, color),
          ...renderTimeline(ev, lang, color),
          ...renderAuthentication(ev, lang, color),
        ];
    process.exitCode = emitReport(report, flags, extra);
  });
}
