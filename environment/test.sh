#!/usr/bin/env bash
# The tests: sets up what is missing, then runs every test (unit tests, the kernel through the Jupyter
# protocol, and every notebook executed headlessly in the smoke profile).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash environment/setup.sh
exec mvn -B -Dstyle.color=never verify "$@"
