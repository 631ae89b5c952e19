"""Isolated forms sent as their letters: 2 bytes a cell over the link instead of 3.

A shaped line is drawn with presentation forms (U+FB50-U+FEFF), 3 bytes each in UTF-8. An
isolated form is the letter's nominal glyph: a terminal that does no shaping (xterm, tmux,
kitty, ...) draws the letter itself (U+0627, 2 bytes) with the same glyph, so the letter can
be sent instead (docs/ssh.md: a fifth of an article's letters are isolated).

Terminals that shape by themselves in explicit mode (VTE, with `CSI 8 l`: it runs FriBidi's
Arabic joining over each visual run of Arabic characters, right to left) see presentation
forms as non-joining, but two plain letters side by side as a pair that may join. So a form
becomes its letter only where no neighbour could join it: the letter on its right (the one
before it in reading order) must not join forwards to it, the one on its left must not join
backwards to it. Joining is read from Unicode's own forms (a letter that has an initial or
medial form joins forwards; a final or medial form, backwards), marks are looked through,
and a neighbour beyond the text given is taken to join both ways. Pure: no Textual.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

EDGE = "\x00"  # beyond the text: may be anything, so it joins both ways
CAUSING = frozenset({EDGE, "\u0640", "\u200d"})  # tatweel and ZWJ join both ways too
FORMS = range(0xFB50, 0xFF00)  # Arabic Presentation Forms-A and -B


@cache
def _tables() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """(isolated form -> letter, letters that join forwards, letters that join backwards)."""
    isolated: dict[str, str] = {}
    forwards, backwards = set(), set()
    for code in FORMS:
        kind, *letters = unicodedata.decomposition(chr(code)).split() or [""]
        if len(letters) != 1:
            continue  # a ligature (lam-alef, ALLAH...): several letters, never sent apart
        letter = chr(int(letters[0], 16))
        if kind == "<isolated>":
            isolated[chr(code)] = letter
        if kind in ("<initial>", "<medial>"):
            forwards.add(letter)
        if kind in ("<final>", "<medial>"):
            backwards.add(letter)
    return isolated, frozenset(forwards | CAUSING), frozenset(backwards | CAUSING)


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(_tables()[0])) + "]")


def _neighbour(chars: list[str], i: int, step: int) -> str:
    """The next character from i in direction step that takes a cell (marks are skipped)."""
    i += step
    while 0 <= i < len(chars) and unicodedata.category(chars[i]) in ("Mn", "Me", "Cf"):
        i += step
    return chars[i] if 0 <= i < len(chars) else EDGE


def nominal(text: str, left: str = "", right: str = "") -> str:
    """`text` (a visual line or a piece of one) with each isolated form that cannot be
    joined by a shaping terminal replaced by its letter. `left` and `right` are the cells
    the terminal shows just beside the text ("": not known, which joins both ways); either
    may have been sent as its letter, so an isolated form there counts as the letter."""
    if not _pattern().search(text):
        return text  # no isolated form
    isolated, forwards, backwards = _tables()
    before = [isolated.get(char, char) for char in left]
    chars = [*before, *text, *right]
    for found in _pattern().finditer(text):  # the isolated forms, left to right
        i = len(before) + found.start()
        letter = isolated[chars[i]]
        left_of = _neighbour(chars, i, -1)  # already decided: a letter here was sent plain
        right_of = _neighbour(chars, i, 1)
        right_of = isolated.get(right_of, right_of)  # not decided yet: it may become its letter
        if (right_of in forwards and letter in backwards) or (
            letter in forwards and left_of in backwards
        ):
            continue
        chars[i] = letter
    return "".join(chars[len(before) : len(before) + len(text)])
