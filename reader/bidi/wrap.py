"""Line breaking in logical order, at U+0020, measuring cells after shaping.

Greedy, word by word: a line takes words while they fit; the space at a break is consumed
(so a paragraph's lines joined with single spaces give it back); a line never ends at a space
that is its own first character (a break needs at least one character before it); a word that
does not fit on an empty line is broken at the last character that fits, never between a
letter and its zero-width marks or lam-alef filler. This is the same wrapping as
../shared/tools/fribidi_oracle.py's `_wrap`, which the tests compare against; unlike it, a
line always takes at least one character, so a 2-cell character in a 1-cell width cannot loop.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from itertools import accumulate

from reader.bidi.tables import char_cells, not_single_cell

ZWJ, VS16 = "\u200d", "\ufe0f"


def cell_width(text: str) -> int:
    """Cells `text` takes in a terminal, as Rich (and so Textual) counts them."""
    if not not_single_cell().search(text):
        return len(text)  # the common case, found by one regex search in C
    return _cell_len()(text)


@cache
def _cell_len() -> Callable[[str], int]:
    from rich.cells import cell_len

    return cell_len


def drawn_width(text: str) -> int:
    """Cells of shaped text once drawn: app mode drops ZWJ, which Rich would count as
    joining the next character into no cells at all."""
    return cell_width(text.replace(ZWJ, "") if ZWJ in text else text)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of each line of `text` (shaped: lam-alef already one cell)."""
    width = max(1, width)
    words = text.split(" ")
    if len(words) == 1 and drawn_width(text) <= width:
        return [(0, len(text))]
    widths = [drawn_width(w) for w in words]
    starts = [0, *accumulate(len(w) + 1 for w in words[:-1])]
    ends = [s + len(w) for s, w in zip(starts, words, strict=True)]
    lines: list[tuple[int, int]] = []
    n, count = len(text), len(words)
    k, start = 0, 0  # the line's first word, and where the line starts (maybe inside word k)
    while True:
        used = widths[k] if start == starts[k] else drawn_width(text[start : ends[k]])
        if used <= width:
            j = k + 1
            while j < count and used + 1 + widths[j] <= width:
                used += 1 + widths[j]
                j += 1
            if j == count:
                lines.append((start, n))
                return lines
            if ends[j - 1] > start:  # break at the space before word j
                lines.append((start, ends[j - 1]))
                if starts[j] == n:  # the paragraph ends with this space: no empty last line
                    return lines
                k, start = j, starts[j]
                continue
            # only an empty piece (a second space in a row) fits: break inside word j
            k, i = j, fill(text, starts[j], ends[j], used + 1, width)
        else:
            i = fill(text, start, ends[k], 0, width)
        if i == start:  # not even one character fits: take one anyway, with its marks
            i = fill(text, start + 1, ends[k], width, width)
        lines.append((start, i))
        if i == ends[k]:  # that was the end of the word: the space after it is the break
            if k + 1 == count:
                return lines
            k, i = k + 1, starts[k + 1]
        start = i


def fill(text: str, i: int, end: int, used: int, width: int) -> int:
    """Index of the first character from `i` that does not fit in `width` (zero-width
    characters always fit, so marks and fillers stay with their letter). Counted as
    `drawn_width` counts: VS16 makes the last character that took cells 2 cells wide when
    Rich says so."""
    last = ""
    while i < end:
        ch = text[i]
        if ch == VS16:
            used += cell_width(last + VS16) - cell_width(last) if last else 0
            last = ""
        elif cells := char_cells(ch):
            used += cells
            last = ch
        if used > width:
            return i
        i += 1
    return i
