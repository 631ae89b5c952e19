"""Words of a text with their offsets: the unit every rule works on.

A token is a run of letters (with harakat, tatweel and joiners inside it). Two tokens are
`joined` when only spaces separate them: a name never spans punctuation or a newline.
"""

from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter

from reader.entities.classes import word_class
from reader.entities.memo import Memo
from reader.entities.normalise import is_dropped, normal_form

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


class Token(namedtuple("Token", "start end text norm joined cls")):
    """A word: [start, end) offsets, its surface text[start:end], its normalised form, and
    whether only spaces separate it from the previous word (`joined`), and what the word may
    be for the rules (`cls`, the bit mask of `classes.word_class`)."""

    __slots__ = ()
    start: int
    end: int
    text: str
    norm: str
    joined: bool
    cls: int

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


def _joins(gap: str) -> bool:
    return not gap.strip(_SPACES)


_NORMS = Memo(normal_form)  # surface word -> normal form
_CLASSES = Memo(word_class)  # normal form -> class
_GAPS = Memo(_joins, 4096)  # text between two words -> whether it joins them


def tokenise(text: str) -> list[Token]:
    """Every word of `text`, in order; a newline or punctuation between words unjoins them."""
    parts = _PLAIN_WORD.split(text)  # gap, word, gap, word, ..., gap: one pass in C
    if _OTHER.search("".join(parts[::2])):  # a letter outside the plain class: the split
        parts = _WORD.split(text)  # left it in a gap (the gaps are a fifth of the text)
    words = parts[1::2]
    if not words:
        return []
    norms = list(map(_NORMS.__getitem__, words))
    if "" in norms:  # a word of only marks: rare, joins the gaps around it
        return _tokenise_slowly(parts)
    ends = list(accumulate(map(len, parts)))
    joined = list(map(_GAPS.__getitem__, parts[2:-1:2]))  # the first word is never joined
    joined.insert(0, False)
    classes = map(_CLASSES.__getitem__, norms)
    fields = zip(ends[0:-1:2], ends[1::2], words, norms, joined, classes, strict=True)
    return list(map(tuple.__new__, repeat(Token), fields))  # Token(...) without Python calls


def _tokenise_slowly(parts: list[str]) -> list[Token]:
    tokens: list[Token] = []
    new, offset, gap, first = tuple.__new__, 0, "", True
    for between, part in zip(parts[0:-1:2], parts[1::2], strict=True):
        gap += between  # a word without letters (only harakat) adds to the gap too
        start = offset + len(between)
        offset = start + len(part)
        norm = normal_form(part)
        if norm:
            joined = not first and _joins(gap)
            tokens.append(new(Token, (start, offset, part, norm, joined, word_class(norm))))
            gap, first = "", False
        else:
            gap += part
    return tokens


_CLASS = itemgetter(5)


class Classes:
    """Every token's class (one byte each: the masks fit in six bits), kept as the few
    positions that have one and their classes, so each pass of the rules finds its words
    in C over those few, not over every word of the text."""

    __slots__ = ("marked", "kinds")

    def __init__(self, tokens: list[Token]) -> None:
        every = bytes(map(_CLASS, tokens))
        self.marked = list(compress(range(len(every)), every))  # the words of any class
        self.kinds = bytes(map(every.__getitem__, self.marked))

    def having(self, mask: int) -> list[int]:
        """Positions of the tokens whose class shares a bit with `mask` (one translate)."""
        return list(compress(self.marked, self.kinds.translate(_selector(mask))))


def classes_of(tokens: list[Token]) -> bytes:
    """Every token's class, one byte each (the masks fit in six bits)."""
    return bytes(map(_CLASS, tokens))


@lru_cache(maxsize=64)
def _selector(mask: int) -> bytes:
    return bytes(1 if value & mask else 0 for value in range(256))


def having(classes: bytes, mask: int) -> list[int]:
    """Positions of the tokens whose class shares a bit with `mask`, found in C (one
    translate): each pass of the rules visits these few words, not every word of the text."""
    return list(compress(range(len(classes)), classes.translate(_selector(mask))))
