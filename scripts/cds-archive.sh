#!/usr/bin/env bash
# Build the exporter's class-data-sharing archive (AppCDS) for one JVM.
#
#   bash scripts/cds-archive.sh JAVA JAR ARCHIVE ENVFILE
#
# e.g. bash scripts/cds-archive.sh java target/clock-health-exporter.jar \
#        target/clock-health-exporter.jsa deploy/systemd/clock-health-exporter.env
# (Maven's package phase runs exactly that after the shade step; the Dockerfile runs it with the
# image's jlink'd runtime, since an archive only fits the JVM that wrote it.)
#
# A static archive, in two runs with the JVM flags of ENVFILE's JAVA_OPTS (the flags the archive
# is used with: the GC must match; -XX:SharedArchiveFile / -Xshare are left out here):
#   1. a training run that loads what a real exporter loads: serve on 127.0.0.1 with an
#      OS-chosen port (no fixed port to collide with), all three collectors on, GET / and
#      /metrics (bash /dev/tcp, no curl needed), then SIGTERM — with -XX:DumpLoadedClassList;
#   2. java -Xshare:dump with that class list.
# It needs no time daemon: with none running the collectors fail and the exporter still serves.
# A failure here fails the build; a missing or mismatched archive at run time does not stop the
# exporter (-Xshare:auto), it just starts without it.
# The one script that does not source scripts/lib.sh: the Dockerfile copies it alone into the
# build stage (/tmp/cds/), so it must stand by itself.
set -euo pipefail
[ $# = 4 ] || {
  echo "usage: $0 JAVA JAR ARCHIVE ENVFILE" >&2
  exit 2
}
JAVA=$1 JAR=$2 ARCHIVE=$3 ENVFILE=$4
opts=$(sed -n 's/^JAVA_OPTS=//p' "$ENVFILE")
[ -n "$opts" ] || {
  echo "cds-archive: no JAVA_OPTS in $ENVFILE" >&2
  exit 1
}
flags=()
for f in $opts; do
  case $f in -XX:SharedArchiveFile=* | -Xshare:*) ;; *) flags+=("$f") ;; esac
done
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# GET PATH from 127.0.0.1:PORT; prints the status line.
get() {
  local port=$1 path=$2 line
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
  IFS= read -r line <&3
  cat <&3 >/dev/null
  exec 3<&-
  printf '%s\n' "${line%$'\r'}"
}

# 1. training run; every collector runs `false` as its tool: the process start, output capture
# and failure paths are loaded the same on any machine, with or without a time daemon.
false=$(type -P false)
# Created before the JVM starts: the loop below reads it at once, and the background job's own
# redirection may not have run yet (sed on a missing file exits 2, which set -e made the result).
: >"$work/train.log"
"$JAVA" "${flags[@]}" -Xshare:off -XX:DumpLoadedClassList="$work/classes.lst" -jar "$JAR" \
  --web.listen-address=127.0.0.1:0 --log.level=info \
  --collector.chrony --collector.chrony.path="$false" \
  --collector.ntpd --collector.ntpd.path="$false" \
  --collector.timesyncd --collector.timesyncd.path="$false" \
  >"$work/train.log" 2>&1 </dev/null &
pid=$!
port=
for _ in $(seq 600); do
  port=$(sed -n 's/.* listening on 127\.0\.0\.1:\([0-9][0-9]*\) .*/\1/p' "$work/train.log")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$port" ] || {
  cat "$work/train.log" >&2
  echo "cds-archive: the training run did not start listening" >&2
  exit 1
}
for p in / /metrics /metrics; do
  status=$(get "$port" "$p")
  case $status in "HTTP/1.1 200"*) ;; *)
    echo "cds-archive: GET $p answered '$status'" >&2
    exit 1
    ;;
  esac
done
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
pid=
# The JVM exits with 143 on SIGTERM.
[ "$rc" = 0 ] || [ "$rc" = 143 ] || {
  cat "$work/train.log" >&2
  echo "cds-archive: the training run exited with $rc" >&2
  exit 1
}
n=$(grep -c . "$work/classes.lst" || true)
[ "$n" -gt 1000 ] || {
  echo "cds-archive: only $n classes in the class list" >&2
  exit 1
}

# 2. the archive
mkdir -p "$(dirname "$ARCHIVE")"
rm -f "$ARCHIVE"
"$JAVA" "${flags[@]}" -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" \
  -XX:SharedArchiveFile="$ARCHIVE" -cp "$JAR" >"$work/dump.log" 2>&1 || {
  tail -n 20 "$work/dump.log" >&2
  echo "cds-archive: -Xshare:dump failed" >&2
  exit 1
}
# It must be usable by this JVM with these flags: -Xshare:on fails if it is not.
"$JAVA" "${flags[@]}" -Xshare:on -XX:SharedArchiveFile="$ARCHIVE" -jar "$JAR" --version \
  >"$work/check.log" 2>&1 || {
  cat "$work/check.log" >&2
  echo "cds-archive: $ARCHIVE does not map with -Xshare:on" >&2
  exit 1
}
echo "cds-archive: $ARCHIVE ($(du -k "$ARCHIVE" | cut -f1) kB, $n classes listed)" >&2
