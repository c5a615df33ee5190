#!/usr/bin/env bash
# The walkthrough's notebooks as the chain's last Slurm job (submitted by submit.sh): they read what the units stored
# in the shared zoo. Arguments: the notebooks (default: all of them); the profile and data come from the environment,
# LATENTMAP_WALKTHROUGH_KERNELS names a Jupyter folder of other kernelspecs (the runner's --kernels).
set -euo pipefail
cd "${LATENTMAP_HOME:?the project folder, on the shared file system}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
PROFILE="${LATENTMAP_PROFILE:-full}"
DATA="${LATENTMAP_DATA:-fashion-mnist}"
OUT="${LATENTMAP_WALKTHROUGH_OUT:-build/walkthrough}"
if [ "$DATA" != fashion-mnist ] && [ -z "${LATENTMAP_WALKTHROUGH_OUT:-}" ]; then OUT="build/walkthrough-$DATA"; fi
if [ "$#" -gt 0 ]; then NOTEBOOKS=("$@"); else mapfile -t NOTEBOOKS < <(ls notebooks/*.ipynb | sort); fi
KERNELS=()
if [ -n "${LATENTMAP_WALKTHROUGH_KERNELS:-}" ]; then KERNELS=(--kernels "$LATENTMAP_WALKTHROUGH_KERNELS"); fi
exec /usr/bin/python3 environment/run_notebooks.py --profile "$PROFILE" --out "$OUT" "${KERNELS[@]}" "${NOTEBOOKS[@]}"
