#!/usr/bin/env bash
# Isolation of request classes under load (issue 12, item 9): evaluation latency at a fixed rate with nothing
# else running ("quiet") against the same rate while failed sign-ins and large stagings run beside it ("busy"),
# one after the other, RUNS times; each run starts a fresh platform process per jar (fresh H2 database, dev
# environment), jars interleaved so that the machine's other load falls on each alike.
#
#   ./mvnw -B -q -pl admin-api -am package -DskipTests && drills/load/isolation.sh
#   JARS="/tmp/before.jar admin-api/target/deleveraging-platform.jar" RUNS=3 drills/load/isolation.sh
#
# Evaluations: hey, CONNECTIONS workers, RATE requests per second in all, DURATION per phase (after WARMUP).
# Busy phases add, for the whole phase:
#   - SIGNIN_RATE HTTP Basic sign-ins per second with a wrong password (hey, 10 workers). The sign-in
#     throttle is raised for this run so that every one of them costs a bcrypt, as from a distributed guesser;
#     with the shipped limits a single address is answered 429 without bcrypt after 20 failures.
#   - STAGERS authors, each staging a new large version (the reference policy plus RULES generated rules,
#     large-version.sh) as soon as its last one is answered. A phase ends when their last stagings are.
# Each phase also probes GET /health once a second (worst time, failures) and rolls back once half-way
# (its status and time; in busy phases while the stagings compile). Needs hey, curl and jq (Debian packages).
# Bounded: every phase ends; servers are stopped by their PID. Loopback only.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
JARS="${JARS:-$HERE/../../admin-api/target/deleveraging-platform.jar}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-20}"
RATE="${RATE:-100}"
CONNECTIONS="${CONNECTIONS:-10}"
SIGNIN_RATE="${SIGNIN_RATE:-10}"
STAGERS="${STAGERS:-2}"
RULES="${RULES:-3000}"
PORT="${PORT:-18090}"
PHASES="${PHASES:-quiet busy}" # also: signins (the sign-ins alone), stagings (the stagings alone)
QUIET_LOAD="${QUIET_LOAD:-}" # when set, each run waits (up to 15 min) for the 1-minute load average to fall below it
HEAP="${HEAP:-1g}"
BASE="http://127.0.0.1:$PORT"

for tool in hey curl jq; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install -y $tool)" >&2; exit 2; }
done

server_pid=""
work="$(mktemp -d)"
background=()
cleanup() {
  for pid in ${background[@]+"${background[@]}"}; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

basic() { printf '%s' "$1" | base64; }
TRADER="Basic $(basic trader:trader-dev-password)"
WRONG="Basic $(basic author:not-the-password)"

start_server() {
  local jar="$1"
  mkdir -p "$work/data"; rm -rf "$work/data"/*
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" ${JAVA_OPTS:-} -Dmicronaut.environments=dev \
    -Dmicronaut.server.host=127.0.0.1 -Dmicronaut.server.port="$PORT" -Ddeleveraging.data-dir="$work/data" \
    -Ddeleveraging.security.sign-in.max-failures-per-user=100000000 \
    -Ddeleveraging.security.sign-in.max-failures-per-address=100000000 \
    -jar "$jar" > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 180); do
    curl -fs "$BASE/health" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "server failed to start:" >&2; tail -40 "$work/server.log" >&2; exit 1; }
    sleep 1
  done
  echo "server not healthy after 180 s" >&2; exit 1
}

stop_server() {
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

post() { # user:password path body-file -> "status seconds"
  curl -s -o "$work/last-response" -w '%{http_code} %{time_total}' -u "$1" -H 'Content-Type: application/json' \
    -X POST "$BASE$2" --data-binary @"$3"
}

# A new active version before each phase, so that each phase's rollback has a target (the version active before
# it) and does the same work: rollback is not a toggle, a version rolled back away from is no target.
make_rollback_target() {
  RULES=0 SALT="rollback-target-$1" "$HERE/large-version.sh" > "$work/small.json"
  post author:author-dev-password /api/v1/rulesets/deleveraging/versions "$work/small.json" >/dev/null
  local v; v="$(jq -r .version "$work/last-response")"
  echo '{}' > "$work/empty.json"
  post approver:approver-dev-password "/api/v1/rulesets/deleveraging/versions/$v/approve" "$work/empty.json" >/dev/null
  post operator:operator-dev-password "/api/v1/rulesets/deleveraging/versions/$v/activate" "$work/empty.json" >/dev/null
  echo '{"reason": "isolation load test"}' > "$work/rollback.json"
}

evaluations() { # seconds -> hey summary line
  hey -z "${1}s" -c "$CONNECTIONS" -q "$(awk -v r="$RATE" -v c="$CONNECTIONS" 'BEGIN { print r / c }')" -m POST -T application/json \
    -H "Authorization: $TRADER" -D "$HERE/evaluation.json" "$BASE/api/v1/evaluations" | awk '
    BEGIN { p50 = p90 = p99 = "n/a" } # hey leaves out a percentile it has too few answers for
    /Total:/ { total = $2 } /Requests\/sec:/ { rps = $2 } /Slowest:/ { max = $2 * 1000 }
    /^ *50%/ { p50 = sprintf("%.2f", $3 * 1000) } /^ *90%/ { p90 = sprintf("%.2f", $3 * 1000) }
    /^ *99%/ { p99 = sprintf("%.2f", $3 * 1000) }
    /Status code distribution/ { codes = 1 } /Error distribution/ { codes = 0; errors = 1 }
    codes && /^ *\[[0-9]+\]/ { gsub(/[\[\]]/, "", $1); n += $2; if ($1 != "200") bad += $2 }
    errors && /^ *\[[0-9]+\]/ { gsub(/[\[\]]/, "", $1); socket += $1 }
    END { printf "requests=%d rps=%.0f p50_ms=%s p90_ms=%s p99_ms=%s max_ms=%.1f non200=%d socket_errors=%d",
          n, rps, p50, p90, p99, max, bad, socket }'
}

health_probe() { # until the stop file exists: one GET /health a second -> "worst_ms failures"
  local worst=0 failures=0 line status ms
  while [ ! -f "$work/stop-health" ]; do
    line="$(curl -s -o /dev/null -m 60 -w '%{http_code} %{time_total}' "$BASE/health" || echo "000 60")"
    status="${line% *}"; ms="$(awk -v s="${line#* }" 'BEGIN { printf "%.0f", s * 1000 }')"
    [ "$status" = 200 ] || failures=$((failures + 1))
    [ "$ms" -le "$worst" ] || worst="$ms"
    sleep 1
  done
  echo "$worst $failures" > "$work/health-result"
}

stager() { # id run: stages new large versions back to back until the stop file exists
  local id="$1" run="$2" n=0
  while [ ! -f "$work/stop-staging" ]; do
    n=$((n + 1))
    RULES="$RULES" SALT="run-$run-stager-$id-$n-$RANDOM" "$HERE/large-version.sh" > "$work/stage-$id.json"
    echo "$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -u author:author-dev-password \
      -H 'Content-Type: application/json' -X POST "$BASE/api/v1/rulesets/deleveraging/versions" \
      --data-binary @"$work/stage-$id.json")" >> "$work/stagings"
  done
}

phase() { # jar run kind
  local jar="$1" run="$2" kind="$3" load result signins="" rollback="" stagings="" pids=() signin=""
  rm -f "$work/stop-health" "$work/stop-staging" "$work/health-result" "$work/stagings"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  health_probe & local probe=$!; background+=("$probe")
  case "$kind" in signins | busy)
    hey -z "$((DURATION + 60))s" -c 10 -q "$(awk -v r="$SIGNIN_RATE" 'BEGIN { print r / 10 }')" \
      -H "Authorization: $WRONG" "$BASE/api/v1/rulesets" \
      > "$work/signins" 2>&1 & signin=$!; background+=("$signin") ;;
  esac
  case "$kind" in stagings | busy)
    for id in $(seq 1 "$STAGERS"); do stager "$id" "$run" & pids+=($!); background+=($!); done
    sleep 5 ;; # the stagings' bodies are generated and sent; the first compile has begun
  esac
  ( sleep $((DURATION / 2)); post operator:operator-dev-password /api/v1/rulesets/deleveraging/rollback \
      "$work/rollback.json" > "$work/rollback-result" ) & local roller=$!
  result="$(evaluations "$DURATION")"
  wait "$roller"; rollback="rollback=$(tr ' ' '/' < "$work/rollback-result")s"
  if [ -n "$signin" ]; then
    kill -INT "$signin" 2>/dev/null || true; wait "$signin" 2>/dev/null || true
    signins="signins=$(awk '/^ *\[[0-9]+\]/ { gsub(/[\[\]]/, "", $1); printf "%s%s:%s", sep, $1, $2; sep = "," }' "$work/signins")"
  fi
  if [ ${#pids[@]} -gt 0 ]; then
    touch "$work/stop-staging"
    for pid in "${pids[@]}"; do wait "$pid"; done # their last stagings, compiled to the end
    stagings="stagings=$(awk '{ printf "%s%s/%.0fs", sep, $1, $2; sep = "," }' "$work/stagings")"
  fi
  touch "$work/stop-health"; wait "$probe"
  read -r hworst hfail < "$work/health-result"
  echo "RESULT jar=$(basename "$jar") run=$run phase=$kind load=$load $result health_worst_ms=$hworst health_failures=$hfail $rollback $signins $stagings"
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(uname -srm), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA" -version 2>&1 | head -1)"
echo "# evaluations: hey -c $CONNECTIONS at $RATE req/s for ${DURATION}s per phase after ${WARMUP}s warm-up; busy: $SIGNIN_RATE wrong-password sign-ins/s, $STAGERS authors staging $RULES-rule versions back to back"
wait_for_quiet() {
  [ -n "$QUIET_LOAD" ] || return 0
  for _ in $(seq 1 180); do
    awk -v q="$QUIET_LOAD" '{ exit !($1 < q) }' /proc/loadavg && return 0
    sleep 5
  done
}

for run in $(seq 1 "$RUNS"); do
  for jar in $JARS; do
    wait_for_quiet
    start_server "$jar"
    evaluations "$WARMUP" > /dev/null
    for kind in $PHASES; do
      make_rollback_target "$kind"
      phase "$jar" "$run" "$kind" | tee -a "$work/results"
    done
    stop_server
  done
done

# Per jar and phase: the median of the runs' p50 and p99 and their range (min-max).
awk '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    key = f["jar"] " " f["phase"]; n[key]++; p50[key, n[key]] = f["p50_ms"]; p99[key, n[key]] = f["p99_ms"]
    rps[key, n[key]] = f["rps"] }
  function med(a, key, k,   v, i, j, t) {
    for (i = 1; i <= k; i++) v[i] = a[key, i]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    lo = v[1]; hi = v[k]
    return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2 }
  END { for (key in n) {
          m50 = med(p50, key, n[key]); l50 = lo; h50 = hi; m99 = med(p99, key, n[key]); l99 = lo; h99 = hi
          printf "SUMMARY %s runs=%d p50_ms=%.1f (%.1f-%.1f) p99_ms=%.1f (%.1f-%.1f) rps=%.0f\n",
                 key, n[key], m50, l50, h50, m99, l99, h99, med(rps, key, n[key]) } }' "$work/results" | sort
