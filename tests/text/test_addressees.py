"""Open-vocabulary addressees, back references and mention fixes: one named record per rule, each a paragraph
of a Security Council resolution as the UN's XML (data/sources/unxml-sc-2000-2026.zip) prints it."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
import pytest

from pipeline.lexicons import actors
from pipeline.tables import actors_table
from pipeline.text.actors import ActorMention, DocumentActors, discovered_actor
from pipeline.text.clauses import find_clauses

NAMES = {actor.actor_id: actor.name for actor in actors()}


def _find(text: str, before: tuple[str, ...] = (), document_id: str | None = None
          ) -> tuple[list[ActorMention], dict[str, str]]:
    """The paragraph's mentions, and the name of every actor the resolution names so far (as actors_table gives)."""
    finder = DocumentActors(document_id)
    earlier = [m for paragraph in before for m in finder.find(paragraph, find_clauses(paragraph))]
    mentions = finder.find(text, find_clauses(text))
    surfaces: dict[str, list[str]] = {}
    for mention in earlier + mentions:
        surfaces.setdefault(mention.actor_id, []).append(mention.surface)
    names = {a: NAMES.get(a) or discovered_actor(a, s)[0] for a, s in surfaces.items()}
    return mentions, names


@dataclass(frozen=True)
class Addressed:
    rule: str
    source: str
    text: str
    expected: frozenset[tuple[int, str]]  # (clause index, actor name)
    before: tuple[str, ...] = ()  # earlier paragraphs of the same resolution
    document_id: str | None = None  # the resolution being read, when a rule needs it


ADDRESSED = [
    Addressed(
        "acronym of a mission, past a parenthetical", "S/RES/1870(2009) op",
        "Calls for all parties to cooperate with full and unrestricted access to UNMIS in monitoring and verification "
        "of the Abyei region, without prejudice to the final agreement on the Abyei boundaries, and urges UNMIS, "
        "consistent with its current mandate and within its means and capabilities, to consult with the parties, and "
        "to deploy, as appropriate, sufficient personnel to the Abyei region to improve conflict prevention efforts "
        "and security to the civilian population;",
        frozenset({(1, "parties"), (2, "United Nations Mission in the Sudan")}),
    ),
    Addressed(
        "troop- and police-contributing countries", "S/RES/2584(2021) op",
        "Urges troop- and police-contributing countries to continue taking appropriate action to prevent sexual "
        "exploitation and abuse, including vetting, predeployment and in-mission awareness training, to ensure full "
        "accountability in cases of such conduct involving their personnel, including through timely investigations "
        "of all allegations of sexual exploitation and abuse, to repatriate units when there is credible evidence of "
        "widespread or systemic sexual exploitation and abuse by those units, and to report to the United Nations "
        "fully and promptly on actions undertaken;",
        frozenset({(1, "troop- and police-contributing countries")}),
    ),
    Addressed(
        "the sides", "S/RES/2723(2024) op",
        "Welcomes the appointment of the Secretary-General’s Personal Envoy to assume a good offices role on his "
        "behalf and further encourages the sides to engage constructively with the Secretary-General’s Personal Envoy "
        "in the search for common ground with the goal of returning to formal negotiations for a lasting settlement "
        "in Cyprus;",
        frozenset({(2, "sides")}),
    ),
    Addressed(
        "him: the last office holder", "S/RES/1327(2000) op",
        "Encourages the Secretary-General to begin his consultations with potential troop contributors well in "
        "advance of the establishment of peacekeeping operations, and requests him to report on his consultations "
        "during the consideration of new mandates;",
        frozenset({(1, "Secretary-General"), (2, "Secretary-General")}),
    ),
    Addressed(
        "an acronym outside the lexicon, then it", "S/RES/2514(2020) op",
        "Calls upon the GoSS to move forward expeditiously and transparently to complete the ongoing investigations of "
        "allegations of human rights violations and abuses in a manner consistent with its international obligations, "
        "and encourages it to release the reports of those investigations;",
        frozenset({(1, "GoSS"), (2, "GoSS")}),
    ),
    Addressed(
        "the Committee named by its resolution in an earlier paragraph", "S/RES/2696(2023) pp and op",
        "Directs the Committee to follow up on the above decision and the implementation of the Federal Government of "
        "Somalia’s proposal;",
        frozenset({(1, "Security Council Committee established pursuant to resolution 751 (1992)")}),
        ("Taking note of the correspondence between the Federal Government of Somalia and the Committee established "
         "pursuant to resolution 751 (1992) (the Committee) regarding the disposal of this charcoal,",),
    ),
    Addressed(
        "the Committee with nothing to refer to is no actor", "S/RES/2696(2023) op",
        "Directs the Committee to follow up on the above decision and the implementation of the Federal Government of "
        "Somalia’s proposal;",
        frozenset(),
    ),
    Addressed(
        "a committee by its short name", "S/RES/1977(2011) op",
        "Urges the 1540 Committee to continue to engage actively with States and relevant international, regional and "
        "subregional organizations to promote the sharing of experience, lessons learned and effective practices;",
        frozenset({(1, "Security Council Committee established pursuant to resolution 1540 (2004)")}),
    ),
    Addressed(
        "an infinitive list after to:", "S/RES/2197(2015) op",
        "Recalls Security Council resolution 2026 (2011), and calls upon the two leaders to:",
        frozenset({(2, "two leaders")}),
    ),
    Addressed(
        "coordinated modifiers before a lexicon head", "S/RES/2343(2017) op",
        "encourages international bilateral and multilateral partners to increase their support to these "
        "institutions and further encourages these partners to contribute to support the presence of UNODC in "
        "Guinea-Bissau and to the UNIOGBIS Trust Fund for immediate, medium and longer-term priorities;",
        frozenset({(1, "international partners"), (2, "international partners")}),
    ),
    Addressed(
        "an action object addresses no one", "S/RES/2442(2018) op",
        "Highlights the importance of coordination among States and international organizations in order to deter "
        "acts of piracy and armed robbery at sea off the coast of Somalia, commends the work of the CGPCS to "
        "facilitate such coordination in cooperation with the IMO, flag States, and Somali authorities, and urges "
        "continued support of these efforts;",
        frozenset(),
    ),
    Addressed(
        "an action object before an infinitive addresses no one", "S/RES/1286(2000) op",
        "Encourages further progress between the United Nations and the Government of Burundi and political parties "
        "in Burundi in establishing appropriate security guarantees for United Nations humanitarian agencies to "
        "resume field operations;",
        frozenset(),
    ),
    Addressed(
        "a committee the resolution sets up: its id comes from the resolution", "S/RES/1373(2001) op7",
        "Directs the Committee to delineate its tasks, submit a work programme within 30 days of the adoption of "
        "this resolution, and to consider the support it requires, in consultation with the Secretary-General;",
        frozenset({(1, "Security Council Committee established pursuant to resolution 1373 (2001)")}),
        ("Decides to establish, in accordance with rule 28 of its provisional rules of procedure, a Committee of the "
         "Security Council, consisting of all the members of the Council, to monitor implementation of this "
         "resolution, with the assistance of appropriate expertise,",),
        "S/RES/1373(2001)",
    ),
    Addressed(
        "the committee established by a paragraph of this resolution", "S/RES/1298(2000) op13",
        "Requests the Committee established by paragraph 8 above to make information it considers relevant publicly "
        "available through appropriate media,",
        frozenset({(1, "Security Council Committee established pursuant to resolution 1298 (2000)")}),
        document_id="S/RES/1298(2000)",
    ),
    Addressed(
        "a monitoring group the resolution asks for, referred back to", "S/RES/1519(2003) op6",
        "Requests the Monitoring Group to provide a mid-term briefing to the Council, through the Committee, and to "
        "submit a final report at the end of its mandated period to the Security Council,",
        frozenset({(1, "Monitoring Group established pursuant to resolution 1519 (2003)")}),
        ("Requests the Secretary-General to establish a monitoring group (hereinafter referred to as the “Monitoring "
         "Group”) composed of up to four experts,",),
        "S/RES/1519(2003)",
    ),
    Addressed(
        "without the resolution's id, a paragraph reference names no body", "S/RES/1298(2000) op13",
        "Requests the Committee established by paragraph 8 above to make information it considers relevant publicly "
        "available through appropriate media,",
        frozenset(),
    ),
    Addressed(
        "a qualifier after a named actor: able to, a participle", "S/RES/1470(2003) op10",
        "Welcomes the progress with deployment of United Nations civilian police to UNAMSIL and urges Member States "
        "able to do so to provide qualified civilian police trainers and advisers,",
        frozenset({(2, "Member States")}),
    ),
    Addressed(
        "a participle after a named actor", "S/RES/1822(2008) op18",
        "Encourages Member States receiving notification as in paragraph 15 above to inform the Committee on steps "
        "they have taken to implement the measures set out in paragraph 1 above,",
        frozenset({(1, "Member States")}),
    ),
    Addressed(
        "lower-case member states, British spelling", "S/RES/1769(2007) op11",
        "calls on member states and regional organisations to provide further assistance,",
        frozenset({(1, "Member States"), (1, "regional organizations")}),
    ),    Addressed(
        "lexicon rows: United Nations military observers, the multinational stabilization force",
        "sc-pdftext-1994-2014/sc-pdftext/1998-N9820696.txt (S/RES/1183 (1998) op6)",
        "Requests the United Nations military observers and the multinational stabilization force authorized by the "
        "Council in resolution 1088 (1996) of 12 December 1996 and extended by resolution 1174 (1998) of 15 June 1998 "
        "to cooperate fully with each other;",
        frozenset({(1, "United Nations military observers"), (1, "multinational stabilization force")}),
    ),    Addressed(
        "a panel named without its resolution, referred back to", "S/RES/1457(2003) op14",
        "Requests the Panel to provide information to the Organisation for Economic Cooperation and Development",
        frozenset({(1, "Panel of Experts")}),
        ("Takes note of the report of the Panel of Experts (hereinafter “the Panel”) on the Illegal Exploitation of "
         "Natural Resources and Other Forms of Wealth of the Democratic Republic of the Congo",),
    ),
    Addressed(
        "the Lebanon inquiry commission, referred back to", "S/RES/1644(2005) op5",
        "Requests the Commission to report to the Council on the progress of the inquiry,",
        frozenset({(1, "International Independent Investigation Commission")}),
        ("Having examined carefully the report of the International Independent Investigation Commission (S/2005/775) "
         "(“the Commission”) concerning its investigation",),
    ),
    Addressed(
        "the Somalia and Eritrea Monitoring Group, referred back to", "S/RES/2111(2013) op28",
        "Requests the Monitoring Group to submit, for the Security Council’s consideration, through the Committee, "
        "two final reports;",
        frozenset({(1, "Somalia and Eritrea Monitoring Group")}),
        ("Taking note of the final reports of the Somalia and Eritrea Monitoring Group (the Monitoring Group) on "
         "Somalia (S/2013/413) and Eritrea,",),
    ),
]


@pytest.mark.parametrize("case", ADDRESSED, ids=lambda case: case.rule)
def test_addressees(case: Addressed) -> None:
    mentions, names = _find(case.text, case.before, case.document_id)
    assert {(m.clause_index, names[m.actor_id]) for m in mentions if m.role == "addressee"} == case.expected
    for mention in mentions:
        assert case.text[mention.start:mention.end] == mention.surface


@dataclass(frozen=True)
class Named:
    rule: str
    source: str
    text: str
    expected: tuple[tuple[str, str], ...]  # (surface, actor name) in order


NAMED = [
    Named(
        "Secretary- General broken at a line end", "S/RES/1468(2003) op",
        "Expresses its support to the broad orientations set out by the Secretary- General in paragraph 59 of his last "
        "report on the role of MONUC in support of the peace process, and expresses its intention to consider his "
        "recommendations in this regard;",
        (("the Secretary- General", "Secretary-General"),
         ("MONUC", "United Nations Organization Mission in the Democratic Republic of the Congo")),
    ),
    Named(
        "a state inside a currency is no mention", "S/RES/1330(2000) op",
        "Decides that from the funds produced pursuant to this resolution in the escrow account established by "
        "paragraph 7 of resolution 986 (1995), up to a total of 600 million United States dollars may be used to meet "
        "any reasonable expenses, other than expenses payable in Iraq;",
        (("Iraq", "Iraq"),),
    ),
    Named(
        "the Government of X is the state; a name as modifier is part of one actor", "S/RES/1286(2000) op",
        "Encourages further progress between the United Nations and the Government of Burundi and political parties "
        "in Burundi in establishing appropriate security guarantees for United Nations humanitarian agencies to "
        "resume field operations;",
        (("the United Nations", "United Nations"), ("the Government of Burundi", "Burundi"), ("parties", "parties"),
         ("Burundi", "Burundi"), ("United Nations humanitarian agencies", "United Nations humanitarian agencies")),
    ),
]


@pytest.mark.parametrize("case", NAMED, ids=lambda case: case.rule)
def test_mentions(case: Named) -> None:
    mentions, names = _find(case.text)
    assert tuple((m.surface, names[m.actor_id]) for m in mentions) == case.expected
    spans = sorted({(m.start, m.end) for m in mentions})
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # no two spans overlap


def test_actors_table_adds_the_discovered_actors() -> None:
    """S/RES/2514(2020): "the GoSS" is outside the lexicon, so the actors table gets a row for it."""
    found, _ = _find(ADDRESSED[4].text)
    mentions = pl.DataFrame({"actor_id": [m.actor_id for m in found], "surface": [m.surface for m in found]})
    table = actors_table(mentions)
    assert table.filter(pl.col("actor_id") == "goss").select("name", "kind", "in_lexicon").rows() == [
        ("GoSS", "other", False)]
    assert table.filter(pl.col("in_lexicon")).height == len(actors())
