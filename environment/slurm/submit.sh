#!/usr/bin/env bash
# Submits the walkthrough to a Slurm cluster as a chain of jobs on a shared zoo:
#   1. an array of training units (one model each),
#   2. an array of encoding units (each model's stored codes and errors), after all trainings succeeded,
#   3. the walkthrough's notebooks, after all encodings succeeded, into build/walkthrough/ as main.sh writes it.
# Usage (from the project, on a shared file system, after environment/setup.sh has built it once):
#   environment/slurm/submit.sh [--data D] [--profile P] [--zoo DIR] [--partition NAME] [--cpus N] [--mem SIZE]
#                               [--time LIMIT] [--notebooks "notebooks/04-type1.ipynb ..."] [--units "train/vae-seed1 ..."]
#                               [--gpus N]
# --zoo defaults to LATENTMAP_ZOO (the zoo must be on a folder every node sees); --cpus is each unit's allotment
# (default 2; the engine uses exactly that many threads), --mem each job's memory (default 6G), --time each job's
# limit (default 2:00:00). --units keeps only those training units (and their encodings). --gpus asks each job for
# N GPUs (--gres=gpu:N): the project must then be built with -Pgpu and PYTORCH_LIBRARY_PATH name a CUDA libtorch
# (README, "Running on a cluster"). Units are requeued when
# pre-empted and resume from their checkpoints.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${LATENTMAP_DATA:-fashion-mnist}"; PROFILE="${LATENTMAP_PROFILE:-full}"; ZOO="${LATENTMAP_ZOO:-}"
PARTITION=""; CPUS=2; MEM=6G; TIME=2:00:00; NOTEBOOKS=""; ONLY=""; GPUS=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --data) DATA="$2"; shift 2 ;;
    --profile) PROFILE="$2"; shift 2 ;;
    --zoo) ZOO="$2"; shift 2 ;;
    --partition) PARTITION="$2"; shift 2 ;;
    --cpus) CPUS="$2"; shift 2 ;;
    --mem) MEM="$2"; shift 2 ;;
    --time) TIME="$2"; shift 2 ;;
    --notebooks) NOTEBOOKS="$2"; shift 2 ;;
    --units) ONLY="$2"; shift 2 ;;
    --gpus) GPUS="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done
[ -n "$ZOO" ] || { echo "give the shared zoo folder: --zoo DIR or LATENTMAP_ZOO (every node must see it)" >&2; exit 2; }
command -v sbatch >/dev/null || { echo "sbatch not found: run this on a Slurm cluster's login node" >&2; exit 2; }
[ -f "$ROOT/target/latentmap.jar" ] || { echo "no build: run environment/setup.sh once first" >&2; exit 2; }
mkdir -p "$ZOO"; ZOO="$(cd "$ZOO" && pwd)"
STAMP="$(date +%Y%m%d-%H%M%S)"
LOGS="$ROOT/build/slurm/$STAMP"; mkdir -p "$LOGS"
CP="$ROOT/target/latentmap.jar:$ROOT/target/lib/*"
java -cp "$CP" org.latentmap.units.UnitCommand plan --profile "$PROFILE" > "$LOGS/plan.txt"
if [ -n "$ONLY" ]; then
  for u in $ONLY; do
    grep -qx "$u" <(awk '{print $1}' "$LOGS/plan.txt") || { echo "no unit $u in the $PROFILE profile (see $LOGS/plan.txt)" >&2; exit 2; }
  done
  printf '%s\n' $ONLY | awk '$1 ~ /^train\// {print $1}' > "$LOGS/train.txt"
  sed 's#^train/#encode/#' "$LOGS/train.txt" > "$LOGS/encode.txt"
else
  awk '$1 ~ /^train\// {print $1}' "$LOGS/plan.txt" > "$LOGS/train.txt"
  awk '$1 ~ /^encode\// {print $1}' "$LOGS/plan.txt" > "$LOGS/encode.txt"
fi
NTRAIN=$(wc -l < "$LOGS/train.txt"); NENCODE=$(wc -l < "$LOGS/encode.txt")
COMMON=(--parsable --chdir="$ROOT" --cpus-per-task="$CPUS" --mem="$MEM" --time="$TIME"
        --export="ALL,LATENTMAP_HOME=$ROOT,LATENTMAP_ZOO=$ZOO,LATENTMAP_PROFILE=$PROFILE,LATENTMAP_DATA=$DATA")
[ -n "$PARTITION" ] && COMMON+=(--partition="$PARTITION")
[ -n "$GPUS" ] && COMMON+=(--gres=gpu:"$GPUS")
TRAIN=$(sbatch "${COMMON[@]}" --requeue --job-name=lm-train --array=0-$((NTRAIN - 1)) \
  --output="$LOGS/train-%a.out" "$ROOT/environment/slurm/unit.sh" "$LOGS/train.txt")
ENCODE=$(sbatch "${COMMON[@]}" --requeue --job-name=lm-encode --array=0-$((NENCODE - 1)) \
  --dependency=afterok:"$TRAIN" --output="$LOGS/encode-%a.out" "$ROOT/environment/slurm/unit.sh" "$LOGS/encode.txt")
# shellcheck disable=SC2086
WALK=$(sbatch "${COMMON[@]}" --job-name=lm-walkthrough --dependency=afterok:"$ENCODE" \
  --output="$LOGS/walkthrough.out" "$ROOT/environment/slurm/walkthrough.sh" $NOTEBOOKS)
echo "$TRAIN $ENCODE $WALK" > "$LOGS/jobs.txt"
echo "[slurm] submitted: $NTRAIN training units (job $TRAIN), $NENCODE encoding units (job $ENCODE, after it),"
echo "[slurm] the walkthrough (job $WALK, after them); zoo $ZOO, profile $PROFILE, data $DATA"
echo "[slurm] follow: squeue -j $TRAIN,$ENCODE,$WALK    logs: $LOGS"
echo "[slurm] resume after a failure: run this again; finished units are read from the zoo, not computed again"
