#!/usr/bin/env bash
# How long each console page takes to render with a realistic history behind it (issue 15): a fresh platform
# (dev environment, fresh H2 database, reference policy active), filled with DECISIONS logged evaluations and
# AUDIT_ROWS audit rows (dry runs of a staged, unapproved version: each one is audited), then every page
# loaded LOADS times in a row by hey (one worker) with a console session cookie; per page the median, the
# fastest and the slowest load. Every page shows its main content from this one request (server-rendered;
# the review page's scenario run and dry run are buttons).
#
#   ./mvnw -B -q -pl admin-api -am package -DskipTests && drills/load/console-pages.sh
#
# Needs hey, curl and jq (Debian packages) and the jar admin-api/target/deleveraging-platform.jar. Bounded:
# the server is stopped by its PID at the end. Loopback only.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../drills.sh"
DECISIONS="${DECISIONS:-10000}"
AUDIT_ROWS="${AUDIT_ROWS:-1000}"
LOADS="${LOADS:-21}"
PORT="${PORT:-18095}"
HEAP="${HEAP:-1g}"
BASE="http://127.0.0.1:$PORT"

for tool in hey curl jq; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install -y $tool)" >&2; exit 2; }
done
require_jars "$JAR"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$JAVA" -Xmx"$HEAP" -Dmicronaut.environments=dev -Dmicronaut.server.port="$PORT" \
  -Ddeleveraging.data-dir="$work/data" -jar "$JAR" > "$work/server.log" 2>&1 &
server_pid=$!
await_health "$PORT" "$server_pid" "$work/server.log"
machine_line "$DECISIONS decisions, $AUDIT_ROWS audit rows"

basic() { printf 'Basic %s' "$(printf '%s:%s-dev-password' "$1" "$1" | base64 -w0)"; }

# The history: logged decisions (all of account acct-1), then a staged version dry-run AUDIT_ROWS times.
hey -n "$DECISIONS" -c 8 -m POST -T application/json -H "Authorization: $(basic trader)" \
  -D "$HERE/evaluation.json" "$BASE/api/v1/evaluations" > "$work/fill.txt"
grep -q '\[200\]' "$work/fill.txt" || { cat "$work/fill.txt" >&2; exit 1; }
curl -fs -X POST -H "Authorization: $(basic author)" -H 'Content-Type: application/json' \
  -d '{"comment": "console page drill", "baseVersion": 1, "changes": {"notes/drill.md": "console page drill\n"}}' \
  "$BASE/api/v1/rulesets/deleveraging/versions" | jq -e '.state == "VALIDATED"' >/dev/null
hey -n "$AUDIT_ROWS" -c 4 -m POST -T application/json -H "Authorization: $(basic author)" \
  -D "$HERE/evaluation.json" "$BASE/api/v1/rulesets/deleveraging/versions/2/dry-run" > "$work/audit.txt"
grep -q '\[200\]' "$work/audit.txt" || { cat "$work/audit.txt" >&2; exit 1; }
decision="$(curl -fs -H "Authorization: $(basic auditor)" "$BASE/api/v1/decisions?account=acct-1&size=1" \
  | jq -r '.decisions[0].decisionId')"

session() { # user -> the console session cookie's value, signed in through the form
  local jar="$work/$1.cookies" token
  token="$(curl -fs -c "$jar" "$BASE/console/login" | grep -o 'X-CSRF-Token&quot;: &quot;[A-Za-z0-9_-]*' | sed 's/.*&quot;//')"
  curl -fs -b "$jar" -c "$jar" -H "X-CSRF-Token: $token" -d "username=$1&password=$1-dev-password" \
    "$BASE/console/login" >/dev/null
  awk '$6 == "console-session" { print $7 }' "$jar"
}

measure() { # user path: "path median fastest slowest" in ms over LOADS loads
  local cookie="console-session=$(session "$1")"
  curl -fs -o /dev/null -H "Cookie: $cookie" "$BASE$2" # the page answers 200 before it is timed
  hey -n "$LOADS" -c 1 -H "Cookie: $cookie" -o csv "$BASE$2" > "$work/page.csv"
  tail -n +2 "$work/page.csv" | cut -d, -f1 | sort -n | awk -v page="$2" '
    { t[NR] = $1 * 1000 } END { printf "%-60s %8.1f %8.1f %8.1f\n", page, t[int((NR + 1) / 2)], t[1], t[NR] }'
}

printf '%-60s %8s %8s %8s\n' "page ($LOADS loads)" "median" "fastest" "slowest"
measure author "/console/rulesets"
measure author "/console/rulesets/deleveraging"
measure approver "/console/rulesets/deleveraging/versions/2"
measure author "/console/rulesets/deleveraging/versions/2/edit"
measure author "/console/replays"
measure auditor "/console/decisions?account=acct-1"
measure auditor "/console/decisions/$decision"
measure auditor "/console/audit"
