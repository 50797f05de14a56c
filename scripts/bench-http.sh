#!/usr/bin/env bash
# HTTP load on loopback, side by side: the exporter watching a real chronyd, node_exporter (its
# timex and time collectors only), and the raw chronyc commands a scrape runs.
#
#   bash scripts/bench-http.sh                 (root on Debian 12; ~4 minutes)
#   DURATION=20s bash scripts/bench-http.sh    longer wrk runs (default 10s each)
#
# Measures: time from exporter start to its first good scrape (5 starts); wrk at 1, 10 and 100
# connections against each target (scrapes/s, p50/p99 latency); the exporter also with
# --collector.min-interval=1s (labelled); the one chronyc call of a scrape (all its reports)
# (hyperfine, or a timed loop without it); RSS (VmRSS/VmHWM) and CPU per scrape from /proc.
# Writes target/bench/http-results.md (and prints it).
#
# Safety: chronyd runs with -x (never touches the clock) under setpriv --bounding-set=-sys_time
# (checked in /proc), on 127.0.0.201/UDP 12301 and a private unix socket; node_exporter is the
# unpacked Debian binary run directly on 127.0.0.1 (never installed as a service); all load is on
# loopback, bounded in time, and everything started here is stopped by PID on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
STARTS=${STARTS:-5}
# log, die, apt_install, CACHE, CHRONYD, CHRONYC, start_chronyd, PIDS, stop_started,
# build_exporter_jar, cpu_ticks, status_kib
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
OUT=target/bench
WORK=$OUT/http
RESULTS=$OUT/http-results.md
# This script's loopback range is LoopbackRanges.BENCH_HTTP_SH in
# src/test/java/io/clockhealth/exporter/testing/LoopbackRanges.java: 127.0.0.201-209, ports
# 12301-12309 (LoopbackRangesTest checks these four lines against it).
SERVER_ADDR=127.0.0.201
SERVER_PORT=12301
EXPORTER_PORT=12302
NODE_PORT=12303

# ---- tools ---------------------------------------------------------------------------------
command -v wrk >/dev/null || apt_install wrk || die "cannot install wrk"
command -v hyperfine >/dev/null || apt_install hyperfine || log "no hyperfine: timing a loop instead"

# node_exporter: the Debian package's binary, unpacked (never installed: its maintainer scripts
# would enable a service), unless one is on PATH already; either way run directly below.
NODE_EXPORTER=$(command -v prometheus-node-exporter || true)
if [ -z "$NODE_EXPORTER" ]; then
  NODE_EXPORTER=$CACHE/x/prometheus-node-exporter/usr/bin/prometheus-node-exporter
  if [ ! -x "$NODE_EXPORTER" ]; then
    mkdir -p "$CACHE/debs"
    (cd "$CACHE/debs" && { apt-get download prometheus-node-exporter >&2 ||
      { apt-get update -qq >&2 && apt-get download prometheus-node-exporter >&2; }; })
    rm -rf "$CACHE/x/prometheus-node-exporter"
    dpkg-deb -x "$(ls -t "$CACHE"/debs/prometheus-node-exporter_*.deb | head -1)" \
      "$CACHE/x/prometheus-node-exporter"
  fi
fi
[ -x "$NODE_EXPORTER" ] || die "no node_exporter binary at $NODE_EXPORTER"

[ -x "$CHRONYD" ] || bash scripts/fetch-test-daemons.sh
[ -x "$CHRONYD" ] && [ -x "$CHRONYC" ] || die "chronyd/chronyc missing under $CACHE/x/chrony"

# The JVM flags the systemd unit (JAVA_OPTS) and the Dockerfile run the exporter with.
JAVA_OPTS="-XX:+UseSerialGC -Xms8m -Xmx48m -XX:MaxMetaspaceSize=48m -XX:ReservedCodeCacheSize=16m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xss256k -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError"
if [ -f deploy/systemd/clock-health-exporter.env ]; then
  JAVA_OPTS=$(sed -n 's/^JAVA_OPTS=//p' deploy/systemd/clock-health-exporter.env)
fi

build_exporter_jar

# ---- processes started here (PIDS), stopped by PID on exit ----------------------------------
trap stop_started EXIT

rm -rf "$WORK"
mkdir -p "$WORK/server" "$WORK/client"
chmod 700 "$WORK/server" "$WORK/client"
SOCK=$PWD/$WORK/client/chronyd.sock

# chronyd_in NAME CONFIG-LINES... : lib.sh's start_chronyd (-x, setpriv, CapBnd checked) in
# $WORK/NAME, with a command socket there.
chronyd_in() {
  local name=$1
  shift
  local dir=$PWD/$WORK/$name
  printf '%s\n' "$@" "cmdport 0" "bindcmdaddress $dir/chronyd.sock" "pidfile $dir/chronyd.pid" \
    >"$dir/chrony.conf"
  start_chronyd "$dir/chrony.conf" "$dir/chronyd.log" "$dir/chronyd.sock"
}

log "starting chronyd (server $SERVER_ADDR:$SERVER_PORT, client on a unix socket)"
chronyd_in server "local stratum 10" "allow 127.0.0.0/8" "bindaddress $SERVER_ADDR" \
  "port $SERVER_PORT"
chronyd_in client "server $SERVER_ADDR port $SERVER_PORT iburst minpoll -2 maxpoll 0" "port 0"
for i in $(seq 100); do
  "$CHRONYC" -h "$SOCK" -n -c sources 2>/dev/null | grep -q '^\^,\*' && break
  sleep 0.1
done
"$CHRONYC" -h "$SOCK" -n -c sources | grep -q '^\^,\*' || die "the client chronyd did not synchronise"

EXPORTER_ARGS=(--web.listen-address=127.0.0.1:$EXPORTER_PORT --collector.chrony
  "--collector.chrony.path=$CHRONYC" "--collector.chrony.args=-h $SOCK"
  --no-collector.ntpd --no-collector.timesyncd)
GOOD='clock_scrape_collector_success{collector="chrony"} 1'
EXPORTER_URL=http://127.0.0.1:$EXPORTER_PORT/metrics
NODE_URL=http://127.0.0.1:$NODE_PORT/metrics

now_ns() { date +%s%N; }

# start_exporter LOG [EXTRA ARGS...] : sets EXPORTER_PID and STARTUP_MS (start to first good scrape).
start_exporter() {
  local logf=$1
  shift
  local t0
  t0=$(now_ns)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  java $JAVA_OPTS -jar "$JAR" "${EXPORTER_ARGS[@]}" "$@" >"$logf" 2>&1 &
  EXPORTER_PID=$!
  PIDS+=("$EXPORTER_PID")
  local i
  for i in $(seq 3000); do
    if curl -fsS --max-time 2 "$EXPORTER_URL" 2>/dev/null | grep -qF "$GOOD"; then
      STARTUP_MS=$((($(now_ns) - t0) / 1000000))
      return 0
    fi
    kill -0 "$EXPORTER_PID" 2>/dev/null || die "exporter exited: $(tail -5 "$logf")"
    sleep 0.01
  done
  die "no good scrape within 30 s: $(tail -5 "$logf")"
}

stop_pid() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

TICK=$(getconf CLK_TCK)

# run_wrk NAME URL CONNECTIONS PID : one wrk run; appends a row to $WORK/rows.tsv.
run_wrk() {
  local name=$1 url=$2 c=$3 pid=$4
  local threads=$((c < 2 ? 1 : 2))
  local before after out
  before=$(cpu_ticks "$pid")
  out=$(wrk -t"$threads" -c"$c" -d"$DURATION" --timeout 5s --latency "$url")
  after=$(cpu_ticks "$pid")
  printf '%s\n' "$out" >"$WORK/wrk-$name-c$c.txt"
  python3 - "$name" "$c" "$before" "$after" "$TICK" "$(status_kib "$pid" VmRSS)" \
    "$(status_kib "$pid" VmHWM)" <<'PY' "$out" >>"$WORK/rows.tsv"
import re, sys
name, c, before, after, tick, rss, hwm = sys.argv[1:8]
out = sys.argv[8]
def ms(v):
    n, u = re.match(r"([\d.]+)(us|ms|s|m)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[u]
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
reqs = int(re.search(r"(\d+) requests in", out).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
errors = re.search(r"Socket errors: (.*)", out)
b, bc = map(float, before.split()); a, ac = map(float, after.split())
cpu = (a - b) / float(tick) / max(reqs, 1) * 1000.0
cpuc = (ac - bc) / float(tick) / max(reqs, 1) * 1000.0
print("\t".join([name, c, f"{rps:.0f}", f"{ms(lat['50']):.2f}", f"{ms(lat['99']):.2f}",
                 str(reqs), non2xx.group(1) if non2xx else "0",
                 errors.group(1) if errors else "-", f"{cpu:.3f}", f"{cpuc:.3f}",
                 f"{int(rss) / 1024:.1f}", f"{int(hwm) / 1024:.1f}"]))
PY
}

: >"$WORK/rows.tsv"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- 1. start-up: STARTS fresh JVMs, time to the first good scrape ------------------------------
STARTUPS=()
for i in $(seq "$STARTS"); do
  start_exporter "$WORK/exporter-start-$i.log"
  STARTUPS+=("$STARTUP_MS")
  log "start $i: first good scrape after $STARTUP_MS ms"
  IDLE_RSS=$(status_kib "$EXPORTER_PID" VmRSS)
  if [ "$i" -lt "$STARTS" ]; then stop_pid "$EXPORTER_PID"; fi
done
IDLE_RSS_MIB=$(awk -v k="$IDLE_RSS" 'BEGIN { printf "%.1f", k / 1024 }')

# ---- 2. the raw chronyc call of one scrape (one process, every command) -------------------------
CMDS="$CHRONYC -h $SOCK -m -n -c tracking sources sourcestats activity selectdata ntpdata authdata serverstats >/dev/null"
# Its CPU per call (user+sys of the children of a bash loop of 300 calls, bash's fork included).
RAW_CPU=$(bash -c "for i in \$(seq 300); do $CMDS; done; times" | awk 'NR == 2 {
  split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) / 300 * 1000 }')
if command -v hyperfine >/dev/null; then
  hyperfine --shell=bash --warmup 10 --runs 300 --export-json "$WORK/chronyc.json" "$CMDS" \
    >"$WORK/hyperfine.txt" 2>&1
  RAW_HOW="hyperfine --shell=bash --warmup 10 --runs 300 (shell start-up subtracted)"
  RAW=$(python3 -c '
import json, sys
t = sorted(json.load(open(sys.argv[1]))["results"][0]["times"])
q = lambda p: t[min(len(t) - 1, int(p * len(t)))] * 1000
print(f"{q(0.5):.2f} {q(0.99):.2f} {sum(t) / len(t) * 1000:.2f}")' "$WORK/chronyc.json")
else
  RAW_HOW="bash loop of 300 runs, date +%s%N around each"
  : >"$WORK/chronyc-loop.txt"
  for i in $(seq 300); do
    t0=$(now_ns); bash -c "$CMDS"; echo $((($(now_ns) - t0))) >>"$WORK/chronyc-loop.txt"
  done
  RAW=$(sort -n "$WORK/chronyc-loop.txt" | awk '{ a[NR] = $1 / 1e6; s += $1 / 1e6 }
    END { printf "%.2f %.2f %.2f", a[int(NR * 0.5)], a[int(NR * 0.99)], s / NR }')
fi
read -r RAW_P50 RAW_P99 RAW_MEAN <<<"$RAW"
log "raw chronyc -m: p50 $RAW_P50 ms, p99 $RAW_P99 ms, CPU $RAW_CPU ms"

# ---- 3. wrk: exporter (min-interval off), node_exporter, exporter with min-interval 1s -----------
for c in 1 10 100; do
  log "wrk exporter c=$c"
  run_wrk exporter "$EXPORTER_URL" "$c" "$EXPORTER_PID"
done
# Not `curl | grep -q`: with pipefail, grep's early exit can fail curl with a write error.
page=$(curl -fsS "$EXPORTER_URL") || die "exporter unreachable after the load"
grep -qF "$GOOD" <<<"$page" || die "exporter unhealthy after the load"
EXPORTER_HWM=$(status_kib "$EXPORTER_PID" VmHWM)
EXPORTER_RSS=$(status_kib "$EXPORTER_PID" VmRSS)
EXPORTER_THREADS=$(ls "/proc/$EXPORTER_PID/task" | wc -l)
stop_pid "$EXPORTER_PID"

"$NODE_EXPORTER" --web.listen-address=127.0.0.1:$NODE_PORT --collector.disable-defaults \
  --collector.timex --collector.time >"$WORK/node_exporter.log" 2>&1 &
NODE_PID=$!
PIDS+=("$NODE_PID")
for i in $(seq 200); do curl -fsS "$NODE_URL" >/dev/null 2>&1 && break; sleep 0.05; done
for c in 1 10 100; do
  log "wrk node_exporter c=$c"
  run_wrk node_exporter "$NODE_URL" "$c" "$NODE_PID"
done
stop_pid "$NODE_PID"

start_exporter "$WORK/exporter-min-interval.log" --collector.min-interval=1s
for c in 1 10 100; do
  log "wrk exporter --collector.min-interval=1s c=$c"
  run_wrk exporter-min-interval-1s "$EXPORTER_URL" "$c" "$EXPORTER_PID"
done
stop_pid "$EXPORTER_PID"
grep -hE ' (WARN|ERROR) ' "$WORK"/exporter-*.log >"$WORK/exporter-warnings.txt" || true

# ---- results ----------------------------------------------------------------------------------
export MACHINE="$(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)),\
 $(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo) GiB RAM, kernel $(uname -r),\
 $(. /etc/os-release && echo "$PRETTY_NAME"); $(java -version 2>&1 | head -1);\
 chrony $("$CHRONYD" --version | awk '{ print $4 }'),\
 node_exporter $("$NODE_EXPORTER" --version 2>&1 | awk 'NR == 1 { print $3 }'),\
 wrk $(wrk -v 2>&1 | awk 'NR == 1 { print $2 }'), hyperfine $(hyperfine --version 2>/dev/null |\
 awk '{ print $2 }'). Load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
export STARTUP_LIST="${STARTUPS[*]}" JAVA_OPTS DURATION RAW_HOW RAW_P50 RAW_P99 RAW_MEAN RAW_CPU \
  IDLE_RSS_MIB EXPORTER_RSS EXPORTER_HWM EXPORTER_THREADS
python3 - "$WORK/rows.tsv" >"$RESULTS" <<'PY'
import datetime, os, statistics, sys
e = os.environ
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
startups = [int(x) for x in e["STARTUP_LIST"].split()]
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
print(f"### Results of one run ({now})")
print()
print(f"Machine: {e['MACHINE']}.")
print()
print(f"Exporter JVM flags: `{e['JAVA_OPTS']}`; chronyc over the unix socket, one process per"
      f" scrape (chronyc -m: tracking, sources, sourcestats, activity, selectdata, ntpdata, authdata, serverstats). wrk: {e['DURATION']} per run, -t1"
      " at 1 connection, -t2 otherwise, on 127.0.0.1.")
print()
print(f"- Start to first good scrape ({len(startups)} starts): median"
      f" {statistics.median(startups):.0f} ms, max {max(startups)} ms"
      f" (all: {', '.join(map(str, startups))})")
print(f"- Raw chronyc, the one call of a scrape ({e['RAW_HOW']}): p50 {e['RAW_P50']} ms,"
      f" p99 {e['RAW_P99']} ms, mean {e['RAW_MEAN']} ms; CPU {e['RAW_CPU']} ms per call"
      " (bash loop of 300, its fork included)")
print(f"- Exporter RSS: {e['IDLE_RSS_MIB']} MiB after start; after the load"
      f" {int(e['EXPORTER_RSS']) / 1024:.1f} MiB, peak (VmHWM) {int(e['EXPORTER_HWM']) / 1024:.1f} MiB;"
      f" threads after the load: {e['EXPORTER_THREADS']}")
print()
print("| target | conns | scrapes/s | p50 ms | p99 ms | requests | non-2xx | socket errors"
      " | CPU ms/scrape (process) | CPU ms/scrape (+ children) | RSS MiB | peak RSS MiB |")
print("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|")
for r in rows:
    print("| " + " | ".join(r) + " |")
PY
{
  echo
  echo "WARN/ERROR lines in the exporter logs during the run: $(wc -l <"$WORK/exporter-warnings.txt")"
} >>"$RESULTS"
cat "$RESULTS"
