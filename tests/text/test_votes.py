"""Table-driven tests for the vote line (pipeline.text.votes): one row per vote as joined from the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.text.structure import parse_resolution
from pipeline.text.votes import strip_vote_marker

CASES = [
    # --- data/raw: a footnote marker printed after the vote ---
    ("S/RES/27", "Adopted at the 173rd meeting. 6", "Adopted at the 173rd meeting."),
    ("S/RES/338", "Adopted at the 1747th meeting by 14 votes to none 27", "Adopted at the 1747th meeting by 14 votes to none"),
    ("S/RES/425", "Adopted at the 2074th meeting by 12 votes to none, with 2 abstentions (Czechoslovakia, Union of Soviet "
     "Socialist Republics). 22",
     "Adopted at the 2074th meeting by 12 votes to none, with 2 abstentions (Czechoslovakia, Union of Soviet "
     "Socialist Republics)."),
    # --- data/raw: no marker, unchanged ---
    ("S/RES/186", "Adopted unanimously at the 1102nd meeting.", "Adopted unanimously at the 1102nd meeting."),
    ("S/RES/660", "Adopted at the 2932nd meeting by 14 votes to none. One member (Yemen) did not participate in the vote.",
     "Adopted at the 2932nd meeting by 14 votes to none. One member (Yemen) did not participate in the vote."),
    ("hrc_form", "[Adopted by a recorded vote of 27 to 4, with 15 abstentions. The voting was as follows:",
     "Adopted by a recorded vote of 27 to 4, with 15 abstentions. The voting was as follows:"),
    # --- made: glued and superscript markers, brackets; final counts are not markers ---
    ("made glued", "Adopted by a recorded vote of 120 to 5, with 10 abstentions,3",
     "Adopted by a recorded vote of 120 to 5, with 10 abstentions,"),
    ("made period", "Adopted unanimously at the 3000th meeting.6", "Adopted unanimously at the 3000th meeting."),
    ("made superscript", "Adopted without a vote.¹²", "Adopted without a vote."),
    ("made bracket", "[Adopted without a vote.]3", "Adopted without a vote."),
    ("made count", "Adopted at the 1000th meeting by 12 votes to 1", "Adopted at the 1000th meeting by 12 votes to 1"),
    ("made count of", "Adopted by a recorded vote of 120 to 5", "Adopted by a recorded vote of 120 to 5"),
    ("made count then marker", "Adopted at the 1000th meeting by 12 votes to 1 3",
     "Adopted at the 1000th meeting by 12 votes to 1"),
    ("made symbol", "Adopted on the recommendation in document A/72/L.5", "Adopted on the recommendation in document A/72/L.5"),
    ("made year", "Adopted at the 80th meeting, 12 December 2018", "Adopted at the 80th meeting, 12 December 2018"),
]


@pytest.mark.parametrize(("source", "vote", "clean"), CASES, ids=[c[0] for c in CASES])
def test_strip_vote_marker(source: str, vote: str, clean: str) -> None:
    assert strip_vote_marker(vote) == clean


RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.mark.parametrize(
    ("name", "vote"),
    [
        ("S_RES_27_1947.txt", "Adopted at the 173rd meeting."),
        ("S_RES_338_1973.txt", "Adopted at the 1747th meeting by 14 votes to none"),
        ("S_RES_425_1978.txt", "Adopted at the 2074th meeting by 12 votes to none, with 2 abstentions (Czechoslovakia, "
         "Union of Soviet Socialist Republics)."),
    ],
)
def test_header_vote_drops_the_footnote_marker(name: str, vote: str) -> None:
    """The marker's footnote ("One member (China) did not participate in the voting.") stays a footnote."""
    parsed = parse_resolution((RAW / name).read_text(encoding="utf-8"))
    assert parsed.header.vote == vote
