"""Ask the terminal, before any UI starts, how it does bidi: DECRQM for ANSI mode 8 (BDSM).

We send `CSI 8 $ p` and then DA1 (`CSI c`), which every terminal answers: a DA1 reply with no
mode report before it means "not supported", so we do not wait for the timeout. The reply
`CSI 8 ; Ps $ y` has Ps 0 (unknown mode), 1 (implicit, switchable), 2 (explicit), 3 (implicit
for good) or 4 (explicit for good). Not a terminal, no /dev/tty, Windows, tmux: None.
"""

from __future__ import annotations

import os
import re
import select
import time

_REPORT = re.compile(rb"\x1b\[8;(\d)\$y")
_DA1 = re.compile(rb"\x1b\[\?[\d;]*c")
QUERY = b"\x1b[8$p\x1b[c"


def query_bidi_mode(timeout: float = 0.2, tty: str = "/dev/tty") -> int | None:
    """The terminal's DECRQM answer for mode 8, or None if there is no answer."""
    try:
        fd = os.open(tty, os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return None
    try:
        return ask(fd, timeout) if os.isatty(fd) else None
    finally:
        os.close(fd)


def ask(fd: int, timeout: float = 0.2) -> int | None:
    """Send the query on terminal `fd` (no echo, no line buffering meanwhile) and read the
    reply; the terminal's settings are restored whatever happens."""
    try:
        import termios
    except ImportError:  # not POSIX
        return None
    try:
        saved = termios.tcgetattr(fd)
    except termios.error:
        return None
    try:
        raw = termios.tcgetattr(fd)
        raw[3] &= ~(termios.ECHO | termios.ICANON)
        raw[6][termios.VMIN], raw[6][termios.VTIME] = 0, 0
        termios.tcsetattr(fd, termios.TCSANOW, raw)
        os.write(fd, QUERY)
        return _read_reply(fd, timeout)
    except OSError:
        return None
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, saved)


def _read_reply(fd: int, timeout: float) -> int | None:
    reply, deadline = b"", time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, 256)
        if not chunk:
            return None
        reply += chunk
        found = _REPORT.search(reply)
        if found:
            return int(found[1])
        if _DA1.search(reply):
            return None
    return None
