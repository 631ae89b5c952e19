"""A paragraph as screen lines: direction and levels once per paragraph, shaping, logical
wrapping, then per line L1/L2/L4 (app mode), or logical lines for a bidi terminal.

Results are cached by (paragraph, width, mode, spans, direction, keep_harakat); the shaped
paragraph and its levels by (paragraph, mode, direction), so a resize only re-wraps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from reader.bidi.levels import base_level, resolve_levels
from reader.bidi.lines import Span, VisualLine, styles_for
from reader.bidi.modes import MODES, Mode
from reader.bidi.reorder import apply_l1, visual_indices, visual_runs, visual_text
from reader.bidi.shaping import clear_memo, drawn_at, shape
from reader.bidi.tables import REPLACEMENT, UNSAFE
from reader.bidi.terminal_lines import terminal_line
from reader.bidi.wrap import cell_width, wrap

_DIRECTIONS: dict[str | None, int | None] = {None: None, "auto": None, "ltr": 0, "rtl": 1}


@dataclass(frozen=True)
class Paragraph:
    text: str  # logical, with controls replaced by U+FFFD
    shaped: str  # same length as text (app mode; terminal mode: the text itself)
    level: int  # 0 LTR, 1 RTL
    levels: str  # chr(level) per character (app mode only)
    flat: bool = False  # every character at the paragraph level: lines need no L1 or L2


def safe_text(text: str) -> str:
    """Controls, separators and lone surrogates become U+FFFD: never sent to a terminal."""
    return UNSAFE.sub(REPLACEMENT, text) if UNSAFE.search(text) else text


def paragraph_direction(text: str) -> Literal["rtl", "ltr"]:
    """UAX #9 P2/P3: the direction of the first strong character; "ltr" if there is none."""
    return "rtl" if base_level(safe_text(text)) else "ltr"


def check_mode(mode: str) -> Mode:
    if mode == "auto":  # not resolved by the caller: the safe default
        return "app"
    for known in MODES:
        if mode == known:
            return known
    raise ValueError(f"unknown bidi mode {mode!r}: expected 'app' or 'terminal'")


def check_direction(direction: str | None) -> int | None:
    if direction not in _DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}: expected 'rtl', 'ltr' or None")
    return _DIRECTIONS[direction]


@lru_cache(maxsize=512)
def prepare(text: str, mode: Mode, base: int | None) -> Paragraph:
    safe = safe_text(text)
    if mode == "terminal":
        return Paragraph(safe, safe, base_level(safe) if base is None else base, "")
    level, levels = resolve_levels(safe, base)
    flat = levels.count(chr(level)) == len(levels)
    return Paragraph(safe, shape(safe), level, levels, flat)


def layout_paragraph(
    text: str,
    width: int,
    mode: Mode = "app",
    spans: Sequence[Span] = (),
    direction: str | None = None,
    keep_harakat: bool = False,
) -> tuple[VisualLine, ...]:
    """The screen lines of one paragraph (one empty line for an empty paragraph)."""
    return _layout(
        text, max(1, int(width)), check_mode(mode), tuple(spans), check_direction(direction),
        keep_harakat,
    )  # fmt: skip


@lru_cache(maxsize=4096)
def _layout(
    text: str, width: int, mode: Mode, spans: tuple[Span, ...], base: int | None, keep: bool
) -> tuple[VisualLine, ...]:
    para = prepare(text, mode, base)
    rtl = para.level == 1
    if not text:
        return (VisualLine("", "", 0, 0, rtl, 0, (), mode),)
    out = []
    for start, end in wrap(para.shaped, width):
        if mode == "terminal":
            out.append(terminal_line(text, para.text, start, end, rtl, keep, spans))
            continue
        if para.flat:
            runs = [(0, end - start, para.level)]
        else:
            runs = visual_runs(apply_l1(para.text[start:end], para.levels[start:end], para.level))
        visual = visual_text(para.shaped[start:end], runs, keep)
        styles: tuple[tuple[int, int, str], ...] = ()
        if any(s.start < end and s.end > start for s in spans):
            indices = visual_indices(para.shaped[start:end], runs, keep)
            styles = styles_for(indices, start, _on_cells(spans, para))
        out.append(
            VisualLine(visual, text[start:end], start, end, rtl, cell_width(visual), styles, mode)
        )
    return tuple(out)


def _on_cells(spans: tuple[Span, ...], para: Paragraph) -> list[Span]:
    """Spans moved onto the cells that draw them: one starting on a lam-alef's alef starts
    on the ligature (the lam's index)."""
    out = []
    for span in spans:
        start = max(0, span.start)
        if start < len(para.text):
            start = drawn_at(para.text, para.shaped, start)
        out.append(Span(start, span.end, span.style) if start != span.start else span)
    return out


def clear_layout_caches() -> None:
    _layout.cache_clear()
    prepare.cache_clear()
    clear_memo()
