"""The installed `newsreader` on a pty of its own (no terminal between: the test reads every
byte the app writes and writes the terminal's answers and keys)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import termios
import time
from pathlib import Path

from tests.tmux_session import newsreader_command


def start_on_pty(tmp_path: Path, **extra: str) -> tuple[int, subprocess.Popen[bytes]]:
    """`newsreader --bidi app` at 100x30 on a new pty, its own database; the pty's main end."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {
        **os.environ,
        "NEWSREADER_DB": str(tmp_path / "db"),
        "TERM": "xterm-256color",
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        **extra,
    }
    proc = subprocess.Popen(
        [newsreader_command(), "--bidi", "app"],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        start_new_session=True,
    )
    os.close(child)
    return main, proc


def read_until(fd: int, wanted: bytes, timeout: float = 30) -> bytes:
    data = b""
    deadline = time.monotonic() + timeout
    while wanted not in data and time.monotonic() < deadline:
        if select.select([fd], [], [], 0.2)[0]:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the other side closed
                break
            if not chunk:
                break
            data += chunk
    return data


def read_quiet(fd: int, quiet: float = 1.0, timeout: float = 30) -> bytes:
    """What the app writes until it has been quiet for `quiet` seconds."""
    data, deadline = b"", time.monotonic() + timeout
    while time.monotonic() < deadline and select.select([fd], [], [], quiet)[0]:
        data += os.read(fd, 65536)
    return data
