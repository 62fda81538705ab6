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
  cooperation among Member States") has no addressee.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import load
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
_LINK_RE = re.compile(
    r"(?:[\s,()]|\b(?:and|or|as well as|including|in particular|particularly|especially|notably|the|all|"
    r"other|relevant|appropriate|concerned|interested|its|their|those|these|each|both|every|any|also)\b)*"
)
_OBJECT_LEAD_IN_RE = re.compile(
    r"(?:\s*,?\s*(?:in this regard|in that regard|in this context|once again|again|also|further)\s*,?)*"
    r"\s*(?:that\s+|upon\s+|on\s+|to\s+)?"
)
_DETERMINERS_RE = re.compile(
    r"(?:(?:the|all|other|relevant|appropriate|concerned|interested|its|their|those|these|each|both"
    r"|every|any)\s+"
    r"|Governments?\s+of\s+(?:the\s+)?)*"  # "Asks the Government of Cyprus" addresses Cyprus
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
    for row in load("actors"):
        for surface in [row["name"], *filter(None, row["aliases"].split("|"))]:
            ids.setdefault(surface.lower(), row["actor_id"])
        for head in _heads(row["name"]):
            heads.setdefault(head, set()).add(row["actor_id"])
    surfaces = {s for row in load("actors") for s in [row["name"], *filter(None, row["aliases"].split("|"))]}
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
    return frozenset(row["verb"] for row in load("verbs") if row["category"] in _DIRECTIVE_CATEGORIES)


def _addressees(
    text: str, clause: Clause, previous_start: int, named: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The chain of actor names that forms the object of a directive clause."""
    position = _OBJECT_LEAD_IN_RE.match(text, clause.end).end()
    if _PRONOUN_RE.match(text, position):
        return [n for n in named if previous_start <= n[0] < clause.start]
    position = _DETERMINERS_RE.match(text, position).end()
    inside = [n for n in named if clause.end <= n[0] and n[0] < clause.scope_end]
    first = next((n for n in inside if n[0] <= position < n[1]), None)
    if first is None:
        return []
    chain, reach = [first], first[1]
    for mention in inside:
        if mention[0] <= first[0] and mention is not first:
            if mention[0] == first[0]:
                chain.append(mention)
            continue
        if mention in chain:
            continue
        if mention[0] < reach or _LINK_RE.fullmatch(text, reach, mention[0]):
            chain.append(mention)
            reach = max(reach, mention[1])
        else:
            break
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
