#!/usr/bin/env bash
# Fetch the real time daemons the integration tests run, WITHOUT installing them.
#
#   bash scripts/fetch-test-daemons.sh        (root on Debian 12; idempotent)
#
# chrony, libfaketime, ntpsec (ntpd + the ntpq script), python3-ntp (ntpq's python module and
# libntpc), systemd-timesyncd and the libsystemd-shared it was built against, and prometheus
# (prometheus + promtool, for the deploy tests) are downloaded with
# `apt-get download` and unpacked with `dpkg -x` into a private cache:
#     $CACHE/debs/<pkg>_<version>_<arch>.deb
#     $CACHE/x/<pkg>/...            (e.g. $CACHE/x/chrony/usr/sbin/chronyd)
# with CACHE=${CLOCK_TEST_CACHE:-$HOME/.cache/clock-health-exporter}.
#
# Never `apt-get install` chrony, ntpsec or systemd-timesyncd (or any time daemon): their
# maintainer scripts would start a real, clock-setting daemon with pool servers, and the daemons
# conflict with each other. prometheus and prometheus-node-exporter are only unpacked too: their
# maintainer scripts would create a user and start a service listening on all addresses. Only missing *libraries* and harmless non-daemon tools (util-linux for
# setpriv/unshare, iproute2 for network namespaces, dbus-daemon for a private bus, Debian's
# python3 for ntpq, chromium and chromium-driver for the status page's browser test) are installed.
set -euo pipefail

# log, die, apt_install (refuses every time daemon), apt_update_once, CACHE, CACHE_DEBS, CACHE_X
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PKGS=(chrony libfaketime ntpsec ntpsec-ntpdig python3-ntp systemd-timesyncd libsystemd-shared prometheus linuxptp
  prometheus-node-exporter)
DEBS=$CACHE_DEBS
X=$CACHE_X

command -v apt-get >/dev/null || die "apt-get not found (Debian/Ubuntu required)"
command -v dpkg >/dev/null || die "dpkg not found"

# setpriv (util-linux) is how every test daemon loses CAP_SYS_TIME.
command -v setpriv >/dev/null || apt_install util-linux
command -v setpriv >/dev/null || die "setpriv still missing after installing util-linux"
command -v unshare >/dev/null || die "unshare (util-linux) missing"
# network namespaces + veth pairs for ntpd and timesyncd
command -v ip >/dev/null || apt_install iproute2
# a private "system" bus for systemd-timesyncd and timedatectl
command -v dbus-daemon >/dev/null || apt_install dbus-daemon
# ntpq is a python script for Debian's python3 (a PATH python3 may be pyenv or a venv)
[ -x /usr/bin/python3 ] || apt_install python3
# the status page's browser test: Debian's chromium and its chromedriver (Selenium drives them;
# neither is a daemon)
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || apt_install chromium chromium-driver
# timedatectl and the bus-activated systemd-timedated come with the systemd package, which is
# never installed from here (it would take over the init system); Debian 12 images have it.
command -v timedatectl >/dev/null || die "timedatectl not found (package systemd; not installed by this script)"

mkdir -p "$DEBS" "$X"

# Serialise concurrent runs (e.g. two test JVMs finding the cache empty at once).
if command -v flock >/dev/null; then
  exec 9>"$CACHE/.lock"
  flock 9
fi

# 1. download the .debs that are not in the cache yet
missing=()
for p in "${PKGS[@]}"; do
  compgen -G "$DEBS/${p}_*.deb" >/dev/null || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get download ${missing[*]}"
  # apt-get download runs as _apt when it can; a root-only cache dir makes it fall back to
  # root with a warning ("Download is performed unsandboxed"), which is harmless.
  if ! (cd "$DEBS" && apt-get download "${missing[@]}" >&2); then
    log "download failed; refreshing package lists and retrying"
    apt_update_once
    (cd "$DEBS" && apt-get download "${missing[@]}" >&2)
  fi
fi

# 2. unpack each (once; a partial unpack is redone)
for p in "${PKGS[@]}"; do
  deb=$(compgen -G "$DEBS/${p}_*.deb" | sort -V | tail -n 1)
  [ -n "$deb" ] || die "no .deb for $p in $DEBS"
  stamp="$X/$p/.unpacked-from"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(basename "$deb")" ]; then
    log "dpkg -x $(basename "$deb")"
    rm -rf "$X/$p.tmp"
    mkdir -p "$X/$p.tmp"
    dpkg -x "$deb" "$X/$p.tmp"
    basename "$deb" > "$X/$p.tmp/.unpacked-from"
    rm -rf "$X/$p"
    mv "$X/$p.tmp" "$X/$p"
  fi
done

CHRONYD=$X/chrony/usr/sbin/chronyd
CHRONYC=$X/chrony/usr/bin/chronyc
FAKELIB=$(find "$X/libfaketime" -name libfaketime.so.1 -path '*/faketime/*' | head -n 1)
NTPD=$X/ntpsec/usr/sbin/ntpd
NTPQ=$X/ntpsec/usr/bin/ntpq
PYNTP=$X/python3-ntp/usr/lib/python3/dist-packages
TIMESYNCD=$X/systemd-timesyncd/lib/systemd/systemd-timesyncd
SDSHARED=$X/libsystemd-shared/usr/lib/x86_64-linux-gnu/systemd
PTP4L=$X/linuxptp/usr/sbin/ptp4l
PMC=$X/linuxptp/usr/sbin/pmc
[ -x "$CHRONYD" ] || die "chronyd not found at $CHRONYD"
[ -x "$CHRONYC" ] || die "chronyc not found at $CHRONYC"
[ -n "$FAKELIB" ] && [ -f "$FAKELIB" ] || die "libfaketime.so.1 not found under $X/libfaketime"
[ -x "$NTPD" ] || die "ntpd not found at $NTPD"
[ -f "$NTPQ" ] || die "ntpq not found at $NTPQ"
# prometheus + promtool (deploy tests: promtool check config, agent -> central pipeline)
PROMETHEUS=$X/prometheus/usr/bin/prometheus
PROMTOOL=$X/prometheus/usr/bin/promtool
[ -x "$PROMETHEUS" ] || die "prometheus not found at $PROMETHEUS"
[ -x "$PROMTOOL" ] || die "promtool not found at $PROMTOOL"
# node_exporter (textfile test: its textfile collector reads what `textfile` writes)
NODE_EXPORTER=$X/prometheus-node-exporter/usr/bin/prometheus-node-exporter
[ -x "$NODE_EXPORTER" ] || die "prometheus-node-exporter not found at $NODE_EXPORTER"
[ -d "$PYNTP/ntp" ] || die "python module ntp not found under $PYNTP"
[ -x "$TIMESYNCD" ] || die "systemd-timesyncd not found at $TIMESYNCD"
# linuxptp (PtpIT): ptp4l pairs on a veth pair in a network namespace, always free_running
[ -x "$PTP4L" ] || die "ptp4l not found at $PTP4L"
[ -x "$PMC" ] || die "pmc not found at $PMC"
compgen -G "$SDSHARED/libsystemd-shared-*.so" >/dev/null || die "libsystemd-shared-*.so not found in $SDSHARED"

# ntp/ntpc.py loads libntpc.so from its own directory first (else from /usr/lib/...):
# link the unpacked one there, so the unpacked ntpq never needs an installed python3-ntp.
LIBNTPC=$(compgen -G "$X/python3-ntp/usr/lib/*/ntp/libntpc.so.*.*" | sort -V | tail -n 1)
[ -n "$LIBNTPC" ] || die "libntpc.so.* not found under $X/python3-ntp"
ln -sfn "$LIBNTPC" "$PYNTP/ntp/libntpc.so"

# 3. shared libraries: the unpacked binaries use the host's libraries (timesyncd: the unpacked
# libsystemd-shared of its own version, via LD_LIBRARY_PATH, which beats its RUNPATH).
missing_libs() {
  {
    ldd "$CHRONYD" "$CHRONYC" "$FAKELIB" "$NTPD" "$LIBNTPC" "$PTP4L" "$PMC" 2>&1
    LD_LIBRARY_PATH=$SDSHARED ldd "$TIMESYNCD" 2>&1
  } | awk '/not found/{print $1}' | sort -u
}
# lib_deps PKG... : the library packages ("lib*") those packages depend on
lib_deps() {
  local p
  for p in "$@"; do
    dpkg-deb -f "$(compgen -G "$DEBS/${p}_*.deb" | sort -V | tail -n 1)" Depends |
      tr ',' '\n' | sed -E 's/\(.*\)//; s/\|.*//; s/[[:space:]]//g' | grep -E '^lib' || true
  done | grep -vx 'libsystemd-shared' | sort -u
}
libs=$(missing_libs)
if [ -n "$libs" ]; then
  log "missing shared libraries: $(echo $libs)"
  command -v dpkg-deb >/dev/null || die "dpkg-deb not found"
  deps=$(lib_deps chrony ntpsec python3-ntp systemd-timesyncd libsystemd-shared linuxptp)
  # shellcheck disable=SC2086
  [ -n "$deps" ] && apt_install $deps
  libs=$(missing_libs)
  [ -z "$libs" ] || die "shared libraries still missing: $(echo $libs)"
fi

log "cache: $CACHE"
log "chronyd: $CHRONYD"
log "chronyc: $CHRONYC"
log "libfaketime: $FAKELIB"
log "ntpd: $NTPD"
log "ntpq: $NTPQ (with /usr/bin/python3, PYTHONPATH=$PYNTP)"
log "prometheus, promtool: $PROMETHEUS, $PROMTOOL"
log "node_exporter: $NODE_EXPORTER"
log "ptp4l, pmc: $PTP4L, $PMC"
log "systemd-timesyncd: $TIMESYNCD (LD_LIBRARY_PATH=$SDSHARED)"
"$CHRONYD" -v
"$NTPD" --version
PYTHONPATH=$PYNTP /usr/bin/python3 "$NTPQ" --version
