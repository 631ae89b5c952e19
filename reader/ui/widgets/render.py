"""Turning the bidi layer's visual lines into Textual strips: cells as laid out, styles on
the cells the layer says, padding for right-aligned lines. No reordering happens here."""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.bidi import VisualLine

StyleFor = Callable[[str], Style]


def line_strip(
    line: VisualLine,
    width: int,
    base: Style,
    style_for: StyleFor,
    align_right: bool | None = None,
    edges: tuple[str, str] = ("", ""),
    frame: Style | None = None,
) -> Strip:
    """A strip exactly `width` cells wide (and the `edges` either side). Right-to-left
    lines laid out by the app are right-aligned unless told otherwise; in terminal mode the
    terminal places the text. The padding and edges are drawn in `frame` (default `base`):
    a pane's own style, the same on every line, so a title's margins are not rewritten when
    a body line was there before."""
    right = (line.rtl if align_right is None else align_right) and line.mode == "app"
    pad, frame = max(0, width - line.cells), base if frame is None else frame
    segments: list[Segment] = []
    if right and pad:
        segments.append(Segment(" " * pad, frame))
    at = 0
    for start, end, name in sorted(line.styles):
        if start > at:
            segments.append(Segment(line.visual[at:start], base))
        segments.append(Segment(line.visual[max(start, at) : end], base + style_for(name)))
        at = max(at, end)
    if at < len(line.visual):
        segments.append(Segment(line.visual[at:], base))
    if not right and pad:
        segments.append(Segment(" " * pad, frame))
    before, after = Segment(edges[0], frame), Segment(edges[1], frame)
    if line.cells > width:
        text = Strip(segments).crop_extend(0, width, frame)
        if edges != ("", ""):
            text = Strip.join([Strip([before]), text, Strip([after])])
        return text.simplify()
    return joined([before, *segments, after], len(edges[0]) + pad + line.cells + len(edges[1]))


def joined(segments: list[Segment], cells: int) -> Strip:
    """One strip of `cells` cells, adjacent runs of one style merged (one escape sequence a
    run, as Strip.simplify does), built once: every Strip made on the way (crop_extend,
    join, simplify) cost two caches, and a pane's lines were half of an open's UI time."""
    merged: list[Segment] = []
    for segment in segments:
        if not segment.text:
            continue
        if merged and merged[-1].style == segment.style:
            merged[-1] = Segment(merged[-1].text + segment.text, segment.style)
        else:
            merged.append(segment)
    return Strip(merged, cells)


def blank_strip(width: int, base: Style, edges: tuple[str, str] = ("", "")) -> Strip:
    """A blank line `width` cells wide, the `edges` either side, all in `base`."""
    left, right = edges
    return Strip([Segment(left + " " * width + right, base)], len(left) + width + len(right))


def text_strip(text: str, width: int, style: Style) -> Strip:
    """Plain ASCII text (times, markers, labels we write ourselves), padded to width."""
    return Strip([Segment(text, style)]).crop_extend(0, width, style)
