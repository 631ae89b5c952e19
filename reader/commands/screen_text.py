"""Arabic for a terminal from plain commands: laid out by the bidi layer when printing to a
terminal, left in logical order when piped (so grep and scripts see the real text)."""

from __future__ import annotations

import os
from functools import cache

from reader.bidi import fit_line, resolve_mode
from reader.commands.common import styled
from reader.library.locations import load_config


@cache
def _mode() -> str:
    return resolve_mode(None, os.environ, load_config().get("bidi"))


def screen_line(text: str, width: int) -> str:
    """`text` as one screen line of at most `width` cells (cut with … at its logical end)."""
    if not styled():
        return text
    return fit_line(text, width, _mode()).visual
