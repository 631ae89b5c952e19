"""The ticker pane: timestamped headlines, time in its own column, headline shaped and cut
at its logical end to fit."""

from __future__ import annotations

from rich.style import Style
from textual.strip import Strip

from reader.bidi import fit_line
from reader.ui.widgets.cursor_list import CursorList
from reader.ui.widgets.render import line_strip, text_strip
from reader.views.ticker_rows import TickerRow

TIME_WIDTH = 5


class Ticker(CursorList[TickerRow]):
    COMPONENT_CLASSES = {
        "ticker--time",
        "ticker--day",
        "ticker--unread",
        "ticker--only",
        "ticker--cursor",
        "ticker--starred",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.mode = "app"
        self.right_to_left = True

    def key_of(self, row: TickerRow) -> object:
        return row.key

    def selectable(self, row: TickerRow) -> bool:
        return not row.is_day

    def render_row(self, row: TickerRow, width: int, selected: bool) -> Strip:
        base = self.rich_style
        if row.is_day:
            line = fit_line(row.text, width, self.mode)
            style = base + self.get_component_rich_style("ticker--day")
            return line_strip(line, width, style, lambda _: Style(), align_right=False)
        if row.article_id is None:
            base += self.get_component_rich_style("ticker--only")
        elif row.unread:
            base += self.get_component_rich_style("ticker--unread")
        if selected:
            base += self.get_component_rich_style("ticker--cursor")
        mark = "*" if row.starred else "•" if row.unread else "-" if not row.article_id else " "
        time = (row.time or "").ljust(TIME_WIDTH)
        text_width = max(1, width - TIME_WIDTH - 3)
        headline = fit_line(row.text, text_width, self.mode)
        body = line_strip(
            headline, text_width, base, lambda _: Style(), align_right=self.right_to_left
        )
        time_style = base + self.get_component_rich_style("ticker--time")
        stamp = text_strip(
            f" {mark} {time}" if self.right_to_left else f"{time} {mark} ",
            TIME_WIDTH + 3,
            time_style,
        )
        parts = [body, stamp] if self.right_to_left else [stamp, body]
        return Strip.join(parts).crop_extend(0, width, base)
