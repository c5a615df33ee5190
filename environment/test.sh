#!/usr/bin/env bash
# The tests: sets up what is missing, then runs every test (unit tests, the kernel through the Jupyter
# protocol, and every notebook executed headlessly in the smoke profile).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# idle engine threads wait passively instead of spinning (engine.Allotment; results do not depend on it)
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
bash environment/setup.sh
exec mvn -B -Dstyle.color=never verify "$@"
