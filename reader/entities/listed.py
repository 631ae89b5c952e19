"""Names from the lists: at every word, the longest alias that starts there.

Only the first word may carry a proclitic; the exact word is tried first (ليبيا is not
ل + يبيا), then the proclitic readings. Aliases that are also common words are kept with
`needs_context` set; `context.py` decides about them once all spans are known.
"""

from __future__ import annotations

from functools import lru_cache

from reader.entities.classes import LISTED, word_class
from reader.entities.clitics import readings
from reader.entities.lexicon import Lexicon, lexicon
from reader.entities.spans import Span
from reader.entities.tokens import Token


def joined_run(tokens: list[Token], start: int, limit: int) -> int:
    """How many tokens from `start` (at most `limit`) are joined by spaces only."""
    end = start + 1
    while end < len(tokens) and end - start < limit and tokens[end].joined:
        end += 1
    return end - start


@lru_cache(maxsize=1 << 14)
def _starts(word: str) -> tuple[tuple[int, str, int], ...]:
    """The readings of a word that start a listed alias: (strip, form, most words)."""
    lex = lexicon()
    out = []
    for strip, form in readings(word):
        most = lex.longest.get(form) or (1 if form in lex.aliases else 0)
        if most:
            out.append((strip, form, most))
    return tuple(out)


def match_at(tokens: list[Token], i: int, lex: Lexicon) -> Span | None:
    """The longest listed name starting at token i (exact reading preferred)."""
    best: Span | None = None
    for strip, form, most in _starts(tokens[i].norm):
        run = joined_run(tokens, i, most) if most > 1 else 1
        for size in range(run, 0, -1):
            key = (
                " ".join([form, *(t.norm for t in tokens[i + 1 : i + size])]) if size > 1 else form
            )
            found = lex.lookup(key)
            if found:
                number, display, needs_context = min(found, key=lambda a: a[2])
                kind = lex.type_of(number)
                span = Span(i, i + size, kind, display, strip, number, needs_context=needs_context)
                if best is None or span.size > best.size:
                    best = span
                break
        if best is not None and strip == 0:
            return best
    return best


def listed_spans(tokens: list[Token], lex: Lexicon) -> list[Span]:
    """Every listed name, overlapping ones included (the resolver picks)."""
    spans = []
    for i, token in enumerate(tokens):
        if not word_class(token.norm) & LISTED:
            continue
        span = match_at(tokens, i, lex)
        if span is not None:
            spans.append(span)
    return spans
