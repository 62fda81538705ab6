"""Progress of long work: a bar with an ETA on a terminal, a line every tenth of the way otherwise."""

from __future__ import annotations

import io

from pipeline import progress
from pipeline.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_a_line_every_tenth() -> None:
    log = io.StringIO()
    shown = Progress(1000, "building texts", "texts", log)
    for _ in range(40):
        shown.advance(25)
    lines = log.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[0].startswith("building texts:  10% (100 of 1,000 texts)")
    assert lines[-1] == "building texts: 100% (1,000 of 1,000 texts)"


def test_a_terminal_gets_a_bar_with_its_eta() -> None:
    terminal = Terminal()
    shown = Progress(4096, "downloading unres-2026.1.1.zip", "bytes", terminal)
    shown.advance(1024)
    shown.close()
    bar = terminal.getvalue()
    assert "downloading unres-2026.1.1.zip:  25%" in bar and "<" in bar  # elapsed<remaining
    assert "\n" not in bar.rstrip("\n")  # redrawn in place


def test_a_small_build_draws_nothing(capsys) -> None:
    progress.start_build(progress.MIN_TOTAL["texts"] - 1)
    progress.advance_build(10)
    progress.finish_build()
    assert capsys.readouterr().err == ""
