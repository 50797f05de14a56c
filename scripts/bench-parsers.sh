#!/usr/bin/env bash
# JMH benchmarks of every parser (src/test/java/io/clockhealth/exporter/bench/ParserBenchmark.java):
# throughput in ops/s and MB/s, and bytes allocated per parse (-prof gc).
#
#   bash scripts/bench-parsers.sh                       all cases, the exporter's JVM flags
#   BENCH_JVM=default bash scripts/bench-parsers.sh     JVM defaults (C2, G1) instead
#   bash scripts/bench-parsers.sh -p input=ntpq-rv      extra JMH arguments (here: one case)
#   JMH_SETTINGS="-f 1 -wi 1 -i 2" bash scripts/bench-parsers.sh   shorter runs
#
# Default settings for a 2-core machine: 1 fork, 1 thread, 3 x 1 s warm-up, 5 x 1 s measurement per
# case (~4 minutes for the 22 cases). Results: target/bench/parsers.json (JMH) and
# target/bench/parsers.md (the table docs/performance.md shows).
set -euo pipefail
cd "$(dirname "$0")/.."
# log, die, the cache paths (scripts/lib.sh)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

OUT=target/bench
mkdir -p "$OUT"

# The flags the Dockerfile and the systemd unit run the exporter with (heap, metaspace and code
# cache caps, C1 only, serial GC); the JMH harness lives in the same fork, so they are what the
# parsers get in production.
EXPORTER_JVM="-XX:+UseSerialGC -Xms8m -Xmx48m -XX:MaxMetaspaceSize=48m -XX:ReservedCodeCacheSize=16m -XX:TieredStopAtLevel=1 -Xss256k -XX:-UsePerfData"
case "${BENCH_JVM:-exporter}" in
  exporter) JVM_ARGS=$EXPORTER_JVM ;;
  default) JVM_ARGS="-Xmx256m" ;;
  *) log "BENCH_JVM must be exporter or default"; exit 2 ;;
esac

mvn -B -q -ntp test-compile -Dspotless.check.skip=true
mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"

# shellcheck disable=SC2086 # word splitting of the settings is intended
java -cp "$CP" org.openjdk.jmh.Main 'io.clockhealth.exporter.bench.ParserBenchmark' \
  ${JMH_SETTINGS:--f 1 -t 1 -wi 3 -w 1s -i 5 -r 1s} -prof gc \
  -jvmArgs "$JVM_ARGS -Dbench.fixtures=$PWD/src/test/resources" \
  -rf json -rff "$OUT/parsers.json" "$@" | tee "$OUT/parsers.log"

# The table: input bytes, parses/s, MB/s (input bytes x parses/s), bytes allocated per parse.
python3 - "$OUT/parsers.json" "${BENCH_JVM:-exporter}" "$JVM_ARGS" >"$OUT/parsers.md" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))
print(f"JVM: {sys.argv[2]} ({sys.argv[3]})\n")
print("| case | input bytes | parses/s | MB/s | allocated B/parse |")
print("|---|---:|---:|---:|---:|")
for r in runs:
    p = r["primaryMetric"]
    sec = r.get("secondaryMetrics", {})
    ops = p["score"]
    bps = sec.get("bytes", {}).get("score", 0.0)
    alloc = sec.get("gc.alloc.rate.norm", {}).get("score", float("nan"))
    size = bps / ops if ops else 0
    err = p["scoreError"]
    err = f" ± {err:,.0f}" if isinstance(err, (int, float)) and err == err else ""
    print(f"| {r['params']['input']} | {size:,.0f} | {ops:,.0f}{err} "
          f"| {bps / 1e6:,.1f} | {alloc:,.0f} |")
PY
cat "$OUT/parsers.md"
