#!/usr/bin/python3
"""Executes latentmap's notebooks headlessly and writes executed copies, HTML pages and an index.

    run_notebooks.py --profile smoke|full --out DIR [--timeout SECONDS] [--append] [--kernel NAME] [--kernels DIR] NOTEBOOK...

Each notebook runs in a fresh kernel with LATENTMAP_PROFILE set (and LATENTMAP_RESULTS, unless set, to DIR/results for the result files notebooks write). Its executed copy (.ipynb) and an HTML
page are written under DIR even when a cell fails, so the error can be read in context. The exit status
is 1 when any notebook failed, and the failing cell's error is printed. A cell may take 300 s in the smoke profile
(--timeout sets another limit) and any time in the others, but a kernel that says nothing for 20 minutes is taken
to hang and is stopped, with a line saying so.
"""
import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    p for p in [str(ROOT / "build" / "jupyter"), os.environ.get("JUPYTER_PATH", "")] if p)
sys.path.insert(0, str(Path(__file__).resolve().parent))

from notebook_runner.execute import STALL_SECONDS, headlines_of, run  # noqa: E402,F401 (headlines_of: for the tests)
from notebook_runner.index import csv_table, results_section, write_index  # noqa: E402,F401
from notebook_runner.results import NotebookResult  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", choices=["smoke", "full", "paper"], default="full")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--timeout", type=int, default=None,
                        help="seconds a cell may take in all (default: 300 in the smoke profile, no limit in the others);"
                             " in every profile a kernel silent for 20 minutes is interrupted")
    parser.add_argument("--stall", type=int, default=None, help=argparse.SUPPRESS)  # seconds of silence, for tests
    parser.add_argument("--append", action="store_true",
                        help="keep the notebooks an earlier run of the same profile listed in DIR's index (for runs one notebook at a time)")
    parser.add_argument("--kernel", default=None,
                        help="run every notebook in this kernelspec instead of the one it names (for example one that "
                             "sets no environment, as an IJava or JJava user's has)")
    parser.add_argument("--kernels", type=Path, default=None,
                        help="a Jupyter data folder (holding kernels/) whose kernelspecs come before the project's own"
                             " build/jupyter (the tests' copies, for example)")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args()
    if args.kernels:
        os.environ["JUPYTER_PATH"] = os.pathsep.join([str(args.kernels.resolve()), os.environ["JUPYTER_PATH"]])
    timeout = args.timeout or (300 if args.profile == "smoke" else None)
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for nb in args.notebooks:
        nb = nb.resolve()
        print(f"[notebooks] {nb.relative_to(ROOT) if nb.is_relative_to(ROOT) else nb} ({args.profile}) ...", flush=True)
        result = run(nb, args.out, args.profile, timeout, args.kernel, args.stall or STALL_SECONDS)
        results.append(result)
        if result.skipped:
            print(f"[notebooks]   skipped: {result.skipped}", flush=True)
            continue
        timed = [s for s in result.steps if s["seconds"] > 0]
        longest = max(timed, key=lambda s: s["seconds"]) if timed else None
        print(f"[notebooks]   {'ok' if result.ok else 'FAILED'} in {result.seconds:.1f} s"
              + (f", peak {result.peak_resident_mib:,} MiB resident" if result.peak_resident_mib else "")
              + (f" (longest step: {longest['step']}, {longest['seconds']:.1f} s)" if longest else "")
              + f" -> {args.out / result.executed}", flush=True)
        if not result.ok:
            print(result.error, file=sys.stderr, flush=True)
    listed = results
    summary = args.out / "summary.json"
    if args.append and summary.is_file():
        earlier = json.loads(summary.read_text())
        if earlier.get("profile") == args.profile:
            now = {r.notebook: r for r in results}
            listed = [now.pop(r["notebook"], None) or NotebookResult.from_json(r) for r in earlier["results"]] \
                + list(now.values())
    write_index(args.out, args.profile, listed)
    failed = [r.notebook for r in results if not r.ok]
    skipped = [r.notebook for r in results if r.skipped]
    print(f"[notebooks] {len(results) - len(failed) - len(skipped)} passed, {len(failed)} failed"
          + (f", {len(skipped)} skipped" if skipped else "") + f"; index: {args.out / 'index.html'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
