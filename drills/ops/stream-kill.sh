#!/usr/bin/env bash
# Stream kill drill, long form: the platform with its stream node as a child process, fed a steady stream of
# account and market events on a single-node Kafka broker (in the drill's JVM), killed with SIGKILL in the
# middle of ticks KILLS times (default 10) and restarted; then the decisions in force on the decision topic must
# equal POST /api/v1/evaluations on the book after every event, with no decision twice and one version on all.
# Prints each kill's time to healthy and to live (book rebuilt) and the events per second with the kills.
#
#   drills/ops/stream-kill.sh            # 10 kills
#   KILLS=3 SEED=7 drills/ops/stream-kill.sh
#
# It runs the drill's failsafe test (StreamNodeKillIT; the short form, 2 kills, is part of ./mvnw verify).
set -euo pipefail
cd "$(dirname "$0")/../.."
KILLS="${KILLS:-10}"
SEED="${SEED:-20251010}"
./mvnw -B -q -pl drills -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=StreamNodeKillIT -Ddrill.stream.kills="$KILLS" -Ddrill.seed="$SEED" -Dit.failIfNoSpecifiedTests=false
grep -h "STREAM KILL DRILL" drills/target/failsafe-reports/com.deleverage.drills.StreamNodeKillIT-output.txt
