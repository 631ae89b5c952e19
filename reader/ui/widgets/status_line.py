"""The status line: bidi mode, the filter or search in force, counts, transient notes."""

from __future__ import annotations

from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from reader.bidi import fit_line
from reader.ui.widgets.render import line_strip, text_strip


class StatusLine(Widget):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.left = ""  # ASCII: mode and counts
        self.right = ""  # may be Arabic: filter, search, progress
        self.mode = "app"

    def set(self, left: str, right: str) -> None:
        self.left, self.right = left, right
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width, base = self.size.width, self.rich_style
        left = text_strip(self.left[:width], min(width, len(self.left)), base)
        room = width - left.cell_length - 1
        if room <= 0 or not self.right:
            return left.crop_extend(0, width, base)
        right = line_strip(
            fit_line(self.right, room, self.mode), room, base, lambda _: Style(), align_right=True
        )
        return Strip.join([left, text_strip(" ", 1, base), right]).crop_extend(0, width, base)
