#!/usr/bin/env bash
# The project's whole test command (what CI runs):
#   1. fetch + unpack the real daemons the integration tests use (never installs them),
#   2. mvn verify: unit tests (surefire), the jar, then the *IT integration tests (failsafe).
# Extra arguments go to Maven, e.g.  bash scripts/test.sh -Dit.test=ChronydHarnessIT
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/fetch-test-daemons.sh

mvn_args=(-B --no-transfer-progress)
exec mvn "${mvn_args[@]}" verify "$@"
