"""What the terminal shows, cell by cell, as far as the app wrote it: curses' "current
screen". A partial update then writes only the cells that differ from it. Textual repaints a
widget's whole line when anything in the widget changes (the unread count in the status
line, the sidebar's rows when another article opens, the unchanged rules and margins of
the article pane); the terminal already shows most of those cells (docs/ssh.md).

The shadow is only as good as what it is told: a full update (a new screen, a resize, a
resume) sets every row; a scroll of the terminal's own region moves rows (`scrolled`); a
row it does not know is written whole."""

from __future__ import annotations

from itertools import repeat

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

Cell = tuple[str, Style | None]  # what a cell shows; "" is the right half of a wide character
UNKNOWN: Cell = ("\x00", None)  # a cell whose content is not known: never equal to one sent
Change = tuple[int, Strip, str, str]  # column, cells, the cells beside them ("": none)
GAP = 4  # bytes: unchanged cells costing no more than this are rewritten, not moved over


def cells_of(strip: Strip) -> list[Cell]:
    cells: list[Cell] = []
    for text, style, control in strip:
        if control or not text:
            continue
        if cell_len(text) == len(text) and text.isprintable():  # one cell a character
            cells.extend(zip(text, repeat(style), strict=False))
            continue
        for char in text:
            size = get_character_cell_size(char)
            if size == 0 and cells:
                cells[-1] = (cells[-1][0] + char, cells[-1][1])  # a mark joins its letter
            elif size == 2:
                cells += [(char, style), ("", style)]
            elif size == 1:
                cells.append((char, style))
    return cells


def strip_of(cells: list[Cell]) -> Strip:
    """Cells back as a strip: one segment per run of one style."""
    segments: list[Segment] = []
    texts: list[str] = []
    style: Style | None = None
    for text, cell_style in cells:
        if texts and cell_style != style:
            segments.append(Segment("".join(texts), style))
            texts = []
        texts.append(text)
        style = cell_style
    if texts:
        segments.append(Segment("".join(texts), style))
    return Strip(segments)


class Shadow:
    def __init__(self) -> None:
        self.rows: list[list[Cell] | None] = []
        self.width = 0

    def reset(self, width: int, height: int) -> None:
        """Nothing known (a full update follows, or the terminal was cleared)."""
        self.width, self.rows = width, [None] * height

    def scrolled(self, top: int, bottom: int, lines: int) -> None:
        """Rows top..bottom (inclusive) moved up by `lines` (down if negative), full width."""
        if not 0 <= top <= bottom < len(self.rows):
            self.reset(self.width, len(self.rows))
            return
        rows = self.rows[top : bottom + 1]
        blank: list[list[Cell] | None] = [None] * min(abs(lines), len(rows))
        moved = rows[lines:] + blank if lines > 0 else blank + rows[: len(rows) + lines]
        self.rows[top : bottom + 1] = moved

    def changes(self, x: int, y: int, strip: Strip) -> list[Change]:
        """The pieces of `strip` (to be shown from column x of row y) that the terminal does
        not show yet, with their columns and the cells of the strip just beside them; the
        shadow takes the whole strip."""
        new = cells_of(strip)
        if not 0 <= y < len(self.rows) or x + len(new) > self.width:
            return [(x, strip, "", "")]
        row = self.rows[y]
        if row is None:
            row = self.rows[y] = [UNKNOWN] * self.width
        old = row[x : x + len(new)]
        row[x : x + len(new)] = new
        if old == new:
            return []
        runs: list[tuple[int, int]] = []
        start = gap = -1
        for i, (was, now) in enumerate(zip(old, new, strict=True)):
            if was != now:
                if start < 0:
                    start = i
                elif gap >= 0 and _bytes(new[gap:i]) > GAP:
                    runs.append((start, gap))
                    start = i
                gap = -1
            elif start >= 0 and gap < 0:
                gap = i
        if start >= 0:
            runs.append((start, gap if gap >= 0 else len(new)))
        out = []
        for a, b in runs:
            while a > 0 and new[a][0] == "":
                a -= 1  # never start on the right half of a wide character
            while b < len(new) and new[b][0] == "":
                b += 1
            left, right = new[a - 1][0] if a else "", new[b][0] if b < len(new) else ""
            out.append((x + a, strip_of(new[a:b]), left, right))
        return out


def _bytes(cells: list[Cell]) -> int:
    return sum(len(text.encode()) for text, _ in cells)
