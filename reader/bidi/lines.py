"""What the layout returns: visual lines with their styles, and the spans that go in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.bidi.modes import Mode

Style = tuple[int, int, str]  # (start, end, style) over indices of a visual string


@dataclass(frozen=True)
class Span:
    """A style over logical character offsets [start, end) of a paragraph."""

    start: int
    end: int
    style: str


@dataclass(frozen=True)
class VisualLine:
    visual: str  # the cells to draw, left to right, no padding (terminal mode: logical text)
    logical: str  # this line's logical text: paragraph[start:end]
    start: int  # logical offsets of this line in the paragraph
    end: int
    rtl: bool  # paragraph direction
    cells: int  # width of `visual` in cells
    styles: tuple[Style, ...] = ()  # (start, end, style) over `visual` indices, no overlaps
    mode: Mode = "app"  # "app": laid out here; "terminal": the terminal lays it out

    def padded(self, width: int) -> str:
        """The line as printed in a `width`-cell row: right-to-left lines laid out here are
        right-aligned (left-padded); nothing ever ends with a space."""
        if self.rtl and self.mode == "app":
            return (" " * max(0, width - self.cells) + self.visual).rstrip(" ")
        return self.visual.rstrip(" ")


def styles_for(indices: Sequence[int], offset: int, spans: Sequence[Span]) -> tuple[Style, ...]:
    """Styles over visual positions; `indices[v]` is the logical index (minus `offset`) drawn
    at visual position v (negative: drawn but not from the text). Where spans overlap, the
    later one wins."""
    drawn = [i for i in indices if i >= 0]
    if not spans or not drawn:
        return ()
    lo, hi = offset + min(drawn), offset + max(drawn) + 1
    style_of: dict[int, str] = {}
    for span in spans:
        for i in range(max(span.start, lo), min(span.end, hi)):
            style_of[i - offset] = span.style
    if not style_of:
        return ()
    out: list[Style] = []
    for v, i in enumerate(indices):
        style = style_of.get(i)
        if style is None:
            continue
        if out and out[-1][1] == v and out[-1][2] == style:
            out[-1] = (out[-1][0], v + 1, style)
        else:
            out.append((v, v + 1, style))
    return tuple(out)
