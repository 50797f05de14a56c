#!/usr/bin/env bash
# (Re)creates the Jazzer seed directories of the parser fuzz tests from the test fixtures.
#
#   bash scripts/fuzz-seeds.sh
#
# Jazzer (jazzer-junit 0.30) runs every @FuzzTest on the empty input, on every file directly in
# src/test/resources/<package>/<TestClass>Inputs/ (shared by all methods of the class) and on every
# file under <TestClass>Inputs/<method>/ (recursively). The first level is generated here, as
# copies of src/test/resources/corpus/** and captures/** (the seeds are committed, so `mvn test`
# replays them in regression mode). The <method>/ directories hold seeds made here for the
# value-level targets (fixture-*) and the crash/regression inputs kept from fuzzing runs, which this
# script never deletes. Output is deterministic: running it twice changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
# log, die, the cache paths (scripts/lib.sh)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

RES=src/test/resources
OUT=$RES/io/clockhealth/exporter/fuzz

# seed_class CLASS SOURCE_DIR... : copies of the fixture files, named <source path with ->.
seed_class() {
  local class=$1
  shift
  local dir=$OUT/${class}Inputs
  mkdir -p "$dir"
  # only the first level: never the <method>/ subdirectories with kept regression inputs
  find "$dir" -maxdepth 1 -type f -name 'fixture-*' -delete
  local src f name
  for src in "$@"; do
    for f in "$RES/$src"/*; do
      [ -f "$f" ] || continue
      name=fixture-${src//\//-}-$(basename "$f")
      cp "$f" "$dir/$name"
    done
  done
}

seed_class ChronyParsersFuzzTest corpus/chronyc captures/chrony
seed_class NtpqParsersFuzzTest corpus/ntpq captures/ntpsec
seed_class TimedatectlParsersFuzzTest corpus/timedatectl captures/timesyncd
seed_class PtpParsersFuzzTest captures/ptp
seed_class FormatRegistryFuzzTest corpus/chronyc captures/chrony corpus/ntpq captures/ntpsec \
  corpus/timedatectl captures/timesyncd captures/ptp

# seed_values CLASS METHOD : one file per distinct value read from stdin.
seed_values() {
  local dir=$OUT/${1}Inputs/$2
  mkdir -p "$dir"
  find "$dir" -maxdepth 1 -type f -name 'fixture-*' -delete
  local i=0 v
  while IFS= read -r v; do
    i=$((i + 1))
    printf '%s' "$v" >"$dir/$(printf 'fixture-%03d' "$i")"
  done
}

TS=$RES/captures/timesyncd
TD=$RES/corpus/timedatectl
# Spans: the values of timedatectl timesync-status ("Offset: +1min 13.000057s", "Poll interval:
# 16s (min: 16s; max 16s)") and of the *USec= properties of show-timesync, plus systemd's other
# spellings.
{
  sed -nE 's/^ *(Offset|Delay|Jitter|Root distance|Precision): *([^(]*[^ (]).*$/\2/p' "$TS"/* "$TD"/*
  sed -nE 's/^ *Poll interval: *([^ ]+) \(min: ([^;]+); max ([^)]+)\)$/\1\n\2\n\3/p' "$TS"/* "$TD"/*
  sed -nE 's/^[A-Za-z]+USec=(.+)$/\1/p' "$TS"/*
  printf '%s\n' '0' '-0' '+1min 13.000057s' '-1min 13s' '34min 8s' '8.926ms' '1w 2d 3h 4min 5s 6ms 7us' \
    '2.5µs' '1μs' '500ns' '1y 1M' '3 hours 2 minutes' '1.5' 'infinity'
} | LC_ALL=C sort -u | seed_values TimedatectlParsersFuzzTest systemdTimeSpan

# Timestamps: NTPMessage's *Timestamp= fields, the "Time:"-style lines of status outputs.
{
  grep -ohE '[A-Za-z]+Timestamp=[^,}]+' "$TS"/* | sed -E 's/^[A-Za-z]+Timestamp=//; s/ +$//'
  sed -nE 's/^ *(Local time|Universal time|RTC time|Last Sync|Time): *(.+)$/\2/p' "$TS"/* "$TD"/*
  printf '%s\n' '@1795263841' '@1795263841.5' '1795263841000000' 'n/a' '(null)' \
    'Sat 2026-11-21 12:27:21.123456 CEST' 'Mo 2026-03-30 01:30:00 +03'
} | LC_ALL=C sort -u | seed_values TimedatectlParsersFuzzTest systemdTimestamp

echo "fuzz seeds: $(find "$OUT" -type f | wc -l) files under $OUT"
