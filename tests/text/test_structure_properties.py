"""Property tests: arbitrary and mutated resolution text never crashes the parser or loses text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.text.structure import ResolutionRejected, parse_resolution

RAW_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parents[2] / "data" / "raw").glob("*.txt"))]


def _check_nothing_lost(text: str) -> None:
    try:
        parsed = parse_resolution(text)
    except ResolutionRejected:
        return
    spans = [(p.char_start, p.char_end) for p in parsed.paragraphs] + [(f.char_start, f.char_end) for f in parsed.footnotes]
    residue = {(start, end) for start, end, _ in parsed.residue}
    for line in parsed.lines:
        if line.kind == "body" and (line.start, line.end) not in residue:
            first = line.start + len(line.text) - len(line.text.lstrip())
            assert any(start <= first < end for start, end in spans), line
    for paragraph in parsed.paragraphs:
        assert 0 <= paragraph.char_start <= paragraph.char_end <= len(text)


@st.composite
def mutated_resolutions(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(RAW_TEXTS)).split("\n")
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        position = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "truncate", "swap"]))
        if action == "delete":
            del lines[position : position + draw(st.integers(1, 5))]
        elif action == "duplicate":
            lines.insert(position, lines[position])
        elif action == "insert":
            lines.insert(position, draw(st.text(max_size=80)))
        elif action == "truncate":
            lines = lines[:position]
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[position], lines[other] = lines[other], lines[position]
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_resolutions())
def test_mutated_resolutions(text: str) -> None:
    _check_nothing_lost(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    _check_nothing_lost(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_after_an_opener(text: str) -> None:
    _check_nothing_lost("72/1. Title\n\nThe General Assembly,\n\n" + text)
