"""extract(text): the people, places and organisations of an Arabic text, with every mention.

Pipeline: tokens -> listed names (lists + proclitics) -> head-word names -> context check for
names that are common words -> people by title, given name or kunya -> longest spans win ->
surname carry-over -> entities, most mentioned first.
"""

from __future__ import annotations

from reader.entities.carry import carried_spans
from reader.entities.classes import GIVEN_WORD, HEAD, LATIN, LISTED, TITLE, TRIGGER
from reader.entities.context import in_context
from reader.entities.heads import head_spans
from reader.entities.latin import latin_spans
from reader.entities.lexicon import lexicon
from reader.entities.listed import listed_spans
from reader.entities.model import Entity, entity_type
from reader.entities.normalise import normal_form
from reader.entities.spans import EVENT, Span
from reader.entities.titles import person_spans
from reader.entities.tokens import Token, classes_of, having, tokenise
from reader.entities.triggers import step_aside, trigger_spans

PEOPLE = TITLE | GIVEN_WORD


def _by_start(spans: list[Span]) -> dict[int, Span]:
    out: dict[int, Span] = {}
    for span in spans:
        if span.start not in out or span.size > out[span.start].size:
            out[span.start] = span
    return out


def _resolve(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans: longest first, then lists before rules, then leftmost."""
    taken: set[int] = set()
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (-s.size, s.source, s.start)):
        cells = range(span.start, span.end)
        if taken.isdisjoint(cells):
            taken.update(cells)
            chosen.append(span)
    return chosen


def _finish(text: str, tokens: list[Token], span: Span) -> None:
    """Fill in the display form (for rule spans) and the entity key."""
    if not span.display:
        start, end = tokens[span.start].offset_after(span.strip), tokens[span.end - 1].end
        span.display = ("ا" if span.restored else "") + " ".join(text[start:end].split())
    if not span.key:
        span.key = ("name", span.name) if span.name >= 0 else (span.type, normal_form(span.display))


def extract(text: str) -> list[Entity]:
    """Entities of `text`, ordered by mention count (descending), then first mention."""
    if not text:
        return []
    lex = lexicon()
    tokens = tokenise(text)
    classes = classes_of(tokens)
    listed = listed_spans(tokens, having(classes, LISTED))
    by_start = _by_start(listed)
    heads = head_spans(tokens, lex, by_start, having(classes, HEAD))
    heads += trigger_spans(tokens, lex, by_start, having(classes, TRIGGER))
    people = person_spans(tokens, lex, _by_start([*listed, *heads]), having(classes, PEOPLE))
    chosen = _resolve([*in_context(listed, tokens, lex), *heads, *people])
    chosen = [span for span in chosen if span.type != EVENT]
    step_aside(tokens, chosen, lex)
    chosen += latin_spans(text, tokens, chosen, having(classes, LATIN))
    for span in chosen:
        _finish(text, tokens, span)
    chosen += carried_spans(tokens, chosen, lex)
    groups: dict[tuple[object, ...], list[Span]] = {}
    for span in chosen:
        groups.setdefault(span.key, []).append(span)
    merged: dict[tuple[str, str], tuple[str, list[tuple[int, int]]]] = {}
    for members in groups.values():
        if len(members) == 1:  # most entities: one mention
            best = members[0]
        else:
            members.sort(key=lambda s: s.start)
            best = max((m for m in members if m.display), key=lambda m: m.size, default=members[0])
        name = best.display
        spans = [(tokens[m.start].offset_after(m.strip), tokens[m.end - 1].end) for m in members]
        previous = merged.setdefault((normal_form(name), members[0].type), (name, []))
        previous[1].extend(spans)
    entities = [
        Entity(name, entity_type(kind), tuple(sorted(set(spans))))
        for (_, kind), (name, spans) in merged.items()
    ]
    entities.sort(key=lambda e: (-e.count, e.mentions[0]))
    return entities
