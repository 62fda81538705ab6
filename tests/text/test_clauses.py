"""Lead phrases and clauses: one row per grammar rule, drawn from A/RES/72/284, the corpus and edge cases."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from pipeline.lexicons import verbs
from pipeline.text.clauses import document_leads, find_clauses, find_lead
from pipeline.text.model import Paragraph

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
    rows = verbs()
    lemmas = [row.verb for row in rows]
    assert len(lemmas) == len(set(lemmas))
    assert all(row.section in {"preamble", "operative", "both"} for row in rows)
    strength = {row.verb: row.strength for row in rows}
    scale = ["take note", "welcome", "encourage", "invite", "call upon", "urge", "request", "demand"]
    scale.append("decide")
    assert [strength[v] for v in scale] == sorted(strength[v] for v in scale)
    assert len(set(strength[v] for v in scale)) == len(scale)
    assert strength["recall"] < strength["take note"]


class CompoundLead(NamedTuple):
    """A lead made of more than one verb form, an opening phrase or a modifier inside the verb."""

    source: str  # zip member of data/sources the sentence is copied from
    section: str
    text: str
    phrase: str | None  # None: the paragraph has no lead
    verb: str | None
    modifier: str | None


GA = "unxml-ga-sessions-74-80/"
SC = "unxml-sc-2000-2026/"
COMPILATIONS = "sc-compilations-1946-1993/sc-compilations/"
COMPOUND_LEADS = [
    # "continues to" + base form: the lemma is the inner verb, "continues to" its modifier
    CompoundLead(GA + "74session/English/74_229.xml", "operative",
                 "Continues to encourage the United Nations system to take an active role",
                 "Continues to encourage", "encourage", "continues to"),
    CompoundLead("unxml-hrc-sessions-54-60/54session/English/A_HRC_RES_54_27E.xml", "operative",
                 "Continues to be alarmed at the resurgent violent manifestations of racism,",
                 "Continues to be alarmed", "alarmed", "continues to"),
    # "remains" + an adjectival lead: the third person of the lexicon's "we remain * concerned"
    CompoundLead(GA + "75session/English/75_90_E.xml", "operative",
                 "Remains deeply concerned about the persistent harm to civilians caused by anti-personnel landmines,",
                 "Remains deeply concerned", "concerned", "deeply"),
    CompoundLead(SC + "2020/English/S_RES_2556 (2020)-2017440E.xml", "operative",
                 "Remains however deeply concerned by high levels of violations and abuses of human rights",
                 "Remains however deeply concerned", "concerned", "however;deeply"),
    CompoundLead(GA + "74session/English/74_202.xml", "operative",
                 "Recommits itself to a redoubling of its efforts to substantially reduce illicit financial flows by 2030,",
                 "Recommits itself", "recommit", None),
    CompoundLead(GA + "77session/English/A_RES_77_151-2228766E.xml", "operative",
                 "Recommits firmly to promoting a rules-based, non-discriminatory, open, fair, inclusive,",
                 "Recommits", "recommit", None),
    CompoundLead(GA + "74session/English/74_154.xml", "operative",
                 "Strongly objects to the extraterritorial nature of those measures which, in addition,",
                 "Strongly objects to", "object to", "strongly"),
    # grading words and parentheticals between a verb and its particle
    CompoundLead(GA + "74session/English/74_116.xml", "operative",
                 "Calls attention to and reaffirms the obligation of all humanitarian personnel",
                 "Calls attention", "draw attention", None),
    CompoundLead(GA + "74session/English/74_152.xml", "operative",
                 "Calls once again for the implementation of a desirable pace of meaningful trade liberalization,",
                 "Calls once again for", "call for", "once again"),
    CompoundLead(GA + "74session/English/74_191.xml", "operative",
                 "Calls, in this context, for dialogue to be enhanced among all stakeholders,",
                 "Calls, in this context, for", "call for", "in this context"),
    CompoundLead(SC + "Pre-2020/2002/S_RES_1430_N0252257.xml", "operative",
                 "Calls again on the parties to release and return without further delay all remaining prisoners of war",
                 "Calls again on", "call upon", "again"),
    CompoundLead(SC + "Pre-2020/2003/S_RES_1494_N0344649.xml", "operative",
                 "Calls in particular on the Abkhaz side to improve law enforcement involving the local population",
                 "Calls in particular on", "call upon", "in particular"),
    # "Expresses" + possessive + grading words + noun: plural nouns, named possessors, parentheticals
    CompoundLead(SC + "Pre-2020/2012/S_RES_2040_N1226030.xml", "operative",
                 "Expresses its intent to review the mandate of the Committee",
                 "Expresses its intent", "express intention", None),
    CompoundLead(SC + "2023/English/S_RES_2694-2315069E.xml", "operative",
                 "Expresses its willingness to consider mandating the Verification Mission",
                 "Expresses its willingness", "express willingness", None),
    CompoundLead(SC + "2020/English/S_RES_2531 (2020)-2008609E.xml", "operative",
                 "Expresses serious concerns about repeated allegations of violations of international human rights law",
                 "Expresses serious concerns", "express concern", "serious"),
    CompoundLead(SC + "Pre-2020/2003/S_RES_1460_N0323116.xml", "operative",
                 "Expresses, accordingly, its intention to consider taking appropriate steps to further address this issue,",
                 "Expresses, accordingly, its intention", "express intention", "accordingly"),
    # an opening phrase before the finite lead: the lead is the Council's own verb, its offsets inside the text
    CompoundLead(SC + "Pre-2020/2000/S_RES_1289_N0028350.xml", "operative",
                 "Acting under Chapter VII of the Charter of the United Nations, decides further that the mandate "
                 "of UNAMSIL shall be revised to include the following additional tasks,",
                 "decides further", "decide", "further"),
    CompoundLead(SC + "2020/English/S_RES_2554 (2020)-2016409E.xml", "operative",
                 "While noting improvements in Somalia, recognizes that piracy exacerbates instability in Somalia",
                 "recognizes", "recognize", None),
    CompoundLead(SC + "Pre-2020/2000/S_RES_1304_N0048559.xml", "operative",
                 "In this context demands that all parties abstain from any offensive action",
                 "demands", "demand", None),
    # an opening phrase without a finite verb after it: a mandate's sub-item, no lead
    CompoundLead(SC + "Pre-2020/2013/S_RES_2100_1331417e.xml", "operative",
                 "In support of the transitional authorities of Mali, to contribute to the creation of a secure "
                 "environment for the safe, civilian-led delivery of humanitarian assistance,",
                 None, None, None),
    # a declaration's paragraphs whose "We" stands in the chapeau: the bare base form, when an object follows
    CompoundLead(GA + "74session/English/74_2.xml", "operative",
                 "Recognize that universal health coverage is fundamental for achieving the Sustainable Development Goals",
                 "Recognize", "recognize", None),
    CompoundLead(GA + "74session/English/74_250.xml", "operative",
                 "Direct expenses of the United Nations Postal Administration, services to visitors, catering and "
                 "related services",
                 None, None, None),
    CompoundLead(GA + "74session/English/74_266.xml", "operative",
                 "There shall be set off against this allocation of advances:", None, None, None),
    CompoundLead(SC + "Pre-2020/2013/S_RES_2087_1321396E.xml", "operative",
                 "Clarifies that the measures imposed in resolutions 1718 (2006) and 1874 (2009) prohibit the transfer",
                 "Clarifies", "clarify", None),
    # lexicon rows for Council leads found unmatched at corpus scale
    CompoundLead(COMPILATIONS + "S_RES_0327_1973_EN_GOLD.txt", "operative",
                 "Takes cognizance of the special economic hardships confronting Zambia as a result of its decision",
                 "Takes cognizance", "take cognizance", None),
    CompoundLead(COMPILATIONS + "S_RES_0100_1953_EN_GOLD.txt", "operative",
                 "Deems it desirable to that end that the works started in the demilitarized zone on 2 September 1953",
                 "Deems", "deem", None),
    CompoundLead(COMPILATIONS + "S_RES_0100_1953_EN_GOLD.txt", "operative",
                 "Relies on the Chief of Staff of the Truce Supervision Organization to inform it regarding the fulfilment",
                 "Relies on", "rely on", None),
    CompoundLead(COMPILATIONS + "S_RES_0674_1990_EN_GOLD.txt", "operative",
                 "Reposes its trust in the Secretary-General to make available his good offices",
                 "Reposes its trust", "repose trust", None),
    CompoundLead(COMPILATIONS + "S_RES_0637_1989_EN_GOLD.txt", "operative",
                 "Lends its full support to the Secretary-General to continue his mission of good offices,",
                 "Lends its full support", "lend support", "full"),
    CompoundLead(COMPILATIONS + "S_RES_0587_1986_EN_GOLD.txt", "operative",
                 "Pays homage to the courage, spirit of discipline and composure of the soldiers of the Force;",
                 "Pays homage to", "pay homage to", None),
    CompoundLead(COMPILATIONS + "S_RES_0262_1968_EN_GOLD.txt", "operative",
                 "Issues a solemn warning to Israel that if such acts were to be repeated, the Council would have",
                 "Issues a solemn warning", "warn", "solemn"),
    CompoundLead(SC + "Pre-2020/2000/S_RES_1296_N0039903.xml", "operative",
                 "Indicates its willingness to consider the appropriateness and feasibility of temporary security zones",
                 "Indicates its willingness", "indicate willingness", None),
    CompoundLead(SC + "Pre-2020/2004/S_RES_1579_N0465825.xml", "operative",
                 "Restates its demand that all States refrain from any action that might contribute to further",
                 "Restates", "restate", None),
    CompoundLead(SC + "Pre-2020/2001/S_RES_1355_N0141307.xml", "operative",
                 "Awaits in this respect the publication of the addendum to the report of the Expert Panel",
                 "Awaits", "await", None),
    CompoundLead(SC + "Pre-2020/2011/S_RES_1978_N1131312.xml", "operative",
                 "Announces its intent to establish a mission to succeed UNMIS;", "Announces", "announce", None),
    CompoundLead(SC + "2024/English/S_RES_2741-2411824E.xml", "operative",
                 "Signals its intention, upon receipt of this CONOPs from the African Union Peace and Security Council, to:",
                 "Signals", "signal", None),
    CompoundLead(SC + "2025/English/S_RES_2774-2503105E.xml", "operative",
                 "Implores a swift end to the conflict and further urges a lasting peace", "Implores", "implore", None),
    CompoundLead(SC + "2026/English/S_RES_2814-2601178E.xml", "operative",
                 "Revises the mandate of BINUH to undertake the following key tasks,", "Revises", "revise", None),
    CompoundLead(SC + "2023/English/S_RES_2717-2325640E.xml", "operative",
                 "Takes full note of the comprehensive disengagement plan,", "Takes full note", "take note", "full"),
    CompoundLead(SC + "Pre-2020/2018/S_RES_2444_1819381E.xml", "operative",
                 "Takes notes of FGS reporting to the Security Council pursuant to paragraph 9 of resolution 2182 (2014)",
                 "Takes notes", "take note", None),
    CompoundLead(SC + "Pre-2020/2015/S_RES_2220_1508130E.xml", "operative",
                 "Reemphasizes its call on parties to armed conflict, in this regard, to comply with obligations",
                 "Reemphasizes", "re-emphasize", None),
    CompoundLead(SC + "Pre-2020/2005/S_RES_1602_N0536776.xml", "operative",
                 "Looks forward also to the submission by the Secretary-General of his detailed proposal,",
                 "Looks forward also to", "look forward to", None),
    # OCR marks before or inside a lead (underlined words, stray quotes and rules)
    CompoundLead(COMPILATIONS + "S_RES_0865_1993_EN_GOLD.txt", "operative",
                 "Calls _on all Member States to assist, in all ways possible,", "Calls _on", "call upon", None),
    CompoundLead(COMPILATIONS + "S_RES_0785_1992_EN_GOLD.txt", "operative",
                 "Calls_on all States to refrain from any action", "Calls_on", "call upon", None),
    CompoundLead(COMPILATIONS + "S_RES_0889_1993_EN_GOLD.txt", "operative",
                 "_ Decides to undertake, on the basis of that report, a thorough review of the situation,",
                 "Decides", "decide", None),
    CompoundLead(COMPILATIONS + "S_RES_0864_1993_EN_GOLD.txt", "operative",
                 "~— Requests all States to report to the Secretary-General by 15 October 1993",
                 "Requests", "request", None),
    CompoundLead(SC + "Pre-2020/2016/S_RES_2321_1621090E.xml", "operative",
                 "“Decides that the DPRK shall not supply, sell or transfer, directly or indirectly, from its territory",
                 None, None, None),
    # an opening phrase (a preambular lead) before the finite lead, the verb after "and" or a comma
    CompoundLead(SC + "Pre-2020/2018/S_RES_2427_1811345E.xml", "operative",
                 "Stressing the importance of accountability for all violations and abuses against children in armed "
                 "conflict and calls on all States to continue to address impunity", "calls on", "call upon", None),
    CompoundLead(SC + "Pre-2020/2019/S_RES_2493_1918701E.xml", "operative",
                 "Noting the Peacebuilding Commission mandate pursuant to resolution 1645 (2005) and its gender strategy "
                 "and calls for its full implementation", "calls for", "call for", None),
    CompoundLead(SC + "Pre-2020/2008/S_RES_1808_N0830629.xml", "operative",
                 "Firmly convinced that the confidence-building measures proposed by the Group of Friends will serve "
                 "the development of broader and unbiased contacts, regrets the lack of progress",
                 "regrets", "regret", None),
    CompoundLead(SC + "Pre-2020/2004/S_RES_1577_N0463054.xml", "operative",
                 "Deeply troubled by the fact that Mr. Agathon Rwasa’s Forces nationales de liberation "
                 "(Palipehutu-FNL) have claimed responsibility for the Gatumba massacre, expresses its intention",
                 "expresses its intention", "express intention", None),
    CompoundLead("unxml-ecosoc-2021-2025/2021/English/E_RES_2021_7-2107768E.xml", "operative",
                 "Ensuring, as appropriate, that the United Nations Sustainable Development Group guides and supports "
                 "United Nations country teams", None, None, None),
    CompoundLead("unxml-hrc-sessions-54-60/59session/English/A_HRC_RES_59_20_E.xml", "operative",
                 "Developing and implementing measures that reinforce non-violent actions, attitudes and values, and "
                 "encouraging men and boys", None, None, None),
    CompoundLead("unxml-ecosoc-2021-2025/2021/English/E_RES_2021_24-2110319E.xml", "operative",
                 "Welcoming the first and second editions of the World Wildlife Crime Report, published by the United "
                 "Nations Office on Drugs and Crime in 2016 and 2020, and taking note of other reports and studies on "
                 "crimes that affect the environment", None, None, None),
    CompoundLead(SC + "2024/English/S_RES_2729-2407697E.xml", "operative",
                 "Due to increased risks of violence ahead of elections, further requests UNMISS, in coordination",
                 "further requests", "request", "further"),
]


@pytest.mark.parametrize("case", COMPOUND_LEADS, ids=[c.text[:40] for c in COMPOUND_LEADS])
def test_compound_leads(case: CompoundLead) -> None:
    lead = find_lead(case.text, case.section)
    found = (lead.phrase, lead.verb, lead.modifier) if lead else (None, None, None)
    assert found == (case.phrase, case.verb, case.modifier)
    assert lead is None or case.text[lead.start:lead.end] == case.phrase


class ClauseCase(NamedTuple):
    source: str
    text: str
    clauses: list[tuple[str, str, str | None]]  # (verb phrase, lemma, modifier) in order


COMPOUND_CLAUSES = [
    ClauseCase(SC + "Pre-2020/2000/S_RES_1289_N0028350.xml",
               "Acting under Chapter VII of the Charter of the United Nations, decides further that the mandate "
               "of UNAMSIL shall be revised to include the following additional tasks,",
               [("decides further", "decide", "further")]),
    ClauseCase(GA + "74session/English/74_154.xml",
               "Strongly objects to the extraterritorial nature of those measures which, in addition, threaten the "
               "sovereignty of States, and in this context calls upon all Member States neither to recognize those "
               "measures nor to apply them,",
               [("Strongly objects to", "object to", "strongly"), ("calls upon", "call upon", None)]),
    ClauseCase(GA + "74session/English/74_229.xml",
               "Continues to encourage the United Nations system to take an active role in forging a closer link with "
               "national science advisory bodies to optimally leverage science, technology and innovation for the "
               "Sustainable Development Goals, and looks forward to receiving",
               [("Continues to encourage", "encourage", "continues to"), ("looks forward to", "look forward to", None)]),
]


@pytest.mark.parametrize("case", COMPOUND_CLAUSES, ids=[c.text[:40] for c in COMPOUND_CLAUSES])
def test_compound_clauses(case: ClauseCase) -> None:
    assert [(c.verb_phrase, c.verb, c.modifier) for c in find_clauses(case.text)] == case.clauses


class DocumentLeads(NamedTuple):
    """Paragraphs of one resolution (section, number, text) and the lead (phrase, verb) of each."""

    source: str
    paragraphs: list[tuple[str, int | None, str]]
    leads: list[tuple[str, str] | None]


DOCUMENT_LEADS = [
    # "That ..." and "To ..." continue the chapeau that ends in ":": its verb is their lead
    DocumentLeads(COMPILATIONS + "S_RES_0015_1946_EN_GOLD.txt",
                  [("preamble", None, "Whereas there have been presented to the Security Council oral and written "
                                      "statements by the Greek, Yugoslav, Albanian and Bulgarian Governments"),
                   ("operative", None, "Resolves:"),
                   ("operative", None, "That the Security Council under Article 34 of the Charter establish a "
                                       "Commission of Investigation to ascertain the facts"),
                   ("operative", None, "That the Commission be composed of a representative of each of the members "
                                       "of the Security Council")],
                  [None, ("Resolves", "resolve"), ("That", "resolve"), ("That", "resolve")]),
    DocumentLeads(COMPILATIONS + "S_RES_0057_1948_EN_GOLD.txt",
                  [("operative", None, "Resolves :"),
                   ("operative", 1, "To request the Secretary-General to keep the flag of the United Nations at "
                                    "half-mast for a period of three days ;"),
                   ("operative", 2, "To authorize the Secretary-General to meet from the Working Capital Fund all "
                                    "expenses connected with the death and burial of the United Nations Mediator ;")],
                  [("Resolves", "resolve"), ("To", "resolve"), ("To", "resolve")]),
    # a numbered operative paragraph that opens with a preambular lead and has no finite verb
    DocumentLeads("sc-pdftext-1994-2014/sc-pdftext/2011-N1149700.txt",
                  [("operative", 3, "Decides to remain seized of the matter;"),
                   ("operative", 4, "Calling upon the Sierra Leone authorities to resolve any outstanding issues "
                                    "regarding the electoral legal framework;")],
                  [("Decides", "decide"), ("Calling upon", "call upon")]),
    DocumentLeads("sc-pdftext-1994-2014/sc-pdftext/2005-N0528408.txt",
                  [("operative", 16, "Acting under Chapter VII of the Charter of the United Nations,")],
                  [("Acting", "act")]),
    # unnumbered, it is a preambular paragraph the segmenter left among the operative ones: no lead
    DocumentLeads("sc-pdftext-1994-2014/sc-pdftext/2010-N1069483.txt",
                  [("operative", None, "Acting under chapter VII of the Charter of the United Nations,")], [None]),
]


@pytest.mark.parametrize("case", DOCUMENT_LEADS, ids=[c.source.rsplit("/", 1)[-1] for c in DOCUMENT_LEADS])
def test_document_leads(case: DocumentLeads) -> None:
    paragraphs = [Paragraph(f"p{i}", section, "paragraph", i, number, None, None, text, 0, len(text))
                  for i, (section, number, text) in enumerate(case.paragraphs)]
    leads = document_leads(paragraphs)
    assert [(lead.phrase, lead.verb) if lead else None for lead in leads] == case.leads
    assert all(p.text[lead.start:lead.end] == lead.phrase for p, lead in zip(paragraphs, leads, strict=True) if lead)
