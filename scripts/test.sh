#!/usr/bin/env bash
# The project's whole test command (what CI runs):
#   1. fetch + unpack the real daemons the integration tests use (never installs them),
#   2. mvn verify: unit tests (surefire), the jar, then the *IT integration tests (failsafe),
#   3. container test: scripts/test-container.sh builds the Dockerfile with buildah and runs the
#      image with podman against a real chronyd (~2 min; a separate step, see that script).
# Extra arguments go to Maven, e.g.  bash scripts/test.sh -Dit.test=ChronydHarnessIT
# CLOCK_SKIP_CONTAINER_TEST=1 leaves out step 3 on a developer's machine, never in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
# log, die, the cache paths (scripts/lib.sh)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

bash scripts/fetch-test-daemons.sh

mvn_args=(-B --no-transfer-progress)
mvn "${mvn_args[@]}" verify "$@"

echo "== container test (scripts/test-container.sh) =="
if [ -n "${CLOCK_SKIP_CONTAINER_TEST:-}" ]; then
  if [ "${CI:-}" = true ]; then
    echo "container test: FAIL: CLOCK_SKIP_CONTAINER_TEST is set, but the container test must run in CI" >&2
    exit 1
  fi
  echo "container test: not run (CLOCK_SKIP_CONTAINER_TEST is set; CI always runs it)"
  exit 0
fi
bash scripts/test-container.sh
