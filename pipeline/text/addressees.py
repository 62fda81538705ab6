"""The addressee of a directive clause: the noun phrases of its object, named in the lexicon or not.

Two readings, tried in this order:

* **object control** ("requests UNMIS … to cooperate", "urges troop-contributing countries to
  continue"): the object runs from the verb to its infinitive. It is a list of items split at commas,
  "and", "as well as", "including" … (not at an "and" between two capitalised words: "Defence and
  Security Forces"); parentheticals ("in accordance with its mandate") are items that open with a
  preposition, participle or adverb and are skipped. An item is a lexicon actor, "X of Y" (Y when X
  names its members or parts: "the Governments of Iran"), or an open noun phrase whose head is a
  proper name or a noun the lexicon uses as a head ("countries", "authorities"). When the first item
  is none of these the object is an action ("requests enhanced communication between …") and nothing
  is addressed; a passive infinitive ("requests further measures to be undertaken") addresses only
  lexicon actors;
* **lexicon chain** (no infinitive, and that-clauses): the actor that opens the object, or the subject
  of the that-clause, and every actor linked to it by coordination; the list runs through unlisted
  members and "X of Y" heads and stops at a preposition other than "of"; the subject of a that-clause
  must be followed by its verb ("that the report of the Secretary-General be" has none).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from pipeline.text.clauses import Clause


class Found(NamedTuple):
    """An actor at text[start:end]."""

    start: int
    end: int
    actor_id: str
    in_lexicon: bool = True


# Builds the open actor of text[start:end] (None when it is no actor noun phrase).
Discover = Callable[[str, int, int], "Found | None"]

_MODIFIER_WORDS = (
    r"(?:the|all|other|relevant|appropriate|concerned|interested|its|their|those|these|each|both|every|"
    r"any|also)"
)
_COORDINATOR_WORDS = (
    r"(?:and|or|as\s+well\s+as|including|in\s+particular|particularly|especially|notably|"
    r"as\s+appropriate|where\s+appropriate|where\s+applicable|as\s+necessary|inter\s+alia)"
)
_LINK_RUN = rf"(?:[\s,()]|\b{_COORDINATOR_WORDS}\b|\b{_MODIFIER_WORDS}\b)*"
_SEPARATOR = rf"(?:\s|\b{_MODIFIER_WORDS}\b)*(?:[,()]|\b{_COORDINATOR_WORDS}\b){_LINK_RUN}"
# Closed-class words that end a noun-phrase list (see module doc).
_STOP_WORDS = (
    r"(?:to|that|which|who|whom|whose|where|when|while|whether|if|as|in|with|within|without|under|"
    r"for|on|upon|by|from|at|through|into|against|among|amongst|between|towards?|regarding|"
    r"concerning|during|after|before|until|since|than|not|no|a|an|is|are|be|been|shall|should|will|"
    r"would|may|might|must|can|could|has|have|had|and|or|including|its|their)"
)
_ITEM_WORD = rf"(?!{_STOP_WORDS}\b)[\w’'-]+"
_ITEM = rf"{_ITEM_WORD}(?:\s+{_ITEM_WORD}){{0,3}}"
_LINK_RE = re.compile(
    rf"{_LINK_RUN}"
    rf"|{_SEPARATOR}(?:{_ITEM}{_SEPARATOR})*(?:{_ITEM}\s+of\s+(?:the\s+)?)?"
)
_LINK_MAX = 200  # characters between two addressees of one list
_LEAD_ITEM_WORD = rf"(?!(?:{_STOP_WORDS}|of|the)\b)[\w’'-]+"
_LEADING_ITEMS_RE = re.compile(rf"(?:{_LEAD_ITEM_WORD}(?:\s+{_LEAD_ITEM_WORD}){{0,3}}{_SEPARATOR})+")
# Nouns naming the members or parts of an actor: "the Governments of Iran and Iraq" address the states.
PART_HEAD = (
    r"(?:Governments?|[Oo]rganizations|[Ee]ntities|[Aa]gencies|[Bb]odies|[Oo]rgans|[Mm]embers"
    r"|[Rr]epresentatives|[Ll]eaders|[Ll]eadership|[Aa]uthorities|[Ii]nstitutions)"
)
_PARTS_OF = rf"{PART_HEAD}(?:(?:\s*,\s*|\s+and\s+|\s+or\s+){PART_HEAD})*\s+of\s+(?:the\s+)?"
_PARTS_OF_RE = re.compile(_PARTS_OF)
_DETERMINERS_PATTERN = (
    r"(?:(?:the|all|other|relevant|appropriate|concerned|interested|its|their|those|these|each|both"
    r"|every|any)\s+"
    rf"|{_PARTS_OF})*"
)
_DETERMINERS_RE = re.compile(_DETERMINERS_PATTERN)
_LEADING_DETERMINERS_RE = re.compile(rf"(?:{_MODIFIER_WORDS}\s+)*", re.IGNORECASE)
# Adverbials between a directive verb and its object or that-clause ("Demands once more that", S/RES/1001 (1995)).
OBJECT_LEAD_IN = (
    r"(?:\s*,?\s*(?:in this regard|in that regard|in this context|once again|once more|again|also|further"
    r"|in particular|particularly)\s*,?)*\s*"
)
_OBJECT_LEAD_IN_RE = re.compile(rf"{OBJECT_LEAD_IN}(?:(?P<that>that\b\s*)|upon\s+|on\s+|to\s+)?")
_PARENTHETICAL_OPENER = (
    r"(?:[a-z]+ing(?!\s+[A-Z])(?!\s+[a-z]+s\b)|having|in|with|within|under|at|on|by|through|pursuant|consistent|as|where|while|when|"
    r"inter\s+alia|among|for|after|before|during|upon|without|once|if|together|[a-z]+ly)\b"
)
_PARENTHETICAL_RE = re.compile(rf"(?:\s*,\s*{_PARENTHETICAL_OPENER}[^,;:]*)+\s*,\s*")
_THAT_ADVERBIAL_RE = re.compile(
    r"(?:every|each|within|in|at|by|after|before|during|until|once|from|henceforth|immediately|"
    r"urgently|forthwith|without\s+delay)\b[^,;:]{0,60}?\s+" + _DETERMINERS_PATTERN
)
_THAT_VERB_RE = re.compile(
    rf"(?:{_PARENTHETICAL_RE.pattern})?\s*"
    r"(?!(?:of|in|on|for|to|from|with|by|at|and|or|as|which|who|that|is|are|was|were)\b)[a-z][a-z-]*\b"
)
# A pronoun object: "requests him to", "urges them to", "encourages those entities to".
PRONOUN_RE = re.compile(
    r"(?P<pronoun>him|her|it|them|(?:those|these|such|the\s+said)\s+(?:entities|organizations|bodies|actors))"
    r"(?![\w-])"
)

# -- object control: the object runs to its infinitive --------------------------------------------
_OBJECT_MAX = 400
# "to" + a verb (an optional adverb first), or "to:" before sub-items; not "to the", "to resolution 1267",
# "pursuant to".
_INFINITIVE_RE = re.compile(
    r"(?<![\w-])(?:(?:[a-z]+ly|also|further|again)\s+)?(?<!pursuant\s)(?<!according\s)(?<!prior\s)(?<!due\s)(?<!owing\s)(?<!addition\s)"
    r"(?<!regard\s)(?<!respect\s)(?<!relating\s)(?<!related\s)(?<!contrary\s)(?<!subject\s)(?<!up\s)"
    r"(?<!as\s)(?<!referred\s)(?<!close\s)(?<!next\s)to(?:\s*:|\s+(?:[a-z]+ly\s+|not\s+)?"
    r"(?P<verb>(?!(?:the|a|an|all|its|their|his|her|our|this|that|these|those|each|any|such|other|some|"
    r"both|every|resolution|paragraph|date|what|which|whom)\b)(?![a-z-]*[^e\W]ed\b)[a-z][a-z-]*)\b(?!\s*\d))"
)
_OBJECT_END_RE = re.compile(r"[;:.]\s")
_ITEM_SPLIT_RE = re.compile(
    r"\s*(?:,|\((?=[^)]*\))|\)|;|(?<![\w-])(?:and|or|as\s+well\s+as|including|in\s+particular|particularly|"
    r"notably|especially|inter\s+alia|together\s+with|along\s+with)(?![\w-]))\s*"
)
_MODIFIERS_RE = re.compile(rf"(?:(?!(?:{_STOP_WORDS}|of|the)\b)[a-z][\w-]*\s+){{1,3}}")
_SHARED_HEAD_RE = re.compile(r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?")
_COORDINATOR_AFTER_RE = re.compile(r"\s*,?\s*(?:and|or)\b")
_PARENTHETICAL_ITEM_RE = re.compile(rf"{_PARENTHETICAL_OPENER}|(?:[a-z]+ed)\s+(?:in|to|by|with|under|at)\b")
# What may follow an actor inside its item: a relative clause, a participle phrase, a prepositional phrase.
_ACTOR_TAIL_RE = re.compile(
    r"\s*(?:(?<![\w’'-])(?:(?:that|which|who|whose)\b|[a-z]+(?:ed|ing)\s+(?:in|to|by|with|on|under|at|from|for|through)\b"
    rf"|[a-z]+ed\s*$|(?:{_STOP_WORDS}|of|over|operating|concerned|once|again|also|further|still|[a-z]+ly)\b)|\(|$)"
)

# What may follow a named actor and qualify it: "Member States able to do so", "Member States receiving
# notification", "States proposing a new designation".
_QUALIFIER_RE = re.compile(r"\s+(?:able|willing|in\s+a\s+position|[a-z]+ing)(?![\w-])")


def object_start(text: str, clause: Clause) -> tuple[int, bool]:
    """Where the object (or that-clause subject) begins, and whether it is a that-clause."""
    lead_in = _OBJECT_LEAD_IN_RE.match(text, clause.end)
    return lead_in.end(), bool(lead_in["that"])


def addressees(text: str, clause: Clause, named: Sequence[Found], discover: Discover) -> list[Found]:
    """The actors a directive clause addresses: known ones from ``named``, new ones built by ``discover``."""
    start, is_that = object_start(text, clause)
    if not is_that:
        parenthetical = _PARENTHETICAL_RE.match(text, clause.end)
        if parenthetical is not None:
            start = _OBJECT_LEAD_IN_RE.match(text, parenthetical.end()).end()
        controlled = _controlled_object(text, start, clause.scope_end, named, discover)
        if controlled is not None:
            return controlled
    return _lexicon_chain(text, clause, named)


def _infinitive(text: str, start: int, limit: int) -> re.Match[str] | None:
    """The first "to <verb>" after ``start`` outside parentheses, before the clause or sentence ends."""
    stop = _OBJECT_END_RE.search(text, start, limit)
    end = min(stop.start() if stop else limit, start + _OBJECT_MAX)
    for match in _INFINITIVE_RE.finditer(text, start, end):
        if text.count("(", start, match.start()) == text.count(")", start, match.start()):
            return match
    return None


def _items(text: str, start: int, end: int, named: Sequence[Found]) -> list[tuple[int, int, bool]]:
    """The object's items: spans between separators, never cutting a named actor, each with whether a
    bare comma (which may close a parenthetical) stands before it."""
    whole = [(n.start, n.end) for n in named if start <= n.start and n.end <= end]
    whole += [m.span() for m in _PARTS_OF_RE.finditer(text, start, end)]  # "organizations and agencies of"
    cuts: list[tuple[int, int]] = []
    for match in _ITEM_SPLIT_RE.finditer(text, start, end):
        if any(s < match.end() and match.start() < e for s, e in whole):
            continue
        word = match.group(0).strip()
        if word == "and" and re.search(r"[A-Z][\w’'-]*$", text[start:match.start()]) \
                and re.match(r"[A-Z]", text[match.end():end]) \
                and not any(e == match.start() or s == match.end() for s, e in whole):
            continue  # "Defence and Security Forces": one name
        cuts.append((match.start(), match.end()))
    items, position, comma = [], start, False
    for cut_start, cut_end in cuts:
        items.append((position, cut_start, comma))
        position, comma = cut_end, text[cut_start:cut_end].strip() == ","
    items.append((position, end, comma))
    return [(s, e, c) for s, e, c in items if text[s:e].strip()]


def _controlled_object(text: str, start: int, limit: int, named: Sequence[Found],
                       discover: Discover) -> list[Found] | None:
    """Actors of an object that runs to an infinitive; None when there is no infinitive."""
    infinitive = _infinitive(text, start, limit)
    if infinitive is None:
        return None
    passive = infinitive["verb"] in ("be", "been")
    found: list[Found] = []
    parenthetical = False  # inside ", in accordance with …, including the Charter,"
    for position, (item_start, item_end, comma) in enumerate(_items(text, start, infinitive.start(), named)):
        inside = [n for n in named if item_start <= n.start and n.end <= item_end]
        item_start += len(_LEADING_DETERMINERS_RE.match(text, item_start, item_end).group(0))
        parenthetical = bool(_PARENTHETICAL_ITEM_RE.match(text, item_start, item_end)) or (parenthetical and not comma)
        if parenthetical:
            continue
        actors = _item_actors(text, item_start, item_end, inside, None if passive else discover)
        if not actors and position == 0 and _SHARED_HEAD_RE.fullmatch(text, item_start, item_end) \
                and _COORDINATOR_AFTER_RE.match(text, item_end):
            continue  # "international bilateral and multilateral partners": the head comes later
        if not actors and position == 0:
            return []  # an action object: "encourages the provision of assistance to …"
        found.extend(actors)
    return found


def _item_actors(text: str, start: int, end: int, inside: list[Found], discover: Discover | None) -> list[Found]:
    """The actor(s) one item names: a known actor (with its modifiers), Y of "parts of Y", or a new phrase."""
    first = inside[0] if inside else None
    if first is not None and first.start <= start and (_ACTOR_TAIL_RE.match(text, first.end, end)
                                                       or _QUALIFIER_RE.match(text, first.end, end)):
        return [first]
    if first is not None and _PARTS_OF_RE.fullmatch(text, start, first.start):
        return [first]
    last = inside[-1] if inside else None
    if last is not None and _MODIFIERS_RE.fullmatch(text, start, last.start) and not text[last.end:end].strip():
        return [last]  # "existing donors", "designating States"
    if discover is None:
        return []
    tail = _ACTOR_TAIL_RE.search(text, start + 1, end)
    while tail is not None and tail.group(0).strip() and text[tail.start():tail.end()].strip() in ("in", "on", "of", "for") \
            and re.match(r"\s+(?:the\s+)?[A-Z]", text[tail.end():end]):
        tail = _ACTOR_TAIL_RE.search(text, tail.end(), end)  # "Office of the Special Envoy": one name
    phrase_end = len(text[:tail.start() if tail else end].rstrip())
    phrase_end = max(phrase_end, max((n.end for n in inside if n.start < phrase_end), default=0))
    actor = discover(text, start, phrase_end)
    return [actor] if actor is not None else []


# -- the lexicon chain --------------------------------------------------------------------------


def _first_object(text: str, clause: Clause, inside: list[Found]) -> Found | None:
    """The actor that opens the object of a directive verb, or the subject of its that-clause."""
    lead_in = _OBJECT_LEAD_IN_RE.match(text, clause.end)
    starts = [lead_in.end()]
    parenthetical = _PARENTHETICAL_RE.match(text, lead_in.end() if lead_in["that"] else clause.end)
    if parenthetical is not None:
        starts.append(_OBJECT_LEAD_IN_RE.match(text, parenthetical.end()).end())
    for start in starts:
        position = _DETERMINERS_RE.match(text, start).end()
        # the name after the determiners, else a name made of them ("all concerned")
        first = next((n for n in inside if n.start <= position < n.end), None)
        first = first or next((n for n in inside if start <= n.start < position), None)
        if first is not None:
            return first
    for start in starts:
        position = _DETERMINERS_RE.match(text, start).end()
        for mention in inside:
            if mention.start - position > _LINK_MAX:
                break
            if mention.start > position and _LEADING_ITEMS_RE.fullmatch(text, position, mention.start):
                return mention
    if lead_in["that"]:
        for start in starts:
            for mention in inside:
                if mention.start - start > 100:
                    break
                if mention.start >= start and _THAT_ADVERBIAL_RE.fullmatch(text, start, mention.start):
                    return mention
    return None


def _chain(text: str, first: Found, inside: list[Found]) -> list[Found]:
    """``first`` and every actor linked to it by coordination ("X, Y and other Z, including W")."""
    chain, reach = [first], first.end
    for mention in inside:
        if mention.start <= first.start:
            continue
        if mention.start < reach or (
            mention.start - reach <= _LINK_MAX and _LINK_RE.fullmatch(text, reach, mention.start)
        ):
            chain.append(mention)
            reach = max(reach, mention.end)
        else:
            break
    return chain


def _lexicon_chain(text: str, clause: Clause, named: Sequence[Found]) -> list[Found]:
    inside = [n for n in named if clause.end <= n.start < clause.scope_end]
    first = _first_object(text, clause, inside)
    if first is None:
        return []
    chain = _chain(text, first, inside)
    if object_start(text, clause)[1] and not _THAT_VERB_RE.match(text, max(n.end for n in chain)):
        return []
    return chain
