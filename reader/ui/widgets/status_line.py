"""The status line: bidi mode and counts on the left; the filter, search or a note on the
right. It repaints only when its text or the mode changes."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip

from reader.bidi import fit_line
from reader.bidi.modes import Mode
from reader.ui.widgets.prompt_repaint import PromptRepaint
from reader.ui.widgets.render import line_strip, text_strip


@dataclass(frozen=True)
class Status:
    left: str = ""  # ASCII: mode and counts
    right: str = ""  # may be Arabic: filter, search, progress
    link: str = ""  # a checked address: the right part is an OSC 8 hyperlink to it


class StatusLine(PromptRepaint):
    status: reactive[Status] = reactive(Status)
    mode: reactive[Mode] = reactive[Mode]("app")

    @property
    def right(self) -> str:
        return self.status.right

    def render_line(self, y: int) -> Strip:
        width, base = self.size.width, self.rich_style
        text = self.status
        left = text_strip(text.left[:width], min(width, len(text.left)), base)
        room = width - left.cell_length - 1
        if room <= 0 or not text.right:
            return left.crop_extend(0, width, base)
        style = base + Style(link=text.link) if text.link else base
        right = line_strip(
            fit_line(text.right, room, self.mode), room, style, lambda _: Style(), align_right=True
        )
        return Strip.join([left, text_strip(" ", 1, base), right]).crop_extend(0, width, base)
