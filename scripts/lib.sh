# shellcheck shell=bash
# What the scripts in scripts/ share; each one sources it first:
#
#   . "$(dirname "$0")/lib.sh"        (before its own `cd`, or with the path it cd'ed to)
#
#   log MSG...            "<script>: MSG" on stderr (LOG_TAG overrides the script's name)
#   npm_install_cached DIR PKG...  Debian's node/npm, and the pinned npm packages installed once into DIR
#   die MSG...            log "ERROR: MSG", exit 1 (a script may redefine die after sourcing,
#                         e.g. to print its own FAIL line; the functions below call die)
#   apt_install PKG...    apt-get install --no-install-recommends, apt-get update once and again
#                         on failure; refuses (die) any time daemon (is_time_daemon_package):
#                         those are only ever downloaded and unpacked by fetch-test-daemons.sh
#   CACHE, CACHE_DEBS, CACHE_X, CHRONYD, CHRONYC
#                         the private cache of fetch-test-daemons.sh (CLOCK_TEST_CACHE overrides)
#   PIDS, stop_started    the PIDs a script started (append to PIDS); stop_started, its EXIT trap,
#                         SIGTERMs and reaps them and every chronyd of start_chronyd
#   build_exporter_jar    mvn package without tests; sets JAR
#   cpu_ticks PID         utime+stime of a process, and the same plus its reaped children (clock
#                         ticks, getconf CLK_TCK), for the benches' CPU per request
#   status_kib PID FIELD  a kB field of /proc/PID/status (VmRSS, VmHWM) as a number
#   start_chronyd CONF LOG SOCK [UMASK]
#                         the one way a script starts a chronyd: `chronyd -x` (never touches the
#                         clock) under `setpriv --bounding-set=-sys_time`, in the background;
#                         CHRONYD_PID is set at once (for the caller's cleanup, also appended to
#                         CHRONYD_PIDS); returns once that PID is chronyd, bit 25 (CAP_SYS_TIME) of
#                         its CapBnd is clear (CHRONYD_CAPBND) and it answers `chronyc tracking`
#                         on SOCK; dies (after SIGKILL if it kept CAP_SYS_TIME) otherwise.

LOG_TAG=${LOG_TAG:-$(basename "$0" .sh)}

log() { printf '%s: %s\n' "$LOG_TAG" "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

# ---- the cache of scripts/fetch-test-daemons.sh -----------------------------------------------
CACHE=${CLOCK_TEST_CACHE:-$HOME/.cache/clock-health-exporter}
# shellcheck disable=SC2034 # used by the scripts that source this file
CACHE_DEBS=$CACHE/debs
CACHE_X=$CACHE/x
CHRONYD=$CACHE_X/chrony/usr/sbin/chronyd
CHRONYC=$CACHE_X/chrony/usr/bin/chronyc

# ---- apt -------------------------------------------------------------------------------------
APT_UPDATED=0
apt_update_once() {
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    apt-get update -qq >&2
    APT_UPDATED=1
  fi
}

# is_time_daemon_package PKG: a package whose installation would start a time daemon or a
# service (its maintainer scripts); never apt-get installed here.
is_time_daemon_package() {
  case "$1" in
    chrony | ntp | ntpsec | ntpsec-* | openntpd | openntpd-* | systemd-timesyncd | systemd | \
      systemd-sysv | ntpdate | sntp | rdate | prometheus | prometheus-node-exporter)
      return 0 ;;
  esac
  return 1
}

apt_install() {
  local p
  for p in "$@"; do
    if is_time_daemon_package "$p"; then
      die "refusing to apt-get install daemon package '$p'"
    fi
  done
  log "apt-get install $*"
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2; then
    return 0
  fi
  [ "$APT_UPDATED" = 0 ] || return 1
  apt_update_once || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# ---- chronyd ---------------------------------------------------------------------------------
CHRONYD_PID=
CHRONYD_PIDS=()
CHRONYD_CAPBND=
start_chronyd() {
  local conf=$1 logfile=$2 sock=$3 mask=${4:-$(umask)}
  if [ ! -x "$CHRONYD" ] || [ ! -x "$CHRONYC" ]; then
    die "chronyd/chronyc missing under $CACHE_X/chrony (run scripts/fetch-test-daemons.sh)"
  fi
  (umask "$mask" && exec setpriv --bounding-set=-sys_time -- env LC_ALL=C \
    "$CHRONYD" -u root -x -d -f "$conf" >"$logfile" 2>&1 </dev/null) &
  CHRONYD_PID=$!
  CHRONYD_PIDS+=("$CHRONYD_PID")
  for _ in $(seq 200); do
    [ "$(cat "/proc/$CHRONYD_PID/comm" 2>/dev/null)" = chronyd ] && break
    kill -0 "$CHRONYD_PID" 2>/dev/null || die "chronyd exited at start: $(tail -n 5 "$logfile")"
    sleep 0.02
  done
  [ "$(cat "/proc/$CHRONYD_PID/comm" 2>/dev/null)" = chronyd ] ||
    die "PID $CHRONYD_PID did not become chronyd: $(tail -n 5 "$logfile")"
  CHRONYD_CAPBND=$(awk '/^CapBnd:/{print $2}' "/proc/$CHRONYD_PID/status")
  [ -n "$CHRONYD_CAPBND" ] || die "cannot read the CapBnd of chronyd (PID $CHRONYD_PID)"
  if (((0x$CHRONYD_CAPBND >> 25) & 1)); then
    kill -9 "$CHRONYD_PID"
    die "chronyd (PID $CHRONYD_PID) has CAP_SYS_TIME in its bounding set ($CHRONYD_CAPBND); killed"
  fi
  for _ in $(seq 100); do
    "$CHRONYC" -h "$sock" -n tracking >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "chronyd does not answer on $sock: $(tail -n 5 "$logfile")"
}

# ---- processes a script starts, stopped by PID on exit ---------------------------------------
PIDS=()
stop_started() {
  local pid
  for pid in "${PIDS[@]:-}" "${CHRONYD_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}" "${CHRONYD_PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
}

build_exporter_jar() {
  log "building the jar"
  mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package
  # shellcheck disable=SC2034 # read by the scripts that call it
  JAR=target/clock-health-exporter.jar
}

# ---- /proc, for the benches ------------------------------------------------------------------
cpu_ticks() {
  awk '{ print $14 + $15, $14 + $15 + $16 + $17 }' "/proc/$1/stat"
}
status_kib() { sed -n "s/^$2:\s*\([0-9]*\) kB/\1/p" "/proc/$1/status"; }

# npm_install_cached DIR PKG... : node and npm (Debian's), and the pinned npm packages installed
# once into DIR (an ES-module package); reinstalled only when the list changes.
npm_install_cached() {
  local dir=$1
  shift
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    log "installing Debian's nodejs and npm"
    apt_install nodejs npm || die "node/npm missing and apt-get install nodejs npm failed"
  fi
  local want="$*"
  if [ "$(cat "$dir/.installed" 2>/dev/null)" != "$want" ]; then
    log "npm install $want (into $dir)"
    rm -rf "$dir"
    mkdir -p "$dir"
    echo '{"private": true, "type": "module"}' >"$dir/package.json"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "$@" >&2) ||
      die "npm install $want failed"
    echo "$want" >"$dir/.installed"
  fi
}
