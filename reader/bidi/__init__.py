"""Arabic (and any right-to-left text) for terminals that do no bidi and no shaping.

Pure code: the standard library, arabic_reshaper, python-bidi and Rich's cell widths
(`rich.cells`, the widths Textual draws with; never Textual). Give it a paragraph of logical
text, a width in cells and a mode; get back the lines to draw, each with its cells, its
styles and where it came from. See docs/bidi-layer.md.

The names below load with their module on first use: `import` and `fetch` need only
`reader.bidi.modes`, and importing the layout (shaping, arabic_reshaper, the tables) for them
was most of their start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

_MODULES = {
    "fit": ("ELLIPSIS", "clear_caches", "fit_line"),
    "layout": ("layout_paragraph", "paragraph_direction"),
    "lines": ("Span", "VisualLine"),
    "modes": (
        "BIDI_EXPLICIT",
        "BIDI_IMPLICIT",
        "ENV_VAR",
        "ModeError",
        "detect_mode",
        "explicit_bidi",
        "resolve_mode",
    ),
    "tty_query": ("query_bidi_mode",),
    "wrap": ("cell_width",),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> object:
    """One of the names above, from its module (imported now if it was not yet)."""
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


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
