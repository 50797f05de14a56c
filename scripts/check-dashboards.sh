#!/usr/bin/env bash
# Check dashboards/*.json offline against Grafana's published schema (DashboardsSchemaIT runs it;
# it also works by hand): every dashboard, row, panel, panel options, field config, override,
# variable and target is type-checked by scripts/validate-dashboards.mjs against the TypeScript
# types of @grafana/schema (npm packages pinned below, installed with npm into $CACHE/npm-grafana,
# CACHE=${CLOCK_TEST_CACHE:-$HOME/.cache/clock-health-exporter}); then a self-check that a
# misspelt field and a wrong type are rejected.
# Ends with "dashboards check: PASS" or "dashboards check: FAIL: <reason>" (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

NPMDIR=${CLOCK_TEST_CACHE:-$HOME/.cache/clock-health-exporter}/npm-grafana
OUT=$ROOT/target/dashboards
# @grafana/schema: the dashboard model and every panel plugin's options as TypeScript types (and
# their defaults); typescript type-checks the dashboards against them.
NPM_PKGS=(@grafana/schema@13.2.3 typescript@5.9.3)

# log, apt_install, npm_install_cached (die is redefined below as fail)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
fail() {
  echo "dashboards check: FAIL: $*"
  exit 1
}
die() { fail "$@"; }
mkdir -p "$OUT"

npm_install_cached "$NPMDIR" "${NPM_PKGS[@]}"
# Run from the packages' directory so that the script's imports resolve there.
cp scripts/validate-dashboards.mjs "$NPMDIR/validate-dashboards.mjs"
dashboards=("$ROOT"/dashboards/*.json)
if ! (cd "$NPMDIR" && node validate-dashboards.mjs "$OUT" "${dashboards[@]}"); then
  fail "dashboards do not fit @grafana/schema (lines above)"
fi

# The validator must reject what is wrong: a misspelt panel option and a wrong type.
host=$ROOT/dashboards/clock-health-host.json
sed -e '0,/"colorMode": "background"/s//"colourMode": "background"/' "$host" >"$OUT/broken-field.json"
sed -e '0,/"w": 3,/s//"w": "3",/' "$host" >"$OUT/broken-type.json"
cmp -s "$OUT/broken-field.json" "$host" && fail "self-check: could not break a field"
cmp -s "$OUT/broken-type.json" "$host" && fail "self-check: could not break a type"
if v=$(cd "$NPMDIR" && node validate-dashboards.mjs "$OUT" "$OUT/broken-field.json" "$OUT/broken-type.json" 2>&1); then
  fail "self-check: the validator accepted a misspelt field and a wrong type"
fi
grep -q "FAIL .*broken-field.json: panel .* options: .*colourMode" <<<"$v" ||
  fail "self-check: the misspelt colourMode was not reported: $v"
grep -q "FAIL .*broken-type.json: panel .*: error TS2322: Type 'string' is not assignable to type 'number'" <<<"$v" ||
  fail "self-check: gridPos w \"3\" was not reported: $v"
log "self-check: a misspelt field and a wrong type are rejected"
echo "dashboards check: PASS"
