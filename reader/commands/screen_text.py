"""Arabic for a terminal from plain commands: laid out by the bidi layer when printing to a
terminal, left in logical order when piped (so grep and scripts see the real text)."""

from __future__ import annotations

import os
import shutil
from functools import cache

from reader.bidi.modes import Mode, resolve_mode
from reader.commands.common import styled
from reader.library.locations import load_config
from reader.text.sanitize import clean_line


@cache
def _mode() -> Mode:
    return resolve_mode(None, os.environ, load_config().get("bidi"))


def screen_line(text: str, width: int, *, align: bool = False) -> str:
    """`text` as one screen line of at most `width` cells (cut with … at its logical end);
    with `align`, a right-to-left line is padded on the left to end at the width."""
    text = clean_line(text)  # hostile text never reaches the terminal raw, piped or not
    if not styled():
        return text
    from reader.bidi.fit import fit_line  # the layout's modules load only for a terminal

    line = fit_line(text, width, _mode())
    return line.padded(width) if align else line.visual


def terminal_width() -> int:
    """The terminal's width in cells ($COLUMNS, else the terminal, else 80)."""
    return max(20, shutil.get_terminal_size((80, 24)).columns)
