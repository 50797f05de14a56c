#!/usr/bin/env bash
# Fuzzes every parser target in turn (Jazzer allows one fuzz test per JVM in fuzzing mode).
#
#   bash scripts/fuzz-all.sh [DURATION]          e.g. 45s (default), 10m
#   TARGETS="ChronyParsersFuzzTest#tracking" bash scripts/fuzz-all.sh 5m
#
# A finding fails that target's run; Jazzer writes the input as
# src/test/resources/io/clockhealth/exporter/fuzz/<Class>Inputs/<method>/crash-<sha1>, where
# `mvn test` replays it from then on (keep it, commit it with the fix). The generated corpus
# grows in .cifuzz-corpus/ (not committed). Per-target logs and a summary (executions per target,
# findings) go to target/fuzz/.
set -uo pipefail
cd "$(dirname "$0")/.."
# log, die, the cache paths (scripts/lib.sh)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

DURATION=${1:-45s}
DEFAULT_TARGETS="
ChronyParsersFuzzTest#tracking ChronyParsersFuzzTest#sources ChronyParsersFuzzTest#sourceStats
ChronyParsersFuzzTest#serverStats ChronyParsersFuzzTest#ntpData ChronyParsersFuzzTest#authData
NtpqParsersFuzzTest#peers NtpqParsersFuzzTest#sysVars
TimedatectlParsersFuzzTest#showTimesync TimedatectlParsersFuzzTest#timesyncStatus
TimedatectlParsersFuzzTest#show TimedatectlParsersFuzzTest#status
TimedatectlParsersFuzzTest#systemdTimeSpan TimedatectlParsersFuzzTest#systemdTimestamp
FormatRegistryFuzzTest#autoDetect"
TARGETS=${TARGETS:-$DEFAULT_TARGETS}
OUT=target/fuzz
mkdir -p "$OUT"

# Compile once; each target then only runs surefire.
mvn -B -q -o test-compile -Dspotless.check.skip=true || mvn -B -q test-compile -Dspotless.check.skip=true || exit 1

summary=$OUT/summary.txt
: >"$summary"
total=0
failed=0
for t in $TARGETS; do
  log=$OUT/${t//#/.}.log
  echo "fuzz: $t for $DURATION (log $log)"
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION=$DURATION \
    mvn -B -q -o surefire:test -Dspotless.check.skip=true -Dtest="$t" \
    -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
  rc=$?
  runs=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  n=$(echo "$runs" | grep -oE '[0-9]+' | head -1)
  total=$((total + ${n:-0}))
  if [ "$rc" -ne 0 ]; then
    failed=$((failed + 1))
    echo "$t: FAILED (exit $rc) ${runs:-}" | tee -a "$summary"
    grep -E 'crash-[0-9a-f]+|== Java Exception|FuzzTestFinding' "$log" | head -5 | tee -a "$summary"
  else
    echo "$t: ok, ${runs:-no run count}" | tee -a "$summary"
  fi
done
echo "total: $total executions, $failed target(s) with findings" | tee -a "$summary"
[ "$failed" -eq 0 ]
