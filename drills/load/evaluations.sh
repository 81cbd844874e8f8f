#!/usr/bin/env bash
# Load test of POST /api/v1/evaluations over loopback: the platform in one JVM, wrk in another process.
# Runs once per decision-log mode (default: group-commit, sync, off), each on a fresh H2 file database
# with the reference policy, and prints throughput and latency percentiles per mode.
#
#   drills/load/evaluations.sh                     # build the jar first: ./mvnw -pl drills -am package -DskipTests
#   MODES="group-commit off" DURATION=20s CONNECTIONS=16 THREADS=2 drills/load/evaluations.sh
#   JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/platform.jfr,settings=profile" MODES=group-commit drills/load/evaluations.sh
#   RATE=2000 MODES=group-commit DURATION=60s drills/load/evaluations.sh   # a fixed rate, measured with hey
#
# (hey's own -a option did not authenticate against the platform: the header is set explicitly.)
# wrk runs a closed loop: each connection sends its next request when the last is answered, so it always
# drives the platform to saturation. With RATE set, the measured phase runs hey (Debian: apt-get install -y
# hey) instead, CONNECTIONS workers each limited to RATE / CONNECTIONS requests per second: the latency at
# a given load rather than at saturation.
#
# Needs wrk (Debian: apt-get install -y wrk) and the jar admin-api/target/deleveraging-platform.jar.
# Bounded: each mode runs WARMUP + DURATION; the server is stopped by its PID afterwards. Loopback only.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../drills.sh"
MODES="${MODES:-group-commit sync off}"
DURATION="${DURATION:-20s}"
RATE="${RATE:-}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18080}"
HEAP="${HEAP:-1g}"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
[ -z "$RATE" ] || command -v hey >/dev/null || { echo "RATE needs hey (apt-get install -y hey)" >&2; exit 2; }
export BODY_FILE="$HERE/evaluation.json"
require_jars "$JAR"

server_pid=""
work=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$work" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

machine_line
echo "# wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a $WARMUP warm-up), single-account snapshot, HTTP Basic"
for mode in $MODES; do
  work="$(mktemp -d)"
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" ${JAVA_OPTS:-} -Dmicronaut.environments=dev \
    -Dmicronaut.server.host=127.0.0.1 -Dmicronaut.server.port="$PORT" \
    -Ddeleveraging.data-dir="$work" -Ddeleveraging.decision-log.mode="$mode" \
    -jar "$JAR" > "$work/server.log" 2>&1 &
  server_pid=$!
  await_health "$PORT" "$server_pid" "$work/server.log" 120
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/evaluations.lua" "http://127.0.0.1:$PORT/api/v1/evaluations" >/dev/null
  if [ -z "$RATE" ]; then
    result="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$HERE/evaluations.lua" "http://127.0.0.1:$PORT/api/v1/evaluations" | grep '^RESULT')"
  else
    result="$(hey -z "$DURATION" -c "$CONNECTIONS" -q "$((RATE / CONNECTIONS))" -m POST -T application/json \
        -H "Authorization: Basic $(printf 'trader:trader-dev-password' | base64)" -D "$BODY_FILE" "http://127.0.0.1:$PORT/api/v1/evaluations" | awk '
      /Total:/ { total = $2 } /Requests\/sec:/ { rps = $2 } /Slowest:/ { max = $2 * 1000 }
      /^ *50%/ { p50 = $3 * 1000 } /^ *90%/ { p90 = $3 * 1000 } /^ *99%/ { p99 = $3 * 1000 }
      /^ *\[[0-9]+\]/ { gsub(/[\[\]]/, "", $1); n += $2; if ($1 != "200") bad += $2 }
      /Error distribution/ { errors = 1 } errors && /^ *\[[0-9]+\]/ { socket += $1 }
      END { printf "RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d rate=%s\n",
            n, total, rps, p50, p90, p99, max, bad, socket, "'"$RATE"'" }')"
  fi
  logged="$(curl -fs -u auditor:auditor-dev-password "http://127.0.0.1:$PORT/api/v1/decisions?from=2000-01-01T00:00:00Z&size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')"
  batches="$(curl -fs -u operator:operator-dev-password "http://127.0.0.1:$PORT/prometheus" | awk '/^deleveraging_decision_log_batch_(count|sum) /{printf "%s=%s ", $1, $2}')"
  echo "mode=$mode ${result#RESULT } logged=${logged:-0} ${batches}"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
  rm -rf "$work"; work=""
done
