/**
 * `npm run bench`: every benchmark, each side by side with its reference tool on the same input.
 * Starts the lab when it is not running (root needed) and stops it again afterwards.
 * `npm run bench -- spf tls` runs only those. Results go to bench/out/results.json.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";

const ALL = ["dns-client", "dns-audit", "policy", "spf", "ports", "tls", "message", "logs"] as const;

function labRunning(): boolean {
  return spawnSync("bash", ["test/lab/status.sh"], { stdio: "ignore" }).status === 0;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const names = wanted.length ? wanted : [...ALL];
  let started = false;
  if (!labRunning()) {
    process.stderr.write("bench: starting the lab (test/lab/start.sh)\n");
    execFileSync("bash", ["test/lab/install.sh"], { stdio: "inherit" });
    execFileSync("bash", ["test/lab/start.sh"], { stdio: ["ignore", "ignore", "inherit"] });
    started = true;
  }
  const results: Record<string, unknown> = {};
  try {
    for (const name of names) {
      process.stdout.write(`\n=== bench: ${name}\n`);
      try {
        const mod = (await import(`./${name}.js`)) as { run: () => Promise<Record<string, unknown>> };
        results[name] = await mod.run();
      } catch (err) {
        results[name] = { error: err instanceof Error ? err.message : String(err) };
        process.stdout.write(`bench ${name} failed: ${String(err)}\n`);
      }
    }
  } finally {
    if (started) execFileSync("bash", ["test/lab/stop.sh"], { stdio: "ignore" });
  }
  mkdirSync("bench/out", { recursive: true });
  writeFileSync(
    "bench/out/results.json",
    JSON.stringify({ at: new Date().toISOString(), results }, null, 2) + "\n",
  );
  process.stdout.write("\nresults written to bench/out/results.json\n");
}

await main();
