#!/usr/bin/env bash
# Seconds from the README's run command to the first 200 from /health, on a fresh DATA_DIR and on a second
# start with the data kept. Usage: bench/startup.sh   (from the repository root; port 7071)
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
runs=0
measure() {
  local label=$1; shift
  local log="$data/run-$((++runs)).log"
  local start=$(date +%s.%N)
  ( "$@" > "$log" 2>&1 ) &
  local pid=$!
  until curl -fs http://127.0.0.1:7071/health >/dev/null 2>&1; do
    if ! kill -0 $pid 2>/dev/null; then echo "$label: the app exited; see below" >&2; cat "$log" >&2; exit 1; fi
    sleep 0.05
  done
  local end=$(date +%s.%N)
  printf '%-42s %6.1f s\n' "$label" "$(echo "$end - $start" | bc)"
  pkill -TERM -f "contest-app.jar serve" || true
  wait $pid 2>/dev/null || true
}
export PORT=7071 DATA_DIR="$data/data"
measure "run command, fresh DATA_DIR (warm ~/.m2)" bash -c 'mvn -B -q -DskipTests package && exec java -jar app/target/contest-app.jar serve'
measure "jar only, data kept from the first start" java -jar app/target/contest-app.jar serve
rm -rf "$DATA_DIR"
measure "jar only, fresh DATA_DIR" java -jar app/target/contest-app.jar serve
rm -rf "$data"
