import { existsSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import type { TestContext } from "node:test";

/** Where the lab lives and what it serves (see test/lab/lab.env and test/lab/README.md). */
export const lab = {
  run: process.env.LAB_RUN ?? "/var/tmp/mxray-lab",
  domain: "lab.test",
  /** knotd, authoritative, DNSSEC-signed. */
  auth: "127.0.0.2:53",
  /** unbound, validating: the resolver to give mxray in tests. */
  resolver: "127.0.0.3:53",
  mail: "127.0.0.10",
  weak: "127.0.0.11",
  expired: "127.0.0.12",
  dead: "127.0.0.99",
  trusted: "127.0.0.100",
  get caFile(): string {
    return `${this.run}/certs/ca.crt`;
  },
  get ca(): string {
    return readFileSync(this.caFile, "utf8");
  },
  postfixLog(): string {
    return `${this.run}/log/postfix.log`;
  },
};

function portOpen(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once("connect", () => done(true));
    s.once("error", () => done(false));
  });
}

let cached: Promise<boolean> | undefined;

/** True when the lab's DNS and main Postfix answer. */
export function labRunning(): Promise<boolean> {
  cached ??= (async () =>
    existsSync(`${lab.run}/certs/ca.crt`) &&
    (await portOpen("127.0.0.3", 53)) &&
    (await portOpen(lab.mail, 25)))();
  return cached;
}

/**
 * Call first in every lab test. Under `npm test` (MXRAY_REQUIRE_LAB=1) a missing lab fails the test;
 * when a developer runs a single file without the lab, the test is skipped with the reason.
 */
export async function requireLab(t: TestContext): Promise<boolean> {
  if (await labRunning()) return true;
  if (process.env.MXRAY_REQUIRE_LAB === "1")
    throw new Error(
      `the test lab is not running (LAB_RUN=${lab.run}); start it with: sudo bash test/lab/start.sh`,
    );
  t.skip("test lab not running (sudo bash test/lab/start.sh)");
  return false;
}
