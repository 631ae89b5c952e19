"""What an update writes: only the cells that were asked for, by a writer that knows the
terminal's state (reader/ui/screen_writer.py).

Textual 8.2's `ChopsUpdate.render_segments` crops a widget's line on the right of the dirty
span but not on the left, so a refresh of the last 8 cells of a row rewrites the whole row
(a shaped Arabic headline: 3 bytes a letter), and it writes a move to an empty chop just
past the span plus a newline between lines that the next move makes useless. This one
writes each line's span alone. Both it and the full update (`LayoutUpdate`) go through
`ScreenWriter`: no move where the cursor already is, SGR changes instead of reset + full
style per run, erase for blank runs (docs/ssh.md)."""

from __future__ import annotations

from rich.console import Console
from textual._compositor import ChopsUpdate, LayoutUpdate

from reader.ui.screen_writer import ScreenWriter
from reader.ui.shadow import Shadow


class CroppedChops(ChopsUpdate):
    @classmethod
    def of(cls, update: ChopsUpdate, shadow: Shadow, newline: str) -> CroppedChops:
        chops = cls(update.chops, update.spans, update.chop_ends)
        chops.shadow, chops.newline = shadow, newline
        return chops

    shadow = Shadow()  # what the terminal shows: only the cells that differ are written
    newline = "\r\n"
    _text: str | None = None

    def render_segments(self, console: Console) -> str:
        """The update's output, made once (the shadow learns the cells as they are made)."""
        if self._text is None:
            self._text = self._render(console)
        return self._text

    def _render(self, console: Console) -> str:
        shadow = self.shadow
        writer = ScreenWriter(console, shadow.width, self.newline)
        for y, x1, x2 in self.spans:
            for end, (x, strip) in zip(self.chop_ends[y], self.chops[y].items(), strict=True):
                if strip is None or x >= x2 or end <= x1:
                    continue
                start = max(x, x1)
                if start > x or end > x2:
                    strip = strip.crop(start - x, min(end, x2) - x)
                for x_changed, changed, left, right in shadow.changes(start, y, strip):
                    writer.move(x_changed, y)
                    writer.strip(changed, left, right)
        return writer.finish()


class FullUpdate(LayoutUpdate):
    """A whole-screen (or region) update, written by the same writer."""

    @classmethod
    def of(cls, update: LayoutUpdate, shadow: Shadow, newline: str) -> FullUpdate:
        full = cls(update.strips, update.region)
        full.shadow, full.newline = shadow, newline
        return full

    shadow = Shadow()
    newline = "\r\n"

    def render_segments(self, console: Console) -> str:
        """Every cell, whatever the shadow says (a full update may follow a cleared or
        resized terminal); the shadow learns them all."""
        region, shadow = self.region, self.shadow
        writer = ScreenWriter(console, shadow.width, self.newline)
        for y, line in enumerate(self.strips, region.y):
            writer.move(region.x, y)
            x = region.x
            for strip in line:
                shadow.changes(x, y, strip)
                writer.strip(strip)
                x += strip.cell_length
        return writer.finish()
