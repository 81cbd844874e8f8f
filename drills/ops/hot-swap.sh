#!/usr/bin/env bash
# Hot swap under load, long form: the platform jar (dev environment, fresh H2 file database, reference
# policy) on loopback; HotSwapDrill stages and approves a generated RULES-rule version (default 500: the
# reference policy plus generated watch-list rules, validated like any version: lint, compile,
# scenarios), runs CLIENTS concurrent HTTP clients of POST /api/v1/evaluations that check every
# response (200, decisionId, exactly one known version with its own hash), measures STEADY seconds
# without swaps, then SWAPS activations/rollbacks (default 20, PAUSE_MS apart) under the same load, and prints failures,
# bad stamps, responses per version and p50/p90/p99 of steady-before, swapping and steady-after (the
# ratio compares swapping with steady-after, which the JIT has warmed as much).
#
#   ./mvnw -B -q -pl drills -am package -DskipTests
#   drills/ops/hot-swap.sh                # SWAPS=20 RULES=500 CLIENTS=8 STEADY=20 PAUSE_MS=1000 PORT=18085 HEAP=1g
#
# Bounded: TIMEOUT seconds (default 900); the server is stopped by its PID. The short form (4 swaps of
# a 120-rule version, 4 clients) is HotSwapUnderLoadIT (failsafe) in ./mvnw verify.
set -euo pipefail
source "$(dirname "$0")/../drills.sh"
SWAPS="${SWAPS:-20}"; RULES="${RULES:-500}"; CLIENTS="${CLIENTS:-8}"; STEADY="${STEADY:-20}"; PAUSE_MS="${PAUSE_MS:-1000}"
PORT="${PORT:-18085}"; HEAP="${HEAP:-1g}"; TIMEOUT="${TIMEOUT:-900}"
require_jars "$JAR" "$DRILLS_JAR"

server_pid=""
work="$(mktemp -d)"
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

machine_line
"$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -Dmicronaut.environments=dev -Dmicronaut.server.host=127.0.0.1 \
  -Dmicronaut.server.port="$PORT" -Ddeleveraging.data-dir="$work" -jar "$JAR" > "$work/server.log" 2>&1 &
server_pid=$!
await_health "$PORT" "$server_pid" "$work/server.log"
timeout "$TIMEOUT" "$JAVA" -cp "$DRILLS_JAR" com.deleverage.drills.HotSwapDrill "http://127.0.0.1:$PORT" \
  "$SWAPS" "$RULES" "$CLIENTS" "$STEADY" "$PAUSE_MS"
