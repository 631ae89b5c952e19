"""A keyboard-driven list that draws its own lines: the ticker, the entity sidebar and the
feed list are each one of these, so they scroll and move the same way. The rows and cursor
are kept by RowCursor; this is the keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.binding import Binding

from reader.ui.widgets.row_cursor import RowCursor

Row = TypeVar("Row")


class CursorList(RowCursor[Row], can_focus=True):
    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("g,home", "jump(0)", "Top", show=False),
        Binding("G,end", "jump(-1)", "Bottom", show=False),
        Binding("ctrl+d,pagedown", "page(1)", "Half page down", show=False),
        Binding("ctrl+u,pageup", "page(-1)", "Half page up", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]

    def choose(self, row: Row) -> None:
        """Enter on a selectable row: post the subclass's message carrying it."""

    def find(self, wanted: Callable[[Row], bool], step: int) -> Row | None:
        """Move to the next (step 1) or previous (-1) selectable row that is `wanted`,
        wrapping around; the row, or None if there is none."""
        count = len(self.items)
        for offset in range(1, count + 1):
            index = (self.cursor + step * offset) % count
            row = self.items[index]
            if self.selectable(row) and wanted(row):
                self.cursor = index
                return row
        return None

    def action_move(self, step: int) -> None:
        self.cursor = self._selectable(self.cursor + step, 1 if step > 0 else -1)

    def action_jump(self, where: int) -> None:
        last = len(self.items) - 1
        self.cursor = self._selectable(where if where >= 0 else last, 1 if where >= 0 else -1)

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.size.height // 2))

    def action_choose(self) -> None:
        if self.current is not None and self.selectable(self.current):
            self.choose(self.current)

    def on_resize(self) -> None:
        self.set_lines(self.size.width, len(self.items))

    def focus_changed(self) -> None:
        # the cursor row shows whether the list has the focus
        self.refresh_row(self.cursor, cursor_only=True)
