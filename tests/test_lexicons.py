"""Every lexicon file is documented: the README names it, and each row has a comment column."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.lexicons import LEXICON_DIR, load

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
LEXICONS = sorted(path.stem for path in LEXICON_DIR.glob("*.csv"))


@pytest.mark.parametrize("name", LEXICONS)
def test_lexicon_is_named_in_readme_and_has_comments(name: str) -> None:
    assert f"`{name}.csv`" in README
    assert "comment" in load(name)[0]
