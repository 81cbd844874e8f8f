#!/usr/bin/env bash
# Crash drill, long form: kill -9 the platform KILLS times (default 20) at random moments during
# evaluations, activations/rollbacks and audited refusals; after each restart check that it serves the
# version the database records, GET /api/v1/audit/verify is valid, and every acknowledged decision is in
# the log. The platform runs from the jar on loopback (dev environment, H2 file database in a fresh
# folder unless DATA_DIR is set); extra platform options as -D arguments, e.g. a PostgreSQL URL:
#
#   ./mvnw -B -q -pl drills -am package -DskipTests
#   drills/ops/crash.sh                                  # 20 kills, H2
#   KILLS=5 drills/ops/crash.sh -Ddatasources.default.url=jdbc:postgresql://127.0.0.1:5432/x \
#       -Ddatasources.default.username=platform
#
# Bounded: TIMEOUT seconds (default 1800) for the whole drill; the drill stops its platform process by
# PID (SIGKILL in the drill, SIGTERM at the end) and the shutdown hook kills it if the drill is stopped.
# Exits 0 when every check passed. The short form (2 kills) is CrashConsistencyIT (failsafe) in ./mvnw verify.
set -euo pipefail
source "$(dirname "$0")/../drills.sh"
KILLS="${KILLS:-20}"
PORT="${PORT:-18090}"
TIMEOUT="${TIMEOUT:-1800}"
require_jars "$JAR" "$DRILLS_JAR"
args=(--jar "$JAR" --kills "$KILLS" --port "$PORT")
[ -n "${DATA_DIR:-}" ] && args+=(--data-dir "$DATA_DIR")
[ -n "${SEED:-}" ] && args+=(--seed "$SEED")
machine_line
exec timeout --signal=TERM "$TIMEOUT" "$JAVA" -cp "$DRILLS_JAR" com.deleverage.drills.CrashDrill "${args[@]}" "$@"
