"""Actors named in the paragraphs of one resolution, and which clause addresses them.

Names and aliases come from ``lexicons/actors.csv``; an actor outside it is still recorded, with an id made
from its phrase (open vocabulary, see :mod:`pipeline.text.addressees`). The grammar here:

* names match longest first ("United Nations entities" before "United Nations"), also across a line-break
  hyphen ("Secretary- General"); mention spans never overlap (the longest wins);
* coordinated modifiers share one head noun: "international, regional and subregional organizations" also
  yields "international organizations" (its span is the modifier "international"), when that name is in
  the lexicon;
* "the Government of the Sudan", "the Transitional Federal Government of Somalia" name the state;
* "the Committee established pursuant to resolution 1591 (2005)", "the Panel of Experts established by
  paragraph 24 of resolution 1973 (2011)" get an id from their resolution;
* a name used as a modifier is part of a larger actor ("United Nations humanitarian organizations" is one
  actor), and a state in a currency ("United States dollars") is no mention;
* "the Committee", "the Mission", "the Government" refer back to the last actor of the resolution with
  that head; "him"/"her" to the last office holder, "it" to the last body, "them" to the actors of the
  previous clause (else of the last addressed clause); when there is none they are not actors.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain, pairwise

from pipeline.lexicons import ACTOR_KINDS, actors, verbs
from pipeline.text.addressees import PRONOUN_RE, Found, addressees, object_start
from pipeline.text.clauses import Clause, trie_alternation

# Verb categories (verbs.csv) whose object is asked to act.
_DIRECTIVE_CATEGORIES = frozenset({"exhortation", "request", "demand"})


@dataclass(frozen=True)
class ActorMention:
    """One actor named in a paragraph; ``in_lexicon`` is False for an actor found by the grammar only."""

    start: int
    end: int
    surface: str
    actor_id: str
    role: str
    clause_index: int | None
    in_lexicon: bool = True


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern[str]
    ids: dict[str, str]  # normalised name or alias -> actor_id
    names: dict[str, str]  # actor_id -> canonical name
    kinds: dict[str, str]  # actor_id -> kind
    head_kinds: dict[str, str]  # lower-case head noun -> the commonest kind of the actors it heads
    common: frozenset[str]  # lower-case head nouns of the lexicon, not acronyms ("countries"; not "WHO")
    generic: frozenset[str]  # capitalised heads that only refer back ("Committee", "Mission")


_BOUND_L = r"(?<![\w-])"
_BOUND_R = r"(?![\w-])"
_CURRENCY_RE = re.compile(r"\s+(?:dollars?|euros?|pounds?|francs?|yen|yuan|rupees?|shillings?|dinars?)\b")
_GOVERNMENT_BEFORE_RE = re.compile(r"(?:(?<![\w-])[Tt]he\s+)?(?:[A-Z][\w’'-]*\s+){0,2}[Gg]overnments?\s+of\s+$")
_ESTABLISHED_RE = re.compile(
    r"(?:(?<![\w-])the\s+)?(?P<head>(?:Security\s+Council\s+)?Committee|Panel\s+of\s+Experts|Group\s+of\s+Experts"
    r"|Monitoring\s+Group|Working\s+Group|Panel)\s+(?:(?:established|created|set\s+up)\s+)?(?:pursuant\s+to|by|under|in)"
    r"\s+(?:(?:paragraph\s+\d+\s+of\s+)?resolutions?\s+(?P<number>\d+)\s*\((?P<year>\d{4})\)"
    r"|(?P<own>(?:sub)?paragraph\s+(?:\d+\s*)?(?:\([a-z]\)\s*)?(?:above|below|of\s+(?:this|the\s+present)\s+resolution)))"
)
# A body the resolution itself sets up: "Decides to establish, in accordance with rule 28 ..., a Committee of
# the Security Council" (S/RES/1373 (2001)); "to establish a monitoring group" (S/RES/1519 (2003)).
_FOUNDED_RE = re.compile(
    r"(?<![\w-])(?:re-)?(?:establish(?:es|ing)?|set\s+up|create)(?:\s*,[^,;]{1,160},)?\s+(?P<body>(?:a|an)\s+(?:new\s+)?"
    r"(?P<head>Committee\s+of\s+the\s+Security\s+Council|(?:Security\s+Council\s+)?Committee|[Pp]anel\s+of\s+[Ee]xperts"
    r"|[Gg]roup\s+of\s+[Ee]xperts|[Mm]onitoring\s+[Gg]roup|[Mm]onitoring\s+[Tt]eam|[Ww]orking\s+[Gg]roup))(?![\w-])"
)
# Words every match of the pattern holds, one of each group: a paragraph without them is not scanned (the
# patterns start with an optional article, so the regex engine cannot skip ahead to a literal itself).
_ESTABLISHED_NEEDS = (("paragraph", " resolution"), ("Committee", "Panel", "Group"))
_FOUNDED_NEEDS = (("establish", "set", "create"), ("Committee", "anel", "roup", "eam"))
_COUNCIL_SYMBOL_RE = re.compile(r"S/RES/(?P<number>\d+)\s*\((?P<year>\d{4})\)")
_FOUNDED_ID_RE = re.compile(r"(?P<head>[a-z-]+)-established-pursuant-to-resolution-(?P<number>\d+)-(?P<year>\d{4})")
_ANAPHOR_RE = re.compile(r"(?<![\w-])the\s+(?P<head>[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?(?:\s+of\s+Experts)?)"
                         + _BOUND_R)
_PREPOSITION_AFTER_RE = re.compile(r"\s+(?:of|on|for)\s+[A-Z]")
# Lower-case words after a name, the last a head noun: "United Nations humanitarian organizations".
_ATTRIBUTE_RE = re.compile(
    r"(?:\s+(?!(?:and|or|to|of|in|for|on|with|by|the|a|an|that|which|is|are|be|has|have|as|at)\b)[a-z][\w’'-]*){1,3}"
)
_CONJ_BEFORE_RE = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_MODIFIER_BEFORE_RE = re.compile(r"(?<![\w-])([\w-]+\s+)?([\w-]+)$")
_WINDOW = 60  # characters looked back for a coordinator and a modifier
_AND_AFTER_RE = re.compile(r"(?:\s*,\s*|\s+(?:and|or)\s+)([\w-]+)" + _BOUND_R)
_LINE_HYPHEN_RE = re.compile(r"(?<=\w)-\s+(?=[A-Z])")  # "Secretary- General" broken at a line end
_ARTICLE_RE = re.compile(r"^(?:the|all|other|relevant|both|each|any)\s+", re.IGNORECASE)
# Office holders, what "him" and "her" refer back to.
_PERSON_RE = re.compile(
    r"^(?:Secretary-General|Representative|Envoy|Adviser|Advisor|Coordinator|Commissioner|Rapporteur|Expert|"
    r"Chair|Chairman|Chairperson|President|Prosecutor|Ombudsperson|Director|Registrar|Mediator|Facilitator|"
    r"Commander|Administrator|Head)$"
)


@lru_cache(maxsize=1 << 16)  # the same names recur in every paragraph
def _key(surface: str) -> str:
    return re.sub(r"-\s+", "-", " ".join(surface.lower().split()))


def _head(name: str) -> str:
    """The head noun: the word before the first "of/for/on/in/to" or participle, else the last word."""
    words = name.split(" established")[0].split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "on", "for", "in", "to", "concerned") and i), len(words))
    return words[cut - 1]


def _heads(name: str) -> set[str]:
    """Short forms "the X" can take: the last one or two words before "of/on/for/in" (not those of its
    complement: "President of the Security Council" is no "Council"), the name before "established"."""
    base = name.split(" established")[0]
    words = base.split()
    if len(words) < 2:
        return {base} if base[:1].isupper() else set()
    cut = next((i for i, w in enumerate(words) if w in ("of", "on", "for", "in") and i), len(words))
    found = {" ".join(words[max(0, cut - 2):cut]), words[cut - 1], base}
    return {h for h in found if h and h[0].isupper() and h.split()[-1] not in ("Nations", "States")}


@cache
def _lexicon() -> _Lexicon:
    ids: dict[str, str] = {}
    kinds_by_head: dict[str, Counter[str]] = {}
    common: set[str] = set()
    generic: set[str] = set()
    for actor in actors():
        for surface in actor.surfaces:
            ids.setdefault(_key(surface), actor.actor_id)
            head = _head(surface)
            kinds_by_head.setdefault(head.lower(), Counter())[actor.kind] += 1
            if not head.isupper():
                common.add(head.lower())
        generic |= {h for h in _heads(actor.name) if " " not in h}
    surfaces = {surface for actor in actors() for surface in actor.surfaces}
    with_article = {s for s in surfaces if s.startswith("the ")}
    alternation = trie_alternation(surfaces - with_article).replace(r"\-", r"-\s*")
    articled = trie_alternation({s[1:] for s in with_article}).replace(r"\-", r"-\s*")
    pattern = re.compile(rf"{_BOUND_L}(?:(?:[Tt]he\s+)?(?:{alternation})|[Tt](?:{articled})){_BOUND_R}")
    order = {kind: i for i, kind in enumerate(ACTOR_KINDS)}
    head_kinds = {head: min(votes, key=lambda k: (-votes[k], order[k])) for head, votes in kinds_by_head.items()}
    return _Lexicon(pattern, ids, {a.actor_id: a.name for a in actors()}, {a.actor_id: a.kind for a in actors()},
                    head_kinds, frozenset(common), frozenset(generic))


def _slug(phrase: str) -> str:
    """An id from a name, transliterated first: "Côte d'Ivoire" -> cote-d-ivoire, "Türkiye" -> turkiye."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", phrase) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", letters.lower()).strip("-")


def _established(match: re.Match[str], own: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """(id, name) of a body named by the resolution that set it up; ``own`` is (number, year) of the
    resolution being read, for "the Committee established by paragraph 8 above" (None: not known)."""
    found = own if match["own"] else (match["number"], match["year"])
    return None if found is None else _body(match["head"], *found)


def _body(head: str, number: str, year: str) -> tuple[str, str]:
    """(id, name) of the body with this head set up by resolution ``number`` (``year``)."""
    head = " ".join(head.split())
    head = "Security Council Committee" if "Committee" in head else " ".join(
        w if w == "of" else w.capitalize() for w in head.split())
    name = f"{head} established pursuant to resolution {number} ({year})"
    return _slug(name), name


@cache  # asked again for every earlier mention a short form or pronoun may refer to
def _founded_name(actor_id: str) -> str | None:
    """The name of a body set up by a resolution, read back from its id (its mentions may all be short forms)."""
    match = _FOUNDED_ID_RE.fullmatch(actor_id)
    heads = {_slug(h): h for h in ("Security Council Committee", "Panel of Experts", "Group of Experts",
                                    "Monitoring Group", "Monitoring Team", "Working Group", "Panel")}
    if match is None or match["head"] not in heads:
        return None
    return _body(heads[match["head"]], match["number"], match["year"])[1]


def _discovered_name(surface: str) -> str:
    return _ARTICLE_RE.sub("", _LINE_HYPHEN_RE.sub("-", " ".join(surface.split())))


def _open_actor(surface: str) -> tuple[str, str] | None:
    """(id, name) of a phrase outside the lexicon; None when it is no actor noun phrase."""
    established = _ESTABLISHED_RE.fullmatch(surface)
    if established is not None:
        return _established(established)  # None for "established by paragraph 8 above": the resolution is not known
    name = _discovered_name(surface)
    words = name.split()
    if not words or len(words) > 10 or not name[0].isalpha() or re.search(r"(?<![\w-])\d", name):
        return None  # a number is no part of an actor's name ("M23", "FC-G5S", "1540 Committee" are)
    lexicon = _lexicon()
    head = _head(name)
    if head[0].isupper():
        if len(words) == 1 and head in lexicon.generic:
            return None  # "the Committee" with nothing before it to refer to
    elif head.lower() not in lexicon.common and f"{head.lower()}s" not in lexicon.common:
        return None  # a head noun no lexicon actor has, in the singular or plural
    known = lexicon.ids.get(_key(name)) or (_slug(name) if _slug(name) in lexicon.names else None)
    if known is not None and not lexicon.pattern.fullmatch(name):
        return None  # a lexicon name in the wrong case is a common noun: "requests the secretariat to help"
    return known or _slug(name), name


def discovered_actor(actor_id: str, surfaces: Iterable[str]) -> tuple[str, str]:
    """(name, kind) of an actor outside the lexicon, from the surfaces of its mentions.

    The name is the commonest reading of a surface that gives this id (pronouns and short forms do not);
    the kind is the commonest kind of the lexicon actors with the same head noun, else ``other``.
    """
    names = Counter(found[1] for s in surfaces if (found := _open_actor(s)) is not None and found[0] == actor_id)
    name = min(names, key=lambda n: (-names[n], n)) if names else _founded_name(actor_id) or actor_id
    if _ESTABLISHED_RE.fullmatch(name):
        return name, "un_subsidiary_body"
    if name.startswith(("United Nations", "UN ")):
        return name, "un_entity"
    return name, _lexicon().head_kinds.get(_head(name).lower(), "other")


def _found(start: int, end: int, actor_id: str) -> Found:
    return Found(start, end, actor_id, actor_id in _lexicon().names)


def _expansions(text: str, start: int, end: int) -> list[Found]:
    """Names sharing a head with the match at start..end through coordination (see module doc); each
    spans only its own modifier words."""
    lexicon = _lexicon()
    words = _ARTICLE_RE.sub("", text[start:end]).split()
    if len(words) < 2:
        return []
    head, found = words[-1], []
    position = start
    # a coordinator ends in "," or "and"/"or" (then spaces): the cheap test first
    while text[max(0, position - _WINDOW):position].rstrip().endswith((",", "and", "or")) and (
            conj := _CONJ_BEFORE_RE.search(text, max(0, position - _WINDOW), position)):
        modifier = _MODIFIER_BEFORE_RE.search(text, max(0, conj.start() - _WINDOW), conj.start())
        if modifier is None:
            break
        for candidate, begin in ((modifier.group(0), modifier.start()), (modifier.group(2), modifier.start(2))):
            actor = lexicon.ids.get(_key(f"{candidate} {head}"))
            if actor is not None:
                found.append(_found(begin, modifier.end(), actor))
                position = begin
                break
        else:
            break
    stem = " ".join(words[:-1])
    position = end
    while after := _AND_AFTER_RE.match(text, position):
        actor = lexicon.ids.get(_key(f"{stem} {after.group(1)}"))
        if actor is None:
            break
        found.append(_found(after.start(1), after.end(), actor))
        position = after.end()
    return found


def _may_match(text: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    return all(any(word in text for word in group) for group in needs)


def _disjoint(found: Iterable[Found]) -> list[Found]:
    """Overlapping spans resolved: the longest wins, then the earliest."""
    spans = sorted(set(found))
    if all(a.end <= b.start for a, b in pairwise(spans)):
        return spans  # nothing overlaps, the common case
    kept: list[Found] = []
    for candidate in sorted(spans, key=lambda f: (f.start - f.end, f.start, f.actor_id)):
        if not any(k.start < candidate.end and candidate.start < k.end for k in kept):
            kept.append(candidate)
    return sorted(kept)


def _named(text: str, own: tuple[str, str] | None = None) -> list[Found]:
    """Lexicon names with their expansions, bodies named by their resolution (``own``: the number and year of
    the resolution being read, which may set one up), and larger open actors."""
    lexicon = _lexicon()
    found: list[Found] = []
    for match in lexicon.pattern.finditer(text):
        start, end = match.start(), match.end()
        key = _key(match.group(0))
        actor = lexicon.ids.get(key) or lexicon.ids[key.removeprefix("the ")]
        if lexicon.kinds[actor] == "state":
            if _CURRENCY_RE.match(text, end):
                continue
            government = (_GOVERNMENT_BEFORE_RE.search(text, max(0, start - 60), start)
                          if text[max(0, start - 60):start].rstrip().endswith("of") else None)
            start = government.start() if government else start
        attribute = _ATTRIBUTE_RE.match(text, end)
        if attribute is not None:
            words = attribute.group(0).split()
            while words and words[-1].lower() not in lexicon.common:
                words.pop()
            if words:
                tail = text.index(words[-1], end) + len(words[-1])
                if (opened := _open_actor(text[start:tail])) is not None:
                    found.append(Found(start, tail, opened[0], opened[0] in lexicon.names))
        found.append(_found(start, end, actor))
        found.extend(_expansions(text, start, end))
    for match in _ESTABLISHED_RE.finditer(text) if _may_match(text, _ESTABLISHED_NEEDS) else ():
        if (established := _established(match, own)) is not None:
            found.append(_found(match.start(), match.end(), established[0]))
    for match in _FOUNDED_RE.finditer(text) if own is not None and _may_match(text, _FOUNDED_NEEDS) else ():
        found.append(_found(match.start("body"), match.end("body"), _body(match["head"], *own)[0]))
    return _disjoint(found)


@cache
def _directive_verbs() -> frozenset[str]:
    return frozenset(verb.verb for verb in verbs() if verb.category in _DIRECTIVE_CATEGORIES)


@dataclass(frozen=True)
class _Seen:
    actor_id: str
    in_lexicon: bool
    heads: frozenset[str]
    person: bool
    body: bool  # a singular body "it" can refer to


@cache
def _seen(actor_id: str, in_lexicon: bool, name: str, government: bool) -> _Seen:
    """What an actor named ``name`` can be referred back to by; "the Government" for a state named so."""
    head = _head(name.split(" established")[0])
    heads = _heads(name) | ({head} if head[:1].isupper() else set())
    if government and _lexicon().kinds.get(actor_id) == "state":
        heads.add("Government")
    person = bool(_PERSON_RE.match(head))
    body = not person and head[:1].isupper() and not head.endswith("s")
    return _Seen(actor_id, in_lexicon, frozenset(heads), person, body)


@lru_cache(maxsize=1 << 16)  # each earlier mention is looked at again for every short form and pronoun
def _entry(actor_id: str, in_lexicon: bool, surface: str) -> _Seen:
    """What a mention with this surface can be referred back to by."""
    name = _lexicon().names.get(actor_id) or _founded_name(actor_id) \
        or (_open_actor(surface) or ("", _discovered_name(surface)))[1]
    return _seen(actor_id, in_lexicon, name, "overnment" in surface)


class DocumentActors:
    """Finds the actors of one resolution's paragraphs in document order, remembering what short forms and
    pronouns can refer back to; one instance per resolution."""

    def __init__(self, document_id: str | None = None) -> None:
        self._seen: list[_Seen] = []
        self._last_addressed: list[_Seen] = []
        symbol = _COUNCIL_SYMBOL_RE.fullmatch(document_id or "")
        self._own = (symbol["number"], symbol["year"]) if symbol else None  # bodies it sets up get ids from it

    def find(self, text: str, clauses: Sequence[Clause] = ()) -> list[ActorMention]:
        """Every actor of the paragraph; the objects of directive verbs are addressees of their clause."""
        named = _named(text, self._own)
        named = _disjoint(named + self._anaphors(text, named))
        addressed: dict[Found, int] = {}
        pronouns: list[tuple[Found, int]] = []
        directive = _directive_verbs()
        previous_start = 0
        for clause in clauses:
            if clause.verb in directive:
                pronoun = PRONOUN_RE.match(text, object_start(text, clause)[0])
                if pronoun is not None:
                    before = [n for n in named if previous_start <= n.start < clause.start]
                    for referent in self._referents(text, pronoun["pronoun"], before, named, clause.start):
                        pronouns.append((Found(pronoun.start(), pronoun.end(), referent.actor_id,
                                               referent.in_lexicon), clause.index))
                else:
                    found = addressees(text, clause, named, _discover)
                    named = _disjoint([*named, *found])
                    for mention in found:
                        if mention in named:
                            addressed.setdefault(mention, clause.index)
                    if found:
                        self._last_addressed = [self._entry(text, f) for f in found]
            previous_start = clause.start
        self._seen.extend(self._entry(text, n) for n in named)
        rows = [(n, addressed.get(n)) for n in named] + pronouns
        return [ActorMention(f.start, f.end, text[f.start:f.end], f.actor_id,
                             "mention" if index is None else "addressee", index, f.in_lexicon)
                for f, index in sorted(rows, key=lambda row: (row[0], row[1] or 0))]

    @staticmethod
    def _entry(text: str, found: Found) -> _Seen:
        return _entry(found.actor_id, found.in_lexicon, text[found.start:found.end])

    def _anaphors(self, text: str, named: list[Found]) -> list[Found]:
        """ "the Office", "the Committee" resolved to the last actor with that head, here or earlier."""
        found = []
        starts = [n.start for n in named]  # named is disjoint and sorted: only the last one starting before can overlap
        for match in _ANAPHOR_RE.finditer(text):
            last = bisect_left(starts, match.end()) - 1
            if last >= 0 and match.start() < named[last].end:
                continue
            if _PREPOSITION_AFTER_RE.match(text, match.end()):
                continue
            before = chain((self._entry(text, n) for n in reversed(named + found) if n.end <= match.start()),
                           reversed(self._seen))  # latest first, without copying what was seen
            referent = next((s for s in before if match["head"] in s.heads), None)
            if referent is not None:
                found.append(Found(match.start(), match.end(), referent.actor_id, referent.in_lexicon))
        return found

    def _referents(self, text: str, pronoun: str, before: list[Found], named: list[Found], limit: int) -> list[_Seen]:
        """Who a pronoun object stands for (see module doc)."""
        earlier = self._seen + [self._entry(text, n) for n in named if n.end <= limit]
        if pronoun in ("him", "her"):
            return [s for s in reversed(earlier) if s.person][:1]
        if pronoun == "it":
            return [s for s in reversed(earlier) if s.body][:1]
        if before:
            return list({s.actor_id: s for s in (self._entry(text, n) for n in before)}.values())
        return self._last_addressed


def _discover(text: str, start: int, end: int) -> Found | None:
    opened = _open_actor(text[start:end])
    return None if opened is None else Found(start, end, opened[0], opened[0] in _lexicon().names)


def find_actor_mentions(text: str, clauses: Sequence[Clause] = (), context: str = "") -> list[ActorMention]:
    """The actors of one paragraph; ``context`` is earlier text of the same resolution, read only for what
    short forms and pronouns refer back to."""
    finder = DocumentActors()
    if context:
        finder.find(context)
    return finder.find(text, clauses)
