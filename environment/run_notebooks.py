#!/usr/bin/python3
"""Executes latentmap's notebooks headlessly and writes executed copies, HTML pages and an index.

    run_notebooks.py --profile smoke|full --out DIR [--timeout SECONDS] [--append] NOTEBOOK...

Each notebook runs in a fresh kernel with LATENTMAP_PROFILE set (and LATENTMAP_RESULTS, unless set, to DIR/results for the result files notebooks write). Its executed copy (.ipynb) and an HTML
page are written under DIR even when a cell fails, so the error can be read in context. The exit status
is 1 when any notebook failed, and the failing cell's error is printed.
"""
import argparse
import html
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    p for p in [str(ROOT / "build" / "jupyter"), os.environ.get("JUPYTER_PATH", "")] if p)

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError  # noqa: E402
from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402


class LiveConsole:
    """Tells the person at the terminal what a notebook is doing while it runs: its current section and the
    latest progress line its cells print (training steps, relocation counts). On a terminal one line is
    rewritten in place; in a log a line is printed when the section changes, when there is news at most every
    few seconds, and at least once a minute (so a long cell still shows it is alive)."""

    LOG_EVERY = 5.0    # seconds between progress lines in a log
    ALIVE_EVERY = 55.0  # a line at least this often in a log, news or not

    def __init__(self, name: str, stream=sys.stdout):
        import threading
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.name = name
        self.stream = stream
        self.tty = stream.isatty()
        self.section = ""
        self.latest = ""
        self.started = time.time()
        self.printed = 0.0
        self.printed_text = None
        self.width = 0
        # a cell that prints nothing for minutes sends no message: a clock keeps the line alive
        threading.Thread(target=self._clock, daemon=True).start()

    def _clock(self):
        while not self.stop.wait(5.0):
            self.tick()

    def new_section(self, title: str):
        if title and title != self.section:
            self.section = title
            self.latest = ""
            self._show(force=True)

    def cell_started(self):
        self._show()

    def text(self, text: str):
        # a progress line rewrites itself with carriage returns: keep what the last one says
        for piece in re.split(r"[\r\n]+", text):
            piece = piece.strip()
            if piece:
                self.latest = piece
        self._show()

    def tick(self):
        self._show()

    def _line(self) -> str:
        elapsed = int(time.time() - self.started)
        parts = [f"[notebooks] {self.name}", f"{elapsed // 60}:{elapsed % 60:02d}"]
        if self.section:
            parts.append(self.section)
        if self.latest:
            parts.append(self.latest)
        return " · ".join(parts)

    def _show(self, force: bool = False):
        with self.lock:
            self._show_locked(force)

    def _show_locked(self, force: bool):
        if self.stop.is_set():
            return
        now = time.time()
        line = self._line()
        if self.tty:
            columns = shutil.get_terminal_size((120, 20)).columns - 1
            line = line[:columns]
            self.stream.write("\r" + line + " " * max(0, self.width - len(line)))
            self.width = len(line)
            self.stream.flush()
            return
        news = (self.section, self.latest) != self.printed_text
        if force or (news and now - self.printed >= self.LOG_EVERY) or now - self.printed >= self.ALIVE_EVERY:
            print(line, file=self.stream, flush=True)
            self.printed = now
            self.printed_text = (self.section, self.latest)

    def done(self):
        with self.lock:
            self.stop.set()
        if self.tty and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def peak_resident_bytes(pid) -> int:
    """The kernel process's peak resident memory so far (VmHWM: heap and native memory together)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, TypeError):
        pass
    return 0


# Kernel lines on standard error that say nothing (blank ones); every other line is shown on the console
# after the notebook and kept in full in the notebook's .kernel.log beside its executed copy.
BENIGN_STDERR = [re.compile(r"^\s*$")]


def headlines_of(nb) -> list:
    """The result tables a notebook declares for the index, in its metadata:
    "latentmap": {"results": [{"file": "table2.csv", "title": "...", "first": true}]} ("first": shown before the rest)."""
    declared = nb.metadata.get("latentmap", {}).get("results", [])
    return [{"file": str(h["file"]), "title": str(h.get("title", h["file"])), "first": bool(h.get("first", False))}
            for h in declared if isinstance(h, dict) and h.get("file")]


def run(path: Path, out: Path, profile: str, timeout: int, kernel_override: str = None) -> dict:
    nb = nbformat.read(path, as_version=4)
    kernel = kernel_override or nb.metadata.get("kernelspec", {}).get("name", "java")
    headlines = headlines_of(nb)
    rel = path.relative_to(ROOT / "notebooks") if path.is_relative_to(ROOT / "notebooks") else Path(path.name)
    if kernel_override:
        if kernel_override not in KernelSpecManager().find_kernel_specs():
            sys.exit(f"no kernelspec named {kernel_override} on JUPYTER_PATH ({os.environ['JUPYTER_PATH']}) or in Jupyter's folders")
    elif not (ROOT / "build" / "jupyter" / "kernels" / kernel / "kernel.json").is_file():
        if kernel == "java":
            # without this checkout's kernelspec, Jupyter would pick one registered by another checkout, with its classes
            sys.exit(f"no Java kernelspec in {ROOT / 'build' / 'jupyter'}: run environment/setup.sh in {ROOT} first")
        return {"notebook": str(rel), "kernel": kernel, "seconds": 0.0, "ok": True, "executed": None, "html": None,
                "error": None, "steps": [], "headlines": headlines,
                "skipped": f"the {kernel} kernel is not installed here (environment/setup.sh installs it on Java 17)"}
    os.environ["LATENTMAP_PROFILE"] = profile
    os.environ.setdefault("LATENTMAP_RESULTS", str((out / "results").resolve()))
    starts = {}  # cell index -> when it was sent to the kernel; cells run one after another
    console = LiveConsole(str(rel))
    peak = {"bytes": 0}
    sections = section_of_cells(nb)

    def kernel_pid(client):
        provisioner = getattr(client.km, "provisioner", None)
        process = getattr(provisioner, "process", None) or getattr(client.km, "kernel", None)
        return getattr(process, "pid", None)

    def cell_sent(cell, cell_index, **_):
        starts[cell_index] = time.time()
        console.new_section(sections.get(cell_index, ""))
        console.cell_started()

    def measure(always=False):  # the kernel's peak so far: after every cell, and at most once a second between
        if always or time.time() - peak.get("read", 0) >= 1:
            peak["read"] = time.time()
            peak["bytes"] = max(peak["bytes"], peak_resident_bytes(kernel_pid(client)))

    cell_peaks = {}  # cell index -> the kernel's peak resident bytes once the cell was done

    def cell_done(cell, cell_index, **_):
        measure(always=True)
        cell_peaks[cell_index] = peak["bytes"]

    client = LiveClient(nb, console, on_message=measure, timeout=timeout, kernel_name=kernel, on_cell_execute=cell_sent,
                        on_cell_executed=cell_done, resources={"metadata": {"path": str(path.parent)}})
    target = out / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    log = target.with_suffix(".kernel.log")
    started = time.time()
    error = None
    try:
        with open(log, "w") as stderr:
            client.execute(stderr=stderr)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        error = str(e)
    except Exception as e:  # a kernel that does not start, a missing kernelspec
        error = f"{type(e).__name__}: {e}"
    console.done()
    ended = time.time()
    seconds = ended - started
    kernel_lines = [line.rstrip() for line in log.read_text(errors="replace").splitlines()] if log.is_file() else []
    notable = [line for line in kernel_lines if not any(p.search(line) for p in BENIGN_STDERR)]
    if notable:
        print(f"[notebooks]   the kernel wrote {len(notable)} line(s) to standard error ({log}):", flush=True)
        for line in notable[:5]:
            print(f"[notebooks]     {line[:200]}", flush=True)
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
            "peak_resident_mib": round(peak["bytes"] / 2**20) if peak["bytes"] else None,
            "error": error, "executed": str(target.relative_to(out)),
            "html": str(html_page.relative_to(out)) if html_page else None,
            "steps": steps(nb, starts, started, ended, cell_peaks), "headlines": headlines}


class LiveClient(NotebookClient):
    """nbclient's client, with every stream a cell prints also shown on the console as it arrives."""

    def __init__(self, nb, console: LiveConsole, on_message=None, **kwargs):
        super().__init__(nb, **kwargs)
        self.console = console
        self.on_message = on_message

    def process_message(self, msg, cell, cell_index):
        if self.on_message:
            self.on_message()
        if msg.get("msg_type") == "stream":
            self.console.text(msg.get("content", {}).get("text", ""))
        else:
            self.console.tick()
        return super().process_message(msg, cell, cell_index)


def heading(cell):
    """A markdown cell's last heading (it names what follows), or None."""
    if cell.cell_type != "markdown":
        return None
    headings = [line for line in cell.source.split("\n") if line.startswith("#")]
    return headings[-1].lstrip("#").strip() if headings else None


def section_of_cells(nb) -> dict:
    """Each code cell's index -> the last markdown heading before it."""
    section, result = "", {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            section = heading(cell) or section
        else:
            result[index] = section
    return result


def steps(nb, starts: dict, started: float, ended: float, cell_peaks: dict = None) -> list:
    """The notebook's sections (its markdown headings) with the seconds their code cells took, in order;
    the kernel's start comes first. A cell's time runs until the next cell was sent (or the run ended). A
    section's peak_resident_mib is the kernel's peak so far when its last cell was done: the section where it
    jumps is the one that took the memory."""
    cell_peaks = cell_peaks or {}
    times = sorted(starts.items())
    seconds = {}
    for k, (index, start) in enumerate(times):
        seconds[index] = (times[k + 1][1] if k + 1 < len(times) else ended) - start
    result = [{"step": "kernel start", "seconds": round((times[0][1] if times else ended) - started, 1)}]
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            if heading(cell):
                result.append({"step": heading(cell), "seconds": 0.0})
        elif index in seconds:
            if len(result) == 1:
                result.append({"step": "(before the first heading)", "seconds": 0.0})
            result[-1]["seconds"] = round(result[-1]["seconds"] + seconds[index], 1)
            if cell_peaks.get(index):
                result[-1]["peak_resident_mib"] = round(cell_peaks[index] / 2**20)
    return result


def readable(cell: str) -> str:
    """A number as people read a paper's table: 3 significant digits; text as it is."""
    try:
        value = float(cell)
    except ValueError:
        return cell
    if value != value or value in (float("inf"), float("-inf")):
        return cell
    if value == int(value) and abs(value) < 1e6 and "." not in cell and "e" not in cell.lower():
        return cell
    return f"{value:.3g}"


def shown_columns(header: list) -> list:
    """Columns to show: "X mean" and "X sd" become one "X" column (mean ± sd); the rest as they are."""
    shown, used = [], set()
    for i, name in enumerate(header):
        if i in used:
            continue
        if name.endswith(" mean") and name[:-5] + " sd" in header:
            j = header.index(name[:-5] + " sd")
            used.add(j)
            shown.append((name[:-5], (i, j)))
        else:
            shown.append((name, (i,)))
    return shown


def csv_table(path: Path, title: str, href: str = "") -> str:
    """A result CSV as a readable table (3 significant digits, mean ± sd); the CSV keeps every digit."""
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        return ""
    columns = shown_columns(rows[0])
    head = "".join(f"<th>{html.escape(name.replace('baseline: ', ''))}</th>" for name, _ in columns)

    def cell(row, where):
        if len(where) == 2:
            mean = readable(row[where[0]])
            try:
                decimals = len(mean.split(".")[1]) if "." in mean and "e" not in mean else 0
                return f"{mean} ± {float(row[where[1]]):.{decimals}f}"
            except ValueError:
                return f"{mean} ± {row[where[1]]}"
        return readable(row[where[0]]) if where[0] < len(row) else ""
    body = "".join("<tr>" + "".join(f"<td>{html.escape(cell(row, where))}</td>" for _, where in columns) + "</tr>"
                   for row in rows[1:])
    return (f"<h3>{html.escape(title)}</h3>\n<div class=\"scroll\"><table class=\"result\"><tr>{head}</tr>{body}</table></div>"
            f"<p class=\"note\">Full precision in <a href=\"{html.escape(href or path.name)}\">{html.escape(path.name)}</a>.</p>")


def results_section(out: Path, results: list) -> str:
    """The result tables the notebooks declare (headlines_of), "first" ones first, then in notebook order."""
    folder = Path(os.environ.get("LATENTMAP_RESULTS", out / "results"))
    if not folder.is_dir():
        return ""
    declared = [h for r in results for h in r.get("headlines", [])]
    declared.sort(key=lambda h: not h["first"])  # stable: notebook order within each group
    parts = [csv_table(folder / h["file"], h["title"], os.path.relpath(folder / h["file"], out)) for h in declared
             if (folder / h["file"]).is_file()]
    files = sorted(p for p in folder.iterdir() if p.is_file())
    if files:
        links = ", ".join(f'<a href="{html.escape(os.path.relpath(p, out))}">{html.escape(p.name)}</a>' for p in files)
        parts.append(f"<p>Every result file: {links}</p>")
    return ("<h2>Results</h2>\n" + "\n".join(parts)) if parts else ""


def steps_cell(steps: list) -> str:
    """The longest step in a line; every step with its seconds when opened."""
    timed = [s for s in steps if s["seconds"] > 0]
    if not timed:
        return ""
    longest = max(timed, key=lambda s: s["seconds"])
    items = "".join(f"<li>{html.escape(s['step'])}: {s['seconds']:.1f} s"
                    + (f", peak so far {s['peak_resident_mib']:,} MiB" if s.get("peak_resident_mib") else "") + "</li>"
                    for s in steps)
    return (f"<details><summary>longest: {html.escape(longest['step'])} ({longest['seconds']:.1f} s)</summary>"
            f"<ol>{items}</ol></details>")


def write_index(out: Path, profile: str, results: list):
    rows = []
    for r in results:
        status = html.escape("skipped: " + r["skipped"]) if r.get("skipped") else "ok" if r["ok"] else "FAILED"
        link = f'<a href="{html.escape(r["html"])}">{html.escape(r["notebook"])}</a>' if r["html"] else html.escape(r["notebook"])
        memory = f"{r['peak_resident_mib']:,} MiB" if r.get("peak_resident_mib") else ""
        rows.append(f"<tr><td>{link}</td><td>{r['kernel']}</td><td>{status}</td><td>{r['seconds']:.1f} s</td><td>{memory}</td>"
                    f"<td>{steps_cell(r.get('steps', []))}</td>"
                    + (f"<td><a href=\"{html.escape(r['executed'])}\">.ipynb</a></td></tr>" if r["executed"] else "<td></td></tr>"))
    total = sum(r["seconds"] for r in results)
    page = f"""<!DOCTYPE html><meta charset="utf-8"><title>latentmap walkthrough ({profile})</title>
<style>body{{font-family:sans-serif;margin:2em}}td,th{{padding:4px 12px;text-align:left}}
table.result{{border-collapse:collapse;font-size:13px}}table.result td,table.result th{{border-bottom:1px solid #ddd;padding:3px 8px}}
div.scroll{{max-width:1280px;overflow-x:auto}}p.note{{font-size:12px;color:#666}}</style>
<h1>latentmap: the paper walkthrough</h1>
<p>Asperti and Tonelli, <i>Comparing the latent space of generative models</i> (2022), reproduced in Java.
Profile <b>{profile}</b>, {len(results)} notebooks, {total:.0f} s in all, written {time.strftime('%Y-%m-%d %H:%M')}.</p>
<table><tr><th>notebook</th><th>kernel</th><th>status</th><th>time</th><th>peak memory</th><th>where the time went</th><th>executed copy</th></tr>
{chr(10).join(rows)}
</table>
{results_section(out, results)}
"""
    (out / "index.html").write_text(page, encoding="utf-8")
    (out / "summary.json").write_text(json.dumps({"profile": profile, "results": results}, indent=2))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", choices=["smoke", "full", "paper"], default="full")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--timeout", type=int, default=None, help="seconds per cell")
    parser.add_argument("--append", action="store_true",
                        help="keep the notebooks an earlier run of the same profile listed in DIR's index (for runs one notebook at a time)")
    parser.add_argument("--kernel", default=None,
                        help="run every notebook in this kernelspec instead of the one it names (for example one that "
                             "sets no environment, as an IJava or JJava user's has)")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args()
    timeout = args.timeout or (300 if args.profile == "smoke" else 3600)
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for nb in args.notebooks:
        nb = nb.resolve()
        print(f"[notebooks] {nb.relative_to(ROOT) if nb.is_relative_to(ROOT) else nb} ({args.profile}) ...", flush=True)
        result = run(nb, args.out, args.profile, timeout, args.kernel)
        results.append(result)
        if result.get("skipped"):
            print(f"[notebooks]   skipped: {result['skipped']}", flush=True)
            continue
        timed = [s for s in result["steps"] if s["seconds"] > 0]
        longest = max(timed, key=lambda s: s["seconds"]) if timed else None
        print(f"[notebooks]   {'ok' if result['ok'] else 'FAILED'} in {result['seconds']:.1f} s"
              + (f", peak {result['peak_resident_mib']:,} MiB resident" if result.get("peak_resident_mib") else "")
              + (f" (longest step: {longest['step']}, {longest['seconds']:.1f} s)" if longest else "")
              + f" -> {args.out / result['executed']}", flush=True)
        if not result["ok"]:
            print(result["error"], file=sys.stderr, flush=True)
    listed = results
    summary = args.out / "summary.json"
    if args.append and summary.is_file():
        earlier = json.loads(summary.read_text())
        if earlier.get("profile") == args.profile:
            now = {r["notebook"]: r for r in results}
            listed = [now.pop(r["notebook"], r) for r in earlier["results"]] + list(now.values())
    write_index(args.out, args.profile, listed)
    failed = [r["notebook"] for r in results if not r["ok"]]
    skipped = [r["notebook"] for r in results if r.get("skipped")]
    print(f"[notebooks] {len(results) - len(failed) - len(skipped)} passed, {len(failed)} failed"
          + (f", {len(skipped)} skipped" if skipped else "") + f"; index: {args.out / 'index.html'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
