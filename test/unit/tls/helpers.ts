import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from "node:net";
import { createSecureContext, createServer as createTlsServer, TLSSocket, type TlsOptions } from "node:tls";

/** A fixture file's text (test/unit/tls/fixtures, made by make.sh). */
export function fx(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

/** A fixture certificate as base64 DER (what the evidence stores). */
export function derOf(name: string): string {
  return new X509Certificate(fx(name)).raw.toString("base64");
}

/** TLSA data computed by openssl when the fixtures were made. */
export const tlsaData = JSON.parse(fx("tlsa.json")) as Record<string, string>;

export interface TestServer {
  port: number;
  close(): Promise<void>;
  /** Connections accepted so far. */
  connections: number;
}

function listen(server: Server, sockets: Set<Socket>): Promise<TestServer> {
  const state = { connections: 0 };
  server.on("connection", (s: Socket) => {
    state.connections++;
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {});
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        port,
        get connections() {
          return state.connections;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** An implicit-TLS server on 127.0.0.1 with the given options (certificate chain, versions, ciphers). */
export function startTlsServer(options: TlsOptions): Promise<TestServer> {
  const server = createTlsServer(options, (s) => {
    s.on("error", () => {});
    s.end("hello\r\n");
  });
  server.on("tlsClientError", () => {});
  return listen(server, new Set());
}

/** A raw TCP server whose behaviour per connection is the test's. */
export function startRawServer(onSocket: (s: Socket) => void): Promise<TestServer> {
  return listen(
    createNetServer((s) => {
      s.on("error", () => {});
      onSocket(s);
    }),
    new Set(),
  );
}

/**
 * A minimal SMTP server: 220 greeting, EHLO with STARTTLS, 220 to STARTTLS, then TLS with `options`.
 * `script` can change the greeting or the capabilities.
 */
export function startSmtpServer(
  options: TlsOptions,
  script: { greeting?: string; capabilities?: string[] } = {},
): Promise<TestServer> {
  const context = createSecureContext(options);
  return startRawServer((s) => {
    s.write(`${script.greeting ?? "220 test.invalid ESMTP"}\r\n`);
    let buf = "";
    const onData = (d: Buffer) => {
      buf += d.toString("latin1");
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (/^EHLO/i.test(line)) {
          const caps = script.capabilities ?? ["PIPELINING", "STARTTLS"];
          s.write(
            ["test.invalid", ...caps]
              .map((c, i, all) => `250${i === all.length - 1 ? " " : "-"}${c}\r\n`)
              .join(""),
          );
        } else if (/^STARTTLS/i.test(line)) {
          s.off("data", onData);
          s.write("220 2.0.0 Ready to start TLS\r\n");
          const t = new TLSSocket(s, { isServer: true, secureContext: context });
          t.on("error", () => {});
          return;
        } else if (/^QUIT/i.test(line)) {
          s.end("221 bye\r\n");
        } else {
          s.write("502 5.5.2 unknown\r\n");
        }
      }
    };
    s.on("data", onData);
  });
}

/** The key and chain (PEM) of a fixture leaf, with its intermediate unless `chain` says otherwise. */
export function identity(leaf: string, chain: string[] = ["inter.crt"]): { key: string; cert: string } {
  return { key: fx(`${leaf}.key`), cert: [fx(`${leaf}.crt`), ...chain.map(fx)].join("") };
}
