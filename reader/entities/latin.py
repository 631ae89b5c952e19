"""Organisations once the spans are chosen: Latin abbreviations (الاتحاد الأفريقي لكرة القدم
(CAF)) and media words that step aside (قناة الجزيرة is الجزيرة).

A Latin word in parentheses right after an organisation is that organisation's own
abbreviation, an ORG of its own (docs/entities.md). A few abbreviations that news writes
bare (FIFA, NATO, OPEC) are organisations wherever they stand in Arabic text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.entities.clitics import readings
from reader.entities.lexicon import Lexicon
from reader.entities.spans import HEADED, ORG, Span
from reader.entities.tokens import Tokens
from reader.entities.vocab import MEDIA_WORDS, YIELDING_HEADS
from reader.entities.words import is_common

_LATIN = re.compile(r"[A-Za-z][A-Za-z&.\-]*\Z")
_KNOWN = """UN NATO OPEC IMF WHO UNICEF UNRWA UNESCO UNHCR WFP IAEA FIFA UEFA CAF AFC IOC NASA
    ESA ICC ICJ BBC CNN AFP OECD ASEAN BRICS FAO ILO WTO OCHA UNDP ICRC MSF CIA FBI"""
KNOWN = frozenset(_KNOWN.split())


def latin_spans(text: str, tokens: Tokens, chosen: list[Span], at: list[int]) -> list[Span]:
    """ORG spans for Latin abbreviations after an organisation or from the known list."""
    if not at:  # the words whose class is LATIN: their normal form starts with a-z
        return []
    after_org = {span.end for span in chosen if span.type == ORG}
    taken = {k for span in chosen for k in range(span.start, span.end)}
    found: list[Span] = []
    for k in at:
        word, end = tokens.text[k], tokens.end[k]
        if k in taken or not _LATIN.match(word):
            continue
        bracketed = k in after_org and text[tokens.end[k - 1] : tokens.start[k]].strip() == "("
        bracketed = bracketed and text[end : end + 1] == ")"
        if bracketed or word in KNOWN:
            found.append(Span(k, k + 1, ORG, word, source=HEADED))
    return found


@lru_cache(maxsize=1 << 12)
def _steps_aside(word: str) -> tuple[bool, bool]:
    """Whether some reading of the word is a media word, and whether one is a yielding head."""
    forms = {form for _, form in readings(word)}
    return bool(forms & MEDIA_WORDS), bool(forms & YIELDING_HEADS)


def step_aside(tokens: Tokens, spans: list[Span], lex: Lexicon) -> None:
    """قناة الجزيرة -> الجزيرة, وكالة ناسا -> ناسا: the span starts after the media word."""
    for span in spans:
        if span.type != ORG or span.end - span.start < 2:
            continue
        media, yielding = _steps_aside(tokens.norm[span.start])
        if not media and yielding:  # a yielding head steps aside before a bare name only
            rest = tokens.norm[span.start + 1 : span.end]
            media = not any(w.startswith(("ال", "ل", "و")) or is_common(w) for w in rest)
        if media:
            span.start += 1
            span.strip, span.name, span.display, span.restored = 0, -1, "", False
