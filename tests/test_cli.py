"""Wrong usage ends in one line naming the problem and exit status 2, before any work starts."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from pipeline.cli import main as unres

ROOT = Path(__file__).resolve().parents[1]


class Usage(NamedTuple):
    args: list[str]
    status: int
    says: str  # on stderr


CASES = [
    Usage(["info", "no_such_table"], 2, "no table 'no_such_table'; the tables are documents, paragraphs"),
    Usage(["evaluate", "/nonexistent/gold"], 2, "/nonexistent/gold is not a gold folder (no header.json)"),
    Usage(["build", "--raw", "/nonexistent/raw", "--sources", ""], 2, "raw directory /nonexistent/raw does not exist"),
    Usage(["build", "--raw", str(ROOT / "data" / "raw"), "--sources", "/nonexistent/sources"], 2,
          "/nonexistent/sources/SOURCES.csv does not exist"),
]


@pytest.mark.parametrize("case", CASES, ids=[" ".join(c.args[:2]) for c in CASES])
def test_wrong_usage_is_one_line(case: Usage, capsys: pytest.CaptureFixture[str]) -> None:
    assert unres(case.args) == case.status
    err = capsys.readouterr().err.strip()
    assert case.says in err and len(err.splitlines()) == 1


def test_version_and_one_table(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        unres(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.startswith("unres ")
    assert unres(["info", "votes"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("votes (document_id, member_state): ")
    assert [line.split()[0] for line in out[1:]] == ["document_id", "member_state", "actor_id", "vote", "source"]
