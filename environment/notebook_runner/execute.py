"""Executing one notebook in a fresh kernel: its executed copy, HTML page, timings by section and peak memory."""
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from jupyter_client.kernelspec import KernelSpecManager

from .console import LiveConsole
from .results import NotebookResult

ROOT = Path(__file__).resolve().parent.parent.parent


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


# A kernel that says nothing for this long is taken to hang and is interrupted: every long computation of the
# walkthrough prints a progress line every few seconds. A total time per cell is no guard in the full and paper
# profiles: training the 15 models in one cell takes 30 minutes on one machine and over an hour on another, CelebA's
# hours (the 60-minute limit of before stopped notebook 01 from nothing on a 2-core AMD EPYC machine).
STALL_SECONDS = 20 * 60


class StallWatch:
    """Stops the kernel of a running notebook when no message came from it for `limit` seconds, and says so: the
    kernel's process is ended (SIGTERM), nbclient reports the dead kernel, and the runner goes on to the next
    notebook. (Interrupting would keep the kernel, but jupyter_client's interrupt is a coroutine of the runner's own
    loop, out of reach of this watcher's thread.)"""

    def __init__(self, limit: float, pid):
        import threading
        self.limit = limit
        self.pid = pid  # the kernel's process id, when known
        self.last = time.time()
        self.stalled = False
        self.done = threading.Event()
        threading.Thread(target=self._watch, daemon=True).start()

    def heard(self):
        self.last = time.time()

    def _watch(self):
        import signal
        while not self.done.wait(1.0):
            if not self.stalled and time.time() - self.last > self.limit:
                pid = self.pid()
                if pid is None:
                    continue
                self.stalled = True
                print(f"\n[notebooks] the kernel said nothing for {self.limit / 60:.1f} minutes: stopping it", flush=True)
                try:
                    os.kill(pid, signal.SIGTERM)
                except OSError as e:
                    print(f"[notebooks] could not stop the kernel ({pid}): {e}", file=sys.stderr, flush=True)

    def stop(self):
        self.done.set()


def run(path: Path, out: Path, profile: str, timeout: int, kernel_override: str = None,
        stall: float = STALL_SECONDS) -> NotebookResult:
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
        return NotebookResult(str(rel), kernel, headlines=headlines,
                              skipped=f"the {kernel} kernel is not installed here (environment/setup.sh installs it on Java 17)")
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
        watch.heard()
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

    watch = StallWatch(stall, lambda: kernel_pid(client))

    def heard():
        watch.heard()
        measure()

    client = LiveClient(nb, console, on_message=heard, timeout=timeout, kernel_name=kernel, on_cell_execute=cell_sent,
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
    watch.stop()
    if watch.stalled and error is not None:
        error = f"the kernel said nothing for {stall / 60:.1f} minutes and was stopped (a hang?):\n{error}"
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
    return NotebookResult(str(rel), kernel, round(seconds, 1), error is None,
                          round(peak["bytes"] / 2**20) if peak["bytes"] else None, error, str(target.relative_to(out)),
                          str(html_page.relative_to(out)) if html_page else None,
                          steps(nb, starts, started, ended, cell_peaks), headlines)


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
