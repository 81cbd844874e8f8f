#!/usr/bin/env bash
# Three-node drill, long form: three platforms in staged mode (account stage + market stage each) as child
# processes sharing 6 account partitions and 3 hand-over partitions of a single-node Kafka broker (in the drill's
# JVM), fed ROUNDS rounds (default 30) of 40 account events and 4 mark moves; node 3 is killed with SIGKILL in the
# middle of the third round's ticks and stays down. The decisions in force on the topic must equal
# POST /api/v1/evaluations on the book after every event and a single node's decisions on the same stream, with no
# decision twice and one version on all. Prints the takeover time, events/s and event-to-decision p50/p99.
#
#   drills/ops/staged-kill.sh              # 30 rounds
#   ROUNDS=60 SEED=7 drills/ops/staged-kill.sh
#
# It runs the drill's failsafe test (StagedNodesKillIT; the short form, 9 rounds, is part of ./mvnw verify).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${ROUNDS:-30}"
SEED="${SEED:-20251010}"
./mvnw -B -q -pl drills -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=StagedNodesKillIT -Ddrill.staged.rounds="$ROUNDS" -Ddrill.seed="$SEED" -Dit.failIfNoSpecifiedTests=false
grep -h "STAGED DRILL" drills/target/failsafe-reports/com.deleverage.drills.StagedNodesKillIT-output.txt
