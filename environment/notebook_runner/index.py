"""The walkthrough's index page: every notebook's status, time and memory, then the result tables notebooks declare."""
import html
import json
import os
import time
from pathlib import Path


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


def shown_columns(header: list, roles: list) -> list:
    """Columns to show, as the table's declared roles say (ResultColumns, written beside the CSV by Results.csv): a
    mean and its sd as one column under the quantity's label, a baseline under its name, the rest as they are.
    Without roles, every column as it is."""
    role = {r["name"]: r for r in roles}
    shown = []
    for i, name in enumerate(header):
        r = role.get(name, {"role": "value", "label": name})
        if r["role"] == "mean" and r.get("sd") in header:
            shown.append((r["label"], (i, header.index(r["sd"]))))
        elif r["role"] == "sd" and any(o.get("sd") == name and o["name"] in header for o in roles):
            continue
        else:
            shown.append((r["label"], (i,)))
    return shown


def column_roles(path: Path) -> list:
    """The roles Results.csv declared for a result CSV's columns ("table2.csv" -> "table2.columns.json"), or none."""
    declared = path.with_name(path.stem + ".columns.json")
    if not declared.is_file():
        return []
    return json.loads(declared.read_text(encoding="utf-8")).get("columns", [])


def csv_table(path: Path, title: str, href: str = "") -> str:
    """A result CSV as a readable table (3 significant digits, mean ± sd); the CSV keeps every digit."""
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        return ""
    columns = shown_columns(rows[0], column_roles(path))
    head = "".join(f"<th>{html.escape(name)}</th>" for name, _ in columns)

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


def results_section(out: Path, headlines: list) -> str:
    """The result tables the notebooks declare (execute.headlines_of, in notebook order), "first" ones first."""
    folder = Path(os.environ.get("LATENTMAP_RESULTS", out / "results"))
    if not folder.is_dir():
        return ""
    declared = list(headlines)
    declared.sort(key=lambda h: not h["first"])  # stable: notebook order within each group
    parts = [csv_table(folder / h["file"], h["title"], os.path.relpath(folder / h["file"], out)) for h in declared
             if (folder / h["file"]).is_file()]
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".columns.json"))  # roles: for us
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
    """index.html (and summary.json) in {out} for {results}, NotebookResults in notebook order."""
    rows = []
    for r in results:
        status = html.escape("skipped: " + r.skipped) if r.skipped else "ok" if r.ok else "FAILED"
        link = f'<a href="{html.escape(r.html)}">{html.escape(r.notebook)}</a>' if r.html else html.escape(r.notebook)
        memory = f"{r.peak_resident_mib:,} MiB" if r.peak_resident_mib else ""
        rows.append(f"<tr><td>{link}</td><td>{r.kernel}</td><td>{status}</td><td>{r.seconds:.1f} s</td><td>{memory}</td>"
                    f"<td>{steps_cell(r.steps)}</td>"
                    + (f"<td><a href=\"{html.escape(r.executed)}\">.ipynb</a></td></tr>" if r.executed else "<td></td></tr>"))
    total = sum(r.seconds for r in results)
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
{results_section(out, [h for r in results for h in r.headlines])}
"""
    (out / "index.html").write_text(page, encoding="utf-8")
    (out / "summary.json").write_text(json.dumps({"profile": profile, "results": [r.to_json() for r in results]}, indent=2))
