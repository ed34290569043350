"""Progress on stderr: a bar on a terminal, plain lines (every tenth or so) otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.enabled = enabled and total > 0
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.started = time.monotonic()
        self._next_line = max(1, total // 10)

    def advance(self, count: int) -> None:
        self.done += count
        if not self.enabled:
            return
        if self.tty:
            self.stream.write("\r" + self._bar())
            self.stream.flush()
        elif self.done >= self._next_line or self.done == self.total:
            self.stream.write(self._line() + "\n")
            self._next_line = self.done + max(1, self.total // 10)

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")

    def _rate(self) -> float:
        return self.done / max(1e-6, time.monotonic() - self.started)

    def _bar(self, width: int = 30) -> str:
        filled = int(width * self.done / self.total)
        bar = "#" * filled + "." * (width - filled)
        return f"[{bar}] {self.done}/{self.total} articles  {self._rate():.1f}/s"

    def _line(self) -> str:
        return f"processed {self.done}/{self.total} articles ({self._rate():.1f}/s)"
