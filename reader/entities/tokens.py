"""Words of a text with their offsets: the unit every rule works on.

A token is a run of letters (with harakat, tatweel and joiners inside it). Two tokens are
`joined` when only spaces separate them: a name never spans punctuation or a newline.
The tokens of a text are parallel lists, one entry per word (`Tokens`), not one object per
word: building them is a few maps in C, and `tokens.norm[k]` is a list index where a
field of a tuple subclass was a descriptor call.
"""

from __future__ import annotations

import re
from itertools import accumulate
from operator import add, sub

from reader.entities.classes import word_class
from reader.entities.memo import Memo
from reader.entities.normalise import is_dropped, normal_form
from reader.text.folding import DROPPED

# Runs of letters or marks. `(?:A+|B+)+` matches what `(?:a|b)+` does with one loop step per
# run, not per character; the first class (the Arabic letters U+0621-U+064A and the marks)
# is tested by range, which is faster than the Unicode category test of `[^\W\d_]`.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u0640\u200c\u200d"
_WORD = re.compile(f"((?:[\u0621-\u064a{_MARKS}]+|[^\\W\\d_]+|[{_MARKS}]+)+)")
# The same words for the usual text, whose letters are all Arabic (that range) or ASCII: one
# character class. `_RUN` matches a run of such words with single spaces between them, so
# the regex engine stops once per run (between punctuation), not once per word; a plain
# `str.split` then cuts the runs into words. `_OTHER` finds a letter outside the class
# (Persian ی, é), which the runs would leave in a gap: such a text takes `_WORD`.
_LETTER = f"[\u0621-\u064a{_MARKS}A-Za-z]"
_PLAIN_WORD = re.compile(f"({_LETTER}+)")
_RUN = re.compile(f"({_LETTER}++(?: {_LETTER}++)*+)")
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
    parts = _RUN.split(text)  # gap, run, gap, run, ..., gap: one pass in C
    gaps, runs = parts[0::2], parts[1::2]
    if _OTHER.search("".join(gaps)):  # a letter outside the plain class
        return _from_parts(_WORD.split(text))
    if not runs:
        return Tokens([], [], [], [], [])
    words = " ".join(runs).split(" ")
    norms = list(map(_NORMS.__getitem__, words))
    if "" in norms:  # a word of only marks: rare, joins the gaps around it
        return _tokenise_slowly(_PLAIN_WORD.split(text))
    before = [1] * len(words)  # the characters before each word: one space inside a run
    joined = [True] * len(words)
    k = 0
    for gap, run in zip(gaps, runs, strict=False):  # once per run (the last gap has none)
        before[k] = len(gap)
        joined[k] = _GAPS[gap]
        k += run.count(" ") + 1
    joined[0] = False  # the first word is never joined
    sizes = list(map(len, words))
    ends = list(accumulate(map(add, before, sizes)))
    return Tokens(list(map(sub, ends, sizes)), ends, words, norms, joined)


def _from_parts(parts: list[str]) -> Tokens:
    """The tokens of a text split by `_WORD` into gap, word, gap, word, ..., gap."""
    words = parts[1::2]
    if not words:
        return Tokens([], [], [], [], [])
    norms = list(map(_NORMS.__getitem__, words))
    if "" in norms:
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
