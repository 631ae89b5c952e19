"""The ticker pane: timestamped headlines, time in its own column, headline shaped and cut
at its logical end to fit. Its rows, mode and side come down from the screen."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from reader.bidi import fit_line
from reader.bidi.modes import Mode
from reader.ui.widgets.cursor_list import CursorList
from reader.ui.widgets.render import joined, line_strip, text_strip
from reader.views.marks import item_mark
from reader.views.ticker_rows import TickerRow

TIME_WIDTH = 5
STAMP_WIDTH = TIME_WIDTH + 3  # " • 23:59": the mark, the time and a space each side


class Ticker(CursorList[TickerRow]):
    COMPONENT_CLASSES = {
        "ticker--time",
        "ticker--day",
        "ticker--unread",
        "ticker--only",
        "ticker--cursor",
        "ticker--cursor-blurred",
        "ticker--starred",
        "ticker--breaking",
    }

    rows: reactive[tuple[TickerRow, ...]] = reactive((), repaint=False, always_update=True)
    mode: reactive[Mode] = reactive[Mode]("app")
    right_to_left: reactive[bool] = reactive(True)

    @dataclass
    class Opened(Message):
        """Enter on a headline: open it (the row says whether it has an article)."""

        row: TickerRow

    def __init__(self, *, start_at: str | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.start_at = start_at  # the row the reader was on last time, until rows arrive

    def watch_rows(self, rows: tuple[TickerRow, ...]) -> None:
        keep, self.start_at = self.start_at, None
        self.show_items(rows, keep)

    def key_of(self, row: TickerRow) -> object:
        return row.key

    def selectable(self, row: TickerRow) -> bool:
        return not row.is_day

    def choose(self, row: TickerRow) -> None:
        self.post_message(self.Opened(row))

    def cursor_cells(self, width: int) -> tuple[int, int]:
        """The cursor shows on the time column only, so a cursor move rewrites 8 cells a
        row, not the headline (3 bytes a shaped letter): docs/ssh.md."""
        return (width - STAMP_WIDTH if self.right_to_left else 0), STAMP_WIDTH

    def render_row(self, row: TickerRow, width: int, selected: bool) -> Strip:
        base = self.line_style()
        if row.is_day:
            line = fit_line(row.text, width, self.mode)
            style = base + self.component_style("ticker--day")
            return line_strip(line, width, style, lambda _: Style(), align_right=False)
        if row.article_id is None:
            base += self.component_style("ticker--only")
        elif row.unread:
            base += self.component_style("ticker--unread")
        if row.breaking:
            base += self.component_style("ticker--breaking")
        mark = item_mark(
            starred=row.starred,
            unread=row.unread,
            has_article=bool(row.article_id),
            breaking=row.breaking,
        )
        time = (row.time or "").ljust(TIME_WIDTH)
        text_width = max(1, width - STAMP_WIDTH)
        headline = fit_line(row.text, text_width, self.mode)
        body = line_strip(
            headline, text_width, base, lambda _: Style(), align_right=self.right_to_left
        )
        time_style = base + self.component_style("ticker--time")
        if selected:
            cursor = "ticker--cursor" if self.has_focus else "ticker--cursor-blurred"
            time_style = base + self.component_style(cursor)
        stamp = text_strip(
            f" {mark} {time}" if self.right_to_left else f"{time} {mark} ",
            STAMP_WIDTH,
            time_style,
        )
        parts = [body, stamp] if self.right_to_left else [stamp, body]
        cells = body.cell_length + stamp.cell_length
        if cells == width:  # one strip, one escape sequence per run of one style
            return joined([*parts[0], *parts[1]], cells)
        return Strip.join(parts).crop_extend(0, width, base).simplify()
