import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { after, describe, it } from "node:test";
import { identity, startSmtpServer, startTlsServer, type TestServer } from "./helpers.js";

const servers: TestServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

const rootFile = fileURLToPath(new URL("./fixtures/root.crt", import.meta.url));

/** Runs the CLI in a child process (async: the test's own servers must keep answering meanwhile). */
function mxray(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === "number" ? error.code : 0;
        resolve({ code, out: stdout, err: stderr });
      },
    );
  });
}

interface JsonReport {
  command: string;
  findings: { id: string; severity: string; summary: string }[];
  evidence: {
    tls: {
      endpoints: { port: number; scan: { depth: string; versions: { version: string; state: string }[] } }[];
    };
  };
}

describe("mxray tls", () => {
  it("scans an implicit-TLS endpoint by IP and prints one JSON document with findings and evidence", async () => {
    const srv = await startTlsServer({
      ...identity("mx.fixture.test"),
      maxVersion: "TLSv1.2",
      ciphers: "ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA",
    });
    servers.push(srv);
    const r = await mxray(
      "tls",
      `127.0.0.1:${srv.port}`,
      "--json",
      "--resolver",
      "127.0.0.1:1",
      "--ca",
      rootFile,
    );
    const doc = JSON.parse(r.out) as JsonReport;
    assert.equal(doc.command, "tls");
    const ids = doc.findings.map((f) => `${f.id}:${f.severity}`);
    assert.ok(ids.includes("tls.handshake.ok:ok"));
    assert.ok(ids.includes("tls.cipher.insufficient:error"), ids.join(" "));
    const ep = doc.evidence.tls.endpoints[0];
    assert.equal(ep?.scan.depth, "full");
    assert.deepEqual(Object.fromEntries(ep?.scan.versions.map((v) => [v.version, v.state]) ?? []), {
      TLSv1: "rejected",
      "TLSv1.1": "rejected",
      "TLSv1.2": "accepted",
      "TLSv1.3": "rejected",
    });
    assert.equal(r.code, 2);
  });

  it("speaks STARTTLS when asked, and --quick makes one handshake", async () => {
    const srv = await startSmtpServer(identity("mx.fixture.test"));
    servers.push(srv);
    const r = await mxray(
      "tls",
      `127.0.0.1:${srv.port}`,
      "--starttls",
      "smtp",
      "--quick",
      "--json",
      "--resolver",
      "127.0.0.1:1",
      "--ca",
      rootFile,
    );
    const doc = JSON.parse(r.out) as JsonReport;
    assert.equal(doc.evidence.tls.endpoints[0]?.scan.depth, "single");
    assert.ok(doc.findings.some((f) => f.id === "tls.handshake.ok"));
    assert.equal(srv.connections, 1);
  });

  it("prints the findings in Chinese with --lang zh-CN", async () => {
    const srv = await startTlsServer(identity("mx.fixture.test"));
    servers.push(srv);
    const r = await mxray(
      "tls",
      `127.0.0.1:${srv.port}`,
      "--quick",
      "--lang",
      "zh-CN",
      "--no-color",
      "--resolver",
      "127.0.0.1:1",
      "--ca",
      rootFile,
    );
    assert.match(r.out, /TLS 正常/);
  });

  it("exits 3 on a bad target, a bad --starttls or an unreadable --ca", async () => {
    assert.equal((await mxray("tls", "host:notaport", "--resolver", "127.0.0.1:1")).code, 3);
    assert.equal(
      (await mxray("tls", "127.0.0.1:25", "--starttls", "ftp", "--resolver", "127.0.0.1:1")).code,
      3,
    );
    const r = await mxray("tls", "127.0.0.1:25", "--ca", "/nonexistent/ca.pem", "--resolver", "127.0.0.1:1");
    assert.equal(r.code, 3);
    assert.match(r.err, /--ca \/nonexistent\/ca.pem/);
  });
});
