"""What the terminal shows, cell by cell, as far as the app wrote it: curses' "current
screen". A partial update then writes only the cells that differ from it. Textual repaints a
widget's whole line when anything in the widget changes (the unread count in the status
line, the sidebar's rows when another article opens, the unchanged rules and margins of
the article pane); the terminal already shows most of those cells (docs/ssh.md).

The shadow is only as good as what it is told: a full update (a new screen, a resize, a
resume) sets every row; a scroll of the terminal's own region moves rows (`scrolled`); a
row it does not know is written whole. A cell holds its style as a number (the style's
place in the shadow's own list), so comparing two rows never calls `Style.__eq__`."""

from __future__ import annotations

from itertools import repeat
from operator import eq

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

Cell = tuple[str, int]  # what a cell shows, its style's number ("": a wide char's right half)
UNKNOWN: Cell = ("\x00", -1)  # a cell whose content is not known: never equal to one sent
Change = tuple[int, Strip, str, str]  # column, cells, the cells beside them ("": none)
GAP = 4  # bytes: unchanged cells costing no more than this are rewritten, not moved over
STYLES = 4096  # styles numbered before the shadow starts again (a link line's style is new)


class Shadow:
    def __init__(self) -> None:
        self.rows: list[list[Cell] | None] = []
        self.width = 0
        self.styles: list[Style | None] = []  # a style's number is its place here
        self._numbers: dict[Style | None, int] = {}

    def reset(self, width: int, height: int) -> None:
        """Nothing known (a full update follows, or the terminal was cleared)."""
        self.width, self.rows = width, [None] * height

    def scrolled(
        self, top: int, bottom: int, lines: int, columns: tuple[int, int] | None = None
    ) -> None:
        """Rows top..bottom (inclusive) moved up by `lines` (down if negative): the full
        width, or only the columns left..right (inclusive) of `columns` (the margins)."""
        left, right = columns or (0, self.width - 1)
        if not (0 <= top <= bottom < len(self.rows) and 0 <= left <= right < self.width):
            self.reset(self.width, len(self.rows))
            return
        rows = self.rows[top : bottom + 1]
        blank: list[list[Cell] | None] = [None] * min(abs(lines), len(rows))
        moved = rows[lines:] + blank if lines > 0 else blank + rows[: len(rows) + lines]
        if (left, right) != (0, self.width - 1):  # the cells beside the margins stay
            moved = [
                self._spliced(kept, row, left, right + 1)
                for kept, row in zip(rows, moved, strict=True)
            ]
        self.rows[top : bottom + 1] = moved

    def _spliced(
        self, kept: list[Cell] | None, moved: list[Cell] | None, a: int, b: int
    ) -> list[Cell]:
        row = [UNKNOWN] * self.width if kept is None else kept[:]
        row[a:b] = [UNKNOWN] * (b - a) if moved is None else moved[a:b]
        return row

    def changes(self, x: int, y: int, strip: Strip) -> list[Change]:
        """The pieces of `strip` (to be shown from column x of row y) that the terminal does
        not show yet, with their columns and the cells of the strip just beside them; the
        shadow takes the whole strip."""
        if len(self.styles) > STYLES:  # forget: every row is written whole once more
            self.styles, self._numbers = [], {}
            self.reset(self.width, len(self.rows))
        new = self.cells_of(strip)
        if not 0 <= y < len(self.rows) or x + len(new) > self.width:
            return [(x, strip, "", "")]
        row = self.rows[y]
        if row is None:
            row = self.rows[y] = [UNKNOWN] * self.width
        old = row[x : x + len(new)]
        row[x : x + len(new)] = new
        same = list(map(eq, old, new))
        if all(same):
            return []
        out = []
        for a, b in _runs(same, new):
            while a > 0 and new[a][0] == "":
                a -= 1  # never start on the right half of a wide character
            while b < len(new) and new[b][0] == "":
                b += 1
            left, right = new[a - 1][0] if a else "", new[b][0] if b < len(new) else ""
            piece = strip if (a, b) == (0, len(new)) else self.strip_of(new[a:b])
            out.append((x + a, piece, left, right))
        return out

    def cells_of(self, strip: Strip) -> list[Cell]:
        cells: list[Cell] = []
        numbers = self._numbers
        for text, style, control in strip:
            if control or not text:
                continue
            number = numbers.get(style)
            if number is None:
                number = numbers[style] = len(self.styles)
                self.styles.append(style)
            if cell_len(text) == len(text) and text.isprintable():  # one cell a character
                cells.extend(zip(text, repeat(number)))
                continue
            for char in text:
                size = get_character_cell_size(char)
                if size == 0 and cells:
                    cells[-1] = (cells[-1][0] + char, cells[-1][1])  # a mark joins its letter
                elif size == 2:
                    cells += [(char, number), ("", number)]
                elif size == 1:
                    cells.append((char, number))
        return cells

    def strip_of(self, cells: list[Cell]) -> Strip:
        """Cells back as a strip: one segment per run of one style."""
        segments: list[Segment] = []
        texts: list[str] = []
        number = -1
        for text, cell_number in cells:
            if texts and cell_number != number:
                segments.append(Segment("".join(texts), self.styles[number]))
                texts = []
            texts.append(text)
            number = cell_number
        if texts:
            segments.append(Segment("".join(texts), self.styles[number]))
        return Strip(segments)


def _runs(same: list[bool], new: list[Cell]) -> list[tuple[int, int]]:
    """Stretches [a, b) with changed cells, split where the unchanged cells between two
    changes cost more than GAP bytes to rewrite."""
    runs, end = [], len(same)
    start = at = same.index(False)
    while True:
        try:
            kept = same.index(True, at)
        except ValueError:
            runs.append((start, end))
            return runs
        try:
            at = same.index(False, kept)
        except ValueError:
            runs.append((start, kept))
            return runs
        if sum(len(text.encode()) for text, _ in new[kept:at]) > GAP:
            runs.append((start, kept))
            start = at
