#!/usr/bin/env bash
# Fetch the real time daemons the integration tests run, WITHOUT installing them.
#
#   bash scripts/fetch-test-daemons.sh        (root on Debian 12; idempotent)
#
# chrony and libfaketime are downloaded with `apt-get download` and unpacked with
# `dpkg -x` into a private cache:
#     $CACHE/debs/<pkg>_<version>_<arch>.deb
#     $CACHE/x/<pkg>/...            (e.g. $CACHE/x/chrony/usr/sbin/chronyd)
# with CACHE=${CLOCK_TEST_CACHE:-$HOME/.cache/clock-health-exporter}.
#
# Never `apt-get install` chrony (or any time daemon): its maintainer scripts would start a
# real, clock-setting chronyd with pool servers, and the daemons conflict with each other.
# Only missing *libraries* (and util-linux for setpriv) are installed.
set -euo pipefail

CACHE=${CLOCK_TEST_CACHE:-$HOME/.cache/clock-health-exporter}
PKGS=(chrony libfaketime)
DEBS=$CACHE/debs
X=$CACHE/x

log() { printf 'fetch-test-daemons: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

APT_UPDATED=0
apt_update_once() {
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    apt-get update -qq >&2
    APT_UPDATED=1
  fi
}

# apt_install_lib PKG... : install library/tool packages (never a daemon).
apt_install_lib() {
  local p
  for p in "$@"; do
    case "$p" in
      chrony | ntp | ntpsec | openntpd | systemd-timesyncd | ntpdate | sntp)
        die "refusing to apt-get install time daemon package '$p'" ;;
    esac
  done
  log "apt-get install $*"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2; then
    apt_update_once
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
  fi
}

command -v apt-get >/dev/null || die "apt-get not found (Debian/Ubuntu required)"
command -v dpkg >/dev/null || die "dpkg not found"

# setpriv (util-linux) is how every test daemon loses CAP_SYS_TIME.
command -v setpriv >/dev/null || apt_install_lib util-linux
command -v setpriv >/dev/null || die "setpriv still missing after installing util-linux"

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
[ -x "$CHRONYD" ] || die "chronyd not found at $CHRONYD"
[ -x "$CHRONYC" ] || die "chronyc not found at $CHRONYC"
[ -n "$FAKELIB" ] && [ -f "$FAKELIB" ] || die "libfaketime.so.1 not found under $X/libfaketime"

# 3. shared libraries: the unpacked binaries use the host's libraries
missing_libs() { ldd "$CHRONYD" "$CHRONYC" "$FAKELIB" 2>&1 | awk '/not found/{print $1}' | sort -u; }
libs=$(missing_libs)
if [ -n "$libs" ]; then
  log "missing shared libraries: $(echo $libs)"
  command -v dpkg-query >/dev/null || die "dpkg-query not found"
  # Which packages does chrony depend on? Install only library packages ("lib*").
  deps=$(dpkg-deb -f "$(compgen -G "$DEBS/chrony_*.deb" | sort -V | tail -n 1)" Depends |
    tr ',' '\n' | sed -E 's/\(.*\)//; s/\|.*//; s/[[:space:]]//g' | grep -E '^lib' || true)
  # shellcheck disable=SC2086
  [ -n "$deps" ] && apt_install_lib $deps
  libs=$(missing_libs)
  [ -z "$libs" ] || die "shared libraries still missing: $(echo $libs)"
fi

log "cache: $CACHE"
log "chronyd: $CHRONYD"
log "chronyc: $CHRONYC"
log "libfaketime: $FAKELIB"
"$CHRONYD" -v
