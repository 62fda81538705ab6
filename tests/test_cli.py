"""Wrong usage ends in one line naming the argument or file and the fix, before any work starts: exit status 2
(1 for a release that does not verify)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import NamedTuple

import pytest

from pipeline.cli import main as unres

ROOT = Path(__file__).resolve().parents[1]


RAW = str(ROOT / "data" / "raw")


class Usage(NamedTuple):
    args: list[str]  # {file}: an existing file; {empty}: an empty folder; {tmp}: a folder for outputs
    status: int
    says: str  # on stderr, the whole of it one line


CASES = [
    Usage(["info", "no_such_table"], 2, "no table 'no_such_table'; the tables are documents, paragraphs"),
    Usage(["evaluate", "/nonexistent/gold"], 2, "/nonexistent/gold is not a gold folder (no header.json)"),
    Usage(["evaluate", "--release", "/nonexistent/release"], 2,
          "--release /nonexistent/release is not a release directory (no SHA256SUMS)"),
    Usage(["build", "--raw", "/nonexistent/raw", "--sources", ""], 2, "--raw /nonexistent/raw is not a directory"),
    Usage(["build", "--raw", RAW, "--sources", "/nonexistent/sources"], 2,
          "/nonexistent/sources/SOURCES.csv: no source manifest"),
    Usage(["build", "--raw", RAW, "--sources", "{bad_manifest}"], 2, "SOURCES.csv, line 2: expected the columns source"),
    Usage(["build", "--raw", RAW, "--sources", "{undecodable_manifest}"], 2, "SOURCES.csv: cannot be read ('utf-8' codec"),
    Usage(["build", "--raw", RAW, "--sources", "{manifest_only}"], 2,
          "unxml-ga-sessions-74-80.zip: listed in SOURCES.csv but missing"),
    Usage(["build", "--raw", "{empty}", "--sources", ""], 2,
          "nothing to build: --raw {empty} holds no files and --sources '' names no archives"),
    Usage(["build", "--raw", RAW, "--sources", "", "--out", "{file}"], 2, "--out {file} is a file; give a directory"),
    Usage(["build", "--raw", RAW, "--sources", "", "--out", "{tmp}", "--dist", "{file}"], 2, "--dist {file} is a file"),
    Usage(["build", "--raw", RAW, "--sources", "", "--out", "{tmp}", "--cache", "{file}"], 2, "--cache {file} is a file"),
    Usage(["build", "--raw", RAW, "--sources", "", "--version", "not a version"], 2,
          "version 'not a version' is not a CalVer version YYYY.M.D"),
    Usage(["build", "--raw", RAW, "--sources", "", "--prefer", "akn_xml,html"], 2,
          "--prefer 'akn_xml,html': html; give forms among akn_xml,pdf,pdf_text,compilation_text,text"),
    Usage(["build", "--raw", RAW, "--sources", "", "--gold", "/nonexistent/gold"], 2, "--gold /nonexistent/gold is not a directory"),
    Usage(["build", "--raw", RAW, "--sources", "", "--workers", "-1"], 2, "--workers must be 0 (every core) or more"),
    Usage(["build", "--executor", "multiproces"], 2,
          "argument --executor: invalid choice: 'multiproces' (choose from 'in_process', 'multiprocess'); see unres build --help"),
    Usage(["build", "--no-such-option"], 2, "unrecognized arguments: --no-such-option; see unres --help"),
    Usage(["download", "--to", "{file}"], 2, "--to {file} is a file; give the directory to unpack releases into"),
    Usage(["download", "not a version"], 2, "version 'not a version' is not a CalVer version"),
    Usage(["validate", "/nonexistent/2026.1.1"], 2, "/nonexistent/2026.1.1 is not a directory; give a release directory"),
    Usage(["validate", "{empty}"], 1, "SHA256SUMS: missing; not a release directory"),
    Usage(["release", "/nonexistent/2026.1.1"], 2, "/nonexistent/2026.1.1 is not a directory"),
]


@pytest.fixture
def places(tmp_path: Path) -> dict[str, str]:
    """The paths the cases name: a file where a directory belongs, an empty folder, broken manifests."""
    (tmp_path / "file").write_text("not a directory\n")
    (tmp_path / "empty").mkdir()
    for name, content in [("bad_manifest", b"source,archive\nunxml_ga\n"), ("undecodable_manifest", b"\xff\xfe\x00"),
                          ("manifest_only", (ROOT / "data" / "sources" / "SOURCES.csv").read_bytes())]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "SOURCES.csv").write_bytes(content)
    names = ("file", "empty", "bad_manifest", "undecodable_manifest", "manifest_only")
    return {"tmp": str(tmp_path / "out"), **{name: str(tmp_path / name) for name in names}}


@pytest.mark.parametrize("case", CASES, ids=[" ".join(c.args[:1] + [a for a in c.args[1:] if a.startswith("--")][-1:])
                                             for c in CASES])
def test_wrong_usage_is_one_line_before_any_work(case: Usage, places: dict[str, str],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    try:
        status = unres([arg.format(**places) for arg in case.args])
    except SystemExit as exit_:  # argparse's own errors
        status = exit_.code
    err = capsys.readouterr().err.strip()
    assert status == case.status
    assert case.says.format(**places) in err and len(err.splitlines()) == 1, err
    assert time.monotonic() - started < 10
    assert not Path(places["tmp"]).exists()  # nothing was written


def test_validate_counts_one_problem_in_the_singular(places: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert unres(["validate", places["empty"]]) == 1
    assert capsys.readouterr().out.strip() == f"{places['empty']}: 1 problem"


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        unres(["--help"])
    assert "exit status: 0 done; 1 the work failed" in " ".join(capsys.readouterr().out.split())


def test_version_and_one_table(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        unres(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.startswith("unres ")
    assert unres(["info", "votes"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("votes (document_id, member_state): ")
    assert [line.split()[0] for line in out[1:]] == ["document_id", "member_state", "actor_id", "vote", "source"]
