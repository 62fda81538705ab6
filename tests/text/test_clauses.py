"""Lead phrases and clauses: one row per grammar rule, drawn from A/RES/72/284, the corpus and edge cases."""

from __future__ import annotations

import pytest

from pipeline.lexicons import load
from pipeline.text.clauses import find_clauses, find_lead

LEADS = [
    # (section, text, phrase, verb, modifier)
    (
        "preamble",
        "Recalling also its resolution 71/291 of 15 June 2017, in which it decided",
        "Recalling also",
        "recall",
        "also",
    ),
    (
        "preamble",
        "Recalling further its resolution 66/10 of 18 November 2011,",
        "Recalling further",
        "recall",
        "further",
    ),
    (
        "preamble",
        "Recalling, in this regard, its proclamation of 21 August,",
        "Recalling",
        "recall",
        None,
    ),
    (
        "preamble",
        "Renewing its unwavering commitment to strengthening international cooperation,",
        "Renewing",
        "renew",
        None,
    ),
    (
        "preamble",
        "Noting with appreciation the continued contribution of United Nations entities,",
        "Noting with appreciation",
        "note",
        "with appreciation",
    ),
    (
        "preamble",
        "Convinced that the General Assembly is the competent organ,",
        "Convinced that",
        "convinced",
        None,
    ),
    (
        "preamble",
        "Mindful of the need to enhance the role of the United Nations,",
        "Mindful of",
        "mindful",
        None,
    ),
    (
        "preamble",
        "Alarmed by the acts of intolerance, violent extremism conducive to terrorism,",
        "Alarmed by",
        "alarmed",
        None,
    ),
    (
        "preamble",
        "Expressing grave concern over the continued acute and growing threat,",
        "Expressing grave concern",
        "express concern",
        "grave",
    ),
    (
        "preamble",
        "Expressing deep concern also about the connections, in some cases,",
        "Expressing deep concern also",
        "express concern",
        "deep;also",
    ),
    (
        "preamble",
        "Strongly condemning the systematic recruitment and use of children,",
        "Strongly condemning",
        "condemn",
        "strongly",
    ),
    (
        "preamble",
        "Taking note of the report of the Special Rapporteur,",
        "Taking note",
        "take note",
        None,
    ),
    (
        "preamble",
        "Deeply concerned by the continued loss of life,",
        "Deeply concerned by",
        "concerned",
        "deeply",
    ),
    (
        "preamble",
        "Bearing in mind the purposes and principles of the Charter,",
        "Bearing in mind",
        "bear in mind",
        None,
    ),
    (
        "preamble",
        "Having considered the report of the Secretary-General,",
        "Having considered",
        "consider",
        None,
    ),
    (
        "preamble",
        "Taking into account the importance of the issue,",
        "Taking into account",
        "take into account",
        None,
    ),
    (
        "preamble",
        "Noting with concern the increase in attacks,",
        "Noting with concern",
        "note",
        "with concern",
    ),
    (
        "preamble",
        "Acting under Chapter VII of the Charter of the United Nations,",
        "Acting",
        "act",
        None,
    ),
    (
        "preamble",
        "Guided by the purposes and principles of the Charter,",
        "Guided by",
        "guided",
        None,
    ),
    (
        "operative",
        "Reiterates its strong and unequivocal condemnation of terrorism in all its forms;",
        "Reiterates its strong and unequivocal condemnation",
        "reiterate",
        None,
    ),
    (
        "operative",
        "Also stresses that, when counter-terrorism efforts neglect the rule of law,",
        "Also stresses",
        "stress",
        "also",
    ),
    (
        "operative",
        "Deeply deplores the suffering caused by terrorism to the victims;",
        "Deeply deplores",
        "deplore",
        "deeply",
    ),
    (
        "operative",
        "Takes note of the report of the Secretary-General;",
        "Takes note",
        "take note",
        None,
    ),
    (
        "operative",
        "Notes with appreciation the activities undertaken in the area of capacity-building;",
        "Notes with appreciation",
        "note",
        "with appreciation",
    ),
    (
        "operative",
        "Expresses concern over terrorist acts committed by lone terrorists;",
        "Expresses concern",
        "express concern",
        None,
    ),
    (
        "operative",
        "Calls for the enhanced engagement of Member States;",
        "Calls for",
        "call for",
        None,
    ),
    ("operative", "Calls on all parties to cease hostilities;", "Calls on", "call upon", None),
    ("operative", "Decides to remain actively seized of the matter.", "Decides", "decide", None),
    (
        "operative",
        "Demands that Iraq withdraw immediately and unconditionally all its forces;",
        "Demands",
        "demand",
        None,
    ),
    (
        "operative",
        "Expresses strong expectations that, despite liquidity challenges,",
        "Expresses strong expectations",
        "express expectation",
        "strong",
    ),
    (
        "operative",
        "Looks forward to the periodic briefings by the Office;",
        "Looks forward to",
        "look forward to",
        None,
    ),
    (
        "annex",
        (
            "We, the States Members of the United Nations, reaffirm the United Nations Global Plan of "
            "Action,"
        ),
        "reaffirm",
        "reaffirm",
        None,
    ),
    (
        "annex",
        "We also reaffirm our commitment to uphold the sovereign equality of all States.",
        "We also reaffirm",
        "reaffirm",
        "also",
    ),
    (
        "annex",
        "We are seriously concerned that the scale of global resourcing is insufficient.",
        "We are seriously concerned",
        "concerned",
        "seriously",
    ),
]


@pytest.mark.parametrize(("section", "text", "phrase", "verb", "modifier"), LEADS)
def test_find_lead(section: str, text: str, phrase: str, verb: str, modifier: str | None) -> None:
    lead = find_lead(text, section)
    assert lead is not None
    assert (lead.phrase, lead.verb, lead.modifier) == (phrase, verb, modifier)
    assert text[lead.start:lead.end] == phrase


@pytest.mark.parametrize(
    ("section", "text"),
    [
        ("operative", "(a) To develop national plans of action;"),
        ("preamble", "The list of speakers in the commemoration shall be as follows:"),
        ("operative", "It is clear that lasting peace is not realized just by the absence of war."),
    ],
)
def test_find_lead_none(section: str, text: str) -> None:
    assert find_lead(text, section) is None


def test_find_lead_rejects_unknown_section() -> None:
    with pytest.raises(ValueError, match="section must be one of"):
        find_lead("Recalling its resolution 60/288,", "preface")


CLAUSES = [
    # (text, [(verb_phrase, verb, modifier), ...])
    (
        (
            "Reaffirms the United Nations Global Counter-Terrorism Strategy and its four pillars, "
            "which constitute an ongoing effort, and calls upon Member States, the United Nations and "
            "other appropriate international, regional and subregional organizations to step up their "
            "efforts;"
        ),
        [("Reaffirms", "reaffirm", None), ("calls upon", "call upon", None)],
    ),
    (
        (
            "Deeply deplores the suffering caused by terrorism to the victims and to their families, "
            "expresses its profound solidarity with them, and encourages Member States to provide "
            "them with proper support;"
        ),
        [
            ("Deeply deplores", "deplore", "deeply"),
            ("expresses its profound solidarity", "express solidarity", "profound"),
            ("encourages", "encourage", None),
        ],
    ),
    (
        (
            "Also recognizes the importance of preventing violent extremism and in this regard "
            "recalls its resolution 70/254, recommends that Member States consider the implementation "
            "of relevant recommendations, encourages United Nations entities to provide assistance, "
            "and invites Member States to develop plans;"
        ),
        [
            ("Also recognizes", "recognize", "also"),
            ("recalls", "recall", None),
            ("recommends", "recommend", None),
            ("encourages", "encourage", None),
            ("invites", "invite", None),
        ],
    ),
    (
        (
            "Condemns the failure to take all feasible precautions, and strongly condemns the use of "
            "civilians to shield military objectives;"
        ),
        [("Condemns", "condemn", None), ("strongly condemns", "condemn", "strongly")],
    ),
    (
        (
            "Calls upon all Member States, in accordance with their obligations, to prevent the "
            "movement of any person who supports, facilitates or participates in the financing of "
            "terrorism;"
        ),
        [("Calls upon", "call upon", None)],
    ),
    (
        (
            "Reaffirms the principal responsibility of Member States to implement the Strategy, while "
            "recognizing the important role the United Nations plays, and encouraging cooperation;"
        ),
        [("Reaffirms", "reaffirm", None)],
    ),
    (
        (
            "Takes note of the report of the Secretary-General, in which it welcomed the initiative "
            "and took note of the progress, and underlines the importance of providing resources;"
        ),
        [("Takes note", "take note", None), ("underlines", "underline", None)],
    ),
    (
        (
            "Recalls its resolution 72/194, and notes with appreciation the ongoing work of the "
            "Office;"
        ),
        [("Recalls", "recall", None), ("notes with appreciation", "note", "with appreciation")],
    ),
    (
        (
            "Calls upon Member States and the United Nations entities to ensure respect for human "
            "rights, and in this regard expresses serious concern at the occurrence of violations;"
        ),
        [
            ("Calls upon", "call upon", None),
            ("expresses serious concern", "express concern", "serious"),
        ],
    ),
    (
        (
            "Takes note of the Compact, and looks forward to the periodic briefings by the Office of "
            "Counter-Terrorism;"
        ),
        [("Takes note", "take note", None), ("looks forward to", "look forward to", None)],
    ),
    (
        (
            "Recognizes the need to continue to take measures, in this regard encourages United "
            "Nations entities to cooperate, and encourages Member States to further build capacity;"
        ),
        [
            ("Recognizes", "recognize", None),
            ("encourages", "encourage", None),
            ("encourages", "encourage", None),
        ],
    ),
    (
        (
            "Calls for greater coordination among the United Nations entities, and also calls for "
            "dialogue to be enhanced;"
        ),
        [("Calls for", "call for", None), ("also calls for", "call for", "also")],
    ),
    (
        (
            "Welcomes the report, and notes by the Secretary-General on the matter are taken into "
            "account;"
        ),
        [("Welcomes", "welcome", None)],
    ),
    (
        (
            "Requests the Secretary-General to submit a report, and further requests the "
            "Secretary-General to ensure that requests for assistance are met;"
        ),
        [("Requests", "request", None), ("further requests", "request", "further")],
    ),
    ("Decides to remain actively seized of the matter.", [("Decides", "decide", None)]),
    (
        (
            "Demands that Iraq withdraw immediately and unconditionally all its forces to the "
            "positions in which they were located on 1 August 1990;"
        ),
        [("Demands", "demand", None)],
    ),
    (
        "Reaffirms its decision, and once again urges all parties to cooperate;",
        [("Reaffirms", "reaffirm", None), ("once again urges", "urge", "once again")],
    ),
    (
        (
            "We recognize that peace and security, development and human rights are the pillars of "
            "the United Nations system, and recognize that development, peace and security are "
            "interlinked."
        ),
        [("We recognize", "recognize", None), ("recognize", "recognize", None)],
    ),
    (
        (
            "We reaffirm the purposes and principles of the Charter. As we observe the seventieth "
            "anniversary of the Declaration, we recall its foundational principle."
        ),
        [("We reaffirm", "reaffirm", None), ("recall", "recall", None)],
    ),
    (
        (
            "We also reaffirm our commitment to uphold the sovereign equality of all States, respect "
            "for their territorial integrity and the duty to refrain from the threat or use of force."
        ),
        [("We also reaffirm", "reaffirm", "also")],
    ),
    ("Recalling its resolution 60/288, and reaffirming the Strategy,", []),
    ("(b) To report to the Council within thirty days;", []),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES)
def test_find_clauses(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    clauses = find_clauses(text)
    assert [(c.verb_phrase, c.verb, c.modifier) for c in clauses] == expected
    for position, clause in enumerate(clauses, start=1):
        assert clause.index == position
        assert clause.is_lead == (position == 1)
        assert text[clause.start:clause.end] == clause.verb_phrase
    ends = [c.start for c in clauses[1:]] + [len(text)] * bool(clauses)
    assert [c.scope_end for c in clauses] == ends


def test_every_verb_lemma_is_unique_and_ranked() -> None:
    rows = load("verbs")
    lemmas = [row["verb"] for row in rows]
    assert len(lemmas) == len(set(lemmas))
    assert all(row["section"] in {"preamble", "operative", "both"} for row in rows)
    strength = {row["verb"]: int(row["strength"]) for row in rows}
    scale = ["take note", "welcome", "encourage", "invite", "call upon", "urge", "request", "demand"]
    scale.append("decide")
    assert [strength[v] for v in scale] == sorted(strength[v] for v in scale)
    assert len(set(strength[v] for v in scale)) == len(scale)
    assert strength["recall"] < strength["take note"]
