"""Words of a text with their offsets: the unit every rule works on.

A token is a run of letters (with harakat, tatweel and joiners inside it). Two tokens are
`joined` when only spaces separate them: a name never spans punctuation or a newline.
"""

from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache

from reader.entities.normalise import is_dropped, normalise

_WORD = re.compile(r"(?:[^\W\d_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640\u200c\u200d])+")
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


def tokenise(text: str) -> list[Token]:
    """Every word of `text`, in order; a newline or punctuation between words unjoins them."""
    tokens: list[Token] = []
    previous_end = -1
    for match in _WORD.finditer(text):
        start, end = match.span()
        surface = match.group()
        norm = _normal_word(surface)
        if not norm:
            continue
        gap = text[previous_end:start]
        joined = previous_end >= 0 and (gap == " " or not gap.strip(_SPACES))
        tokens.append(Token(start, end, surface, norm, joined))
        previous_end = end
    return tokens
