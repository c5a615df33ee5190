#!/usr/bin/env bash
# Speed of one training step of each model family, latentmap (Java, DJL + PyTorch's C++ library) against
# the same networks in PyTorch for Python (Debian's python3-torch), same batch size and thread count,
# measured in turns (Java, Python, Python with oneDNN held to AVX as latentmap holds it, Java, ...) in one run.
# Prints images/s and the ratios Java/Python, against PyTorch's own choice of instructions and against AVX.
# Usage: bash benchmark/run.sh [ROUNDS] [STEPS] [BATCH] [THREADS]   (defaults 3 30 64 2)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}; STEPS=${2:-30}; BATCH=${3:-64}; THREADS=${4:-2}
export PATH="/usr/bin:$PATH"
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  echo "[benchmark] installing Debian's python3-torch (once)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-torch >/dev/null
fi
[ -f target/latentmap.jar ] || mvn -q -B package -DskipTests
JAVA=(java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$THREADS" -Dai.djl.pytorch.num_interop_threads=1
      -cp "target/latentmap.jar:target/lib/*" org.latentmap.bench.TrainingStepBenchmark)
PY=(/usr/bin/python3 benchmark/torch_step.py)
RESULTS=$(mktemp)
echo "[benchmark] batch $BATCH, $THREADS threads, $STEPS timed steps after 5 warm-up, $ROUNDS rounds; torch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)')"
for round in $(seq "$ROUNDS"); do
  for family in vae gan split-vae flow diffusion; do
    echo "java $("${JAVA[@]}" "$family" "$BATCH" "$STEPS" 2>/dev/null | tail -1)" >> "$RESULTS"
    echo "python $(OMP_NUM_THREADS=$THREADS "${PY[@]}" "$family" "$BATCH" "$STEPS" "$THREADS" | tail -1)" >> "$RESULTS"
    echo "python-avx $(ONEDNN_MAX_CPU_ISA=AVX OMP_NUM_THREADS=$THREADS "${PY[@]}" "$family" "$BATCH" "$STEPS" "$THREADS" | tail -1)" >> "$RESULTS"
  done
  echo "[benchmark] round $round done"
done
/usr/bin/python3 - "$RESULTS" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
print(f"{'family':<10} {'latentmap img/s':>16} {'PyTorch img/s':>14} {'ratio':>6} {'PyTorch at AVX':>15} {'ratio':>6}"
      "   (medians; every run)")
for family in ["vae", "gan", "split-vae", "flow", "diffusion"]:
    java = [float(r[2]) for r in rows if r[0] == "java" and r[1] == family]
    py = [float(r[2]) for r in rows if r[0] == "python" and r[1] == family]
    avx = [float(r[2]) for r in rows if r[0] == "python-avx" and r[1] == family]
    j, p, a = statistics.median(java), statistics.median(py), statistics.median(avx)
    print(f"{family:<10} {j:>16.0f} {p:>14.0f} {j / p:>6.2f} {a:>15.0f} {j / a:>6.2f}"
          f"   java {java} python {py} python at AVX {avx}")
PY
rm -f "$RESULTS"
