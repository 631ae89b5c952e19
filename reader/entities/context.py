"""Names that are also common words (صور, الأقصى, أمل, عون, السوداني) count only in context:

- a full form of the same name elsewhere in the text (نواف سلام ... سلام);
- a title before a person (`titles.py` takes the listed name), or a trigger within three
  words before: مدينة/العاصمة for a place,
  فريق/نادي/حركة for an organisation, or one of the name's own context words;
- an article name standing where an adjective cannot: at the start of a line or after a
  verb or conjunction (السوداني وبارزاني يتفقان, وقال السوداني);
- a place with the preposition ب on its article (بالضفة).
- a place joined by و to a listed place just before it (الحسيمة والناظور); plural place
  words (مدن, أقاليم) count as its triggers.
"""

from __future__ import annotations

from functools import lru_cache

from reader.entities.clitics import readings
from reader.entities.lexicon import Lexicon, lexicon
from reader.entities.spans import ORG, PERSON, PLACE, Span
from reader.entities.tokens import Tokens
from reader.entities.vocab import (
    NAME_OPENERS,
    ORG_HEADS_WEAK,
    ORG_TRIGGERS,
    PLACE_PLURALS,
    PLACE_TRIGGERS,
)
from reader.entities.words import is_title

# Titles are not here: the title rule itself takes a listed name after a title.
TRIGGERS = {
    PERSON: frozenset(),
    PLACE: PLACE_TRIGGERS | PLACE_PLURALS,
    ORG: ORG_TRIGGERS | ORG_HEADS_WEAK,
}


@lru_cache(maxsize=1 << 12)
def _triggers(kind: str, name: int) -> frozenset[str]:
    """The words that give a name of this type context: its type's triggers and its own."""
    return TRIGGERS[kind] | frozenset(lexicon().context_of(name) if name >= 0 else ())


def _in_context(span: Span, tokens: Tokens, lex: Lexicon, full: set[int], places: set[int]) -> bool:
    if span.name in full:
        return True
    i = span.start
    # الحسيمة والناظور: و joins it to a listed place just before it
    joined = span.strip and tokens.joined[i] and tokens.norm[i][0] == "و"
    if span.type == PLACE and joined and i in places:
        return True
    word = tokens.norm[i][span.strip :]
    # الهندية (a town, also "Indian"): only right after its trigger, not in ولاية كيرالا الهندية
    reach = 1 if word in lex.nationality else 3
    if triggered(tokens, i, _triggers(span.type, span.name), reach):
        return True
    if word.startswith("ال"):
        opens = not tokens.joined[i] or tokens.norm[i - 1] in NAME_OPENERS
        if span.type == PERSON and span.strip == 0 and opens:
            return True
        if span.type == PLACE and tokens.norm[i][span.strip - 1 : span.strip] == "ب":
            return True
    return False


def in_context(spans: list[Span], tokens: Tokens, lex: Lexicon) -> list[Span]:
    """The listed spans, without those that need context and have none, and without a place
    that stands as an adjective (السعودية after المخرجة or after مدينة العلا)."""
    full = {s.name for s in spans if not s.needs_context}
    ends = {s.end for s in spans if s.type == PLACE}
    places = {s.end for s in spans if s.type == PLACE and not s.needs_context}
    kept = [s for s in spans if not s.needs_context or _in_context(s, tokens, lex, full, places)]
    nationality = lex.nationality
    return [
        s
        for s in kept
        if tokens.norm[s.start] not in nationality or not _adjectival(s, tokens, lex, ends)
    ]


def _adjectival(span: Span, tokens: Tokens, lex: Lexicon, ends: set[int]) -> bool:
    i = span.start
    if span.strip or span.type != PLACE or i == 0 or not tokens.joined[i]:
        return False
    if tokens.norm[i] not in lex.nationality:
        return False
    return i in ends or is_title(tokens.norm[i - 1])


def triggered(tokens: Tokens, i: int, triggers: frozenset[str], reach: int = 3) -> bool:
    """Whether one of `triggers` (proclitics allowed) stands within `reach` words before i."""
    for k in range(max(0, i - reach), i):
        if any(form in triggers for _, form in readings(tokens.norm[k])):
            return True
    return False
