#!/usr/bin/env bash
# Exit 0 when every daemon recorded in the pids file is alive, 1 otherwise.
set -uo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lab.env"
[ -s "$PIDS_FILE" ] || { echo "lab: not running"; exit 1; }
while read -r name pid; do
  kill -0 "$pid" 2>/dev/null || { echo "lab: $name ($pid) is not running"; exit 1; }
done < "$PIDS_FILE"
echo "lab: running ($LAB_RUN)"
