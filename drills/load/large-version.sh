#!/usr/bin/env bash
# Prints a stage request (JSON) for a large version: the reference policy's files (rules/deleveraging) plus
# RULES generated watch-list rules in generated-watch-list.drl. Each generated rule joins a market by symbol
# and tests its mark price, like PolicyOps.withGeneratedRules; they match only markets WATCH-<n>, which no
# snapshot holds, so the version behaves like the reference policy and compiles for seconds. SALT changes the
# content (a new version each time; the same content would be answered from the stored version at once).
#
#   RULES=3000 SALT=run-1 drills/load/large-version.sh > /tmp/stage.json
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
POLICY="${POLICY:-$HERE/../../rules/deleveraging}"
RULES="${RULES:-3000}"
SALT="${SALT:-$(date +%s%N)}"

command -v jq >/dev/null || { echo "jq is not installed (apt-get install -y jq)" >&2; exit 2; }

generated="$(mktemp)"
trap 'rm -f "$generated"' EXIT
{
  printf '// GENERATED (large-version.sh, %s): %d watch-list rules that match no real snapshot.\n' "$SALT" "$RULES"
  printf 'package deleveraging;\n\nimport com.deleverage.engine.model.Market;\n\n'
  printf 'declare WatchListHit\n    symbol : String\n    rule : int\nend\n\n'
  for i in $(seq 1 "$RULES"); do
    printf 'rule "Watch list %d: WATCH-%04d mark price above %d"\nwhen\n    $m : Market( symbol == "WATCH-%04d", markPrice > %d )\nthen\n    insert(new WatchListHit($m.symbol(), %d));\nend\n\n' \
      "$i" "$i" "$((1000 + i))" "$i" "$((1000 + i))" "$i"
  done
} > "$generated"

# Every file of the policy folder, keyed by its path relative to the folder, plus the generated file.
(cd "$POLICY" && find . -type f \( -name '*.drl' -o -name '*.yaml' -o -name '*.yml' \) | sed 's|^\./||' | sort) |
  while IFS= read -r path; do
    jq -n --arg path "$path" --rawfile text "$POLICY/$path" '{($path): $text}'
  done |
  jq -s --rawfile generated "$generated" --arg comment "large version ($RULES generated rules, $SALT)" \
    '{comment: $comment, files: (add + {"generated-watch-list.drl": $generated})}'
