#!/usr/bin/env bash
# Container test: build the Dockerfile for real and run the image against a real chronyd.
#
#   bash scripts/test-container.sh          (root on Debian 12; scripts/test.sh runs it)
#
# There is no Docker engine and no registry on CI: buildah and podman from Debian's packages
# build and run the image, and the FROM image debian:bookworm-slim is made locally with
# debootstrap from the machine's own Debian mirror (the rootfs tarball is cached under
# $CACHE/container/, CACHE=${CLOCK_TEST_CACHE:-$HOME/.cache/clock-health-exporter}).
# Engine settings live in a private CONTAINERS_CONF (runc, because crun refuses hybrid cgroups;
# rlimits podman may set without CAP_SYS_RESOURCE); nothing under /etc is changed.
# The machine's extra CA certificates (/usr/local/share/ca-certificates, if any) are bind-mounted
# read-only into the build's RUN steps so that Maven reaches Maven Central; they are never copied
# into the build context or the repository. An image built that way is for this test only.
#
# Then: a real chronyd (cached binary from scripts/fetch-test-daemons.sh) runs on loopback only,
# under `setpriv --bounding-set=-sys_time` and with -x, as its own `local stratum 10` reference,
# with a command socket in a private directory and a UDP command port on $ADDR:$CMDPORT. The
# container runs with host networking, that directory mounted, and
#   --collector.chrony.args="-h <dir>/chronyd.sock"
# /metrics is scraped and checked (chrony collector success 1, clock_stratum{daemon="chrony"}; the
# host collector: success 1, the clock_kernel_* series of JNA's adjtimex read, the clocksource),
# and the same image is run once more with --once against the UDP port ("-h $ADDR -p $CMDPORT"),
# the way the systemd unit and the Kubernetes DaemonSet reach chronyd. The image must be at most
# IMAGE_MAX_MB, run the jlink'd runtime at /opt/java (no Debian JRE), map its AppCDS archive with
# -Xshare:on, have MALLOC_ARENA_MAX=2 in the exporter's environment, and serve TLS with an EC key
# set up through a YAML config file (no warnings logged). Last, the WITH_NTPQ=false variant
# ($IMAGE_NONTPQ, no python3) is built, must be at most IMAGE_NONTPQ_MAX_MB, and runs --once over UDP.
# The base is slimmed like the official debian:bookworm-slim (no docs, man pages, locales).
# Image sizes, the container's RSS and CPU time are printed and written to
# target/container-test/results.txt. Ends with one line: "container test: PASS" or
# "container test: FAIL: <reason>" (exit 1). Only the container and the chronyd started here are
# ever stopped; the image is kept so that a re-run builds from cache (KEEP_IMAGE=0 removes it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# log, apt_install, CACHE, CHRONYD, CHRONYC, start_chronyd (die is redefined below as fail)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
OUT=$ROOT/target/container-test
IMAGE=localhost/clock-health-exporter:test
IMAGE_NONTPQ=localhost/clock-health-exporter:test-nontpq
BASE=docker.io/library/debian:bookworm-slim
# This script's loopback range is LoopbackRanges.TEST_CONTAINER_SH in
# src/test/java/io/clockhealth/exporter/testing/LoopbackRanges.java: 127.0.0.101-109, ports
# 12201-12209 (LoopbackRangesTest checks these four lines against it).
ADDR=127.0.0.101
CMDPORT=12201
HTTPPORT=12202
TLSPORT=12203
# The image is a jlink'd runtime on bookworm-slim (docs/deployment.md): 393 MB before, 194.6 MB
# measured with it, 149.6 MB without ntpq (WITH_NTPQ=false); more than these fails the test.
IMAGE_MAX_MB=${IMAGE_MAX_MB:-200}
IMAGE_NONTPQ_MAX_MB=${IMAGE_NONTPQ_MAX_MB:-155}
CNAME=clock-health-exporter-test-$$

T0=$(date +%s)
fail() {
  log "FAIL: $*"
  echo "container test: FAIL: $*"
  exit 1
}
die() { fail "$@"; }
# timed NAME cmd... : run, record the wall time in $OUT/timings.txt
timed() {
  local name=$1 s e rc=0
  shift
  s=$(date +%s.%N)
  # (set -e does not apply inside a function called from `timed ... || fail`: keep the status)
  "$@" || rc=$?
  e=$(date +%s.%N)
  printf '%-22s %6.1f s\n' "$name" "$(echo "$e - $s" | bc)" | tee -a "$OUT/timings.txt" >&2
  return $rc
}

[ "$(id -u)" = 0 ] || fail "must run as root (podman/buildah rootful, chronyd)"
command -v apt-get >/dev/null || fail "apt-get not found: Debian 12 required"
mkdir -p "$OUT" "$CACHE/container"
: >"$OUT/timings.txt"

# ---- 1. tools, from Debian's packages -------------------------------------------------------
need=()
for t in buildah:buildah podman:podman runc:runc debootstrap:debootstrap newuidmap:uidmap \
  curl:curl bc:bc setpriv:util-linux; do
  command -v "${t%%:*}" >/dev/null || need+=("${t##*:}")
done
install_tools() {
  apt_install "${need[@]}" slirp4netns fuse-overlayfs >"$OUT/apt.log" 2>&1 || {
    tail -n 20 "$OUT/apt.log" >&2
    return 1
  }
}
if [ "${#need[@]}" -gt 0 ]; then
  command -v bc >/dev/null || apt_install bc >/dev/null
  log "installing ${need[*]}"
  timed apt-install install_tools || fail "apt-get install ${need[*]} failed (see $OUT/apt.log)"
fi

# ---- 2. private engine configuration --------------------------------------------------------
nofile=$(ulimit -Hn)
[ "$nofile" = unlimited ] || [ "$nofile" -gt 20000 ] && nofile=20000
cat >"$OUT/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=32768:32768"]
[engine]
runtime = "runc"
EOF
export CONTAINERS_CONF=$OUT/containers.conf

# ---- 3. the FROM image, made with debootstrap (rootfs tarball cached) -----------------------
# Version 2 of the rootfs: slimmed like the official image (below); an older base is re-imported.
BASE_VERSION=3
ROOTFS_TAR=$CACHE/container/debian-bookworm-slim-rootfs-v$BASE_VERSION.tar
make_rootfs() {
  local mirror R
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  R=$(mktemp -d /var/tmp/clock-rootfs.XXXXXX)
  debootstrap --variant=minbase bookworm "$R" "$mirror" >"$OUT/debootstrap.log" 2>&1 || {
    tail -n 20 "$OUT/debootstrap.log" >&2
    rm -rf "$R"
    return 1
  }
  # Make it look like debian:bookworm-slim and use this machine's apt sources.
  rm -f "$R/etc/apt/sources.list"
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    cp /etc/apt/sources.list.d/debian.sources "$R/etc/apt/sources.list.d/"
  else
    cp /etc/apt/sources.list "$R/etc/apt/sources.list"
  fi
  for f in /etc/apt/apt.conf.d/99artifact-registry /etc/apt/apt.conf.d/docker-*; do
    [ -f "$f" ] && cp "$f" "$R/etc/apt/apt.conf.d/"
  done
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/info/*' \
    'path-exclude /usr/share/locale/*' 'path-include /usr/share/locale/locale.alias' \
    'path-exclude /usr/share/lintian/*' 'path-exclude /usr/share/linda/*' \
    >"$R/etc/dpkg/dpkg.cfg.d/docker"
  # ... and take out what those rules keep out of the packages debootstrap already installed, as
  # the official slim image does (debuerreotype-slimify): without this the base is 121 MB, with
  # it 79 MB (the real debian:bookworm-slim: 74.8 MB); 42 MB were locales, docs and man pages.
  # Files only: the directories stay (openjdk's postinst puts a man-page alternative in
  # /usr/share/man/man1 and fails without it).
  find "$R/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$R/usr/share/locale" -mindepth 1 ! -type d ! -name locale.alias -delete
  find "$R"/usr/share/man "$R"/usr/share/info "$R"/usr/share/lintian "$R"/usr/share/linda \
    -mindepth 1 ! -type d -delete 2>/dev/null || true
  rm -rf "$R"/var/cache/apt/archives/*.deb "$R"/var/lib/apt/lists/* "$R"/var/cache/apt/*.bin
  : >"$R/etc/resolv.conf"
  tar -C "$R" --numeric-owner -cf "$ROOTFS_TAR.tmp" .
  mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
  rm -rf "$R"
}
import_base() {
  podman import --change 'CMD ["bash"]' --change "LABEL io.clockhealth.test-base=$BASE_VERSION" \
    "$ROOTFS_TAR" "$BASE" >/dev/null
}
if [ "$(podman image inspect -f '{{index .Labels "io.clockhealth.test-base"}}' "$BASE" 2>/dev/null)" != \
  "$BASE_VERSION" ]; then
  if [ ! -s "$ROOTFS_TAR" ]; then
    log "no $BASE here: debootstrap (cached as $ROOTFS_TAR)"
    timed debootstrap make_rootfs || fail "debootstrap failed (see $OUT/debootstrap.log)"
  fi
  timed import-base import_base || fail "podman import of $ROOTFS_TAR failed"
fi

# ---- 4. build ---------------------------------------------------------------------------------
ca=()
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  ca=(-v /usr/local/share/ca-certificates:/usr/local/share/ca-certificates:ro)
fi
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
build() {
  buildah bud --pull=never --layers "${ca[@]}" \
    --build-arg VERSION="$version" --build-arg REVISION="$revision" \
    --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    -t "$IMAGE" -f Dockerfile . >"$OUT/build.log" 2>&1 || {
    tail -n 40 "$OUT/build.log" >&2
    return 1
  }
}
log "buildah bud -t $IMAGE (log: $OUT/build.log)"
timed build build || fail "buildah bud failed (see $OUT/build.log)"
image_bytes=$(podman image inspect -f '{{.Size}}' "$IMAGE")
image_mb=$(echo "scale=1; $image_bytes / 1000000" | bc)
log "image $IMAGE: $image_mb MB"
[ "$(echo "$image_mb <= $IMAGE_MAX_MB" | bc)" = 1 ] ||
  fail "image $IMAGE is $image_mb MB, more than IMAGE_MAX_MB=$IMAGE_MAX_MB"

# The image itself: non-root numeric user, the port, the labels, the tools, no daemon.
[ "$(podman image inspect -f '{{.Config.User}}' "$IMAGE")" = 10001:10001 ] ||
  fail "image USER is not 10001:10001"
podman image inspect -f '{{json .Config.ExposedPorts}}' "$IMAGE" | grep -q '"39123/tcp"' ||
  fail "image does not EXPOSE 39123"
podman image inspect -f '{{index .Labels "org.opencontainers.image.revision"}}' "$IMAGE" |
  grep -qx "$revision" || fail "label org.opencontainers.image.revision is not $revision"
tools=$(podman run --rm --pull=never --network none --entrypoint sh "$IMAGE" -c \
  'id -u; chronyc --version; ntpq --version; for d in chronyd ntpd ntpsec timedatectl; do command -v $d && echo "HAS $d"; done; ls /lib/systemd/system /etc/init.d 2>/dev/null | grep -E "chrony|ntp" | sed "s/^/HAS /"; true' 2>&1) ||
  fail "cannot run a shell in the image: $tools"
printf '%s\n' "$tools" >&2
[ "$(printf '%s\n' "$tools" | head -n 1)" = 10001 ] || fail "the container does not run as uid 10001"
printf '%s\n' "$tools" | grep -q '^chronyc (chrony) version' || fail "no chronyc in the image"
printf '%s\n' "$tools" | grep -q '^ntpq ntpsec' || fail "no ntpq in the image"
! printf '%s\n' "$tools" | grep -q '^HAS ' || fail "a time daemon or its unit is in the image"

# The Java runtime is the jlink'd one (no Debian JRE), and the AppCDS archive fits it: the
# ENTRYPOINT's own flags with -Xshare:on instead of -Xshare:auto fail if the archive does not map.
read -r -a entry <<<"$(podman image inspect -f '{{range .Config.Entrypoint}}{{.}} {{end}}' "$IMAGE")"
[ "${entry[0]}" = java ] || fail "ENTRYPOINT does not start with java: ${entry[*]}"
cds=()
for f in "${entry[@]:1}"; do [ "$f" = -Xshare:auto ] && cds+=(-Xshare:on) || cds+=("$f"); done
printf '%s\n' "${entry[@]}" | grep -qx -- -Xshare:auto || fail "ENTRYPOINT has no -Xshare:auto"
jre=$(podman run --rm --pull=never --network none --entrypoint sh "$IMAGE" -c \
  'command -v java; ls -d /usr/lib/jvm 2>/dev/null; echo "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"; java --list-modules' 2>&1) ||
  fail "cannot list the image's Java modules: $jre"
printf '%s\n' "$jre" | tr '\n' ' ' >&2
echo >&2
[ "$(printf '%s\n' "$jre" | head -n 1)" = /opt/java/bin/java ] || fail "java is not /opt/java/bin/java"
! printf '%s\n' "$jre" | grep -qx /usr/lib/jvm || fail "a Debian JRE (/usr/lib/jvm) is in the image"
printf '%s\n' "$jre" | grep -qx MALLOC_ARENA_MAX=2 || fail "the image's ENV has no MALLOC_ARENA_MAX=2"
printf '%s\n' "$jre" | grep -q '^jdk.crypto.ec' || fail "no jdk.crypto.ec in the image's runtime (TLS)"
cdsout=$(podman run --rm --pull=never --network none --read-only --entrypoint java "$IMAGE" \
  "${cds[@]}" --version 2>&1) ||
  fail "the image's AppCDS archive does not map (-Xshare:on): $cdsout"

# ---- 5. a real chronyd on loopback, no CAP_SYS_TIME, -x ---------------------------------------
bash scripts/fetch-test-daemons.sh >"$OUT/fetch.log" 2>&1 ||
  fail "scripts/fetch-test-daemons.sh failed (see $OUT/fetch.log)"
[ -x "$CHRONYD" ] || fail "no cached chronyd at $CHRONYD"

DIR=$(mktemp -d /tmp/clock-ctr.XXXXXX) # short: a unix socket path has at most 108 bytes
# chronyd wants its socket directory owned by its own user (root here) and at most 0770, and
# chronyc binds its own reply socket in that directory. The container's user (10001) gets in
# through the group: podman --group-add 0, a 0770 directory and chronyd started with umask 007
# (its socket is then group-writable). On a real host /run/chrony is 0750 _chrony and the socket
# 0755, i.e. for root or _chrony only: unprivileged setups use UDP, as tested in step 7.
chmod 0770 "$DIR"
SOCK=$DIR/chronyd.sock
cat >"$DIR/chrony.conf" <<EOF
local stratum 10
port 0
cmdport $CMDPORT
bindcmdaddress $SOCK
bindcmdaddress $ADDR
cmdallow 127.0.0.0/8
pidfile $DIR/chronyd.pid
EOF
cleanup() {
  local rc=$?
  podman rm -f -t 2 "$CNAME" >/dev/null 2>&1 || true
  if [ -n "$CHRONYD_PID" ] && [ "$(cat /proc/"$CHRONYD_PID"/comm 2>/dev/null)" = chronyd ]; then
    kill "$CHRONYD_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$CHRONYD_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$CHRONYD_PID" 2>/dev/null || true
  fi
  [ -f "$DIR/chronyd.log" ] && cp "$DIR/chronyd.log" "$OUT/" 2>/dev/null
  rm -rf "$DIR"
  if [ "${KEEP_IMAGE:-1}" = 0 ]; then podman rmi -f "$IMAGE" "$IMAGE_NONTPQ" >/dev/null 2>&1 || true; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ss -Hlun "src $ADDR:$CMDPORT" | grep -q .; then fail "UDP $ADDR:$CMDPORT is already in use"; fi
if ss -Hltn "src $ADDR:$HTTPPORT" | grep -q .; then fail "TCP $ADDR:$HTTPPORT is already in use"; fi
# umask 007: the socket group-writable for the container's user (see above)
start_chronyd "$DIR/chrony.conf" "$DIR/chronyd.log" "$SOCK" 007
log "chronyd PID $CHRONYD_PID (CapBnd $CHRONYD_CAPBND, no CAP_SYS_TIME, -x) on $SOCK and UDP $ADDR:$CMDPORT"

# ---- 6. the container, host network, socket directory mounted ---------------------------------
# As locked down as the Kubernetes DaemonSet: read-only root filesystem without even a writable
# /tmp, no capabilities, no privilege escalation.
HARDENED=(--read-only --read-only-tmpfs=false --cap-drop=ALL --security-opt=no-new-privileges)
run_container() {
  podman run -d --pull=never --network host --name "$CNAME" --group-add 0 \
    "${HARDENED[@]}" -v "$DIR:$DIR" "$IMAGE" \
    --web.listen-address="$ADDR:$HTTPPORT" \
    --collector.chrony.args="-h $SOCK" --no-collector.ntpd >/dev/null
}
timed podman-run run_container || fail "podman run failed"
scrape() { curl -fsS --max-time 5 "http://$ADDR:$HTTPPORT/metrics"; }
first_ok=
s0=$(date +%s.%N)
for _ in $(seq 300); do
  if m=$(scrape 2>/dev/null) &&
    grep -q '^clock_scrape_collector_success{collector="chrony"} 1' <<<"$m" &&
    grep -q '^clock_stratum{daemon="chrony"}' <<<"$m"; then
    first_ok=1
    break
  fi
  [ "$(podman inspect -f '{{.State.Running}}' "$CNAME" 2>/dev/null)" = true ] || break
  sleep 0.1
done
if [ -z "$first_ok" ]; then
  podman logs "$CNAME" >"$OUT/container.log" 2>&1 || true
  tail -n 30 "$OUT/container.log" >&2
  printf '%s\n' "${m:-}" | grep -E '^clock_(scrape|stratum|daemon)' >&2 || true
  fail "no chrony metrics from the container within 30 s (log: $OUT/container.log)"
fi
printf '%-22s %6.1f s\n' "run->chrony-metrics" "$(echo "$(date +%s.%N) - $s0" | bc)" |
  tee -a "$OUT/timings.txt" >&2
printf '%s\n' "$m" >"$OUT/metrics.txt"
grep -E '^clock_(scrape_collector_success|daemon_up|stratum|synchronized|local_reference)' \
  "$OUT/metrics.txt" >&2
grep -q "^clock_exporter_build_info{revision=\"${revision:0:12}\"" "$OUT/metrics.txt" ||
  fail "clock_exporter_build_info does not carry the revision ${revision:0:12}"
stratum=$(awk '/^clock_stratum\{daemon="chrony"\}/{print $2}' "$OUT/metrics.txt")
[ "${stratum%.0}" = 10 ] || fail "clock_stratum{daemon=\"chrony\"} is $stratum, want 10"
# The host collector in the hardened container: JNA's read-only adjtimex(2) (no capability, a
# read-only root, no writable /tmp) and the kernel's clocksource through /sys.
grep -q '^clock_scrape_collector_success{collector="host"} 1' "$OUT/metrics.txt" ||
  fail "the host collector did not succeed in the container"
for kernel in synchronized max_error_seconds estimated_error_seconds tai_offset_seconds \
  offset_seconds frequency_ppm; do
  grep -q "^clock_kernel_$kernel " "$OUT/metrics.txt" ||
    fail "no clock_kernel_$kernel from the container: adjtimex through JNA did not work there"
done
[ "$(grep -c '^clock_kernel_time_state{state=' "$OUT/metrics.txt")" = 6 ] ||
  fail "clock_kernel_time_state is not the six-state set in the container"
current=$(cat /sys/devices/system/clocksource/clocksource0/current_clocksource)
grep -q "^clock_clocksource_current_info{clocksource=\"$current\"} 1" "$OUT/metrics.txt" ||
  fail "clock_clocksource_current_info is not the host's $current in the container"
grep -E '^clock_(kernel_synchronized|kernel_max_error|clocksource_current)' "$OUT/metrics.txt" >&2
# The step detector: CLOCK_BOOTTIME through JNA there too (not the CLOCK_MONOTONIC fall-back).
grep -q '^clock_steps_total{direction="backward"} ' "$OUT/metrics.txt" ||
  fail "no clock_steps_total from the container: the step detector did not start"
# Into a file first: with pipefail, `podman logs | grep -q` fails when grep's early exit ends
# podman with SIGPIPE while it still writes.
podman logs "$CNAME" >"$OUT/container.log" 2>&1 || fail "podman logs $CNAME failed"
grep -q 'watching for wall-clock steps .*against CLOCK_BOOTTIME)' "$OUT/container.log" ||
  fail "the step detector in the container does not read CLOCK_BOOTTIME"

# RSS and CPU after 50 more scrapes (a day at a 15 s interval is 5760; this is the warm state)
for _ in $(seq 50); do scrape >/dev/null || fail "a scrape failed"; done
pid=$(podman inspect -f '{{.State.Pid}}' "$CNAME")
[ "$(cat /proc/"$pid"/comm)" = java ] || fail "container PID $pid is not java"
uid=$(awk '/^Uid:/{print $2}' /proc/"$pid"/status)
[ "$uid" = 10001 ] || fail "the exporter runs as uid $uid, not 10001"
tr '\0' '\n' </proc/"$pid"/environ | grep -qx MALLOC_ARENA_MAX=2 ||
  fail "the container's java does not run with MALLOC_ARENA_MAX=2"
rss_kb=$(awk '/^VmRSS:/{print $2}' /proc/"$pid"/status)
hwm_kb=$(awk '/^VmHWM:/{print $2}' /proc/"$pid"/status)
clk=$(getconf CLK_TCK)
cpu_s=$(awk -v c="$clk" '{printf "%.2f", ($14+$15)/c}' /proc/"$pid"/stat)
podman logs "$CNAME" >"$OUT/container.log" 2>&1 || true

# ---- 7. the same image over UDP (how the systemd unit and the DaemonSet reach chronyd) ----------
once=$(podman run --rm --pull=never --network host "${HARDENED[@]}" "$IMAGE" --once \
  --collector.chrony.args="-h $ADDR -p $CMDPORT" --no-collector.ntpd 2>"$OUT/once-udp.log") ||
  fail "--once over UDP failed: $(tail -n 5 "$OUT/once-udp.log")"
grep -q '^clock_scrape_collector_success{collector="chrony"} 1' <<<"$once" ||
  fail "--once over UDP $ADDR:$CMDPORT: chrony collector did not succeed: $(tail -n 5 "$OUT/once-udp.log")"
grep -q '^clock_stratum{daemon="chrony"} 10' <<<"$once" || fail "--once over UDP: no clock_stratum 10"

# ---- 8. TLS with an EC key, set in a YAML config file (--config.file -> web.config_file): the
# jlink'd runtime has what TLS and the YAML data binding need -----------------------------------
mkdir -p "$DIR/tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj /CN=clock-health-exporter-test -addext "subjectAltName=IP:$ADDR" \
  -keyout "$DIR/tls/key.pem" -out "$DIR/tls/cert.pem" >"$OUT/openssl.log" 2>&1 ||
  fail "openssl req failed: $(tail -n 3 "$OUT/openssl.log")"
chmod 0644 "$DIR/tls/key.pem" # the container's user 10001 must read it (test key only)
printf 'tls_server_config:\n  cert_file: %s\n  key_file: %s\n' "$DIR/tls/cert.pem" \
  "$DIR/tls/key.pem" >"$DIR/tls/web.yml"
printf 'web:\n  listen_address: "%s"\n  config_file: %s\ncollectors:\n  ntpd:\n    enabled: false\n' \
  "$ADDR:$TLSPORT" "$DIR/tls/web.yml" >"$DIR/tls/config.yml"
if ss -Hltn "src $ADDR:$TLSPORT" | grep -q .; then fail "TCP $ADDR:$TLSPORT is already in use"; fi
podman rm -f -t 2 "$CNAME" >/dev/null 2>&1 || true
podman run -d --pull=never --network host --name "$CNAME" --group-add 0 \
  "${HARDENED[@]}" -v "$DIR:$DIR" "$IMAGE" \
  --config.file="$DIR/tls/config.yml" --collector.chrony.args="-h $SOCK" >/dev/null ||
  fail "podman run (TLS) failed"
tls_ok=
for _ in $(seq 300); do
  if m=$(curl -fsS --max-time 5 --cacert "$DIR/tls/cert.pem" "https://$ADDR:$TLSPORT/metrics" \
    2>"$OUT/curl-tls.log") && grep -q '^clock_scrape_collector_success{collector="chrony"} 1' <<<"$m"; then
    tls_ok=1
    break
  fi
  [ "$(podman inspect -f '{{.State.Running}}' "$CNAME" 2>/dev/null)" = true ] || break
  sleep 0.1
done
if [ -z "$tls_ok" ]; then
  podman logs "$CNAME" >"$OUT/container-tls.log" 2>&1 || true
  tail -n 20 "$OUT/container-tls.log" >&2
  fail "no chrony metrics over TLS (EC key) within 30 s: $(tail -n 2 "$OUT/curl-tls.log")"
fi
tlsv=$(curl -fsS -o /dev/null --max-time 5 --cacert "$DIR/tls/cert.pem" \
  --tlsv1.2 --tls-max 1.2 "https://$ADDR:$TLSPORT/" 2>&1) ||
  fail "TLS 1.2 (ECDHE with the EC key) to the container failed: $tlsv"
log "TLS with an EC key (TLS 1.3 and 1.2): OK"
! curl -fsS --max-time 5 "http://$ADDR:$TLSPORT/metrics" >/dev/null 2>&1 ||
  fail "plain HTTP answered on the TLS port"
podman logs "$CNAME" >"$OUT/container-tls.log" 2>&1 || true
! grep -E 'WARN|ERROR|Exception' "$OUT/container-tls.log" >&2 ||
  fail "warnings in the TLS container's log ($OUT/container-tls.log)"
podman rm -f -t 2 "$CNAME" >/dev/null 2>&1 || true

# ---- 9. the image without ntpq (--build-arg WITH_NTPQ=false: no python3), over UDP ------------
build_nontpq() {
  buildah bud --pull=never --layers "${ca[@]}" --build-arg WITH_NTPQ=false \
    --build-arg VERSION="$version" --build-arg REVISION="$revision" \
    --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    -t "$IMAGE_NONTPQ" -f Dockerfile . >"$OUT/build-nontpq.log" 2>&1 || {
    tail -n 40 "$OUT/build-nontpq.log" >&2
    return 1
  }
}
timed build-nontpq build_nontpq || fail "buildah bud --build-arg WITH_NTPQ=false failed"
nontpq_bytes=$(podman image inspect -f '{{.Size}}' "$IMAGE_NONTPQ")
nontpq_mb=$(echo "scale=1; $nontpq_bytes / 1000000" | bc)
log "image $IMAGE_NONTPQ: $nontpq_mb MB"
[ "$(echo "$nontpq_mb <= $IMAGE_NONTPQ_MAX_MB" | bc)" = 1 ] ||
  fail "image $IMAGE_NONTPQ is $nontpq_mb MB, more than IMAGE_NONTPQ_MAX_MB=$IMAGE_NONTPQ_MAX_MB"
t2=$(podman run --rm --pull=never --network none --entrypoint sh "$IMAGE_NONTPQ" -c \
  'chronyc --version; command -v ntpq python3 | sed "s/^/HAS /"; true' 2>&1)
printf '%s\n' "$t2" | grep -q '^chronyc (chrony) version' || fail "no chronyc in $IMAGE_NONTPQ"
! printf '%s\n' "$t2" | grep -q '^HAS ' || fail "ntpq or python3 in $IMAGE_NONTPQ: $t2"
once=$(podman run --rm --pull=never --network host "${HARDENED[@]}" "$IMAGE_NONTPQ" --once \
  --collector.chrony.args="-h $ADDR -p $CMDPORT" 2>"$OUT/once-nontpq.log") ||
  fail "$IMAGE_NONTPQ --once over UDP failed: $(tail -n 5 "$OUT/once-nontpq.log")"
grep -q '^clock_scrape_collector_success{collector="chrony"} 1' <<<"$once" ||
  fail "$IMAGE_NONTPQ --once: chrony collector did not succeed: $(tail -n 5 "$OUT/once-nontpq.log")"
grep -q '^clock_stratum{daemon="chrony"} 10' <<<"$once" || fail "$IMAGE_NONTPQ --once: no stratum 10"

total=$(($(date +%s) - T0))
{
  echo "image: $IMAGE $image_bytes bytes ($image_mb MB)"
  echo "image: $IMAGE_NONTPQ $nontpq_bytes bytes ($nontpq_mb MB)"
  echo "exporter RSS after 51 scrapes: ${rss_kb} kB (peak ${hwm_kb} kB), CPU ${cpu_s} s since start"
  echo "timings:"
  cat "$OUT/timings.txt"
  echo "total ${total} s"
} | tee "$OUT/results.txt" >&2
echo "container test: PASS (image $image_mb MB, without ntpq $nontpq_mb MB, RSS $((rss_kb / 1024)) MiB, CPU ${cpu_s} s, ${total} s)"
