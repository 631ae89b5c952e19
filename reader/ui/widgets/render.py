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
) -> Strip:
    """A strip exactly `width` cells wide (and the `edges` either side, in `base`). Right-to-
    left lines laid out by the app are right-aligned unless told otherwise; in terminal mode
    the terminal places the text."""
    right = (line.rtl if align_right is None else align_right) and line.mode == "app"
    pad = max(0, width - line.cells)
    segments: list[Segment] = []
    if right and pad:
        segments.append(Segment(" " * pad, base))
    at = 0
    for start, end, name in sorted(line.styles):
        if start > at:
            segments.append(Segment(line.visual[at:start], base))
        segments.append(Segment(line.visual[max(start, at) : end], base + style_for(name)))
        at = max(at, end)
    if at < len(line.visual):
        segments.append(Segment(line.visual[at:], base))
    if not right and pad:
        segments.append(Segment(" " * pad, base))
    before, after = Segment(edges[0], base), Segment(edges[1], base)
    if line.cells > width:
        text = Strip(segments).crop_extend(0, width, base)
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
