"""What running one notebook gave: the record the runner prints, the index shows and summary.json keeps."""
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class NotebookResult:
    notebook: str                     # its path under notebooks/, as the index names it
    kernel: str                       # the kernelspec it ran in
    seconds: float = 0.0              # from the kernel's start to the last cell's end
    ok: bool = True                   # no cell failed
    peak_resident_mib: Optional[int] = None  # the kernel's peak resident memory
    error: Optional[str] = None       # the failing cell's error
    executed: Optional[str] = None    # the executed copy, relative to the output folder
    html: Optional[str] = None        # its HTML page, relative to the output folder
    steps: list = field(default_factory=list)      # {"step", "seconds"[, "peak_resident_mib"]} per section
    headlines: list = field(default_factory=list)  # the result tables it declares ({"file", "title", "first"})
    skipped: Optional[str] = None     # why it did not run (its kernel is not installed here)

    def to_json(self) -> dict:
        data = {"notebook": self.notebook, "kernel": self.kernel, "seconds": self.seconds, "ok": self.ok,
                "peak_resident_mib": self.peak_resident_mib, "error": self.error, "executed": self.executed,
                "html": self.html, "steps": self.steps, "headlines": self.headlines}
        if self.skipped:
            data["skipped"] = self.skipped
        return data

    @staticmethod
    def from_json(data: dict) -> "NotebookResult":
        known = NotebookResult.__dataclass_fields__
        return NotebookResult(**{k: v for k, v in data.items() if k in known})
