#!/usr/bin/env bash
# The main job: sets up what is missing, then runs the paper walkthrough (every notebook, full profile) on
# the embedded data. Executed notebooks, their HTML pages and an index go to build/walkthrough/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash environment/setup.sh
PROFILE="${LATENTMAP_PROFILE:-full}"
mapfile -t NOTEBOOKS < <(ls notebooks/*.ipynb | sort)
exec /usr/bin/python3 environment/run_notebooks.py --profile "$PROFILE" --out build/walkthrough "${NOTEBOOKS[@]}"
