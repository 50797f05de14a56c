#!/usr/bin/env bash
# Start-up with and without the AppCDS archive, against a real chronyd (root, Debian 12).
#
#   bash scripts/bench-cds.sh [RUNS]        (default 7; after mvn package)
#   IMAGE=localhost/clock-health-exporter:test bash scripts/bench-cds.sh [RUNS]
#                                           (the image of scripts/test-container.sh instead)
#
# Modes, interleaved run by run (the machine is noisy): "off" (-Xshare:off), "jdk" (the JDK's
# default CDS archive only: what the exporter had before), "app" (target/clock-health-exporter.jsa
# from scripts/cds-archive.sh). All with deploy/systemd's JAVA_OPTS, minus its CDS flags.
# With IMAGE: "img-off" (the ENTRYPOINT's flags with -Xshare:off; the jlink'd runtime has no
# default CDS archive, so this is the image without CDS) and "img-app" (the ENTRYPOINT as is),
# podman run --network host, timed from `podman run` (its own ~0.3 s are in both).
# Per run: wall time from the exec to the first /metrics with clock_scrape_collector_success
# {collector="chrony"} 1 (curl every 10 ms), and VmRSS 2 s after that scrape. Prints every run
# and the medians.
# chronyd (cached by scripts/fetch-test-daemons.sh) runs under `setpriv --bounding-set=-sys_time`
# with -x, on a Unix socket only (port 0, cmdport 0); the exporter listens on 127.0.0.1 with an
# OS-chosen port. Only the processes started here are stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
JAR=target/clock-health-exporter.jar
JSA=target/clock-health-exporter.jsa
# log, die, CACHE, CHRONYD, CHRONYC, start_chronyd
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
[ -s "$JAR" ] && [ -s "$JSA" ] || {
  echo "run mvn -B -q -ntp package -DskipTests first" >&2
  exit 1
}
[ -x "$CHRONYD" ] || bash scripts/fetch-test-daemons.sh >/dev/null
opts=$(sed -n 's/^JAVA_OPTS=//p' deploy/systemd/clock-health-exporter.env)
flags=()
for f in $opts; do
  case $f in -XX:SharedArchiveFile=* | -Xshare:*) ;; *) flags+=("$f") ;; esac
done

DIR=$(mktemp -d /tmp/clock-cds.XXXXXX)
SOCK=$DIR/chronyd.sock
printf '%s\n' 'local stratum 10' 'port 0' 'cmdport 0' "bindcmdaddress $SOCK" \
  "pidfile $DIR/chronyd.pid" >"$DIR/chrony.conf"
EPID=
cleanup() {
  [ -n "$EPID" ] && kill -9 "$EPID" 2>/dev/null
  [ -n "${IMAGE:-}" ] && podman rm -f -t 1 "clock-cds-bench-$$" >/dev/null 2>&1
  local p
  for p in "${CHRONYD_PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done
  rm -rf "$DIR"
}
trap cleanup EXIT
chmod 0770 "$DIR" # the container's uid 10001 gets in through group 0 (as in test-container.sh)
# chronyd -x under setpriv --bounding-set=-sys_time, CapBnd checked (lib.sh); cleanup stops it
# (CHRONYD_PIDS) from the moment it is started, even if start_chronyd dies.
start_chronyd "$DIR/chrony.conf" "$DIR/chronyd.log" "$SOCK" 007

# In one's subshell (no EXIT trap there): stop this run's exporter, say why, print nothing.
abort_run() {
  cat "$DIR/exp.log" >&2
  echo "bench-cds: $*" >&2
  if [ -n "${IMAGE:-}" ]; then
    podman rm -f -t 1 "clock-cds-bench-$$" >/dev/null 2>&1
  elif [ -n "$EPID" ]; then
    kill -9 "$EPID" 2>/dev/null
  fi
  exit 1
}
one() { # mode -> "ms rss_kb"
  local mode=$1 extra=() s port m e
  case $mode in
    off) extra=(-Xshare:off) ;;
    jdk) extra=(-Xshare:auto) ;;
    app) extra=("-XX:SharedArchiveFile=$JSA" -Xshare:auto) ;;
  esac
  # Emptied here, not by the child's redirection: otherwise the loop below can read the previous
  # run's port before the new process has truncated the file.
  : >"$DIR/exp.log"
  s=$(date +%s%N)
  if [ -n "${IMAGE:-}" ]; then
    local ep=() f
    read -r -a ep <<<"$(podman image inspect -f '{{range .Config.Entrypoint}}{{.}} {{end}}' "$IMAGE")"
    if [ "$mode" = img-off ]; then
      for f in "${ep[@]}"; do [ "$f" = -Xshare:auto ] && extra+=(-Xshare:off) || extra+=("$f"); done
    else
      extra=("${ep[@]}")
    fi
    podman run -d --pull=never --network host --name "clock-cds-bench-$$" --group-add 0 \
      --read-only --cap-drop=ALL -v "$DIR:$DIR" --entrypoint "${extra[0]}" "$IMAGE" "${extra[@]:1}" \
      --web.listen-address=127.0.0.1:0 --collector.chrony.args="-h $SOCK" \
      --no-collector.ntpd --no-collector.timesyncd >/dev/null
    for _ in $(seq 200); do
      EPID=$(podman inspect -f '{{.State.Pid}}' "clock-cds-bench-$$" 2>/dev/null || true)
      [ -n "$EPID" ] && [ "$EPID" != 0 ] && break
      sleep 0.01
    done
    ( podman logs -f "clock-cds-bench-$$" >"$DIR/exp.log" 2>&1 & )
  else
  java "${flags[@]}" "${extra[@]}" -jar "$JAR" --web.listen-address=127.0.0.1:0 \
    --collector.chrony.path="$CHRONYC" --collector.chrony.args="-h $SOCK" \
    --no-collector.ntpd --no-collector.timesyncd >"$DIR/exp.log" 2>&1 </dev/null &
  EPID=$!
  fi
  port=
  while :; do
    [ -n "$port" ] ||
      port=$(sed -n 's/.* listening on 127\.0\.0\.1:\([0-9][0-9]*\) .*/\1/p' "$DIR/exp.log")
    if [ -n "$port" ] && m=$(curl -fsS --max-time 2 "http://127.0.0.1:$port/metrics" 2>/dev/null) &&
      grep -q '^clock_scrape_collector_success{collector="chrony"} 1' <<<"$m"; then
      break
    fi
    kill -0 "$EPID" 2>/dev/null || abort_run "the exporter exited ($mode)"
    [ $(($(date +%s%N) - s)) -lt 60000000000 ] || abort_run "no good scrape within 60 s ($mode)"
    sleep 0.01
  done
  e=$(date +%s%N)
  sleep 2
  local rss
  rss=$(awk '/^VmRSS:/{print $2}' /proc/$EPID/status)
  if [ -n "${IMAGE:-}" ]; then
    podman rm -f -t 2 "clock-cds-bench-$$" >/dev/null 2>&1
  else
    kill "$EPID"
    wait "$EPID" 2>/dev/null || true
  fi
  EPID=
  echo "$(((e - s) / 1000000)) $rss" # last: the caller reads this line, then starts the next run
}
MODES="off jdk app"
[ -n "${IMAGE:-}" ] && MODES="img-off img-app"
declare -A T R
for i in $(seq "$RUNS"); do
  for mode in $MODES; do
    ms= rss=
    read -r ms rss < <(one $mode) || true
    [ -n "$ms" ] && [ -n "$rss" ] || exit 1
    printf 'run %d %-7s first good scrape %5d ms  RSS %6d kB\n' "$i" "$mode" "$ms" "$rss"
    T[$mode]+="$ms "
    R[$mode]+="$rss "
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
for mode in $MODES; do
  printf 'median of %d: %-7s first good scrape %6s ms  RSS %7s kB\n' "$RUNS" "$mode" \
    "$(median <<<"${T[$mode]}")" "$(median <<<"${R[$mode]}")"
done
