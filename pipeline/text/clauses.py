"""Lead phrases and operative clauses of one normalised paragraph.

A resolution paragraph opens with a *lead* ("Recalling also", "Alarmed by", "Also calls upon") and an
operative paragraph may go on with further finite verbs whose subject is still the Assembly or the
Council (", and urges Member States to ..."). Each such verb is a *clause*. The vocabulary comes from
``lexicons/verbs.csv``; this module holds only the grammar:

* the inflection of a form is read from its shape (:func:`pipeline.lexicons.rows.form_kind`):
  ``-ing``/``having`` = participle (preamble lead), ``we ...`` = declaration, other ``-s`` = finite
  (operative lead and clauses); the base forms of preamble-only lemmas are adjectival leads ("alarmed");
* ``*`` in a form marks a slot for a possessive and up to three grading words, which become
  modifiers ("expresses its profound solidarity" = express solidarity, modifier "profound");
* a further clause must follow a coordination boundary (``,`` ``;`` ``and``), so relative
  clauses ("any person who supports") and participles ("while reaffirming") never count;
* "Continues to encourage" is the lemma of the inner base form (encourage) with the modifier
  "continues to"; "Remains deeply concerned" / "Remaining convinced" are the third person and the
  participle of the lexicon's "we remain * concerned" forms;
* an operative paragraph that opens with a participial or prepositional phrase ("Acting under Chapter
  VII of the Charter ..., decides", "While noting ..., urges", "In this context demands") has as its
  lead the first finite verb after that phrase: lead phrase and offsets are the finite verb's, so
  lead_verb is always the Council's or Assembly's own verb;
* in a declaration whose "We ..." stands in the chapeau, a paragraph may open with the bare base
  form ("Recognize that ...", "Commit to ...") when a verb's object follows (not "Support for", "Direct expenses").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.lexicons import verb_forms
from pipeline.text.model import Paragraph

SECTIONS = ("preamble", "operative", "annex")


@dataclass(frozen=True)
class Lead:
    """The opening phrase of a paragraph and its lemma."""

    phrase: str
    verb: str
    modifier: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Clause:
    """One main verb of an operative paragraph (subject: the Assembly/Council, or "we")."""

    index: int
    start: int
    end: int
    verb_phrase: str
    verb: str
    modifier: str | None
    is_lead: bool
    scope_end: int


# Grammar words (closed classes), not vocabulary: grading adverbs around a verb, possessives in a
# "*" slot, parentheticals that may sit between a coordinator and its verb.
_ADVERB = (
    r"(?:[Oo]nce\s+again|[Aa]lso|[Ff]urther|[Aa]gain|[Hh]ereby|[Tt]herefore"
    r"|[a-z]+ly|[A-Z][a-z]+ly(?<!Assembly))"
)
_POST_ADVERB = r"(?:once\s+again|also|further|again)"
_POSSESSIVE = (  # "its", "the Council's"; reflexives too ("recommits itself to")
    r"(?:(?:the\s+)?(?:[A-Z][a-z-]+\s+){0,3}[A-Z][a-z-]+[’']s|its|their|our|his|her|the|a|an|itself|themselves|ourselves)"
)
_GAP = rf"(?:{_POSSESSIVE}\s+)?(?:[a-z][a-z-]*(?:\s*,\s*|\s+and\s+|\s+)){{0,3}}?"
_PREPOSITION = r"(?:by|of|that|about|at|over|to|with|in|for|on|upon)"
_PARENTHETICAL = (
    r"(?:in\s+this\s+regard|in\s+that\s+regard|in\s+this\s+context|in\s+that\s+context|to\s+this\s+end|"
    r"to\s+that\s+end|in\s+particular|therefore|accordingly|moreover|furthermore|hence|thus)"
)
# What may open an operative paragraph before its finite lead: "Acting under ...", "In this context", "While ...".
_OPENING_RE = re.compile(
    r"(?:While|Whilst|In|On|Upon|With|Without|Notwithstanding|Further\s+to|Pursuant|Following|After|Consistent"
    r"|Subject|Given|Through|For|At|By|As|Within|Under|Towards|Due|[A-Z][a-z]+ing)\b"
)
_PARENTHETICAL_START_RE = re.compile(rf"(?i:{_PARENTHETICAL})\s*,?\s*")
_CLAUSE_END_RE = re.compile(r";|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bNo)[.!?]\s+(?=[A-Z])")  # not "Mr. Rwasa"
# OCR marks before a lead ("_ Decides", "~— Requests", "| Demands"); not quotes: a quoted paragraph is the
# text of another resolution ("replaced with: “Decides that ..."), no lead of this one.
_LEADING_MARKS_RE = re.compile(r"[\s_~|—–-]*")
# What ties a paragraph to the chapeau it continues ("Resolves: / That the Commission ...", "To request ...").
_CONTINUATION_RE = re.compile(r"(?:That|To)(?=\s+[a-z])")
# What follows a bare base form used as a verb ("Recognize that", "Commit to"), not as a noun or an
# adjective ("Support for ...", "Direct expenses of ...").
_BARE_FOLLOWER_RE = re.compile(r"\s+(?:that|the|to|our|a|an|all|also|further|its|their|this|these|in\s+this)\b")
_AUXILIARY = r"(?P<aux>[Cc]ontinues\s+to\s+)"  # "Continues to urge": the lead is the inner verb
_NOUN_FOLLOWER_RE = re.compile(r"\s+(?:of|by|from|for|made|received|submitted|contained|addressed)\b")
_SUBORDINATOR_RE = re.compile(
    r"\b(?:as|when|while|if|because|since|where|that|which|who|whom|unless)\s+$", re.IGNORECASE
)
_SENTENCE_END_RE = re.compile(r"[.!?]\s+(?=[A-Z])")
_ADVERB_RE = re.compile(rf"{_ADVERB}(?=\s)")
_POST_ADVERB_RE = re.compile(_POST_ADVERB)
_POSSESSIVE_RE = re.compile(rf"{_POSSESSIVE}\s+")
_ONE_MODIFIER_RE = re.compile(rf"(?:{_PARENTHETICAL}|once\s+again)")
_GAP_SPLIT_RE = re.compile(r"[\s,]+")
_WE_RE = re.compile(r"We\b\s*")
_WE_WORD_RE = re.compile(r"\b[Ww]e\b")
_WE_BEFORE_RE = re.compile(r"\b[Ww]e\s+$")
_AND_BEFORE_RE = re.compile(r"\band\s*$")
_RELATIVE_RE = re.compile(r"\b(?:that|which|who|whose|where)\b")
_LIST_NOUN_FOLLOWER_RE = re.compile(r"\s*(?:[,;.)]|$)|\s+(?:on|of|in|and|or|to|from|by|with|for|at)\b")
_APPOSITION_END_RE = re.compile(r",\s+")


@dataclass(frozen=True)
class _Grammar:
    """Compiled verb patterns and form -> lemma tables for one inflection kind."""

    pattern: re.Pattern[str]
    further: re.Pattern[str]  # the same verb after a coordination boundary (", and", ";", ", in this regard,")
    plain: dict[str, str]
    gapped: dict[tuple[str, str], str]
    adjectives: frozenset[str]  # lemmas whose lead keeps the following preposition ("Mindful of")


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    phrase: str
    verb: str
    modifiers: tuple[str, ...]
    lead_end: int  # end of the lead phrase (adjectival leads keep their preposition)


def _norm(words: str) -> str:
    return " ".join(words.lower().split())


def trie_alternation(phrases: set[str] | frozenset[str]) -> str:
    """One regex matching any of ``phrases``, factored as a character trie (fast on hundreds of names).

    Greedy optional branches prefer the longest phrase; a space matches any run of whitespace.
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(trie) if trie else r"(?!x)x"


def _alternation(forms: set[str]) -> str:
    """Forms as written in the lexicon (lower case) or capitalised at the start of a paragraph."""
    return trie_alternation({f for form in forms for f in (form, form[:1].upper() + form[1:])})


@cache
def _forms(kind: str, form: str, form_kind: str | None) -> list[str]:
    """The forms of one lexicon form that ``kind`` reads: its own, or derived from a declaration
    ("we remain * concerned" -> "remains * concerned", "remaining * concerned"; "we are * alarmed" ->
    "be * alarmed" after "continues to")."""
    wanted = {"finite": {"finite"}, "participle": {"participle", "adjective"}}.get(kind, set())
    if form_kind in wanted:
        return [form]
    if form_kind != "declaration":
        return []
    base = form.removeprefix("we ")
    if kind in ("declaration", "continued"):
        return [base, *(["be" + base[3:]] if kind == "continued" and base.startswith("are ") else [])]
    if base.startswith("remain "):
        return [("remains " if kind == "finite" else "remaining ") + base[len("remain "):]]
    return []


def _tails(tail: str) -> list[str]:
    """A "*" form's noun and, for a single noun, its plural ("expresses serious concerns")."""
    return [tail, f"{tail}s"] if " " not in tail and not tail.endswith("s") else [tail]


@cache
def _grammar(kind: str) -> _Grammar:
    """Pattern for ``kind``: finite | participle (with adjectives) | declaration (base forms after "we")
    | continued (base forms after "continues to")."""
    plain: dict[str, str] = {}
    gapped: dict[tuple[str, str], str] = {}
    nouns: set[str] = set()
    adjectives: set[str] = set()
    for entry in verb_forms():
        if "*" in entry.form:
            nouns.add(entry.form.split("*")[1].split()[0])
        if entry.kind == "adjective":
            adjectives.add(entry.verb)
        for form in _forms(kind, entry.form, entry.kind):
            if "*" in form:
                first, tail = (part.strip() for part in form.split("*"))
                for noun in _tails(tail):
                    gapped.setdefault((first, noun), entry.verb)
            else:
                plain.setdefault(form, entry.verb)
    firsts = {first for first, _ in gapped}
    tails = {tail for _, tail in gapped}
    verb = (
        rf"(?P<plain>{_alternation(set(plain))})"
        rf"|(?P<gfirst>{_alternation(firsts)})(?:\s*,\s*(?P<paren>{_PARENTHETICAL}|once\s+again)\s*,\s*|\s+)(?P<gap>{_GAP})"
        rf"(?P<gtail>{_alternation(tails)})"
    )
    aux = _AUXILIARY if kind == "continued" else ""
    with_noun = _alternation(nouns)
    prep = rf"(?P<prep>\s+{_PREPOSITION}\b)?" if kind == "participle" else ""
    body = (
        rf"(?<![\w-])(?P<pre>(?:{_ADVERB}\s+)*){aux}(?:{verb})(?![\w-])"
        rf"(?P<post>(?:\s+{_POST_ADVERB}(?![\w-]))*)"
        rf"(?P<with>\s+with\s+(?:[a-z]+\s+)?(?:{with_noun})(?![\w-]))?{prep}"
    )
    # "a(?<![\w-]a)nd" is "(?<![\w-])and" spelt with a literal first, so that re scans for the four
    # characters that can open a boundary instead of trying every position
    further = re.compile(rf"(?:,|;|:|a(?<![\w-]a)nd(?![\w-]))\s*(?:(?:{_PARENTHETICAL}|,)\s*)*{body}")
    return _Grammar(re.compile(body), further, plain, gapped, frozenset(adjectives))


def _hit(grammar: _Grammar, match: re.Match[str]) -> _Hit | None:
    """Turn a pattern match into a lemma and modifiers; None when a "*" combination is unknown."""
    if match["plain"] is not None:
        verb = grammar.plain[_norm(match["plain"])]
        gap_words: list[str] = []
    else:
        verb = grammar.gapped.get((_norm(match["gfirst"]), _norm(match["gtail"])))
        if verb is None:
            return None
        gap = match["gap"]
        owner = _POSSESSIVE_RE.match(gap)
        gap = gap[owner.end():] if owner else gap
        phrase = _norm(gap.replace(",", " "))
        gap_words = [phrase] if _ONE_MODIFIER_RE.fullmatch(phrase) else [
            w for w in _GAP_SPLIT_RE.split(gap) if w and w != "and"]
    modifiers = [_norm(m) for m in _ADVERB_RE.findall(match["pre"])]
    if match.groupdict().get("aux"):
        modifiers.append(_norm(match["aux"]))
    if match["plain"] is None and match["paren"]:
        modifiers.append(_norm(match["paren"]))
    modifiers += gap_words
    modifiers += [_norm(m) for m in _POST_ADVERB_RE.findall(match["post"])]
    if match["with"]:
        modifiers.append(_norm(match["with"]))
    phrase_end = match.end("with") if match["with"] else match.end("post")
    lead_end = match.end() if verb in grammar.adjectives else phrase_end
    start = match.start("pre")
    return _Hit(start, phrase_end, match.string[start:phrase_end], verb, tuple(modifiers), lead_end)


@lru_cache(maxsize=4096)  # find_lead and find_clauses both ask for it, for each operative paragraph
def _lead_hit(text: str, section: str) -> tuple[_Hit, str] | None:
    """The lead at the start of ``text`` and the grammar kind that found it."""
    kinds = {
        "preamble": ("participle",),
        "operative": ("finite", "continued", "declaration", "introduced"),
        "annex": ("declaration", "finite", "continued", "participle"),
    }[section]
    offset = _LEADING_MARKS_RE.match(text).end()
    for kind in kinds:
        if kind == "introduced":
            hit, kind = _introduced_lead(text, offset), "finite"
        elif kind == "declaration":
            hit = _declaration_lead(text, offset, _grammar(kind))
        else:
            match = _grammar(kind).pattern.match(text, offset)
            hit = _hit(_grammar(kind), match) if match else None
        if hit is not None:
            return hit, kind
    return None


def _introduced_lead(text: str, offset: int) -> _Hit | None:
    """The first finite verb after an opening phrase, within its clause: "In this context demands",
    "Acting under Chapter VII of the Charter, decides", "While noting ..., expresses its concern"."""
    if not _OPENING_RE.match(text, offset) and not _grammar("participle").pattern.match(text, offset):
        return None  # "Deeply troubled by ..., expresses" opens with an adjectival lead
    parenthetical = _PARENTHETICAL_START_RE.match(text, offset)
    if parenthetical:
        for kind in ("finite", "continued"):
            match = _grammar(kind).pattern.match(text, parenthetical.end())
            hit = _hit(_grammar(kind), match) if match else None
            if hit is not None:
                return hit
    end = _CLAUSE_END_RE.search(text, offset)
    limit = end.start() if end else len(text)
    hits = [hit for hit in _further_hits(text, offset, "finite") if hit.end <= limit]
    return next((hit for hit in hits if text[:hit.start].rstrip().endswith(",")
                 or _coordinated_after_opening(text, offset, hit)), None)


def _coordinated_after_opening(text: str, offset: int, hit: _Hit) -> bool:
    """ "Stressing the importance of accountability ... and calls on all States": a finite verb after "and" is
    the lead when no relative or that-clause stands before it ("measures that reinforce ... attitudes and
    values") and a one-word verb is not read as a noun ("reports and studies on crimes")."""
    if not _AND_BEFORE_RE.search(text, 0, hit.start) or _RELATIVE_RE.search(text, offset, hit.start):
        return False
    return " " in hit.phrase.strip() or not _LIST_NOUN_FOLLOWER_RE.match(text, hit.end)


def _declaration_lead(text: str, offset: int, grammar: _Grammar) -> _Hit | None:
    """ "We (also) reaffirm", "We, the States Members of the United Nations, reaffirm", or the bare
    base form of a paragraph whose "We" is in the chapeau ("Recognize that")."""
    we = _WE_RE.match(text, offset)
    if we is None:
        match = grammar.pattern.match(text, offset)
        hit = _hit(grammar, match) if match else None
        return hit if hit is not None and _BARE_FOLLOWER_RE.match(text, hit.end) else None
    if text.startswith(",", we.end()):
        sentence_end = _SENTENCE_END_RE.search(text, we.end())
        limit = sentence_end.start() if sentence_end else len(text)
        for comma in _APPOSITION_END_RE.finditer(text, we.end() + 1, limit):
            match = grammar.pattern.match(text, comma.end())
            if match:
                return _hit(grammar, match)
        return None
    match = grammar.pattern.match(text, we.end())
    if match is None:
        return None
    hit = _hit(grammar, match)
    if hit is None:
        return None
    return _Hit(offset, hit.end, text[offset:hit.end], hit.verb, hit.modifiers, hit.lead_end)


def _unmarked(text: str) -> str:
    """The text to match, of the same length: OCR underscores (underlined words, "Calls _on") read as spaces."""
    return text.replace("_", " ")


def _modifier(modifiers: tuple[str, ...]) -> str | None:
    return ";".join(modifiers) or None


def find_lead(text: str, section: str) -> Lead | None:
    """The paragraph's lead phrase; None for paragraphs that open otherwise (sub-items, titles)."""
    if section not in SECTIONS:
        raise ValueError(f"section must be one of {SECTIONS}, got {section!r}")
    found = _lead_hit(_unmarked(text), section)
    if found is None:
        return None
    hit, _ = found
    return Lead(text[hit.start:hit.lead_end], hit.verb, _modifier(hit.modifiers), hit.start, hit.lead_end)


def document_leads(paragraphs: Sequence[Paragraph]) -> list[Lead | None]:
    """The lead of each paragraph of one resolution, in order: :func:`find_lead`, and two readings that need
    the paragraph's place in the resolution:

    * an operative paragraph that continues a chapeau ending in ":" with "That ..." or "To <verb> ..."
      ("Resolves: / That the Commission be composed ...", S/RES/15 (1946)) has the chapeau's verb as its
      lead, and the word that ties it to the chapeau as its phrase;
    * a numbered operative paragraph with no finite verb that opens with a preambular lead ("4. Calling
      upon the Sierra Leone authorities to resolve ...", "16. Acting under Chapter VII of the Charter,") has
      that lead: its number makes it operative, its words say what it does.
    """
    leads: list[Lead | None] = []
    chapeau: Lead | None = None
    for paragraph in paragraphs:
        lead = None if paragraph.kind == "heading" else find_lead(paragraph.text, paragraph.section)
        if paragraph.section == "operative" and paragraph.kind == "paragraph":
            continuation = _CONTINUATION_RE.match(paragraph.text, _LEADING_MARKS_RE.match(paragraph.text).end())
            if lead is not None:
                chapeau = lead if paragraph.text.rstrip().endswith(":") else None
            elif chapeau is not None and continuation is not None:
                lead = Lead(continuation.group(0), chapeau.verb, chapeau.modifier, *continuation.span())
            elif paragraph.number is not None:
                lead = find_lead(paragraph.text, "preamble")
        leads.append(lead)
    return leads


def _further_hits(text: str, start: int, kind: str) -> list[_Hit]:
    """Finite verbs (and "continues to" + base form) after a coordination boundary (so never "who
    supports", "which plays"), or, in a declaration, base forms whose subject is "we"."""
    kinds = ("declaration",) if kind == "declaration" else ("finite", "continued")
    matches = sorted(
        ((grammar, match) for grammar in map(_grammar, kinds)
         for match in (grammar.pattern if kind == "declaration" else grammar.further).finditer(text, start)),
        key=lambda found: found[1].start(),
    )
    hits: list[_Hit] = []
    for grammar, match in matches:
        if hits and match.start() < hits[-1].end:
            continue
        hit = _hit(grammar, match)
        if hit is None:
            continue
        single_word = match["plain"] is not None and len(match["plain"].split()) == 1
        if single_word and _NOUN_FOLLOWER_RE.match(text, hit.end):
            continue
        if kind == "declaration" and not _declaration_subject(text, hit):
            continue
        hits.append(hit)
    return hits


def _declaration_subject(text: str, hit: _Hit) -> bool:
    """Base form after "we" (not after "as we", "that we") or coordinated with "and" in a we-sentence."""
    before = text[max(0, hit.start - 80):hit.start]
    we = _WE_BEFORE_RE.search(before)
    if we is not None:
        return not _SUBORDINATOR_RE.search(before[: we.start()])
    if not _AND_BEFORE_RE.search(before):
        return False
    sentence_start = max((m.end() for m in _SENTENCE_END_RE.finditer(text, 0, hit.start)), default=0)
    return _WE_WORD_RE.search(text, sentence_start, hit.start) is not None


def find_clauses(text: str) -> list[Clause]:
    """Every main verb whose subject is the Assembly/Council: the lead and each coordinated finite verb."""
    matched = _unmarked(text)
    found = _lead_hit(matched, "operative")
    if found is None:
        found = _lead_hit(matched, "annex")
        if found is None or found[1] == "participle":
            return []
    lead, kind = found
    hits = [lead, *_further_hits(matched, lead.end, kind)]
    return [
        Clause(
            index,
            hit.start,
            hit.end,
            text[hit.start:hit.end],
            hit.verb,
            _modifier(hit.modifiers),
            index == 1,
            hits[index].start if index < len(hits) else len(text),
        )
        for index, hit in enumerate(hits, start=1)
    ]
