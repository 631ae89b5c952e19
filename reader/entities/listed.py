"""Names from the lists: at every word, the longest alias that starts there.

Only the first word may carry a proclitic; the exact word is tried first (ليبيا is not
ل + يبيا), then the proclitic readings. Aliases that are also common words are kept with
`needs_context` set; `context.py` decides about them once all spans are known.
"""

from __future__ import annotations

from functools import lru_cache

from reader.entities.classes import TRIGGER
from reader.entities.clitics import readings
from reader.entities.lexicon import Lexicon, lexicon
from reader.entities.memo import Memo
from reader.entities.phrases import adjectives
from reader.entities.spans import HEADED, LISTED, ORG, Span
from reader.entities.tokens import Tokens


@lru_cache(maxsize=1 << 14)
def _starts(word: str) -> tuple[tuple[int, str, int], ...]:
    """The readings of a word that start a listed alias: (strip, form, most words)."""
    lex = lexicon()
    out = []  # a given name is not proclitic + name: باولو is not ب + اولو
    for strip, form in readings(word) if word not in lex.given else ((0, word),):
        most = lex.longest.get(form) or (1 if form in lex.aliases else 0)
        if most:
            out.append((strip, form, most))
    return tuple(out)


@lru_cache(maxsize=1 << 15)
def _best(key: str) -> tuple[int, str, bool, str] | None:
    """The name an alias stands for (context-free readings first): number, display, needs
    context, type; None for a key that is no alias."""
    lex = lexicon()
    found = lex.lookup(key)
    if not found:
        return None
    number, display, needs_context = min(found, key=lambda a: a[2])
    return number, display, needs_context, lex.type_of(number)


def match_at(tokens: Tokens, i: int, most: int) -> Span | None:
    """The longest listed name starting at token i (exact reading preferred), whose aliases
    have at most `most` words."""
    end, stop, joined = i + 1, min(i + most, tokens.size), tokens.joined
    while end < stop and joined[end]:  # the words joined by spaces only
        end += 1
    found = _IN_WINDOW[tuple(tokens.norm[i:end])]
    if found is None:
        return None
    size, strip, (number, display, needs_context, kind) = found
    return Span(i, i + size, kind, display, strip, number, LISTED, needs_context)


def _window(
    words: tuple[str, ...],
) -> tuple[int, int, tuple[int, str, bool, str]] | None:
    """The longest alias at the start of these joined words: (size, strip, name). Cached:
    a name comes back within an article and across articles."""
    best: tuple[int, int, tuple[int, str, bool, str]] | None = None
    for strip, form, most in _starts(words[0]):
        for size in range(min(most, len(words)), 0, -1):
            found = _best(" ".join([form, *words[1:size]]) if size > 1 else form)
            if found is not None:
                if best is None or size > best[0]:
                    best = (size, strip, found)
                break
        if best is not None and strip == 0:
            return best
    return best


def _lone(word: str) -> tuple[int, tuple[int, tuple[int, str, bool, str]] | None]:
    """For a word no reading of which starts a multi-word alias, what `match_at` finds there
    depends on the word only: (0, (strip, name) or None). Otherwise (most words of an alias
    starting there, None)."""
    starts = _starts(word)
    most = max((most for _, _, most in starts), default=1)
    if most > 1:
        return most, None
    for strip, form, _ in starts:
        found = _best(form)
        if found is not None:
            return 0, (strip, found)
    return 0, None


_IN_WINDOW = Memo(_window, 1 << 15)
_ALONE = Memo(_lone, 1 << 14)


def listed_spans(tokens: Tokens, at: list[int]) -> list[Span]:
    """Every listed name, overlapping ones included (the resolver picks), trying the words
    at `at` (those whose class is LISTED)."""
    spans, norm, alone_at = [], tokens.norm, _ALONE.__getitem__
    for i in at:
        longer, alone = alone_at(norm[i])
        if longer:
            span = match_at(tokens, i, longer)
            if span is not None:
                spans.append(span)
        elif alone is not None:
            strip, (number, display, needs_context, kind) = alone
            spans.append(Span(i, i + 1, kind, display, strip, number, LISTED, needs_context))
    return spans


def with_adjectives(tokens: Tokens, spans: list[Span], lex: Lexicon) -> list[Span]:
    """A listed organisation keeps the nationality adjective after it (الهلال الأحمر
    القطري, حزب العدالة والتنمية المغربي): a longer rule span beside the listed one, when
    the adjective agrees with the name's first word."""
    found, norms, joined, size = [], tokens.norm, tokens.joined, tokens.size
    for span in spans:
        if span.type != ORG or span.end >= size or not joined[span.end]:
            continue
        if norms[span.end] not in lex.nationality:
            continue
        if span.start and joined[span.start] and tokens.cls[span.start - 1] & TRIGGER:
            continue  # نادي الأهلي المصري: a club after its trigger drops the adjective
        norm = norms[span.start]
        end = adjectives(tokens, span.end, lex, head=norm[span.strip :], loose=False)
        if end > span.end:
            restored = span.strip > 0 and norm[span.strip - 1 : span.strip + 1] == "لل"
            found.append(
                Span(
                    span.start,
                    end,
                    ORG,
                    "",
                    span.strip,
                    source=HEADED,
                    restored=restored and span.display.startswith("ال"),
                )
            )
    return found
