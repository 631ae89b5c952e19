"""One screen line for a headline, a label or a status text: cut at its logical end with "…"
when it does not fit (for Arabic that end is on the left)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from reader.bidi.layout import check_mode, clear_layout_caches, layout_paragraph, prepare
from reader.bidi.lines import VisualLine
from reader.bidi.modes import Mode
from reader.bidi.wrap import cell_width, drawn_width, fill

ELLIPSIS = "…"
_SPACES = str.maketrans("\t\n\r\u2028\u2029", "     ")


def fit_line(text: str, width: int, mode: Mode = "app") -> VisualLine:
    """`text` on one line of at most `width` cells. The cut never separates a letter from its
    marks or a lam from its alef, and what is kept is shaped again, so its last letter takes
    the form it has at the end of a word."""
    return _fit(text.translate(_SPACES), max(1, int(width)), check_mode(mode))


@lru_cache(maxsize=4096)
def _fit(text: str, width: int, mode: Mode) -> VisualLine:
    para = prepare(text, mode, None)
    direction = "rtl" if para.level else "ltr"
    cells = drawn_width(para.shaped)
    if cells <= width:
        return layout_paragraph(text, max(1, cells), mode, direction=direction)[0]
    cut = fill(para.shaped, 0, len(text), 0, width - cell_width(ELLIPSIS))
    kept = text[:cut].rstrip(" ")
    line = layout_paragraph(kept + ELLIPSIS, width, mode, direction=direction)[0]
    return replace(line, logical=kept, start=0, end=len(kept))


def clear_caches() -> None:
    """Forget every cached layout, fitted line, paragraph and shaped word (benchmarks)."""
    clear_layout_caches()
    _fit.cache_clear()
