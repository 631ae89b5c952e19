"""Arabic (and any right-to-left text) for terminals that do no bidi and no shaping.

Pure code: the standard library, arabic_reshaper, python-bidi and Rich's cell widths
(`rich.cells`, the widths Textual draws with; never Textual). Give it a paragraph of logical
text, a width in cells and a mode; get back the lines to draw, each with its cells, its
styles and where it came from. See docs/bidi-layer.md.
"""

from reader.bidi.fit import ELLIPSIS, clear_caches, fit_line
from reader.bidi.layout import layout_paragraph, paragraph_direction
from reader.bidi.lines import Span, VisualLine
from reader.bidi.modes import (
    BIDI_EXPLICIT,
    BIDI_IMPLICIT,
    ENV_VAR,
    ModeError,
    detect_mode,
    explicit_bidi,
    resolve_mode,
)
from reader.bidi.tty_query import query_bidi_mode
from reader.bidi.wrap import cell_width

__all__ = [
    "BIDI_EXPLICIT",
    "BIDI_IMPLICIT",
    "ELLIPSIS",
    "ENV_VAR",
    "ModeError",
    "Span",
    "VisualLine",
    "cell_width",
    "clear_caches",
    "detect_mode",
    "explicit_bidi",
    "fit_line",
    "layout_paragraph",
    "paragraph_direction",
    "query_bidi_mode",
    "resolve_mode",
]
