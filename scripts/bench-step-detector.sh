#!/usr/bin/env bash
# The step detector's cost: the CPU time of its sampling thread ("clock-step-detector", one sample
# a second) in the built exporter left idle, read from /proc/PID/task/TID/schedstat (nanoseconds
# on a CPU, wake-ups included), next to the whole process's CPU time over the same period.
#
#   bash scripts/bench-step-detector.sh            120 s, the shipped JVM flags (deploy/systemd)
#   SECONDS_MEASURED=600 bash scripts/bench-step-detector.sh
#
# Prints one table row for docs/performance.md. Needs target/clock-health-exporter.jar (mvn package).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

MEASURED=${SECONDS_MEASURED:-120}
JAR=target/clock-health-exporter.jar
[ -f "$JAR" ] || die "$JAR missing: run mvn package first"
# The unit's JVM flags, without the AppCDS archive path it installs under /opt.
JAVA_OPTS=$(sed -n 's/^JAVA_OPTS=//p' deploy/systemd/clock-health-exporter.env |
  sed 's/-XX:SharedArchiveFile=[^ ]*//; s/-Xshare:auto//')
LOG=$(mktemp)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
setpriv --bounding-set=-sys_time -- java $JAVA_OPTS -jar "$JAR" --web.listen-address=127.0.0.1:0 \
  --no-collector.chrony --no-collector.ntpd --no-collector.timesyncd >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; rm -f "$LOG"' EXIT

TID=""
for _ in $(seq 1 100); do
  for task in /proc/"$PID"/task/*; do
    # Thread names are cut to 15 bytes in comm.
    if [ "$(cat "$task/comm" 2>/dev/null)" = "clock-step-dete" ]; then TID=${task##*/}; fi
  done
  [ -n "$TID" ] && break
  sleep 0.1
done
[ -n "$TID" ] || die "no clock-step-detector thread in the exporter (log: $(cat "$LOG"))"
sleep 5 # past start-up and the first compilations

thread_ns() { cut -d' ' -f1 "/proc/$PID/task/$TID/schedstat"; }
process_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
TICK=$(getconf CLK_TCK)
T0=$(thread_ns)
P0=$(process_ticks)
sleep "$MEASURED"
T1=$(thread_ns)
P1=$(process_ticks)

awk -v t="$((T1 - T0))" -v p="$((P1 - P0))" -v s="$MEASURED" -v tick="$TICK" 'BEGIN {
  per_sample_us = t / s / 1000
  per_hour_ms = t / s * 3600 / 1e6
  proc_per_hour_ms = p / tick / s * 3600 * 1000
  printf "| step detector, idle exporter, %d s | %.1f us per sample | %.1f ms CPU per hour | whole idle process: %.0f ms CPU per hour |\n",
    s, per_sample_us, per_hour_ms, proc_per_hour_ms
}'
