#!/usr/bin/python3
"""Executes latentmap's notebooks headlessly and writes executed copies, HTML pages and an index.

    run_notebooks.py --profile smoke|full --out DIR [--timeout SECONDS] NOTEBOOK...

Each notebook runs in a fresh kernel with LATENTMAP_PROFILE set (and LATENTMAP_RESULTS, unless set, to DIR/results for the result files notebooks write). Its executed copy (.ipynb) and an HTML
page are written under DIR even when a cell fails, so the error can be read in context. The exit status
is 1 when any notebook failed, and the failing cell's error is printed.
"""
import argparse
import html
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    p for p in [str(ROOT / "build" / "jupyter"), os.environ.get("JUPYTER_PATH", "")] if p)

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError  # noqa: E402


def run(path: Path, out: Path, profile: str, timeout: int) -> dict:
    nb = nbformat.read(path, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name", "java")
    if kernel == "java" and not (ROOT / "build" / "jupyter" / "kernels" / "java" / "kernel.json").is_file():
        # without this checkout's kernelspec, Jupyter would pick one registered by another checkout, with its classes
        sys.exit(f"no Java kernelspec in {ROOT / 'build' / 'jupyter'}: run environment/setup.sh in {ROOT} first")
    os.environ["LATENTMAP_PROFILE"] = profile
    os.environ.setdefault("LATENTMAP_RESULTS", str((out / "results").resolve()))
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel,
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.time()
    error = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        error = str(e)
    except Exception as e:  # a kernel that does not start, a missing kernelspec
        error = f"{type(e).__name__}: {e}"
    seconds = time.time() - started
    rel = path.relative_to(ROOT / "notebooks") if path.is_relative_to(ROOT / "notebooks") else Path(path.name)
    target = out / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    html_page = target.with_suffix(".html")
    try:
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter().from_notebook_node(nb)
        html_page.write_text(body, encoding="utf-8")
    except Exception as e:  # the executed notebook matters more than its HTML page
        html_page = None
        print(f"  (no HTML page for {rel}: {e})", file=sys.stderr)
    return {"notebook": str(rel), "kernel": kernel, "seconds": round(seconds, 1), "ok": error is None,
            "error": error, "executed": str(target.relative_to(out)),
            "html": str(html_page.relative_to(out)) if html_page else None}


# result tables shown on the index page when a run wrote them, in the walkthrough's order
HEADLINES = [
    ("table2.csv", "Table 2: relocations between the fifteen models (notebooks 04-06)"),
    ("stylegan-inversion.csv", "StyleGAN: drawing images back by re-coder and by optimising w (notebook 07)"),
    ("stylegan-maps.csv", "StyleGAN: W and the Split-VAE's space, maps fitted on samples (notebook 07)"),
    ("support-strategies.csv", "Beyond the paper: support-set strategies and sizes (notebook 08)"),
    ("map-family-winners.csv", "Beyond the paper: the best map family (notebook 08)"),
]


def csv_table(path: Path, title: str) -> str:
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        return ""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows[1:])
    return f"<h3>{html.escape(title)}</h3>\n<table class=\"result\"><tr>{head}</tr>{body}</table>"


def results_section(out: Path) -> str:
    folder = Path(os.environ.get("LATENTMAP_RESULTS", out / "results"))
    if not folder.is_dir():
        return ""
    parts = [csv_table(folder / name, title) for name, title in HEADLINES if (folder / name).is_file()]
    files = sorted(p for p in folder.iterdir() if p.is_file())
    if files:
        links = ", ".join(f'<a href="{html.escape(os.path.relpath(p, out))}">{html.escape(p.name)}</a>' for p in files)
        parts.append(f"<p>Every result file: {links}</p>")
    return ("<h2>Results</h2>\n" + "\n".join(parts)) if parts else ""


def write_index(out: Path, profile: str, results: list):
    rows = []
    for r in results:
        status = "ok" if r["ok"] else "FAILED"
        link = f'<a href="{html.escape(r["html"])}">{html.escape(r["notebook"])}</a>' if r["html"] else html.escape(r["notebook"])
        rows.append(f"<tr><td>{link}</td><td>{r['kernel']}</td><td>{status}</td><td>{r['seconds']:.1f} s</td>"
                    f"<td><a href=\"{html.escape(r['executed'])}\">.ipynb</a></td></tr>")
    total = sum(r["seconds"] for r in results)
    page = f"""<!DOCTYPE html><meta charset="utf-8"><title>latentmap walkthrough ({profile})</title>
<style>body{{font-family:sans-serif;margin:2em}}td,th{{padding:4px 12px;text-align:left}}
table.result{{border-collapse:collapse}}table.result td,table.result th{{border-bottom:1px solid #ddd}}</style>
<h1>latentmap: the paper walkthrough</h1>
<p>Asperti and Tonelli, <i>Comparing the latent space of generative models</i> (2022), reproduced in Java.
Profile <b>{profile}</b>, {len(results)} notebooks, {total:.0f} s in all, written {time.strftime('%Y-%m-%d %H:%M')}.</p>
<table><tr><th>notebook</th><th>kernel</th><th>status</th><th>time</th><th>executed copy</th></tr>
{chr(10).join(rows)}
</table>
{results_section(out)}
"""
    (out / "index.html").write_text(page, encoding="utf-8")
    (out / "summary.json").write_text(json.dumps({"profile": profile, "results": results}, indent=2))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", choices=["smoke", "full", "paper"], default="full")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--timeout", type=int, default=None, help="seconds per cell")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args()
    timeout = args.timeout or (300 if args.profile == "smoke" else 3600)
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for nb in args.notebooks:
        nb = nb.resolve()
        print(f"[notebooks] {nb.relative_to(ROOT) if nb.is_relative_to(ROOT) else nb} ({args.profile}) ...", flush=True)
        result = run(nb, args.out, args.profile, timeout)
        results.append(result)
        print(f"[notebooks]   {'ok' if result['ok'] else 'FAILED'} in {result['seconds']:.1f} s"
              f" -> {args.out / result['executed']}", flush=True)
        if not result["ok"]:
            print(result["error"], file=sys.stderr, flush=True)
    write_index(args.out, args.profile, results)
    failed = [r["notebook"] for r in results if not r["ok"]]
    print(f"[notebooks] {len(results) - len(failed)} passed, {len(failed)} failed; index: {args.out / 'index.html'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
