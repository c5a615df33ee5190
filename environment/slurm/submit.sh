#!/usr/bin/env bash
# Submits the walkthrough to a Slurm cluster as a chain of jobs on a shared zoo (units: UnitCommand plan):
#   1. an array of training units (one model each: the compared models, then notebook 07's two StyleGANs),
#   2. an array of encoding units (each model's stored codes and errors), task k after training task k (aftercorr),
#   3. an array of relocation units (Table 2's relocations, one type a task), after every encoding succeeded,
#   4. the walkthrough's notebooks, after all of them, into build/walkthrough/ as main.sh writes it.
# Usage (from the project, on a shared file system, after environment/setup.sh has built it once):
#   environment/slurm/submit.sh [--data D] [--profile P] [--zoo DIR] [--partition NAME] [--cpus N] [--mem SIZE]
#                               [--time LIMIT] [--notebooks "notebooks/04-type1.ipynb ..."] [--units "train/vae-seed1 ..."]
#                               [--gpus N]
# --zoo defaults to LATENTMAP_ZOO (the zoo must be on a folder every node sees); --cpus is each unit's allotment
# (default 2; the engine uses exactly that many threads), --mem each job's memory (default 6G), --time each job's
# limit (default 2:00:00). --units keeps only those units and the units that need nothing else (naming trainings
# brings their encodings, an encoding its training; Table 2's relocations need every encoding, or, named alone, run
# on what the zoo holds). --gpus asks each job for N GPUs (--gres=gpu:N): the project must then be built with -Pgpu
# and PYTORCH_LIBRARY_PATH name a CUDA libtorch (README, "Running on a cluster"). Units are requeued when
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
# shellcheck disable=SC2086
java -cp "$CP" org.latentmap.units.UnitCommand plan --profile "$PROFILE" $ONLY > "$LOGS/plan.txt" \
  || { echo "see UnitCommand plan --profile $PROFILE for the units there are" >&2; exit 2; }
# encoding k needs training k: the trainings that encodings need come first, in the encodings' order (aftercorr)
awk '$1 ~ /^encode\// {print $1}' "$LOGS/plan.txt" > "$LOGS/encode.txt"
NEEDED="$(awk '$1 ~ /^encode\// {print $3}' "$LOGS/plan.txt")"
{ [ -n "$NEEDED" ] && echo "$NEEDED"; awk '$1 ~ /^train\// {print $1}' "$LOGS/plan.txt" | grep -vxF "$NEEDED"; } \
  > "$LOGS/train.txt" || true
awk '$1 ~ /^relocate\// {print $1}' "$LOGS/plan.txt" > "$LOGS/relocate.txt"
NTRAIN=$(grep -c . "$LOGS/train.txt" || true); NENCODE=$(grep -c . "$LOGS/encode.txt" || true)
NRELOCATE=$(grep -c . "$LOGS/relocate.txt" || true)
COMMON=(--parsable --chdir="$ROOT" --cpus-per-task="$CPUS" --mem="$MEM" --time="$TIME"
        --export="ALL,LATENTMAP_HOME=$ROOT,LATENTMAP_ZOO=$ZOO,LATENTMAP_PROFILE=$PROFILE,LATENTMAP_DATA=$DATA")
[ -n "$PARTITION" ] && COMMON+=(--partition="$PARTITION")
[ -n "$GPUS" ] && COMMON+=(--gres=gpu:"$GPUS")
TRAIN=""; ENCODE=""; RELOCATE=""; AFTER=""
if [ "$NTRAIN" -gt 0 ]; then
  TRAIN=$(sbatch "${COMMON[@]}" --requeue --job-name=lm-train --array=0-$((NTRAIN - 1)) \
    --output="$LOGS/train-%a.out" "$ROOT/environment/slurm/unit.sh" "$LOGS/train.txt")
  AFTER="$AFTER:$TRAIN"
fi
if [ "$NENCODE" -gt 0 ]; then
  ENCODE=$(sbatch "${COMMON[@]}" --requeue --job-name=lm-encode --array=0-$((NENCODE - 1)) \
    --dependency=aftercorr:"$TRAIN" --output="$LOGS/encode-%a.out" "$ROOT/environment/slurm/unit.sh" "$LOGS/encode.txt")
  AFTER="$AFTER:$ENCODE"
fi
if [ "$NRELOCATE" -gt 0 ]; then
  # named alone (--units relocate/type1), relocations run on what the zoo already holds
  AFTER_ENCODE=(); [ -n "$ENCODE" ] && AFTER_ENCODE=(--dependency=afterok:"$ENCODE")
  RELOCATE=$(sbatch "${COMMON[@]}" --requeue --job-name=lm-relocate --array=0-$((NRELOCATE - 1)) \
    "${AFTER_ENCODE[@]}" --output="$LOGS/relocate-%a.out" "$ROOT/environment/slurm/unit.sh" "$LOGS/relocate.txt")
  AFTER="$AFTER:$RELOCATE"
fi
DEPEND=(); [ -n "$AFTER" ] && DEPEND=(--dependency="afterok$AFTER")
# shellcheck disable=SC2086
WALK=$(sbatch "${COMMON[@]}" --job-name=lm-walkthrough "${DEPEND[@]}" \
  --output="$LOGS/walkthrough.out" "$ROOT/environment/slurm/walkthrough.sh" $NOTEBOOKS)
JOBS="$(echo $TRAIN $ENCODE $RELOCATE $WALK)"
echo "$JOBS" > "$LOGS/jobs.txt"
echo "[slurm] submitted: $NTRAIN training units (job ${TRAIN:-none}), $NENCODE encoding units (job ${ENCODE:-none}, each after its training),"
echo "[slurm] $NRELOCATE relocation units (job ${RELOCATE:-none}, after every encoding), the walkthrough (job $WALK, after them all);"
echo "[slurm] zoo $ZOO, profile $PROFILE, data $DATA"
echo "[slurm] follow: squeue -j ${JOBS// /,}    logs: $LOGS"
echo "[slurm] resume after a failure: run this again; finished units are read from the zoo, not computed again"
