"""Latin abbreviations of organisations in Arabic text: الاتحاد الأفريقي لكرة القدم (CAF).

A Latin word in parentheses right after an organisation is that organisation's own
abbreviation, an ORG of its own (docs/entities.md). A few abbreviations that news writes
bare (FIFA, NATO, OPEC) are organisations wherever they stand in Arabic text.
"""

from __future__ import annotations

import re

from reader.entities.spans import HEADED, ORG, Span
from reader.entities.tokens import Tokens

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
