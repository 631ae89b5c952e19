"""Words of a text with their offsets: the unit every rule works on.

A token is a run of letters (with harakat, tatweel and joiners inside it). Two tokens are
`joined` when only spaces separate them: a name never spans punctuation or a newline.
The tokens of a text are parallel lists, one entry per word (`Tokens`), not one object per
word: building them is a few maps in C, and `tokens.norm[k]` is a list index where a
field of a tuple subclass was a descriptor call.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, compress

from reader.entities.classes import word_class
from reader.entities.memo import Memo
from reader.entities.normalise import is_dropped, normal_form
from reader.text.folding import DROPPED

# Runs of letters or marks. `(?:A+|B+)+` matches what `(?:a|b)+` does with one loop step per
# run, not per character; the first class (the Arabic letters U+0621-U+064A and the marks)
# is tested by range, which is faster than the Unicode category test of `[^\W\d_]`.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u0640\u200c\u200d"
_WORD = re.compile(f"((?:[\u0621-\u064a{_MARKS}]+|[^\\W\\d_]+|[{_MARKS}]+)+)")
# The same split for the usual text, whose letters are all Arabic (that range) or ASCII: one
# character class, about twice as fast. `_OTHER` finds a letter outside it (Persian ی, é).
_PLAIN_WORD = re.compile(f"([\u0621-\u064a{_MARKS}A-Za-z]+)")
_OTHER = re.compile(r"[^\W\d_\u0621-\u064aA-Za-z]")
_SPACES = " \t\u00a0\u200c\u200d\u200e\u200f\u061c"


class Tokens:
    """The words of a text: word k is [start[k], end[k]) in the text, its surface
    text[k], its normalised form norm[k], whether only spaces separate it from the word
    before (joined[k]) and what it may be for the rules (cls[k], the bit mask of
    `classes.word_class`, one byte a word). `size` is the number of words."""

    __slots__ = ("start", "end", "text", "norm", "joined", "cls", "size")

    def __init__(
        self,
        start: list[int],
        end: list[int],
        text: list[str],
        norm: list[str],
        joined: list[bool],
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.norm = norm
        self.joined = joined
        self.cls = bytes(map(_CLASSES.__getitem__, norm))
        self.size = len(norm)

    def offset_after(self, k: int, letters: int) -> int:
        """Offset in the text just after the first `letters` normalised letters of word k."""
        text = self.text[k]
        if letters <= 0:
            return self.start[k]
        if DROPPED.isdisjoint(text):  # no marks: every character is a letter
            return self.start[k] + letters if letters < len(text) else self.end[k]
        seen = 0
        for i, char in enumerate(text):
            if not is_dropped(char):
                seen += 1
                if seen == letters:
                    rest = i + 1
                    while rest < len(text) and is_dropped(text[rest]):
                        rest += 1
                    return self.start[k] + rest
        return self.end[k]


def _joins(gap: str) -> bool:
    return not gap.strip(_SPACES)


_NORMS = Memo(normal_form)  # surface word -> normal form
_CLASSES = Memo(word_class)  # normal form -> class
_GAPS = Memo(_joins, 4096)  # text between two words -> whether it joins them


def tokenise(text: str) -> Tokens:
    """Every word of `text`, in order; a newline or punctuation between words unjoins them."""
    parts = _PLAIN_WORD.split(text)  # gap, word, gap, word, ..., gap: one pass in C
    if _OTHER.search("".join(parts[::2])):  # a letter outside the plain class: the split
        parts = _WORD.split(text)  # left it in a gap (the gaps are a fifth of the text)
    words = parts[1::2]
    if not words:
        return Tokens([], [], [], [], [])
    norms = list(map(_NORMS.__getitem__, words))
    if "" in norms:  # a word of only marks: rare, joins the gaps around it
        return _tokenise_slowly(parts)
    ends = list(accumulate(map(len, parts)))
    joined = list(map(_GAPS.__getitem__, parts[2:-1:2]))  # the first word is never joined
    joined.insert(0, False)
    return Tokens(ends[0:-1:2], ends[1::2], words, norms, joined)


def _tokenise_slowly(parts: list[str]) -> Tokens:
    start: list[int] = []
    end: list[int] = []
    words: list[str] = []
    norms: list[str] = []
    joined: list[bool] = []
    offset, gap = 0, ""
    for between, part in zip(parts[0:-1:2], parts[1::2], strict=True):
        gap += between  # a word without letters (only harakat) adds to the gap too
        begin = offset + len(between)
        offset = begin + len(part)
        norm = normal_form(part)
        if norm:
            joined.append(bool(words) and _joins(gap))
            start.append(begin)
            end.append(offset)
            words.append(part)
            norms.append(norm)
            gap = ""
        else:
            gap += part
    return Tokens(start, end, words, norms, joined)


class Classes:
    """Every token's class (one byte each: the masks fit in six bits), kept as the few
    positions that have one and their classes, so each pass of the rules finds its words
    in C over those few, not over every word of the text."""

    __slots__ = ("marked", "kinds")

    def __init__(self, tokens: Tokens) -> None:
        every = tokens.cls
        self.marked = list(compress(range(len(every)), every))  # the words of any class
        self.kinds = bytes(map(every.__getitem__, self.marked))

    def having(self, mask: int) -> list[int]:
        """Positions of the tokens whose class shares a bit with `mask` (one translate)."""
        return list(compress(self.marked, self.kinds.translate(_selector(mask))))


@lru_cache(maxsize=64)
def _selector(mask: int) -> bytes:
    return bytes(1 if value & mask else 0 for value in range(256))
