#!/usr/bin/env bash
# Fleet drill, long form: a private PostgreSQL on loopback (initdb into a temporary folder, PG_BIN or the
# newest /usr/lib/postgresql/*/bin; as root the server runs as user postgres), two platform processes
# from the jar sharing it, and FleetDrill: ROUNDS switches on node A (an activation, then rollbacks),
# each timed from A's response to node B's first decision stamped with the new version (target 1 s).
#
#   ./mvnw -B -q -pl drills -am package -DskipTests
#   drills/ops/fleet.sh                   # ROUNDS=10 PAUSE_MS=5000 PORT_A=18081 PORT_B=18082 PG_PORT=15432
#
# Bounded: TIMEOUT seconds for the drill (default 600); both platforms are stopped by PID and PostgreSQL
# with pg_ctl stop, and the folder removed. The short form is FleetPropagationIT (failsafe) in ./mvnw verify.
set -euo pipefail
source "$(dirname "$0")/../drills.sh"
ROUNDS="${ROUNDS:-10}"; PAUSE_MS="${PAUSE_MS:-5000}"; TIMEOUT="${TIMEOUT:-600}"
PORT_A="${PORT_A:-18081}"; PORT_B="${PORT_B:-18082}"; PG_PORT="${PG_PORT:-15432}"; HEAP="${HEAP:-768m}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$PG_BIN/pg_ctl" ] || { echo "no PostgreSQL binaries (set PG_BIN)" >&2; exit 2; }
require_jars "$JAR" "$DRILLS_JAR"

as_pg=()
work="$(mktemp -d)"
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); chown postgres:postgres "$work"; chmod 755 "$work"; fi
pids=()
pg_started=""
cleanup() {
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  if [ -n "$pg_started" ]; then "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

machine_line "$("$PG_BIN/postgres" --version)"
"${as_pg[@]}" "$PG_BIN/initdb" -D "$work/pg" -U platform --auth=trust -E UTF8 >/dev/null
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" \
  -o "-p $PG_PORT -k $work -c listen_addresses=127.0.0.1" start >/dev/null
pg_started=1
url="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"

start_node() { # port log data-dir (each node its own: the audit checkpoint file lives there, not in ./data)
  mkdir -p "$3"
  "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -Dmicronaut.environments=dev -Dmicronaut.server.host=127.0.0.1 \
    -Dmicronaut.server.port="$1" -Ddeleveraging.data-dir="$3" \
    -Ddatasources.default.url="$url" -Ddatasources.default.username=platform \
    -Ddatasources.default.password= -Ddatasources.default.driver-class-name=org.postgresql.Driver \
    -jar "$JAR" > "$2" 2>&1 &
  pids+=($!)
  await_health "$1" "${pids[-1]}" "$2"
}
start_node "$PORT_A" "$work/node-a.log" "$work/node-a"   # first: migrates and seeds
start_node "$PORT_B" "$work/node-b.log" "$work/node-b"
timeout "$TIMEOUT" "$JAVA" -cp "$DRILLS_JAR" com.deleverage.drills.FleetDrill \
  "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "$ROUNDS" "$PAUSE_MS"
