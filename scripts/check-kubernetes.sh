#!/usr/bin/env bash
# Check deploy/kubernetes offline (KubernetesManifestsIT runs it; it also works by hand):
#   1. the PrometheusRule is what alerts/clock-health.rules.yml generates (no drift),
#   2. `kubectl kustomize` renders the base and every overlay (into target/kubernetes/),
#   3. every rendered object validates against the Kubernetes and prometheus-operator schemas and
#      has no unknown field (scripts/validate-kubernetes.mjs, npm packages pinned below, installed
#      with npm into $CACHE/npm-k8s, CACHE=${CLOCK_TEST_CACHE:-$HOME/.cache/clock-health-exporter}).
# Ends with "kubernetes check: PASS" or "kubernetes check: FAIL: <reason>" (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# log, apt_install, CACHE (die is redefined below as fail)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
NPMDIR=$CACHE/npm-k8s
OUT=$ROOT/target/kubernetes
# kubernetes-models: Kubernetes API schemas and types; prometheus-operator: the CRDs';
# js-yaml reads the rendered YAML; typescript finds unknown fields.
NPM_PKGS=(kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0 js-yaml@4.1.0
  typescript@5.9.3)

fail() {
  echo "kubernetes check: FAIL: $*"
  exit 1
}
die() { fail "$@"; }
mkdir -p "$OUT"

# 1. no drift between the alert rules and the PrometheusRule
bash scripts/generate-prometheusrule.sh --check >&2 ||
  fail "deploy/kubernetes/base/prometheusrule.yaml is stale: run bash scripts/generate-prometheusrule.sh"

# 2. render
if ! command -v kubectl >/dev/null; then
  fail "kubectl not found. It needs kubectl >= 1.21 (kustomize v4+, for 'resources: [../../base]' and 'patches:'); Debian 12's kubernetes-client is 1.20 (kustomize v2.0.3), too old to build these overlays, so it is not installed from here: install kubectl from the Kubernetes project's apt repository"
fi
kver=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\{0,1\}//p')
case "$kver" in
  4.* | 5.* | [6-9].*) ;;
  *) fail "kubectl's kustomize is '${kver:-unknown}': v4 or newer is needed" ;;
esac
render() { # render DIR NAME
  kubectl kustomize "$1" >"$OUT/$2.yaml" 2>"$OUT/$2.err" || {
    cat "$OUT/$2.err" >&2
    fail "kubectl kustomize $1 failed"
  }
  log "kubectl kustomize $1 -> $OUT/$2.yaml ($(grep -c '^kind:' "$OUT/$2.yaml") objects)"
}
render deploy/kubernetes/base base
rendered=("$OUT/base.yaml")
for o in deploy/kubernetes/overlays/*/; do
  n=$(basename "$o")
  render "$o" "overlay-$n"
  rendered+=("$OUT/overlay-$n.yaml")
done

# 3. validate
npm_install_cached "$NPMDIR" "${NPM_PKGS[@]}"
# Run from the packages' directory so that the script's imports resolve there.
cp scripts/validate-kubernetes.mjs "$NPMDIR/validate-kubernetes.mjs"
if ! (cd "$NPMDIR" && node validate-kubernetes.mjs "$OUT" "${rendered[@]}"); then
  fail "rendered objects do not validate (lines above)"
fi
# The validator must reject what is wrong: an unknown (misspelt) field and a wrong type.
sed -e 's/readOnlyRootFilesystem: true/readOnlyRootFilesytem: true/' "$OUT/base.yaml" >"$OUT/broken-field.yaml"
sed -e 's/containerPort: 39123/containerPort: "39123"/' "$OUT/base.yaml" >"$OUT/broken-type.yaml"
cmp -s "$OUT/broken-field.yaml" "$OUT/base.yaml" && fail "self-check: could not break a field"
cmp -s "$OUT/broken-type.yaml" "$OUT/base.yaml" && fail "self-check: could not break a type"
if v=$(cd "$NPMDIR" && node validate-kubernetes.mjs "$OUT" "$OUT/broken-field.yaml" "$OUT/broken-type.yaml" 2>&1); then
  fail "self-check: the validator accepted a misspelt field and a wrong type"
fi
grep -q "FAIL .*broken-field.yaml: DaemonSet/.*readOnlyRootFilesytem" <<<"$v" ||
  fail "self-check: the misspelt readOnlyRootFilesytem was not reported: $v"
grep -q "FAIL .*broken-type.yaml: DaemonSet/.*containerPort must be integer" <<<"$v" ||
  fail "self-check: containerPort \"39123\" was not reported: $v"
log "self-check: a misspelt field and a wrong type are rejected"
echo "kubernetes check: PASS"
