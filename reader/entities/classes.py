"""What a word may be for the rules, computed once per distinct word (a cached bit mask).

Most words of an article are none of these, so each pass skips them with one test instead
of trying every proclitic reading against every word list. `Classes` keeps a text's
classes as the few positions that have one.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING

from reader.entities.clitics import readings
from reader.entities.lexicon import lexicon
from reader.entities.vocab import (
    CLUB_TRIGGERS,
    DEFINITE_ORG_HEADS,
    EVENT_HEADS,
    GENERIC_DEFINITE_HEADS,
    KUNYA,
    MEDIA_WORDS,
    ORG_HEADS_STRONG,
    ORG_HEADS_WEAK,
    PLACE_HEADS,
    TITLES,
    TOWN_TRIGGERS,
)

if TYPE_CHECKING:
    from reader.entities.tokens import Tokens

LISTED, TITLE, HEAD, TRIGGER, GIVEN_WORD, LATIN = 1, 2, 4, 8, 16, 32
_HEADS = (
    EVENT_HEADS | PLACE_HEADS | ORG_HEADS_STRONG | ORG_HEADS_WEAK | DEFINITE_ORG_HEADS
) | GENERIC_DEFINITE_HEADS
_TRIGGERS = TOWN_TRIGGERS | CLUB_TRIGGERS | MEDIA_WORDS


@lru_cache(maxsize=1 << 16)
def word_class(word: str) -> int:
    """LISTED: some reading starts a listed alias; TITLE, HEAD, TRIGGER: some reading is one;
    GIVEN_WORD: the word itself is a given name or a kunya; LATIN: it starts with a Latin letter."""
    lex = lexicon()
    mask = GIVEN_WORD if word in lex.given or word in KUNYA or word == "عبد" else 0
    if "a" <= word[:1] <= "z":
        mask |= LATIN
    for _, form in readings(word):
        if form in lex.longest or form in lex.aliases:
            mask |= LISTED
        if form in TITLES:
            mask |= TITLE
        if form in _HEADS:
            mask |= HEAD
        if form in _TRIGGERS:
            mask |= TRIGGER
    return mask


class Classes:
    """Every token's class (one byte each: the masks fit in six bits), kept as the few
    positions that have one and their classes, so each pass of the rules finds its words
    in C over those few, not over every word of the text."""

    __slots__ = ("marked", "kinds")

    def __init__(self, tokens: Tokens) -> None:
        every = tokens.cls
        self.marked = list(compress(range(len(every)), every))  # the words of any class
        self.kinds = every.translate(None, b"\x00")  # their classes: the non-zero bytes

    def having(self, mask: int) -> list[int]:
        """Positions of the tokens whose class shares a bit with `mask` (one translate)."""
        return list(compress(self.marked, self.kinds.translate(_selector(mask))))


@lru_cache(maxsize=64)
def _selector(mask: int) -> bytes:
    return bytes(1 if value & mask else 0 for value in range(256))
