#!/usr/bin/env bash
# The main job: sets up what is missing, then runs the paper walkthrough (every notebook, full profile) on
# the embedded data. Executed notebooks, their HTML pages and an index go to build/walkthrough/.
# With LATENTMAP_DATA=celeba (and CELEBA_DIR; see data/README.md) it runs on CelebA instead, into
# build/walkthrough-celeba/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# idle engine threads wait passively instead of spinning (engine.Allotment; results do not depend on it)
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
bash environment/setup.sh
PROFILE="${LATENTMAP_PROFILE:-full}"
DATA="${LATENTMAP_DATA:-fashion-mnist}"
OUT=build/walkthrough
if [ "$DATA" != fashion-mnist ]; then OUT="build/walkthrough-$DATA"; fi
mapfile -t NOTEBOOKS < <(ls notebooks/*.ipynb | sort)
exec /usr/bin/python3 environment/run_notebooks.py --profile "$PROFILE" --out "$OUT" "${NOTEBOOKS[@]}"
