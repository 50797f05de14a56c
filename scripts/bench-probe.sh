#!/usr/bin/env bash
# The cost of /probe against a real chronyd on loopback, side by side with ntpsec's own SNTP
# client (ntpdig) asking the same server.
#
#   bash scripts/bench-probe.sh                (root on Debian 12; ~1 minute)
#   DURATION=20s bash scripts/bench-probe.sh   longer wrk runs (default 10s each)
#
# Measures, for wrk at 1 connection (every request one probe) and at 10 connections (concurrent
# requests for one server share one flight): HTTP requests/s and p50/p99 latency; the NTP
# requests chronyd really received (its serverstats), hence probes/s; the exporter's CPU per
# probe (utime+stime from /proc) and its RSS. Then 50 ntpdig runs against the same server: the
# wall time and CPU of one SNTP query as a process. Writes target/bench/probe-results.md.
#
# Safety: chronyd runs with -x (never touches the clock) under setpriv --bounding-set=-sys_time
# (checked in /proc) on 127.0.0.211, NTP's own UDP port 123 (ntpdig asks no other), and a private
# unix socket; ntpdig runs under the same
# setpriv and without -s/-S, so it only prints; all load is on loopback and bounded in time;
# everything started here is stopped by PID on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
NTPDIG_RUNS=${NTPDIG_RUNS:-50}
# log, die, apt_install, CACHE_X, CHRONYD, CHRONYC, start_chronyd, PIDS, stop_started,
# build_exporter_jar, cpu_ticks, status_kib
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
OUT=target/bench
WORK=$OUT/probe
RESULTS=$OUT/probe-results.md
# This script's loopback range is LoopbackRanges.BENCH_PROBE_SH in
# src/test/java/io/clockhealth/exporter/testing/LoopbackRanges.java: 127.0.0.211-219, ports
# 12311-12319 (LoopbackRangesTest checks these two lines against it).
SERVER_ADDR=127.0.0.211
EXPORTER_PORT=12312

command -v wrk >/dev/null || apt_install wrk || die "cannot install wrk"
[ -x "$CHRONYD" ] && [ -x "$CACHE_X/ntpsec-ntpdig/usr/bin/ntpdig" ] || bash scripts/fetch-test-daemons.sh
NTPDIG=$CACHE_X/ntpsec-ntpdig/usr/bin/ntpdig
PYTHON_NTP=$CACHE_X/python3-ntp/usr/lib/python3/dist-packages
[ -x "$NTPDIG" ] && [ -d "$PYTHON_NTP" ] || die "ntpdig or its python3-ntp missing under $CACHE_X"

# The JVM flags the systemd unit (JAVA_OPTS) and the Dockerfile run the exporter with.
JAVA_OPTS=$(sed -n 's/^JAVA_OPTS=//p' deploy/systemd/clock-health-exporter.env)
build_exporter_jar

trap stop_started EXIT

rm -rf "$WORK"
mkdir -p "$WORK/server"
chmod 700 "$WORK/server"
SOCK=$PWD/$WORK/server/chronyd.sock
printf '%s\n' "local stratum 10" "allow 127.0.0.0/8" "bindaddress $SERVER_ADDR" \
  "port 123" "cmdport 0" "bindcmdaddress $SOCK" "pidfile $PWD/$WORK/server/chronyd.pid" \
  >"$WORK/server/chrony.conf"
log "starting chronyd ($SERVER_ADDR:123)"
start_chronyd "$PWD/$WORK/server/chrony.conf" "$PWD/$WORK/server/chronyd.log" "$SOCK"
SERVER_PID=$CHRONYD_PID

ntp_requests() {
  "$CHRONYC" -h "$SOCK" -c serverstats | awk -F, 'NR == 1 { print $1 }'
}

java $JAVA_OPTS -jar "$JAR" --web.listen-address=127.0.0.1:$EXPORTER_PORT \
  --no-collector.chrony --no-collector.ntpd --no-collector.timesyncd >"$WORK/exporter.log" 2>&1 &
EXPORTER_PID=$!
PIDS+=("$EXPORTER_PID")
URL="http://127.0.0.1:$EXPORTER_PORT/probe?target=$SERVER_ADDR&module=ntp"
for _ in $(seq 3000); do
  curl -fsS --max-time 2 "$URL" 2>/dev/null | grep -q '^clock_probe_success 1' && break
  kill -0 "$EXPORTER_PID" 2>/dev/null || die "exporter exited: $(tail -5 "$WORK/exporter.log")"
  sleep 0.01
done
page=$(curl -fsS "$URL") || die "the exporter did not answer $URL"
grep -q '^clock_probe_success 1' <<<"$page" || die "no successful probe: $page"
TICK=$(getconf CLK_TCK)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

: >"$WORK/rows.tsv"
for c in 1 10; do
  log "wrk /probe c=$c"
  cpu_before=$(cpu_ticks "$EXPORTER_PID" | cut -d' ' -f1)
  server_before=$(cpu_ticks "$SERVER_PID" | cut -d' ' -f1)
  ntp_before=$(ntp_requests)
  out=$(wrk -t"$((c < 2 ? 1 : 2))" -c"$c" -d"$DURATION" --timeout 5s --latency "$URL")
  ntp_after=$(ntp_requests)
  cpu_after=$(cpu_ticks "$EXPORTER_PID" | cut -d' ' -f1)
  server_after=$(cpu_ticks "$SERVER_PID" | cut -d' ' -f1)
  printf '%s\n' "$out" >"$WORK/wrk-c$c.txt"
  python3 - "$c" "$((ntp_after - ntp_before))" "$((cpu_after - cpu_before))" \
    "$((server_after - server_before))" "$TICK" "$DURATION" "$(status_kib "$EXPORTER_PID" VmRSS)" \
    "$out" >>"$WORK/rows.tsv" <<'PY'
import re, sys
c, probes, cpu, server_cpu, tick, duration, rss, out = sys.argv[1:9]
seconds = float(duration.rstrip("s"))
def ms(v):
    n, u = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[u]
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
reqs = int(re.search(r"(\d+) requests in", out).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
probes = int(probes)
per = lambda ticks: int(ticks) / float(tick) / max(probes, 1) * 1000.0
print("\t".join([c, f"{reqs / seconds:.0f}", f"{ms(lat['50']):.2f}", f"{ms(lat['99']):.2f}",
                 str(reqs), non2xx.group(1) if non2xx else "0", f"{probes / seconds:.0f}",
                 f"{per(cpu):.3f}", f"{per(server_cpu):.3f}", f"{int(rss) / 1024:.1f}"]))
PY
done
# Not `curl | grep -q`: with pipefail, grep's early exit can fail curl with a write error.
page=$(curl -fsS "$URL") || die "exporter unreachable after the load"
grep -q '^clock_probe_success 1' <<<"$page" || die "exporter unhealthy after the load"
grep -hE ' (WARN|ERROR) ' "$WORK/exporter.log" >"$WORK/exporter-warnings.txt" || true

log "ntpdig x$NTPDIG_RUNS"
# Wall time per run (date around each), CPU per run (bash's times for its children).
NTPDIG_CMD="setpriv --bounding-set=-sys_time -- env PYTHONPATH=$PYTHON_NTP python3 $NTPDIG -j -t 2 $SERVER_ADDR"
NTPDIG_CPU=$(bash -c "for i in \$(seq $NTPDIG_RUNS); do t0=\$(date +%s%N); $NTPDIG_CMD >/dev/null ||
  echo FAIL >&2; echo \$(((\$(date +%s%N) - t0) / 1000)) >>$WORK/ntpdig-us.txt; done; times" |
  awk -v n="$NTPDIG_RUNS" 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/)
  printf "%.1f", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) / n * 1000 }')
ntp_requests >/dev/null

MACHINE="$(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)),\
 kernel $(uname -r), $(java -version 2>&1 | head -1), chrony $("$CHRONYD" --version |
  awk '{ print $4 }'), wrk $(wrk -v 2>&1 | awk 'NR == 1 { print $2 }').\
 Load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
export MACHINE JAVA_OPTS DURATION NTPDIG_CPU
python3 - "$WORK/rows.tsv" "$WORK/ntpdig-us.txt" >"$RESULTS" <<'PY'
import datetime, os, statistics, sys
e = os.environ
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
dig = sorted(int(x) / 1000 for x in open(sys.argv[2]) if x.strip())
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
print(f"### Results of one run ({now})")
print()
print(f"Machine: {e['MACHINE']}. Exporter JVM flags: `{e['JAVA_OPTS']}`; wrk {e['DURATION']} per"
      " run against `/probe?target=<chronyd>&module=ntp` (one sample, NTPv4) on 127.0.0.1.")
print()
print("| conns | requests/s | p50 ms | p99 ms | requests | non-2xx | probes/s (NTP requests"
      " chronyd received) | exporter CPU ms/probe | chronyd CPU ms/probe | exporter RSS MiB |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    print("| " + " | ".join(r) + " |")
print()
print(f"ntpdig (ntpsec's SNTP client, Python), the same query as one process per probe:"
      f" median {statistics.median(dig):.0f} ms wall per run, {e['NTPDIG_CPU']} ms CPU per run"
      f" ({len(dig)} runs).")
PY
echo >>"$RESULTS"
echo "WARN/ERROR lines in the exporter log: $(wc -l <"$WORK/exporter-warnings.txt")" >>"$RESULTS"
cat "$RESULTS"
