"""A real terminal for end-to-end tests: tmux with a fixed size, send-keys, capture-pane."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
import uuid
from collections.abc import Callable
from pathlib import Path


def newsreader_command() -> str:
    """The installed console script (what a user runs), next to this Python."""
    script = Path(sys.executable).with_name("newsreader")
    if not script.exists():
        raise AssertionError(f"{script} is not installed: run pip install -e '.[test]'")
    return str(script)


def as_drawn(text: str) -> str:
    """Each isolated form as its letter: the terminal draws the letter with that glyph, and
    the app sends the letter where no neighbour could join it (reader/bidi/nominal.py,
    tests/test_bidi_nominal.py). A letter on screen where the layout drew another form still
    differs."""
    return "".join(_LETTER.get(char, char) for char in text)


_LETTER = {
    chr(code): chr(int(parts[1], 16))
    for code in range(0xFB50, 0xFF00)
    if (parts := unicodedata.decomposition(chr(code)).split())
    and parts[0] == "<isolated>"
    and len(parts) == 2
}


class Tmux:
    def __init__(self, width: int = 100, height: int = 30, env: dict[str, str] | None = None):
        if shutil.which("tmux") is None:
            raise AssertionError("tmux is not installed (apt-get install tmux)")
        self.name = f"nr-{uuid.uuid4().hex[:8]}"
        self.socket = f"nr-{self.name}"
        extra = [f"-e{key}={value}" for key, value in (env or {}).items()]
        self._tmux(
            "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), *extra, "sh"
        )
        self._tmux("set-option", "-t", self.name, "status", "off")

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=30,
            env={**os.environ, "TMUX": ""},
        )
        if done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)}: {done.stderr}")
        return done.stdout

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)

    def screen(self) -> list[str]:
        return self._tmux("capture-pane", "-p", "-t", self.name).split("\n")

    def wait_for(self, text: str, timeout: float = 30) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = self.screen()
            if any(text in line for line in lines):
                return lines
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; screen:\n" + "\n".join(self.screen()))

    def wait_until(self, ready: Callable[[list[str]], bool], timeout: float = 30) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = self.screen()
            if ready(lines):
                return lines
            time.sleep(0.2)
        raise AssertionError("the screen never got ready:\n" + "\n".join(self.screen()))

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


SEQUENCE = re.compile(r"\x1b\[([0-9;:]*)m|(.)", re.S)
SHOWS_ON_A_BLANK = {"4", "7", "9", "53"}  # underline, reverse, strike, overline


def cells(capture: str) -> list[list[tuple[str, tuple[str, ...]]]]:
    """capture-pane -e's rows as cells: the character and its SGR state. A blank shows only
    its background (erasing a cell, ECH, sets no more), unless a line or reverse video is on."""
    rows, row, attrs, fg, bg = [], list[tuple[str, tuple[str, ...]]](), set[str](), "", ""
    for match in SEQUENCE.finditer(capture):
        if match.group(2) is None:
            codes = iter((match.group(1) or "0").split(";"))
            for code in codes:
                if code in ("38", "48"):
                    colour = f"{next(codes)};{next(codes)}"
                    fg, bg = (colour, bg) if code == "38" else (fg, colour)
                elif code in ("39", "49"):
                    fg, bg = ("", bg) if code == "39" else (fg, "")
                elif code == "0":
                    attrs, fg, bg = set(), "", ""
                else:
                    attrs.add(code)
        elif match.group(2) == "\n":
            rows.append(row)
            row = []
        elif match.group(2) == " " and not attrs & SHOWS_ON_A_BLANK:
            row.append((" ", ("bg", bg)))
        else:
            row.append((as_drawn(match.group(2)), (*sorted(attrs), "fg", fg, "bg", bg)))
    return rows
