#!/usr/bin/env bash
# The crash campaign: kill -9 of apply and destroy at random moments, and of replaces of containers
# that publish ports at random moments and timed to the engine's create, start, rename and destroy
# events; after each, the next command must converge (CrashTrialsIT says what that means). The
# integration suite runs 2 trials of each kind; this runs as many as asked, seeded so that a
# failing trial can be run again.
#
#   bench/crash-trials.sh [TRIALS] [SEED]      defaults: 30 and the date
#
# Needs what bin/test needs (a running engine, the test image, Maven); builds Clockwork first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
trials="${1:-30}"
seed="${2:-$(date +%Y%m%d)}"
cd "$root"
mvn -q -B install -DskipTests -DskipITs
log="$(mktemp)"
if mvn -B verify -pl cli -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=CrashTrialsIT -Dclockwork.crash.trials="$trials" -Dclockwork.crash.seed="$seed" \
  >"$log" 2>&1; then
  grep -a "crash trials (seed" "$log"
else
  grep -a -E "crash trials|FAIL|Expect|expected|but" "$log" | head -40
  echo "crash-trials: a trial did not converge (seed $seed); the whole log: $log" >&2
  exit 1
fi
