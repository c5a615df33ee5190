#!/usr/bin/env bash
# One unit of the walkthrough as a Slurm array task (submitted by submit.sh): line SLURM_ARRAY_TASK_ID + 1 of the
# unit list $1 names the unit; UnitCommand runs it in the shared zoo (LATENTMAP_ZOO), in the project LATENTMAP_HOME.
# Requeued after pre-emption, a training resumes from its last checkpoint (the zoo takes over the lock it left).
# LATENTMAP_UNIT_JAVA_OPTS adds JVM options (the tests' short units: -XX:TieredStopAtLevel=1).
set -euo pipefail
cd "${LATENTMAP_HOME:?the project folder, on the shared file system}"
LIST="${1:?the unit list submit.sh wrote}"
UNIT="$(sed -n "$((${SLURM_ARRAY_TASK_ID:-0} + 1))p" "$LIST")"
[ -n "$UNIT" ] || { echo "no unit at line $((${SLURM_ARRAY_TASK_ID:-0} + 1)) of $LIST" >&2; exit 2; }
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
echo "[unit] $UNIT on $(hostname), ${SLURM_CPUS_PER_TASK:-?} CPUs, job ${SLURM_JOB_ID:-?}"
# shellcheck disable=SC2086
exec java -Dai.djl.offline=true -Xmx"${LATENTMAP_UNIT_HEAP:-4g}" ${LATENTMAP_UNIT_JAVA_OPTS:-} \
  -cp "target/latentmap.jar:target/lib/*" \
  org.latentmap.units.UnitCommand run "$UNIT"
