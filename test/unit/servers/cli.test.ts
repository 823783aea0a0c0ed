import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { main } from "../../../src/cli/main.js";
import { formatTimings } from "../../../src/cli/commands/smtp.js";
import { normalizeHostArgument } from "../../../src/cli/commands/ports.js";

/** Runs the CLI with stderr captured; bad input must end in exit code 3 before any network use. */
async function runCli(args: string[]): Promise<{ code: number; stderr: string }> {
  const write = process.stderr.write.bind(process.stderr);
  let stderr = "";
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(args), stderr };
  } finally {
    process.stderr.write = write;
    process.exitCode = undefined;
  }
}

describe("ports and smtp commands refuse bad input with exit 3", () => {
  it("rejects a bad port list", async () => {
    const r = await runCli(["ports", "127.0.0.1", "--ports", "25,abc"]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /--ports takes a list/);
  });

  it("rejects a host that is neither a name nor an address", async () => {
    assert.equal((await runCli(["ports", "not a host"])).code, 3);
    assert.equal((await runCli(["smtp", "mx.example.test:99999"])).code, 3);
  });

  it("rejects a relay-test recipient that is not an address and a bad EHLO name", async () => {
    assert.equal((await runCli(["smtp", "127.0.0.1", "--relay-test-rcpt", "nobody"])).code, 3);
    assert.equal((await runCli(["smtp", "127.0.0.1", "--ehlo", "bad name\r\nRCPT"])).code, 3);
  });

  it("normalises host arguments and formats phase timings", () => {
    assert.equal(normalizeHostArgument("[2001:db8::1]"), "2001:db8::1");
    assert.equal(normalizeHostArgument("MX.Example.TEST."), "mx.example.test");
    assert.equal(
      formatTimings({ address: "192.0.2.1", port: 25, phases: { connect: 1.5, banner: 2 } }),
      "  192.0.2.1:25  connect 1.5 ms · banner 2 ms",
    );
  });
});
