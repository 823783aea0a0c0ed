import type { Command } from "commander";
import type { Finding } from "../../core/finding.js";
import { finding } from "../../core/finding.js";
import { countSeverities, type Report } from "../../core/report.js";
import { renderLocalTables } from "../../report/inside.js";
import { gatherFirewall } from "../../server-side/firewall.js";
import { gatherDovecot, gatherPostfix } from "../../server-side/local-config.js";
import {
  DEFAULT_LOCAL_THRESHOLDS,
  dovecotFindings,
  firewallFindings,
  postfixFindings,
  socketFindings,
  type LocalEvidence,
} from "../../server-side/local-findings.js";
import { gatherSockets } from "../../server-side/sockets.js";
import { VERSION } from "../../version.js";
import { addOutputOptions, emitReport, langOf, wantsJson, type CommonFlags } from "../common.js";

interface LocalFlags extends CommonFlags {
  configDir?: string;
  mainCf?: string;
  masterCf?: string;
  dovecotConfig?: string;
  doveconf?: string;
  firewall?: string;
  proc: string;
}

export function register(program: Command): void {
  const cmd = program
    .command("local")
    .description(
      "the server's own view: listening mail sockets and their processes, TCP states, Postfix and Dovecot settings, certificates, firewall rules",
    )
    .option("--config-dir <dir>", "Postfix configuration directory to ask postconf about (MAIL_CONFIG)")
    .option("--main-cf <file>", "judge this main.cf instead of running postconf")
    .option("--master-cf <file>", "with --main-cf: the master.cf to judge")
    .option("--dovecot-config <file>", "Dovecot configuration file for doveconf -c")
    .option("--doveconf <file>", "saved output of doveconf -n instead of running it")
    .option("--firewall <file>", "saved output of iptables-save or nft list ruleset instead of running them")
    .option("--proc <dir>", "the proc file system to read sockets from", "/proc");
  addOutputOptions(cmd).action(async (flags: LocalFlags) => {
    const started = Date.now();
    const now = new Date();
    const ev: LocalEvidence = { sockets: gatherSockets(flags.proc) };
    const [pf, dc, fw] = await Promise.all([
      gatherPostfix({ configDir: flags.configDir, mainCf: flags.mainCf, masterCf: flags.masterCf, now }),
      gatherDovecot({ config: flags.dovecotConfig, saved: flags.doveconf, now }),
      gatherFirewall(flags.firewall),
    ]);
    if (pf && "error" in pf) ev.postfixError = pf.error;
    else if (pf) ev.postfix = pf;
    if (dc && "error" in dc) ev.dovecotError = dc.error;
    else if (dc) ev.dovecot = dc;
    if (fw && "error" in fw) ev.firewallError = fw.error;
    else if (fw) ev.firewall = fw;
    // custom smtpd ports from master.cf count as mail ports for the socket view
    if (ev.postfix) {
      const extra = ev.postfix.services.map((s) => s.port).filter((p): p is number => p !== undefined);
      ev.sockets = gatherSockets(flags.proc, extra);
    }
    const findings: Finding[] = [...socketFindings(ev.sockets, DEFAULT_LOCAL_THRESHOLDS)];
    if (ev.postfix) findings.push(...postfixFindings(ev.postfix, now));
    else
      findings.push(
        finding(
          ev.postfixError ? "local.postfix.unreadable" : "local.postfix.absent",
          ev.postfixError ? "warning" : "info",
          "postfix",
          flags.configDir ?? "postconf",
          { error: ev.postfixError ?? "" },
        ),
      );
    if (ev.dovecot) findings.push(...dovecotFindings(ev.dovecot, now));
    else if (ev.dovecotError)
      findings.push(
        finding("local.dovecot.unreadable", "warning", "dovecot", "doveconf", { error: ev.dovecotError }),
      );
    if (ev.firewall) findings.push(...firewallFindings(ev.firewall));
    else
      findings.push(
        finding(
          ev.firewallError ? "local.firewall.unreadable" : "local.firewall.absent",
          "info",
          "firewall",
          flags.firewall ?? "iptables-save / nft",
          { error: ev.firewallError ?? "" },
        ),
      );
    const report: Report = {
      tool: "mxray",
      version: VERSION,
      command: "local",
      target: "localhost",
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      findings,
      counts: countSeverities(findings),
      data: ev,
    };
    const color = flags.color !== false && process.stdout.isTTY === true && !process.env.NO_COLOR;
    process.exitCode = emitReport(
      report,
      flags,
      wantsJson(flags) ? [] : renderLocalTables(ev, langOf(flags), color),
    );
  });
}
