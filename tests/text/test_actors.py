"""Actor mentions and addressees: one row per rule, from A/RES/72/284, the corpus and edge cases."""

from __future__ import annotations

import re

import pytest

from pipeline.lexicons import actors
from pipeline.text.actors import ActorMention, discovered_actor, find_actor_mentions
from pipeline.text.clauses import find_clauses

NAMES = {actor.actor_id: actor.name for actor in actors()}


def _name(mention: ActorMention) -> str:
    """The lexicon name, or for an actor outside the lexicon the name its mention gives it."""
    return NAMES.get(mention.actor_id) or discovered_actor(mention.actor_id, [mention.surface])[0]

ADDRESSEES = [
    # (text, {(clause_index, actor name), ...})
    (
        (
            "Reaffirms the Strategy, and calls upon Member States, the United Nations and other "
            "appropriate international, regional and subregional organizations to step up their "
            "efforts;"
        ),
        {
            (2, "Member States"),
            (2, "United Nations"),
            (2, "international organizations"),
            (2, "regional and subregional organizations"),
        },
    ),
    ("Urges all States to respect and protect the right to privacy;", {(1, "States")}),
    (
        "Urges all Member States and the United Nations to unite against violent extremism;",
        {(1, "Member States"), (1, "United Nations")},
    ),
    (
        (
            "Recognizes the difficulties, and urges Member States and the United Nations system to "
            "take measures;"
        ),
        {(2, "Member States"), (2, "United Nations system")},
    ),
    (
        "Encourages civil society, including non-governmental organizations, to engage in efforts;",
        {(1, "civil society"), (1, "non-governmental organizations")},
    ),
    (
        (
            "Recognizes the need, and calls upon non-governmental, non-profit and charitable "
            "organizations to prevent abuse;"
        ),
        {
            (2, "non-governmental organizations"),
            (2, "non-profit organizations"),
            (2, "charitable organizations"),
        },
    ),
    (
        (
            "Calls upon Member States to strengthen cooperation, and calls upon law enforcement and "
            "criminal justice authorities to cooperate;"
        ),
        {
            (1, "Member States"),
            (2, "law enforcement authorities"),
            (2, "criminal justice authorities"),
        },
    ),
    (
        (
            "Encourages Member States and international and regional organizations to enhance "
            "knowledge;"
        ),
        {(1, "Member States"), (1, "international organizations"), (1, "regional organizations")},
    ),
    (
        (
            "Encourages all relevant international, regional and subregional organizations and forums "
            "involved in the fight against terrorism to cooperate, and calls for information-sharing;"
        ),
        {
            (1, "international organizations"),
            (1, "regional and subregional organizations"),
            (1, "forums"),
        },
    ),
    (
        (
            "Calls upon the United Nations Office on Drugs and Crime, including its Terrorism "
            "Prevention Branch, to enhance assistance;"
        ),
        {(1, "United Nations Office on Drugs and Crime"), (1, "Terrorism Prevention Branch")},
    ),
    (
        (
            "Requests the Counter-Terrorism Implementation Task Force (Global Counter-Terrorism "
            "Coordination Compact entities) to continue, and requests the Office of Counter-Terrorism "
            "to continue its efforts;"
        ),
        {(1, "Counter-Terrorism Implementation Task Force"), (2, "Office of Counter-Terrorism")},
    ),
    (
        (
            "Notes with appreciation the activities, and encourages the Task Force to ensure the "
            "focused delivery;"
        ),
        {(2, "Counter-Terrorism Implementation Task Force")},
    ),
    (
        (
            "Encourages the Office of Counter-Terrorism and the Global Counter-Terrorism Coordination "
            "Compact entities to work with Member States;"
        ),
        {(1, "Office of Counter-Terrorism"), (1, "Counter-Terrorism Implementation Task Force")},
    ),
    (
        (
            "Underscores the role, and calls upon the Office of Counter-Terrorism, all other relevant "
            "United Nations funds and programmes, Member States, donors and recipients to cooperate;"
        ),
        {
            (2, "Office of Counter-Terrorism"),
            (2, "United Nations funds and programmes"),
            (2, "Member States"),
            (2, "donors"),
            (2, "recipients"),
        },
    ),
    (
        (
            "Recognizes the work done by the relevant United Nations bodies and entities and other "
            "international, regional and subregional organizations, and urges them to step up their "
            "efforts;"
        ),
        {
            (2, "United Nations bodies"),
            (2, "United Nations entities"),
            (2, "international organizations"),
            (2, "regional and subregional organizations"),
        },
    ),
    (
        (
            "Recognizes the role of the regional organizations, structures and strategies, and "
            "encourages those entities to enhance dialogue;"
        ),
        {(2, "regional organizations"), (2, "regional structures")},
    ),
    (
        (
            "Also recognizes the importance, recommends that Member States consider the "
            "implementation of the Plan;"
        ),
        {(2, "Member States")},
    ),
    (
        (
            "Recognizes the threat, and reminds Member States of their obligation to enforce the "
            "measures;"
        ),
        {(2, "Member States")},
    ),
    (
        (
            "Calls upon States, while countering terrorism, to ensure that any measures comply with "
            "their obligations;"
        ),
        {(1, "States")},
    ),
    ("Calls for the enhanced engagement of Member States with the work of the Centre;", set()),
    ("Also expresses concern, and encourages the provision of assistance to Member States;", set()),
    (
        (
            "Welcomes the report, and encourages cooperation among and between Member States and "
            "regional organizations;"
        ),
        set(),
    ),
    ("Stresses that States should consider engaging with religious authorities;", set()),
    ("Demands that Iraq withdraw immediately and unconditionally all its forces;", {(1, "Iraq")}),
    (
        "Calls upon Iraq and Kuwait to begin immediately intensive negotiations;",
        {(1, "Iraq"), (1, "Kuwait")},
    ),
    (
        "Requests the Secretary-General, in consultation with Member States, to submit a report;",
        {(1, "Secretary-General")},
    ),
    (
        (
            "Invites the United Nations Educational, Scientific and Cultural Organization to "
            "facilitate observance;"
        ),
        {(1, "United Nations Educational, Scientific and Cultural Organization")},
    ),
    (
        (
            "Calls upon all parties to cease hostilities and calls upon the Plurinational State to "
            "cooperate;"
        ),
        {(1, "parties"), (2, "Plurinational State")},  # "the Plurinational State" alone is not Bolivia's alias
    ),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSEES)
def test_addressees(text: str, expected: set[tuple[int, str]]) -> None:
    mentions = find_actor_mentions(text, find_clauses(text))
    got = {(m.clause_index, _name(m)) for m in mentions if m.role == "addressee"}
    assert got == expected
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.surface
        assert (mention.role == "addressee") == (mention.clause_index is not None)


MENTIONS = [
    # (text, [actor names in order of appearance])
    ("Takes note of the report of the Secretary-General;", ["Secretary-General"]),
    (
        (
            "Recalls Security Council resolutions 2178 (2014) and the work of the Human Rights "
            "Council;"
        ),
        ["Security Council", "Human Rights Council"],
    ),
    (
        (
            "Welcomes the cooperation between Bolivia (Plurinational State of) and the United States "
            "of America;"
        ),
        ["Bolivia (Plurinational State of)", "United States of America"],
    ),
    (
        "Recognizing the role of States Members of the United Nations and of UNODC,",
        ["Member States", "United Nations Office on Drugs and Crime"],
    ),
    (
        "Noting the work of the Counter-Terrorism Committee Executive Directorate and INTERPOL,",
        [
            "Counter-Terrorism Committee Executive Directorate",
            "International Criminal Police Organization",
        ],
    ),
    (
        (
            "Welcomes the efforts of the Office of Counter-Terrorism, and requests the Office to "
            "report;"
        ),
        ["Office of Counter-Terrorism", "Office of Counter-Terrorism"],
    ),
    (
        "Recalling the decisions of the African Union and the European Union,",
        ["African Union", "European Union"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_mentions(text: str, expected: list[str]) -> None:
    assert [NAMES[m.actor_id] for m in find_actor_mentions(text)] == expected


def test_short_form_resolved_from_context() -> None:
    text = "Requests the Office to report to the General Assembly;"
    context = "Welcomes the establishment of the Office of Counter-Terrorism;"
    mentions = find_actor_mentions(text, find_clauses(text), context=context)
    assert [(NAMES[m.actor_id], m.role, m.clause_index) for m in mentions] == [
        ("Office of Counter-Terrorism", "addressee", 1),
        ("General Assembly", "mention", None),
    ]
    assert [NAMES[m.actor_id] for m in find_actor_mentions(text)] == ["General Assembly"]


def test_lexicon_lists_every_member_state_once() -> None:
    rows = actors()
    ids = [row.actor_id for row in rows]
    assert len(ids) == len(set(ids))
    assert sum(row.kind == "state" for row in rows) == 193
    kinds = {
        "member_states", "state", "un_principal_organ", "un_secretariat", "un_entity", "un_subsidiary_body",
        "intergovernmental_organization", "civil_society", "private_sector", "party", "other",
    }
    assert {row.kind for row in rows} <= kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Asks the Government of Cyprus to take all additional measures;", {(1, "Cyprus")}),
        (
            "Calls upon the Governments of Iran and Iraq to cooperate;",
            {(1, "Iran (Islamic Republic of)"), (1, "Iraq")},
        ),
        (
            "Invites the Scientific Committee to continue its consultations, and requests the secretariat "
            "to help;",
            {(1, "United Nations Scientific Committee on the Effects of Atomic Radiation")},
        ),
    ],
)
def test_addressee_through_government_of(text: str, expected: set[tuple[int, str]]) -> None:
    mentions = find_actor_mentions(text, find_clauses(text))
    assert {(m.clause_index, _name(m)) for m in mentions if m.role == "addressee"} == expected


# Addressee lists that run through unlisted items and "X of Y" actors, that-clause subjects of
# directive verbs, parentheticals before the object, and the generic "others concerned"/"parties".
OBJECT_GRAMMAR = [
    # (text, {(clause_index, actor name), ...})
    # -- lists: commas, "and", "as well as", "including", "other", up to the infinitive --
    (
        (
            "Invites all Member States, organizations of the United Nations system and other international "
            "and regional organizations, as well as civil society, including non-governmental organizations "
            "and individuals, to observe the International Day in an appropriate manner;"
        ),
        {
            (1, "Member States"),
            (1, "United Nations system"),
            (1, "international organizations"),
            (1, "regional organizations"),
            (1, "civil society"),
            (1, "non-governmental organizations"),
            (1, "individuals"),
        },
    ),
    (
        "Invites all Member States, organizations and agencies of the United Nations system and civil society to act;",
        {(1, "Member States"), (1, "United Nations system"), (1, "civil society")},
    ),
    (
        "Encourages all entities and bodies of the United Nations system to train their personnel;",
        {(1, "United Nations system")},
    ),
    (
        (
            "Encourages the relevant agencies of the United Nations system, and other international bodies, "
            "to continue using the evaluations;"
        ),
        {(1, "United Nations system"), (1, "international bodies")},
    ),
    (
        (
            "Calls upon States Members of the United Nations or members of the specialized agencies to report "
            "to the Secretary-General the measures taken;"
        ),
        {(1, "Member States"), (1, "specialized agencies")},
    ),
    (
        "Invites Member States, philanthropic foundations and the private sector to contribute to the Fund;",
        {(1, "Member States"), (1, "private sector")},
    ),
    (
        (
            "Encourages intergovernmental bodies, non-governmental organizations, interested individuals and "
            "philanthropists to contribute;"
        ),
        {(1, "intergovernmental bodies"), (1, "non-governmental organizations"), (1, "individuals")},
    ),
    # -- the list stops at a preposition, the infinitive, a verb's object --
    (
        (
            "Calls upon all Member States, in conformity with their obligations under the Charter of the "
            "United Nations, to refrain from any action;"
        ),
        {(1, "Member States")},
    ),
    ("Calls upon Member States to cooperate with the Secretary-General and civil society;", {(1, "Member States")}),
    ("Also expresses concern, and encourages the provision of assistance and Member States;", set()),
    # -- that-clauses of directive verbs: the subject is the addressee --
    (
        "Demands that Iran and Iraq observe an immediate ceasefire and the Secretary-General report;",
        {(1, "Iran (Islamic Republic of)"), (1, "Iraq")},
    ),
    (
        (
            "Demands that, as a first step towards a negotiated settlement, the Islamic Republic of Iran and "
            "Iraq observe an immediate cease-fire;"
        ),
        {(1, "Iran (Islamic Republic of)"), (1, "Iraq")},
    ),
    ("Demands that all parties immediately put an end to all forms of violence;", {(1, "parties")}),
    (
        "Demands that Iraq and Kuwait, in accordance with the Charter, begin negotiations;",
        {(1, "Iraq"), (1, "Kuwait")},
    ),
    (
        "Requests that, in the meantime, the Secretary-General submit a report on the situation;",
        {(1, "Secretary-General")},
    ),
    (
        "Requests that every thirty days the Secretary-General submit to the Security Council for its review a report;",
        {(1, "Secretary-General")},
    ),
    (
        "Urges that Member States and the United Nations system take urgent measures;",
        {(1, "Member States"), (1, "United Nations system")},
    ),
    ("Recommends that Member States should consider the implementation of the Plan;", {(1, "Member States")}),
    (
        "Welcomes the report, and requests that the Secretary-General submit an update;",
        {(2, "Secretary-General")},
    ),
    # -- that-clauses whose subject is not an actor, and non-directive verbs: no addressee --
    ("Urges that prisoners-of-war be released and repatriated without delay;", set()),
    ("Decides that all States shall prevent the sale or supply of arms;", set()),
    ("Requests that the report of the Secretary-General be circulated to Member States;", set()),
    ("Requests that the Secretary-General's report be circulated to Member States;", set()),
    ("Recommends that the function of the Force should be to use its best efforts;", set()),
    # -- "others concerned", "all concerned", "the parties concerned" --
    (
        "Calls upon all States and others concerned to respect the sovereignty of all States in the region;",
        {(1, "States"), (1, "others concerned")},
    ),
    ("Appeals to all concerned to exercise restraint;", {(1, "others concerned")}),
    (
        "Calls upon the parties concerned to start immediately the implementation of resolution 242 (1967);",
        {(1, "parties")},
    ),
    ("Calls upon all parties to the present fighting to cease all firing;", {(1, "parties")}),
    ("Calls upon both parties to implement fully their commitments;", {(1, "parties")}),
    # -- a parenthetical between the verb and its object --
    (
        (
            "Urges, having regard to the principles stated in Article 2 of the United Nations Charter, States "
            "not Members of the United Nations to act in accordance with the provisions;"
        ),
        {(1, "States")},
    ),
    (
        "Requests, in consultation with Member States, the Secretary-General to report to the Council;",
        {(1, "Secretary-General")},
    ),
    (
        "Calls for, inter alia, the strengthening of cooperation between Member States, the United Nations and civil society;",
        set(),
    ),
    # -- SC and HRC forms --
    (
        "Requests the Committee established by resolution 724 (1991) urgently to expedite its procedures;",
        {(1, "Security Council Committee established pursuant to resolution 724 (1991)")},
    ),
    (
        "Requests the United Nations High Commissioner for Human Rights to present a report to the Council.",
        {(1, "United Nations High Commissioner for Human Rights")},
    ),
    (
        "Strongly condemns the violations, and calls upon all Member States to comply, and requests the Secretary-General to report;",
        {(2, "Member States"), (3, "Secretary-General")},
    ),
    ("Invites the Conference on Disarmament to establish a working group;", {(1, "Conference on Disarmament")}),
]


@pytest.mark.parametrize(("text", "expected"), OBJECT_GRAMMAR)
def test_object_grammar(text: str, expected: set[tuple[int, str]]) -> None:
    mentions = find_actor_mentions(text, find_clauses(text))
    assert {(m.clause_index, _name(m)) for m in mentions if m.role == "addressee"} == expected
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.surface


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Iran", "Iran (Islamic Republic of)"),
        ("Islamic Republic of Iran", "Iran (Islamic Republic of)"),
        ("Syria", "Syrian Arab Republic"),
        ("Venezuela", "Venezuela (Bolivarian Republic of)"),
        ("Bolivia", "Bolivia (Plurinational State of)"),
        ("Russia", "Russian Federation"),
        ("Tanzania", "United Republic of Tanzania"),
        ("Moldova", "Republic of Moldova"),
        ("South Korea", "Republic of Korea"),
        ("North Korea", "Democratic People's Republic of Korea"),
        ("DPRK", "Democratic People's Republic of Korea"),
        ("Vietnam", "Viet Nam"),
        ("Turkey", "Türkiye"),
        ("Lao PDR", "Lao People's Democratic Republic"),
        ("Laos", "Lao People's Democratic Republic"),
        ("Micronesia", "Micronesia (Federated States of)"),
        ("others concerned", "others concerned"),
        ("all concerned", "others concerned"),
        ("the parties concerned", "parties"),
        ("all parties", "parties"),
        ("the parties", "parties"),
        ("Committee established by resolution 724 (1991)", "Security Council Committee established pursuant to resolution 724 (1991)"),
    ],
)
def test_short_names_resolve(surface: str, name: str) -> None:
    """Gold files and texts use short names; each is a name or alias of one lexicon actor."""
    lookup = {}
    for actor in actors():
        for alias in actor.surfaces:
            lookup.setdefault(alias.lower(), actor.name)
    assert lookup[surface.lower()] == name
    text = f"Welcomes the cooperation of {surface} with the Secretary-General;"
    assert [NAMES[m.actor_id] for m in find_actor_mentions(text)][0] == name


ASCII_IDS = [
    # (source, text, the addressee's surface, its id): names outside ASCII are transliterated before slugging
    ("unxml-sc-2000-2026/Pre-2020/2015/S_RES_2217_1506646E.xml",
     "Calls upon all parties to armed conflict in the CAR, including former Séléka and anti-Balaka elements, to "
     "issue clear orders against sexual and gender based violence,", "former Séléka", "former-seleka"),
    ("unxml-sc-2000-2026/Pre-2020/2007/S_RES_1765_N0742557.xml",
     "Encourages the Facilitator, President Blaise Compaoré, to continue to support the process to settle the "
     "crisis in Côte d’Ivoire,", "President Blaise Compaoré", "president-blaise-compaore"),
    ("unxml-sc-2000-2026/Pre-2020/2009/S_RES_1865_N0922201.xml",
     "Encourages the Government of Cote d’Ivoire to make available to the Ivorian institutions involved in the "
     "electoral process the necessary resources,", "the Government of Cote d’Ivoire", "cote-d-ivoire"),
]


@pytest.mark.parametrize(("source", "text", "surface", "actor_id"), ASCII_IDS, ids=[row[3] for row in ASCII_IDS])
def test_actor_ids_are_transliterated(source: str, text: str, surface: str, actor_id: str) -> None:
    mentions = find_actor_mentions(text, find_clauses(text))
    assert (surface, actor_id) in {(m.surface, m.actor_id) for m in mentions if m.role == "addressee"}


def test_lexicon_ids_are_ascii_slugs() -> None:
    """Ids join votes and sponsors by name: each is lower-case ASCII, so "Türkiye" is turkiye, not t-rkiye."""
    assert [a.actor_id for a in actors() if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", a.actor_id)] == []
