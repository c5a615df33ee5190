"""The live line a person at the terminal reads while a notebook runs."""
import re
import shutil
import sys
import time


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
