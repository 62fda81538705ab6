"""Progress of long work (building texts, downloading an archive): a bar with an ETA on a terminal,
a plain line every tenth of the way otherwise, so that logs and CI output stay readable."""

from __future__ import annotations

import sys
import time
from typing import IO

from tqdm import tqdm

# Below this many units a build is over before a bar is worth drawing.
MIN_TOTAL = {"texts": 500}


class Progress:
    """Counts ``done`` of ``total`` units on ``stream`` (None: silently)."""

    def __init__(self, total: int, description: str, unit: str, stream: IO[str] | None) -> None:
        self.total, self.description, self.unit, self.done = total, description, unit, 0
        self.stream = stream
        self.started, self._shown = time.monotonic(), 0
        self._bar = None
        if _is_terminal(self.stream):
            in_bytes = unit == "bytes"
            self._bar = tqdm(total=total, desc=description, unit="B" if in_bytes else unit, file=self.stream,
                             dynamic_ncols=True, mininterval=0.5, unit_scale=in_bytes, unit_divisor=1024 if in_bytes else 1000)

    def advance(self, amount: int) -> None:
        self.done += amount
        if self._bar is not None:
            self._bar.update(amount)
            return
        tenth = self.done * 10 // self.total if self.total else 10
        if self.stream is not None and tenth > self._shown:
            self._shown = tenth
            self.stream.write(f"{self.description}: {self.done * 100 // max(self.total, 1):3d}% "
                              f"({self.done:,} of {self.total:,} {self.unit}){self._eta()}\n")
            self.stream.flush()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()

    def _eta(self) -> str:
        elapsed = time.monotonic() - self.started
        if not self.done or self.done >= self.total or elapsed < 1:
            return ""
        return f", about {elapsed * (self.total - self.done) / self.done:.0f} s left"


_build: Progress | None = None


def start_build(total: int) -> None:
    """The texts a build will parse, counted down by ``advance_build`` from every mapped step that runs in
    this process (the in-process executor); steps in other processes log their own lines."""
    global _build
    finish_build()
    if total >= MIN_TOTAL["texts"]:
        _build = Progress(total, "building texts", "texts", sys.stderr)


def advance_build(texts: int) -> None:
    if _build is not None:
        _build.advance(texts)
        if _build.done >= _build.total:
            finish_build()


def finish_build() -> None:
    global _build
    if _build is not None:
        _build.close()
        _build = None


def _is_terminal(stream: IO[str] | None) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
