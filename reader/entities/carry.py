"""Surname carry-over: بايدن after جو بايدن, بارزاني after نيجيرفان بارزاني.

A person found with two or more words lends its last word (or its "بن X" pair) to later and
earlier bare mentions in the same text, which then join that person.
"""

from __future__ import annotations

from itertools import compress, count

from reader.entities.clitics import readings, written
from reader.entities.lexicon import Lexicon
from reader.entities.spans import CARRIED, PERSON, Span
from reader.entities.tokens import Tokens
from reader.entities.vocab import PARTICLES, STOP


def _short_form(words: list[str], lex: Lexicon) -> tuple[str, ...] | None:
    if len(words) < 2:
        return None
    if len(words) >= 3 and words[-2] == "بن":
        return (words[-2], words[-1])
    if words[-2] in PARTICLES:
        return None  # آل ثاني, أبو مازن: a family or a kunya, not a surname
    last = words[-1]
    if len(last) < 3 or last in STOP or last in lex.given or last in lex.nationality:
        return None
    return (last,)


def carried_spans(tokens: Tokens, chosen: list[Span], lex: Lexicon) -> list[Span]:
    """New PERSON spans for bare surnames, keyed like the person they belong to."""
    covered = {k for s in chosen for k in range(s.start, s.end)}
    forms: dict[tuple[str, ...], Span] = {}
    bare: list[Span] = []  # one-word persons: no short form of their own
    for span in chosen:
        if span.type == PERSON:
            if span.end - span.start == 1:
                bare.append(span)
                continue
            words = tokens.norm[span.start : span.end]
            words[0] = words[0][span.strip :]
            short = _short_form(words, lex)
            if short is not None:
                forms.setdefault(short, span)
    for span in bare:  # a listed bare surname joins the full name found here
        owner = forms.get((tokens.norm[span.start][span.strip :],))
        if owner is not None:
            span.key = owner.key
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for short in forms:
        by_first.setdefault(short[0], []).append(short)
    found: list[Span] = []
    if not by_first:
        return found
    # A cheap test before the readings, in C: the word may be read as a short form's first
    # word (one set lookup per token).
    spelt = frozenset().union(*map(written, by_first))
    for i in compress(count(), map(spelt.__contains__, tokens.norm)):
        if i in covered:
            continue
        for strip, form in readings(tokens.norm[i]):
            if form not in by_first:
                continue
            carried = _carried_at(tokens, i, strip, by_first.get(form, []), forms, covered)
            if carried is not None:
                found.append(carried)
                covered.update(range(carried.start, carried.end))
                break
    return found


def _carried_at(
    tokens: Tokens,
    i: int,
    strip: int,
    shorts: list[tuple[str, ...]],
    forms: dict[tuple[str, ...], Span],
    covered: set[int],
) -> Span | None:
    for short in shorts:
        end = i + len(short)
        if end > tokens.size or any(k in covered for k in range(i, end)):
            continue
        if all(tokens.norm[k] == short[k - i] and tokens.joined[k] for k in range(i + 1, end)):
            owner = forms[short]
            return Span(i, end, PERSON, "", strip, owner.name, CARRIED, key=owner.key)
    return None
