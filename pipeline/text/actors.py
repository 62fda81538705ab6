"""Named actors in one normalised paragraph, and which clause addresses them.

Names and aliases come from ``lexicons/actors.csv``. The grammar here:

* names match longest first ("United Nations entities" before "United Nations");
* coordinated modifiers share one head noun, so "international, regional and subregional
  organizations" also yields "international organizations", and "United Nations bodies and entities"
  also yields "United Nations entities" — but only when the expanded name is itself in the lexicon;
* "the Office", "the Committee", "the Task Force" … refer back to the last actor named with that head
  (in the paragraph or in the ``context`` text a caller passes, e.g. the preceding paragraphs);
* an actor is the *addressee* of a directive clause (call upon, urge, request, encourage, invite,
  recommend, remind, demand …) when the actor noun phrase is the verb's object, or the subject of
  its that-clause ("recommends that Member States consider"). An action object ("encourages
  cooperation among Member States") has no addressee;
* the object is a list: it runs through commas, "and", "as well as", "including", "other",
  "relevant", through unlisted members ("philanthropic foundations") and through "X of Y" heads
  ("organizations of the United Nations system" addresses the United Nations system), and stops at
  the infinitive, a that/relative clause or a preposition other than "of";
* a comma parenthetical may stand between the verb (or "that") and the object ("Urges, having
  regard to …, States not Members …", "Requests that, in the meantime, the Secretary-General");
  a that-clause subject may follow a time adverbial ("that every thirty days the Secretary-General
  submit") and must be followed by its verb ("that the report of the Secretary-General be" has none).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import actors, verbs
from pipeline.text.clauses import Clause, trie_alternation

# Verb categories (verbs.csv) whose object is asked to act.
_DIRECTIVE_CATEGORIES = frozenset({"exhortation", "request", "demand"})


@dataclass(frozen=True)
class ActorMention:
    """One actor named in a paragraph."""

    start: int
    end: int
    surface: str
    actor_id: str
    role: str
    clause_index: int | None


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern[str]
    ids: dict[str, str]  # lower-cased name or alias -> actor_id
    anaphor: re.Pattern[str]
    heads: dict[str, frozenset[str]]  # "Office" -> ids of actors whose name has that head


_BOUND_L = r"(?<![\w-])"
_BOUND_R = r"(?![\w-])"
# Grammar words allowed between two addressees of one object ("Member States, the United Nations
# and other appropriate ...", "civil society, including non-governmental organizations").
_MODIFIER_WORDS = (
    r"(?:the|all|other|relevant|appropriate|concerned|interested|its|their|those|these|each|both|every|"
    r"any|also)"
)
_COORDINATOR_WORDS = (
    r"(?:and|or|as\s+well\s+as|including|in\s+particular|particularly|especially|notably|"
    r"as\s+appropriate|where\s+appropriate|where\s+applicable|as\s+necessary|inter\s+alia)"
)
_LINK_RUN = rf"(?:[\s,()]|\b{_COORDINATOR_WORDS}\b|\b{_MODIFIER_WORDS}\b)*"
# A run of grammar words holding at least one coordinator (a comma, "and", "as well as" ...).
_SEPARATOR = rf"(?:\s|\b{_MODIFIER_WORDS}\b)*(?:[,()]|\b{_COORDINATOR_WORDS}\b){_LINK_RUN}"
# Closed-class words that end a noun-phrase list: the infinitive, a that- or relative clause, a
# preposition other than "of", an article "a/an" (a verb's object: "observe a ceasefire"), a modal.
_STOP_WORDS = (
    r"(?:to|that|which|who|whom|whose|where|when|while|whether|if|as|in|with|within|without|under|"
    r"for|on|upon|by|from|at|through|into|against|among|amongst|between|towards?|regarding|"
    r"concerning|during|after|before|until|since|than|not|no|a|an|is|are|be|been|shall|should|will|"
    r"would|may|might|must|can|could|has|have|had|and|or|including|its|their)"
)
_ITEM_WORD = rf"(?!{_STOP_WORDS}\b)[\w’'-]+"
# An unlisted member of the list ("Member States, academia, the media and ..."): at most four words
# between coordinators. An item directly before "of" is the head of an "X of Y" actor
# ("organizations of the United Nations system", "members of the Council"): Y is the addressee.
_ITEM = rf"{_ITEM_WORD}(?:\s+{_ITEM_WORD}){{0,3}}"
_LINK_RE = re.compile(
    rf"{_LINK_RUN}"
    rf"|{_SEPARATOR}(?:{_ITEM}{_SEPARATOR})*(?:{_ITEM}\s+of\s+(?:the\s+)?)?"
)
_LINK_MAX = 200  # characters between two addressees of one list
# Unlisted members at the head of the object ("Encourages intergovernmental bodies, non-governmental
# organizations and individuals"): plain noun phrases, no article or "of" (those are actions:
# "encourages the provision of assistance and ...").
_LEAD_ITEM_WORD = rf"(?!(?:{_STOP_WORDS}|of|the)\b)[\w’'-]+"
_LEADING_ITEMS_RE = re.compile(rf"(?:{_LEAD_ITEM_WORD}(?:\s+{_LEAD_ITEM_WORD}){{0,3}}{_SEPARATOR})+")
# Nouns naming the members or parts of an actor: "organizations and agencies of the United Nations
# system", "the Governments of Iran and Iraq" address the actor itself.
_PART_HEAD = (
    r"(?:Governments?|[Oo]rganizations|[Ee]ntities|[Aa]gencies|[Bb]odies|[Oo]rgans|[Mm]embers"
    r"|[Rr]epresentatives|[Ll]eaders|[Aa]uthorities|[Ii]nstitutions)"
)
_DETERMINERS_PATTERN = (
    r"(?:(?:the|all|other|relevant|appropriate|concerned|interested|its|their|those|these|each|both"
    r"|every|any)\s+"
    rf"|{_PART_HEAD}(?:(?:\s*,\s*|\s+and\s+|\s+or\s+){_PART_HEAD})*\s+of\s+(?:the\s+)?)*"
    # "Asks the Government of Cyprus" addresses Cyprus; "organizations of the United Nations system"
    # the United Nations system
)
_DETERMINERS_RE = re.compile(_DETERMINERS_PATTERN)
_OBJECT_LEAD_IN_RE = re.compile(
    r"(?:\s*,?\s*(?:in this regard|in that regard|in this context|once again|again|also|further)\s*,?)*"
    r"\s*(?:(?P<that>that\b\s*)|upon\s+|on\s+|to\s+)?"
)
# A parenthetical between the verb and its object, or between "that" and the subject
# ("Urges, having regard to the principles stated in Article 2 …, States not Members …",
# "Requests that, in the meantime, the Secretary-General submit …"): commas around a phrase that
# opens with a participle, a preposition or an adverb.
_PARENTHETICAL_RE = re.compile(
    r"(?:\s*,\s*(?:[a-z]+ing|having|in|with|within|under|at|on|by|through|pursuant|consistent|as|"
    r"where|while|when|inter\s+alia|among|for|after|before|during|upon|without|once|if|[a-z]+ly)\b"
    r"[^,;:]*)+\s*,\s*"
)
# A time adverbial before the subject of a that-clause, without commas ("Requests that every
# thirty days the Secretary-General submit …"). Accepted only when a verb follows the subject.
_THAT_ADVERBIAL_RE = re.compile(
    r"(?:every|each|within|in|at|by|after|before|during|until|once|from|henceforth|immediately|"
    r"urgently|forthwith|without\s+delay)\b[^,;:]{0,60}?\s+" + _DETERMINERS_PATTERN
)
# What follows the subject of a that-clause: its verb ("the Secretary-General submit",
# "Iran and Iraq observe", "all parties immediately put an end", "States shall").
_THAT_VERB_RE = re.compile(
    rf"(?:{_PARENTHETICAL_RE.pattern})?\s*"
    r"(?!(?:of|in|on|for|to|from|with|by|at|and|or|as|which|who|that|is|are|was|were)\b)[a-z][a-z-]*\b"
)
_CONJ_BEFORE_RE = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_MODIFIER_BEFORE_RE = re.compile(r"(?<![\w-])([\w-]+\s+)?([\w-]+)$")
_WINDOW = 60  # characters looked back for a coordinator and a modifier
_AND_AFTER_RE = re.compile(r"(?:\s*,\s*|\s+(?:and|or)\s+)([\w-]+)" + _BOUND_R)
# A pronoun object ("urges them", "encourages those entities") points back to the actors of the
# previous clause.
_PRONOUN_RE = re.compile(
    r"(?:them|(?:those|these|such|the said)\s+(?:entities|organizations|bodies|actors))" + _BOUND_R
)
_PREPOSITION_AFTER_RE = re.compile(r"\s+(?:of|on|for)\s+[A-Z]")




def _heads(name: str) -> set[str]:
    """Short forms "the X" can take: the noun before "of/on/for" and the last one or two words."""
    words = name.split()
    if len(words) < 2:
        return set()
    cut = next((i for i, w in enumerate(words) if w in ("of", "on", "for")), len(words))
    found = {" ".join(words[cut - 2:cut]), words[cut - 1], " ".join(words[-2:]), words[-1]}
    return {h for h in found if h and h[0].isupper() and h.split()[-1] not in ("Nations", "States")}


@cache
def _lexicon() -> _Lexicon:
    ids: dict[str, str] = {}
    heads: dict[str, set[str]] = {}
    for actor in actors():
        for surface in actor.surfaces:
            ids.setdefault(surface.lower(), actor.actor_id)
        for head in _heads(actor.name):
            heads.setdefault(head, set()).add(actor.actor_id)
    surfaces = {surface for actor in actors() for surface in actor.surfaces}
    with_article = {s for s in surfaces if s.startswith("the ")}
    pattern = re.compile(
        rf"{_BOUND_L}(?:(?:[Tt]he\s+)?(?:{trie_alternation(surfaces - with_article)})"
        rf"|[Tt](?:{trie_alternation({s[1:] for s in with_article})})){_BOUND_R}"
    )
    anaphor = re.compile(rf"{_BOUND_L}the\s+(?P<head>{trie_alternation(set(heads))}){_BOUND_R}")
    return _Lexicon(pattern, ids, anaphor, {h: frozenset(v) for h, v in heads.items()})


def _strip_article(surface: str) -> str:
    return surface[4:] if surface.lower().startswith("the ") else surface


def _actor_id(surface: str, lexicon: _Lexicon) -> str:
    """Aliases that need their article ("the Task Force") first, then the name without it."""
    key = " ".join(surface.lower().split())
    return lexicon.ids.get(key) or lexicon.ids[_strip_article(key)]


def _expansions(text: str, start: int, end: int, lexicon: _Lexicon) -> list[tuple[int, int, str]]:
    """Names sharing a head with the match at start..end through coordination (see module doc)."""
    words = _strip_article(text[start:end]).split()
    if len(words) < 2:
        return []
    head, found = words[-1], []
    position = start
    while conj := _CONJ_BEFORE_RE.search(text, max(0, position - _WINDOW), position):
        modifier = _MODIFIER_BEFORE_RE.search(text, max(0, conj.start() - _WINDOW), conj.start())
        if modifier is None:
            break
        two, one = modifier.group(0), modifier.group(2)
        for candidate, begin in ((two, modifier.start()), (one, modifier.start(2))):
            actor = lexicon.ids.get(f"{candidate} {head}".lower())
            if actor is not None:
                found.append((begin, end, actor))
                position = begin
                break
        else:
            break
    stem = " ".join(_strip_article(text[start:end]).split()[:-1])
    position = end
    while after := _AND_AFTER_RE.match(text, position):
        actor = lexicon.ids.get(f"{stem} {after.group(1)}".lower())
        if actor is None:
            break
        found.append((start, after.end(), actor))
        position = after.end()
    return found


def _resolve_anaphor(head: str, before: list[tuple[int, str]], lexicon: _Lexicon) -> str | None:
    """The last actor named before this point whose name has ``head`` ("the Office")."""
    candidates = lexicon.heads[head]
    for _, actor in reversed(before):
        if actor in candidates:
            return actor
    return None


def _named(text: str, context: str) -> list[tuple[int, int, str]]:
    """(start, end, actor_id) for every lexicon name, coordinated expansion and resolved short form."""
    lexicon = _lexicon()
    found: list[tuple[int, int, str]] = []
    for match in lexicon.pattern.finditer(text):
        found.append((match.start(), match.end(), _actor_id(match.group(0), lexicon)))
        found.extend(_expansions(text, match.start(), match.end(), lexicon))
    taken = [(s, e) for s, e, _ in found]
    history = [(s, a) for s, _, a in ((m.start(), m.end(), _actor_id(m.group(0), lexicon))
                                      for m in lexicon.pattern.finditer(context))]
    history = [(-1 - len(context) + s, a) for s, a in history]
    for match in lexicon.anaphor.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        if _PREPOSITION_AFTER_RE.match(text, match.end()):
            continue
        before = sorted(history + [(s, a) for s, _, a in found if s < match.start()])
        actor = _resolve_anaphor(match["head"], before, lexicon)
        if actor is not None:
            found.append((match.start(), match.end(), actor))
    return sorted(set(found))


@cache
def _directive_verbs() -> frozenset[str]:
    return frozenset(verb.verb for verb in verbs() if verb.category in _DIRECTIVE_CATEGORIES)


def _first_object(
    text: str, clause: Clause, inside: list[tuple[int, int, str]]
) -> tuple[int, int, str] | None:
    """The actor that opens the object of a directive verb, or the subject of its that-clause."""
    lead_in = _OBJECT_LEAD_IN_RE.match(text, clause.end)
    starts = [lead_in.end()]
    parenthetical = _PARENTHETICAL_RE.match(text, lead_in.end() if lead_in["that"] else clause.end)
    if parenthetical is not None:
        starts.append(_OBJECT_LEAD_IN_RE.match(text, parenthetical.end()).end())
    for start in starts:
        position = _DETERMINERS_RE.match(text, start).end()
        # the name after the determiners, else a name made of them ("all concerned")
        first = next((n for n in inside if n[0] <= position < n[1]), None)
        first = first or next((n for n in inside if start <= n[0] < position), None)
        if first is not None:
            return first
    for start in starts:
        position = _DETERMINERS_RE.match(text, start).end()
        for mention in inside:
            if mention[0] - position > _LINK_MAX:
                break
            if mention[0] > position and _LEADING_ITEMS_RE.fullmatch(text, position, mention[0]):
                return mention
    if lead_in["that"]:
        for start in starts:
            for mention in inside:
                if mention[0] - start > 100:
                    break
                if mention[0] >= start and _THAT_ADVERBIAL_RE.fullmatch(text, start, mention[0]):
                    return mention
    return None


def _chain(text: str, first: tuple[int, int, str], inside: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``first`` and every actor linked to it by coordination ("X, Y and other Z, including W")."""
    chain, reach = [first], first[1]
    for mention in inside:
        if mention[0] <= first[0] and mention is not first:
            if mention[0] == first[0]:
                chain.append(mention)
            continue
        if mention in chain:
            continue
        if mention[0] < reach or (
            mention[0] - reach <= _LINK_MAX and _LINK_RE.fullmatch(text, reach, mention[0])
        ):
            chain.append(mention)
            reach = max(reach, mention[1])
        else:
            break
    return chain


def _addressees(
    text: str, clause: Clause, previous_start: int, named: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The chain of actor names that forms the object of a directive clause."""
    lead_in = _OBJECT_LEAD_IN_RE.match(text, clause.end)
    if _PRONOUN_RE.match(text, lead_in.end()):
        return [n for n in named if previous_start <= n[0] < clause.start]
    inside = [n for n in named if clause.end <= n[0] and n[0] < clause.scope_end]
    first = _first_object(text, clause, inside)
    if first is None:
        return []
    chain = _chain(text, first, inside)
    if lead_in["that"]:
        # the subject of a that-clause is followed by its verb, not by "of" or "'s"
        reach = max(end for _, end, _ in chain)
        if not _THAT_VERB_RE.match(text, reach):
            return []
    return chain


def find_actor_mentions(text: str, clauses: Sequence[Clause] = (), context: str = "") -> list[ActorMention]:
    """Every named actor in the paragraph; objects of directive verbs are addressees of that clause.

    ``context`` is earlier text of the same document, used only to resolve "the Office"-type short forms.
    """
    named = _named(text, context)
    addressed: dict[tuple[int, int, str], int] = {}
    directive = _directive_verbs()
    previous_start = 0
    for clause in clauses:
        if clause.verb in directive:
            for mention in _addressees(text, clause, previous_start, named):
                addressed.setdefault(mention, clause.index)
        previous_start = clause.start
    return [
        ActorMention(
            start,
            end,
            text[start:end],
            actor,
            "addressee" if (start, end, actor) in addressed else "mention",
            addressed.get((start, end, actor)),
        )
        for start, end, actor in named
    ]
