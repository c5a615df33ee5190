#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for trying the cluster path and for the tests (not for production):
#   environment/slurm/local-cluster.sh start DIR   installs Debian's Slurm and munge where missing (as root), writes
#                                                 DIR/slurm.conf and starts munged, slurmctld and slurmd on 127.0.0.1
#   environment/slurm/local-cluster.sh stop DIR    stops what start started (by their pid files)
# After start: export SLURM_CONF=DIR/slurm.conf, then sbatch, squeue and sinfo talk to it. Nothing is left running
# after stop, and nothing is written under /etc.
set -euo pipefail
ACTION="${1:?start or stop}"
DIR="$(mkdir -p "${2:?a folder for the cluster configuration and state}" && cd "$2" && pwd)"
CPUS="${LOCAL_CLUSTER_CPUS:-$(nproc)}"
TOTAL_KB="$(awk '/MemTotal/ {print $2}' /proc/meminfo)"
MEM_MB="${LOCAL_CLUSTER_MEM_MB:-$((TOTAL_KB / 1024 * 3 / 4))}"

stop() {
  for d in slurmd slurmctld munged; do
    if [ -f "$DIR/$d.pid" ]; then
      pid="$(cat "$DIR/$d.pid" 2>/dev/null || true)"
      if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      fi
      rm -f "$DIR/$d.pid"
    fi
  done
}

if [ "$ACTION" = stop ]; then stop; echo "[slurm] local cluster in $DIR stopped"; exit 0; fi
[ "$ACTION" = start ] || { echo "start or stop, not $ACTION" >&2; exit 2; }

# root installs what is missing and runs the daemons
[ "$(id -u)" = 0 ] || { echo "[slurm] the local cluster installs Slurm where missing and runs its daemons as root: run this as root" >&2; exit 1; }
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
    || ! command -v munged >/dev/null; then
  echo "[slurm] installing Debian's Slurm and munge (about 12 MB)"
  # no system-wide service may start from the install (a container's policy-rc.d says the same; ours only while
  # installing): the cluster's daemons are started below, with their own configuration, and stopped by stop
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi

mkdir -p "$DIR/state" "$DIR/spool" "$DIR/munge"
[ -f /etc/munge/munge.key ] || { mkdir -p /etc/munge; dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 2>/dev/null; }
chmod 400 /etc/munge/munge.key
# ports of our own, so that a system's Slurm (if any) is left alone
PORT=$(( 17000 + RANDOM % 2000 ))
cat > "$DIR/slurm.conf" <<CONF
ClusterName=latentmap-local
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$DIR/munge/munge.socket.2
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/slurmctld.log
SlurmdLogFile=$DIR/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MpiDefault=none
# the node offers the CPUs configured here even where the machine has fewer (LOCAL_CLUSTER_CPUS, for tests)
SlurmdParameters=config_overrides
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
printf 'CgroupPlugin=cgroup/v1\nIgnoreSystemd=yes\n' > "$DIR/cgroup.conf"

stop
munged --socket="$DIR/munge/munge.socket.2" --pid-file="$DIR/munged.pid" --log-file="$DIR/munged.log" \
  --seed-file="$DIR/munge/munge.seed" --force
slurmctld -f "$DIR/slurm.conf"
slurmd -f "$DIR/slurm.conf"
export SLURM_CONF="$DIR/slurm.conf"
for _ in $(seq 60); do
  if sinfo -h -o '%t' 2>/dev/null | grep -qx 'idle'; then
    echo "[slurm] local cluster up: export SLURM_CONF=$DIR/slurm.conf ($CPUS CPUs, $MEM_MB MB)"; exit 0
  fi
  sleep 0.5
done
echo "[slurm] the node did not come up in 30 s; see $DIR/slurmctld.log and $DIR/slurmd.log" >&2
stop
exit 1
