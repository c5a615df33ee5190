#!/usr/bin/env bash
# Starts Jupyter (Debian's classic Notebook) on the notebooks folder, with latentmap's kernels, listening on
# 127.0.0.1 only and guarded by a token. Sets up first what is missing (environment/setup.sh).
#
#   environment/notebook.sh                 port 8888, a fresh random token
#   LATENTMAP_PORT=9000 LATENTMAP_TOKEN=... environment/notebook.sh
#
# Open the URL it prints (it carries the token). Stop it with Ctrl-C (twice) or by ending the process.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="/usr/bin:$PATH"

if [ ! -f build/jupyter/kernels/java/kernel.json ] || [ ! -f target/latentmap.jar ] || [ ! -x /usr/bin/jupyter ]; then
  bash environment/setup.sh
fi

PORT="${LATENTMAP_PORT:-8888}"
TOKEN="${LATENTMAP_TOKEN:-$(/usr/bin/python3 -c 'import secrets; print(secrets.token_hex(24))')}"
[ -n "$TOKEN" ] || { echo "[notebook] an empty token would leave the server open to anyone on this machine: set LATENTMAP_TOKEN or leave it unset" >&2; exit 1; }
ROOT_FLAG=()
[ "$(id -u)" -eq 0 ] && ROOT_FLAG=(--allow-root)

# the project's kernelspecs first, so that they win over other kernels of the same name
export JUPYTER_PATH="$ROOT/build/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
echo "[notebook] serving $ROOT/notebooks at http://127.0.0.1:$PORT/tree?token=$TOKEN"
echo "[notebook] (port $PORT taken? start it with LATENTMAP_PORT=<another port>)"
exec /usr/bin/jupyter notebook --no-browser "${ROOT_FLAG[@]}" --ip=127.0.0.1 --port="$PORT" \
  --NotebookApp.port_retries=0 --NotebookApp.token="$TOKEN" --notebook-dir="$ROOT/notebooks"
