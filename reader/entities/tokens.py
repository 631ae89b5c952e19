"""Words of a text with their offsets: the unit every rule works on.

A token is a run of letters (with harakat, tatweel and joiners inside it). Two tokens are
`joined` when only spaces separate them: a name never spans punctuation or a newline.
"""

from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache

from reader.entities.normalise import is_dropped, normalise

_WORD = re.compile(r"((?:[^\W\d_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640\u200c\u200d])+)")
_SPACES = " \t\u00a0\u200c\u200d\u200e\u200f\u061c"


class Token(namedtuple("Token", "start end text norm joined")):
    """A word: [start, end) offsets, its surface text[start:end], its normalised form, and
    whether only spaces separate it from the previous word (`joined`)."""

    __slots__ = ()
    start: int
    end: int
    text: str
    norm: str
    joined: bool

    def offset_after(self, letters: int) -> int:
        """Offset in the text just after the first `letters` normalised letters."""
        if letters <= 0:
            return self.start
        seen = 0
        for i, char in enumerate(self.text):
            if not is_dropped(char):
                seen += 1
                if seen == letters:
                    rest = i + 1
                    while rest < len(self.text) and is_dropped(self.text[rest]):
                        rest += 1
                    return self.start + rest
        return self.end


_normal_word = lru_cache(maxsize=1 << 16)(normalise)


@lru_cache(maxsize=4096)
def _joins(gap: str) -> bool:
    return not gap.strip(_SPACES)


def tokenise(text: str) -> list[Token]:
    """Every word of `text`, in order; a newline or punctuation between words unjoins them."""
    tokens: list[Token] = []
    parts = _WORD.split(text)  # gap, word, gap, word, ..., gap: one pass in C
    new, offset, gap, first = tuple.__new__, 0, "", True
    for between, part in zip(parts[0:-1:2], parts[1::2], strict=True):
        gap += between  # a word without letters (only harakat) adds to the gap too
        start = offset + len(between)
        offset = start + len(part)
        norm = _normal_word(part)
        if norm:
            joined = not first and (gap == " " or _joins(gap))
            tokens.append(new(Token, (start, offset, part, norm, joined)))
            gap, first = "", False
        else:
            gap += part
    return tokens
