"""What a partial screen update writes: only the cells that were asked for.

Textual 8.2's `ChopsUpdate.render_segments` crops a widget's line on the right of the dirty
span but not on the left, so a refresh of the last 8 cells of a row rewrites the whole row
(a shaped Arabic headline: 3 bytes a letter), and it writes a move to an empty chop just
past the span plus a newline between lines that the next move makes useless. This one
writes each line's span alone: a move, the span's cells, nothing else; a long run of blanks
goes as ECH + CUF (erase n cells in the current background, move past them: what curses
sends where the terminal has `ech` and `bce`), not one byte a cell (docs/ssh.md)."""

from __future__ import annotations

import re

from rich.console import Console
from rich.control import Control
from rich.segment import Segment
from rich.style import Style
from textual._compositor import ChopsUpdate
from textual.strip import Strip

BLANKS = re.compile(" {10,}")  # from 10 cells, ECH + CUF (8-10 bytes) is the shorter


def _erasable(style: Style | None) -> bool:
    """An erased cell has the background and nothing else: no reversed colours, no lines."""
    return style is not None and not (
        style.reverse or style.underline or style.underline2 or style.overline
        or style.strike or style.blink or style.blink2 or style.conceal or style.link
    )  # fmt: skip


def _erase(run: re.Match[str]) -> str:
    return f"\x1b[{len(run.group())}X\x1b[{len(run.group())}C"


def compact(strip: Strip) -> Strip:
    """The strip with long runs of blanks as erase + move (only for writing: its cell
    lengths no longer hold)."""
    if all("          " not in text for text, _, _ in strip):
        return strip
    return Strip(
        [
            Segment(BLANKS.sub(_erase, text), style) if _erasable(style) else Segment(text, style)
            for text, style, _ in strip
        ]
    )


class CroppedChops(ChopsUpdate):
    @classmethod
    def of(cls, update: ChopsUpdate) -> CroppedChops:
        return cls(update.chops, update.spans, update.chop_ends)

    def render_segments(self, console: Console) -> str:
        sequences: list[str] = []
        append = sequences.append
        move_to = Control.move_to
        for y, x1, x2 in self.spans:
            for end, (x, strip) in zip(self.chop_ends[y], self.chops[y].items(), strict=True):
                if strip is None or x >= x2 or end <= x1:
                    continue
                start = max(x, x1)
                if start > x or end > x2:
                    strip = strip.crop(start - x, min(end, x2) - x)
                append(move_to(start, y).segment.text)
                append(compact(strip).render(console))
        return "".join(sequences)
