import { isIP } from "node:net";
import type { Command } from "commander";
import { makeReport } from "../../audit.js";
import { runChecks } from "../../core/check.js";
import type { RunContext } from "../../core/context.js";
import { normalizeDomain } from "../../core/domain-name.js";
import type { Evidence } from "../../core/evidence.js";
import { EXIT, UsageError, type ExitCode } from "../../core/exit-codes.js";
import type { Report } from "../../core/report.js";
import { spfChecks } from "../../checks/spf.js";
import { describe } from "../../i18n/index.js";
import { probeDmarc } from "../../probes/dmarc.js";
import { collectMx } from "../../probes/mx.js";
import { probeSpf, spfAnswerLookup } from "../../probes/spf.js";
import { escapeTerminal } from "../../report/escape.js";
import { paint } from "../../report/terminal.js";
import { analyzeSpf, type SpfAnalysis } from "../../standards/spf/analyze.js";
import { flattenSpf } from "../../standards/spf/flatten.js";
import { formatSpfTrace, formatSpfTree } from "../../standards/spf/format.js";
import { checkHost, spfQuery } from "../../standards/spf/evaluate.js";
import type { SpfResult, SpfResultCode } from "../../standards/spf/types.js";
import { VERSION } from "../../version.js";
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

interface SpfFlags extends CommonFlags {
  ip?: string;
  sender?: string;
  helo?: string;
  receiver?: string;
  record?: string;
  saveEvidence?: string;
}

/** Exit codes of the evaluation mode, stated in the help text. */
export const SPF_RESULT_EXIT: Record<SpfResultCode, ExitCode> = {
  pass: EXIT.ok,
  neutral: EXIT.warning,
  none: EXIT.warning,
  softfail: EXIT.warning,
  fail: EXIT.critical,
  permerror: EXIT.critical,
  temperror: EXIT.unknown,
};

const SEVERITY_OF: Record<SpfResultCode, "ok" | "warning" | "error" | "critical"> = {
  pass: "ok",
  neutral: "warning",
  none: "warning",
  softfail: "warning",
  fail: "error",
  permerror: "error",
  temperror: "critical",
};

/** The few labels of this command's own layout (finding texts come from the catalog). */
const LABELS = {
  en: {
    trace: "trace:",
    tree: "include tree:",
    lookups: "DNS lookups",
    voids: "void lookups",
    exp: "explanation",
  },
  "zh-CN": { trace: "评估过程：", tree: "include 树：", lookups: "DNS 查询", voids: "空查询", exp: "说明" },
} as const;

const HELP = `
Two questions:
  mxray spf <domain>                                   is the domain's SPF record sound? (audit)
  mxray spf [<domain>] --ip IP [--sender ADDR] [--helo NAME]
                                                       may IP send for it, and why? (evaluation, like spfquery)

Evaluation: the domain checked is the sender's; with --sender '' (the null reverse-path) it is the
HELO name, with postmaster@<helo> as sender. A <domain> argument checks that domain instead.

Exit codes of the audit: 0 ok, 1 warnings, 2 errors, 3 could not run.
Exit codes of the evaluation: 0 pass; 1 neutral, none, softfail; 2 fail, permerror; 3 temperror
(a DNS failure: try again) or could not run.`;

/** Evaluation mode: one check_host() with its trace. */
async function evaluate(domain: string | undefined, flags: SpfFlags, ctx: RunContext): Promise<ExitCode> {
  const ip = (flags.ip ?? "").trim();
  if (!isIP(ip)) throw new UsageError(`--ip takes an IPv4 or IPv6 address, not ${JSON.stringify(flags.ip)}`);
  const opts = { dns: ctx.dns, now: ctx.now, signal: ctx.signal };
  const helo = flags.helo?.trim();
  let r: SpfResult;
  if (domain !== undefined) {
    const d = normalizeDomain(domain);
    const sender = flags.sender ? flags.sender : `postmaster@${d}`;
    r = {
      ...(await checkHost({ ip, domain: d, sender, helo, receiver: flags.receiver }, opts)),
      identity: flags.sender === "" ? "helo" : "mailfrom",
    };
  } else {
    if (flags.sender === undefined && !helo)
      throw new UsageError("give a <domain>, --sender ADDR, or --sender '' with --helo NAME");
    if (!flags.sender && !helo)
      throw new UsageError(
        "with the null reverse-path (--sender '') the HELO name is checked: give --helo NAME",
      );
    r = await spfQuery({ ip, sender: flags.sender ?? "", helo, receiver: flags.receiver }, opts);
  }
  const lang = langOf(flags);
  const params = { ip: r.ip, domain: r.domain, mechanism: r.mechanism ?? "-", reason: r.reason ?? "-" };
  const text = describe({ id: `spf.eval.${r.result}`, params }, lang);
  if (wantsJson(flags)) {
    const doc = {
      tool: "mxray",
      version: VERSION,
      command: "spf",
      mode: "evaluate",
      ...r,
      helo: helo ?? null,
      summary: text.summary,
      why: text.why,
      fix: text.fix,
      lang,
    };
    process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
  } else {
    const color = flags.color !== false && process.stdout.isTTY === true && !process.env.NO_COLOR;
    const sev = SEVERITY_OF[r.result];
    const l = LABELS[lang];
    const code = { ok: "32", warning: "33", error: "31", critical: "1;31" }[sev];
    const lines = [
      paint(
        `mxray spf ${escapeTerminal(r.domain)} --ip ${r.ip}  (${r.identity ?? "mailfrom"}: ${escapeTerminal(r.sender)})`,
        "1",
        color,
      ),
      "",
      `  ${paint(r.result.toUpperCase(), code, color)}  ${escapeTerminal(text.summary)}`,
      ...(r.explanation !== null ? [`  ${l.exp}: ${escapeTerminal(r.explanation)}`] : []),
      ...(text.why && r.result !== "pass" ? [`  ${escapeTerminal(text.why)}`] : []),
      ...(text.fix && r.result !== "pass" ? [`  ${escapeTerminal(text.fix)}`] : []),
      `  ${l.lookups} ${r.lookups}/10, ${l.voids} ${r.voidLookups}/2`,
      "",
      paint(l.trace, "1", color),
      ...formatSpfTrace(r.trace).map((l) => `  ${escapeTerminal(l)}`),
    ];
    process.stdout.write(lines.join("\n") + "\n");
  }
  return SPF_RESULT_EXIT[r.result];
}

/**
 * The SPF audit of a domain: the record, its include tree and the findings, with the DMARC policy
 * (for the ~all / -all advice) and the MX set (a null-MX domain needs only "v=spf1 -all").
 * @example const report = await auditSpf("example.com", ctx);
 */
export async function auditSpf(input: string, ctx: RunContext, candidate?: string): Promise<Report> {
  return (await runAudit(input, ctx, candidate)).report;
}

async function runAudit(
  input: string,
  ctx: RunContext,
  candidate?: string,
): Promise<{ report: Report; analysis: SpfAnalysis }> {
  const started = ctx.now();
  const target = normalizeDomain(input);
  const evidence: Evidence = {
    schema: 1,
    target,
    input,
    collectedAt: started.toISOString(),
    resolvers: [...ctx.dns.servers],
  };
  ctx.progress.step("SPF");
  const [spf, dmarc, mx] = await Promise.all([
    probeSpf(target, ctx, candidate),
    probeDmarc(target, ctx),
    collectMx(ctx, target),
  ]);
  Object.assign(evidence, { spf, dmarc, mx });
  const findings = runChecks(spfChecks, evidence);
  const analysis = analyzeSpf(target, spfAnswerLookup(spf));
  const report = makeReport("spf", evidence, findings, started, ctx.now());
  report.data = {
    tree: analysis.root,
    lookups: analysis.lookups,
    voidLookups: analysis.voids,
    loops: analysis.loops,
    duplicates: analysis.duplicates,
    flattened: analysis.lookups > 10 ? flattenSpf(analysis) : null,
  };
  return { report, analysis };
}

export function register(program: Command): void {
  const cmd = program
    .command("spf")
    .description(
      "audit a domain's SPF record (include tree, lookup count, findings), or evaluate it for one client IP with a full trace",
    )
    .argument("[domain]", "the domain (for evaluation: overrides the sender's domain)")
    .option("--ip <address>", "evaluate for this client IP (IPv4 or IPv6) instead of auditing")
    .option(
      "--sender <address>",
      "MAIL FROM address for the evaluation; '' is the null reverse-path (HELO identity)",
    )
    .option("--helo <name>", "HELO/EHLO name (the identity when --sender is '', and %{h})")
    .option("--receiver <name>", "receiving host's domain, for %{r} in explanations")
    .option("--record <text>", "audit this record text as if published at <domain> (before you publish it)")
    .option("--save-evidence <file>", "write the gathered evidence to FILE (audit mode)")
    .addHelpText("after", HELP);
  addNetworkOptions(addOutputOptions(cmd)).action(async (domain: string | undefined, flags: SpfFlags) => {
    if (flags.ip === undefined && (flags.sender !== undefined || flags.helo !== undefined)) {
      throw new UsageError("--sender and --helo need --ip (the client to evaluate)");
    }
    if (flags.ip === undefined && !domain)
      throw new UsageError("give a domain to audit, or --ip IP to evaluate");
    const ctx = contextFrom(flags);
    try {
      if (flags.ip !== undefined) {
        process.exitCode = await evaluate(domain, flags, ctx);
        return;
      }
      const { report, analysis } = await runAudit(domain as string, ctx, flags.record);
      saveEvidence(flags.saveEvidence, report);
      const color = flags.color !== false && process.stdout.isTTY === true && !process.env.NO_COLOR;
      const extra = analysis.root.answer
        ? [
            "",
            paint(LABELS[langOf(flags)].tree, "1", color),
            ...formatSpfTree(analysis).map((l) => `  ${escapeTerminal(l)}`),
          ]
        : [];
      process.exitCode = emitReport(report, flags, extra);
    } finally {
      ctx.finish();
    }
  });
}
