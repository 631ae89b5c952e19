"""extract(text): the people, places and organisations of an Arabic text, with every mention.

Pipeline: tokens -> listed names (lists + proclitics) -> head-word names -> context check for
names that are common words -> people by title, given name or kunya -> longest spans win ->
surname carry-over -> entities, most mentioned first.
"""

from __future__ import annotations

from operator import attrgetter, itemgetter

from reader.entities.carry import carried_spans
from reader.entities.classes import GIVEN_WORD, HEAD, LATIN, LISTED, TITLE, TRIGGER, Classes
from reader.entities.context import in_context
from reader.entities.heads import head_spans
from reader.entities.latin import latin_spans, step_aside
from reader.entities.lexicon import lexicon
from reader.entities.listed import listed_spans, with_adjectives
from reader.entities.model import ENTITY_TYPES, Entity, EntityType
from reader.entities.normalise import normal_form
from reader.entities.spans import EVENT, Span
from reader.entities.titles import person_spans
from reader.entities.tokens import tokenise
from reader.entities.triggers import trigger_spans

PEOPLE = TITLE | GIVEN_WORD


def _by_start(spans: list[Span], base: dict[int, Span] | None = None) -> dict[int, Span]:
    """The longest span at each start (added to a copy of `base`, the longest so far)."""
    out: dict[int, Span] = dict(base) if base else {}
    for span in spans:
        known = out.get(span.start)
        if known is None or span.end - span.start > known.end - known.start:
            out[span.start] = span
    return out


def _order(span: Span) -> tuple[int, int, int]:
    return (span.start - span.end, span.source, span.start)


def _resolve(spans: list[Span], size: int) -> list[Span]:
    """Non-overlapping spans over `size` tokens: longest first, then lists before rules,
    then leftmost. The taken tokens are bytes, tested in C."""
    taken = bytearray(size)
    chosen: list[Span] = []
    for span in sorted(spans, key=_order):
        start, end = span.start, span.end
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(span)
    return chosen


def extract(text: str) -> list[Entity]:
    """Entities of `text`, ordered by mention count (descending), then first mention."""
    if not text:
        return []
    lex = lexicon()
    tokens = tokenise(text)
    classes = Classes(tokens)
    listed = listed_spans(tokens, classes.having(LISTED))
    by_start = _by_start(listed)
    heads = head_spans(tokens, lex, by_start, classes.having(HEAD))
    heads += trigger_spans(tokens, lex, by_start, classes.having(TRIGGER))
    heads += with_adjectives(tokens, listed, lex)
    people = person_spans(tokens, lex, _by_start(heads, by_start), classes.having(PEOPLE))
    chosen = _resolve([*in_context(listed, tokens, lex), *heads, *people], tokens.size)
    chosen = [span for span in chosen if span.type != EVENT]
    step_aside(tokens, chosen, lex)
    chosen += latin_spans(text, tokens, chosen, classes.having(LATIN))
    starts, ends = tokens.start, tokens.end
    for span in chosen:  # the display form (for rule spans) and the entity key
        if not span.display:
            i = span.start
            start = tokens.offset_after(i, span.strip) if span.strip else starts[i]
            words = text[start : ends[span.end - 1]].split()
            span.display = ("ا" if span.restored else "") + " ".join(words)
        if not span.key:
            number = span.name
            span.key = ("name", number) if number >= 0 else (span.type, normal_form(span.display))
    chosen += carried_spans(tokens, chosen, lex)
    groups: dict[tuple[object, ...], list[Span]] = {}
    for span in chosen:
        groups.setdefault(span.key, []).append(span)
    merged: dict[tuple[str, str], tuple[str, list[tuple[int, int]]]] = {}
    offset_after = tokens.offset_after
    for members in groups.values():
        if len(members) == 1:  # most entities: one mention, no choice to make
            m = members[0]
            i, name = m.start, m.display
            mention = (offset_after(i, m.strip) if m.strip else starts[i], ends[m.end - 1])
            key = (normal_form(name), m.type)
            entry = merged.get(key)
            if entry is None:
                merged[key] = (name, [mention])
            else:
                entry[1].append(mention)
            continue
        members.sort(key=_START)
        first = members[0]
        name = max((m for m in members if m.display), key=_SIZE, default=first).display
        key = (normal_form(name), first.type)
        entry = merged.get(key)
        if entry is None:
            entry = merged[key] = (name, [])
        for m in members:  # no comprehension: a function call each in Python 3.11
            i = m.start
            entry[1].append((offset_after(i, m.strip) if m.strip else starts[i], ends[m.end - 1]))
    found, rank = [], len(text) + 1  # mentions start before len(text)
    for (_, kind), (name, spans) in merged.items():
        mentions = tuple(spans) if len(spans) == 1 else tuple(sorted(set(spans)))
        entity = _NEW(Entity)  # Entity(name, kind, mentions) without the frozen __init__
        fields = entity.__dict__
        fields["text"], fields["type"], fields["mentions"] = name, _TYPES[kind], mentions
        found.append((mentions[0][0] - len(mentions) * rank, entity))
    found.sort(key=_RANK)  # most mentioned first, then first mentioned: one int each
    return [entity for _, entity in found]


_NEW = object.__new__
_RANK = itemgetter(0)
_START = attrgetter("start")
_SIZE = attrgetter("size")
_TYPES: dict[str, EntityType] = {kind: kind for kind in ENTITY_TYPES}  # KeyError: a bug
