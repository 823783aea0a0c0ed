#!/usr/bin/env bash
# The whole test suite: lint, types, build, then every unit and lab test in one Node test run.
# Installs the lab's Debian packages and starts the lab (real Knot, Unbound, Postfix, Dovecot, nginx on
# 127.0.0.x) when it is not already running, and stops it again afterwards if it started it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export LAB_RUN="${LAB_RUN:-/var/tmp/mxray-lab}"
export MXRAY_REQUIRE_LAB=1
# Guard: no test may ask the built-in public blocklists, even through the lab resolver.
export MXRAY_DNSBLS=bl.lab.test

[ -d node_modules ] || npm ci
echo "== lint and format"; npm run --silent lint
echo "== typecheck"; npm run --silent typecheck
echo "== build"; npm run --silent build

started_lab=0
if ! bash test/lab/status.sh >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { echo "test/run.sh: the lab needs root (apt-get, ports 25/53, unshare): run as root" >&2; exit 1; }
  echo "== lab: install"; bash test/lab/install.sh
  echo "== lab: start"; bash test/lab/start.sh >/tmp/mxray-lab-start.log 2>&1 || { cat /tmp/mxray-lab-start.log >&2; exit 1; }
  tail -n 1 /tmp/mxray-lab-start.log
  started_lab=1
fi
stop_lab() { if [ "$started_lab" = 1 ] && [ "${MXRAY_KEEP_LAB:-0}" != 1 ]; then bash test/lab/stop.sh >/dev/null || true; fi; }
trap stop_lab EXIT

echo "== tests"
# Node 20's --test takes no globs: list the files here.
mapfile -t files < <(find test/unit test/lab-tests -name '*.test.ts' | sort)
node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-4}" --test-timeout=300000 "${files[@]}"
