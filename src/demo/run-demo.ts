import type { RunContext } from "../core/context.js";
import type { Report } from "../core/report.js";
import { checkDomain } from "../audit.js";
import { createDnsClient } from "../net/dns/client.js";
import { startDnsServer } from "../net/dns/server.js";
import { DEMO_DNSBL, DEMO_DOMAIN, DEMO_REPORT_DOMAIN, DEMO_SELECTORS, demoZone } from "./zone.js";

/**
 * Serves the demo mail domain from an in-process DNS server on 127.0.0.1 and runs the real
 * `check` against it, with the resolver pointing there. Needs no internet and no root.
 * @example
 *   const report = await runDemo({ timeoutMs: 2000 });
 */
export async function runDemo(
  options: Partial<Omit<RunContext, "dns">> & { timeoutMs: number },
): Promise<Report> {
  const server = await startDnsServer({
    records: demoZone(),
    zones: [DEMO_DOMAIN, "127.in-addr.arpa", DEMO_DNSBL, DEMO_REPORT_DOMAIN],
  });
  try {
    const ctx: RunContext = {
      dns: createDnsClient({ servers: [server.server], timeoutMs: options.timeoutMs }),
      now: () => new Date(),
      progress: { step: () => {} },
      perHostConcurrency: 2,
      ...options,
      dkimSelectors: DEMO_SELECTORS,
      dnsbls: [DEMO_DNSBL],
    };
    return await checkDomain(DEMO_DOMAIN, ctx);
  } finally {
    await server.close();
  }
}
