# Sourced by the drills' scripts (ops/*.sh, load/evaluations.sh): the jars, the java that runs them, and
# waiting for a platform process to answer. JAR, DRILLS_JAR and JAVA_HOME may be set by the caller.
DRILLS_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="${JAR:-$DRILLS_HOME/../admin-api/target/deleveraging-platform.jar}"
DRILLS_JAR="${DRILLS_JAR:-$DRILLS_HOME/target/drills.jar}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

require_jars() { # file ...: exits 2 naming the build command when one is missing
  local file
  for file in "$@"; do
    [ -f "$file" ] || { echo "no $file: build it with ./mvnw -B -q -pl drills -am package -DskipTests" >&2; exit 2; }
  done
}

machine_line() { # what the figures were measured on, as the first line of a drill's output
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(uname -srm), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -1)${1:+, $1}"
}

await_health() { # port pid log [seconds, default 180]: 0 once GET /health answers, 1 if the process died or time ran out
  local _
  for _ in $(seq 1 "${4:-180}"); do
    curl -fs "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "the platform on port $1 failed to start:" >&2; tail -40 "$3" >&2; return 1; }
    sleep 1
  done
  echo "the platform on port $1 did not answer /health within ${4:-180} s" >&2
  return 1
}
