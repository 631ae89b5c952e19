"""A keyboard-driven list that draws its own lines (the Line API): the ticker and the
entity sidebar are both one of these, so they scroll and move the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Row = TypeVar("Row")


class CursorList(ScrollView, Generic[Row], can_focus=True):
    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("g,home", "jump(0)", "Top", show=False),
        Binding("G,end", "jump(-1)", "Bottom", show=False),
        Binding("ctrl+d,pagedown", "page(1)", "Half page down", show=False),
        Binding("ctrl+u,pageup", "page(-1)", "Half page up", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    @dataclass
    class Chosen(Message):
        """Enter was pressed on a row."""

        sender: CursorList  # type: ignore[type-arg]
        index: int

        @property
        def control(self) -> CursorList:  # type: ignore[type-arg]
            return self.sender

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row], keep: object = None) -> None:
        """Replace the rows; the cursor stays on the row whose key is `keep` if present."""
        self.rows = rows
        index = next((i for i, r in enumerate(rows) if self.key_of(r) == keep), None)
        self.cursor = self._selectable(index if index is not None else self.cursor, 1)
        self.virtual_size = self.virtual_size.__class__(self.size.width, len(rows))
        self.refresh()

    def key_of(self, row: Row) -> object:
        return row

    def selectable(self, row: Row) -> bool:
        return True

    def render_row(self, row: Row, width: int, selected: bool) -> Strip:
        raise NotImplementedError

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if not 0 <= index < len(self.rows):
            return Strip.blank(width, self.rich_style)
        return self.render_row(self.rows[index], width, index == self.cursor)

    def watch_cursor(self, old: int, new: int) -> None:
        height = max(1, self.size.height)
        if new < self.scroll_y:
            self.scroll_to(y=new, animate=False)
        elif new >= self.scroll_y + height:
            self.scroll_to(y=new - height + 1, animate=False)
        self.refresh()

    def _selectable(self, index: int, step: int) -> int:
        if not self.rows:
            return 0
        index = max(0, min(index, len(self.rows) - 1))
        probe = index
        while 0 <= probe < len(self.rows) and not self.selectable(self.rows[probe]):
            probe += step
        if not 0 <= probe < len(self.rows):
            probe = index
            while 0 <= probe < len(self.rows) and not self.selectable(self.rows[probe]):
                probe -= step
        return max(0, min(probe, len(self.rows) - 1))

    def action_move(self, step: int) -> None:
        self.cursor = self._selectable(self.cursor + step, 1 if step > 0 else -1)

    def action_jump(self, where: int) -> None:
        self.cursor = self._selectable(
            where if where >= 0 else len(self.rows) - 1, 1 if where >= 0 else -1
        )

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.size.height // 2))

    def action_choose(self) -> None:
        if self.current is not None and self.selectable(self.current):
            self.post_message(self.Chosen(self, self.cursor))

    def on_resize(self) -> None:
        self.virtual_size = self.virtual_size.__class__(self.size.width, len(self.rows))
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
