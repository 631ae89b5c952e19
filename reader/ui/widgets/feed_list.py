"""The feed list: a row per feed with its unread / total counts; Enter chooses it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from reader.bidi import fit_line
from reader.bidi.modes import Mode
from reader.ui.widgets.cursor_list import CursorList
from reader.ui.widgets.render import line_strip, text_strip
from reader.views.feed_rows import FeedRow

COUNT_WIDTH = 12


class FeedList(CursorList[FeedRow]):
    COMPONENT_CLASSES = {"feeds--cursor", "feeds--unread"}

    rows: reactive[tuple[FeedRow, ...]] = reactive((), repaint=False)
    mode: reactive[Mode] = reactive[Mode]("app")

    @dataclass
    class Chosen(Message):
        row: FeedRow

    def watch_rows(self, rows: tuple[FeedRow, ...]) -> None:
        self.show_items(rows)

    def key_of(self, row: FeedRow) -> object:
        return row.source

    def choose(self, row: FeedRow) -> None:
        self.post_message(self.Chosen(row))

    def render_row(self, row: FeedRow, width: int, selected: bool) -> Strip:
        base = self.line_style()
        if row.unread:
            base += self.component_style("feeds--unread")
        if selected:
            base += self.component_style("feeds--cursor")
        counts = text_strip(f"{row.unread:>5}/{row.total:<5} ", COUNT_WIDTH, base)
        room = max(1, width - COUNT_WIDTH)
        name = line_strip(fit_line(row.label, room, self.mode), room, base, lambda _: Style())
        return Strip.join([counts, name]).crop_extend(0, width, base)
