"""Writing strips to the terminal as curses does: knowing what the terminal's state is.

Textual writes every run of one style as `SGR + text + reset`, and every chop of a line
(a widget's piece of it) after a cursor move of its own. Over SSH that is half of what an
article costs (docs/ssh.md). This writer remembers, within one update, where the cursor is
and which attributes are set, and sends only the change: no move to where the cursor
already is (the next chop of a line, the next line: CR LF), and an SGR that turns off and on
only the attributes and colours that differ (or a reset and the new set, if shorter).
Long blank runs go as ECH + CUF, a blank run to the right edge as EL (erase in the current
background: terminfo's `ech`, `el` and `bce`, which xterm, tmux, VTE and mlterm have). Each
update ends with the attributes reset, so whatever Textual writes next starts from the
default state, as its own writer leaves it."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console
from rich.style import Style
from textual.strip import Strip

from reader.bidi.nominal import nominal
from reader.ui.cursor_moves import cost, move
from reader.ui.sgr import DEFAULT, SGR, change, erasable, sgr_of

BLANKS = re.compile(" {10,}")  # from 10 cells, ECH + CUF (8-10 bytes) is the shorter
EDGE_BLANKS = re.compile(" {4,}$")  # to the screen's edge, EL (3 bytes) from 4 cells
TRAILING_CUF = re.compile("\x1b\\[([0-9]*)C$")
Piece = tuple[int, int | None, str, Style | None, SGR, int]  # row, column (None: where the
# cursor is), text as sent, style, its SGR, cells


class ScreenWriter:
    """One update's output. `move` then `strip`, as often as needed; `finish` for the text.
    An update's cells do not overlap, so their order is free: `finish` writes them in screen
    order and grouped by style (in screen order within a style) and sends the shorter.
    Grouped, an article's names are moved over in its text (CUF, 4 bytes) and written after
    it, one SGR per colour, instead of two SGR changes each (27 bytes; docs/ssh.md)."""

    def __init__(self, console: Console, width: int, newline: str = "\r\n") -> None:
        self.system = console._color_system or ColorSystem.TRUECOLOR
        self.width, self.newline, self.pieces = width, newline, list[Piece]()
        self.row: int | None = None  # where the next strip goes: row and column, if known
        self.col: int | None = None
        self.wraps = False

    def move(self, x: int, y: int) -> None:
        self.row, self.col = y, x

    def strip(self, strip: Strip, left: str = "", right: str = "") -> None:
        """Write a strip where the cursor is; `left` and `right` are the cells the terminal
        shows beside it, if known (a letter drawn alone there goes as its letter)."""
        col, add, y = self.col, self.pieces.append, -1 if self.row is None else self.row
        system = self.system
        pieces = [(text, style) for text, style, control in strip if text and not control]
        sent = nominal("".join(text for text, _ in pieces), left, right)
        at = 0
        for text, style in pieces:
            text, at = sent[at : at + len(text)], at + len(text)
            cells = cell_len(text)
            add((y, col, text, style, DEFAULT if style is None else sgr_of(style, system), cells))
            col = None if col is None else col + cells
            self.wraps |= col is not None and col > self.width  # on the next row: order matters
            col = col if col is None or col < self.width else None  # past the edge: wrapping
        self.col = col

    def finish(self) -> str:
        pieces = self.pieces
        text = _Output(self).write(pieces)
        rank: dict[SGR, int] = {}
        for piece in pieces:
            rank.setdefault(piece[4], len(rank))
        changes = sum(a[4] != b[4] for a, b in zip(pieces, pieces[1:], strict=False))
        # grouping saves only where a style comes back after another one
        if changes >= len(rank) and not self.wraps and all(p[1] is not None for p in pieces):
            grouped = _Output(self).write(sorted(pieces, key=lambda p: (rank[p[4]], p[0], p[1])))
            if cost(grouped.encode(), self.newline) < cost(text.encode(), self.newline):
                text = grouped
        self.pieces = []
        return text


class _Output:
    """Pieces written in the order given, knowing where the cursor is and which attributes
    are set: no move to where the cursor already is (the next piece of a line), the
    shortest move elsewhere (reader/ui/cursor_moves.py), SGR changes only."""

    def __init__(self, writer: ScreenWriter) -> None:
        self.writer, self.out, self.sgr, self.newline = writer, list[str](), DEFAULT, writer.newline
        self.row: int | None = None
        self.col: int | None = None

    def write(self, pieces: list[Piece]) -> str:
        append, width = self.out.append, self.writer.width
        for y, x, text, style, wanted, cells in pieces:
            if x is not None:
                self.move(x, y)
            append(change(self.sgr, wanted))
            self.sgr = wanted
            col = self.col
            end = None if col is None else col + cells
            if "    " in text and erasable(style):
                if end == width:
                    text = EDGE_BLANKS.sub("\x1b[K", text)
                text = BLANKS.sub(_erase, text)
            if style is not None and style.link:  # an OSC 8 hyperlink, as Rich writes it
                append(f"\x1b]8;id={style._link_id};{style.link}\x1b\\{text}\x1b]8;;\x1b\\")
            else:
                append(text)
            self.col = end if end is None or end < width else None  # past the edge: wrapping
            if end is not None and end > width:
                self.row = None  # the text went on on the next row
        if self.sgr != DEFAULT:
            append("\x1b[0m")
        return "".join(self.out)

    def move(self, x: int, y: int) -> None:
        row, col, out = self.row, self.col, self.out
        self.row, self.col = y, x
        there = move(row, col, y, x, self.newline)
        if out and col is not None and (dead := TRAILING_CUF.search(out[-1])):
            # after erasing a run: from where the erase began, if the move past it was
            # not needed (the next move does not start from the run's end)
            back = col - int(dead.group(1) or 1)
            instead = move(row, back, y, x, self.newline)
            if cost(instead, self.newline) < cost(there, self.newline) + len(dead.group()):
                out[-1], there = out[-1][: dead.start()], instead
        if there:
            out.append(there)


def _erase(run: re.Match[str]) -> str:
    return f"\x1b[{len(run.group())}X\x1b[{len(run.group())}C"
