"""A real xterm for end-to-end tests and benchmarks: Xvfb, xterm at a fixed size running a
command under `script -f` (which logs every byte the command writes), keys through xdotool
(XTEST, as a user's), and the window's pixels through xwd.

xterm (Debian's, patch 379) is a VT420 by default: it answers DECRQM and has left and right
margins, which tmux does not (docs/ssh.md)."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import struct
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TOOLS = {"Xvfb": "xvfb", "xterm": "xterm", "xdotool": "xdotool", "xwd": "x11-apps"}
# A bitmap font (xfonts-base) with Arabic's presentation forms: each glyph stays inside its
# cell, so a screen's pixels depend only on what its cells hold. With DejaVu Sans Mono (Xft)
# a glyph's ink reaches into the next cell or row, and what is left of it there depends on
# the order cells were drawn in: a scrolled screen and a repainted one differ by a few
# pixels at the rules and the underlines.
FONT = ["-fn", "-misc-fixed-medium-r-normal--20-200-75-75-c-100-iso10646-1"]


def missing_tools() -> list[str]:
    font = Path("/usr/share/fonts/X11/misc/10x20.pcf.gz")
    return ["the 10x20 font (apt-get install xfonts-base)"] * (not font.exists()) + [
        f"{tool} (apt-get install {package})"
        for tool, package in TOOLS.items()
        if shutil.which(tool) is None
    ]


class Xvfb:
    """An X server of its own, on a display it picks (-displayfd)."""

    def __init__(self) -> None:
        if missing := missing_tools():
            raise AssertionError(f"not installed: {', '.join(missing)}")
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as answer:
            number = answer.readline().strip()
        if not number:
            raise AssertionError("Xvfb did not start")
        self.display = f":{number}"

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


class Xterm:
    """`command` (a shell command line) in an xterm of width x height cells under `script`;
    `log` holds every byte the command wrote to its terminal."""

    def __init__(
        self, x: Xvfb, command: str, env: dict[str, str], width: int = 100, height: int = 30
    ) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="xterm-"))
        self.log, window = self.folder / "typescript", self.folder / "window"
        self.env = {**os.environ, **env, "DISPLAY": x.display}
        run = f"exec script -q -f -c {shlex.quote(command)} {self.log}"
        inner = f"echo $$ $WINDOWID > {window}; {run}"  # $$: script's pid, after the exec
        self.proc = subprocess.Popen(
            [
                "xterm",
                "-tn",
                "xterm-256color",
                *FONT,
                "-geometry",
                f"{width}x{height}",
                "-e",
                "sh",
                "-c",
                inner,
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.wait_until(lambda: window.exists() and len(window.read_text().split()) == 2, 60)
        script, self.window = window.read_text().split()
        self.script = int(script)
        self.xdotool("windowfocus", "--sync", self.window)

    def xdotool(self, *args: str) -> None:
        subprocess.run(
            ["xdotool", *args], env=self.env, check=True, timeout=60, capture_output=True
        )

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--delay", "0", *keys)

    def output(self) -> bytes:
        return self.log.read_bytes() if self.log.exists() else b""

    def wait_for(self, text: bytes | str, count: int = 1, timeout: float = 60) -> bytes:
        wanted = text.encode() if isinstance(text, str) else text
        self.wait_until(lambda: self.output().count(wanted) >= count, timeout)
        return self.output()

    def settle(self, quiet: float = 1.0, timeout: float = 60) -> int:
        """Until the log has not grown for `quiet` seconds; its size."""
        deadline, size, since = time.monotonic() + timeout, -1, time.monotonic()
        while time.monotonic() < deadline:
            now = len(self.output())
            if now != size:
                size, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return size
            time.sleep(0.05)
        raise AssertionError(f"still writing after {timeout} s")

    def dump(self) -> bytes:
        """The window as an xwd file."""
        return subprocess.run(
            ["xwd", "-silent", "-id", self.window],
            env=self.env,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout

    def pixels(self) -> bytes:
        """The window's pixels (xwd's image, without its header and colour map)."""
        dump = self.dump()
        (header_size,) = struct.unpack(">I", dump[:4])
        (colours,) = struct.unpack(">I", dump[76:80])  # ncolors, the 20th field
        return dump[header_size + 12 * colours :]

    def wait_until(self, done: Callable[[], bool], timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                raise AssertionError(f"not reached in {timeout} s")
            time.sleep(0.1)

    def close(self) -> None:
        """End the command and xterm. Killing xterm alone leaves `script` and the command
        running (script runs on in its own session); a SIGTERM to script ends the command
        too, and xterm exits when its child does."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.script, signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)


def processes_with(text: str) -> list[int]:
    """The processes whose environment or command line holds `text` (what a test left)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            data = (entry / "environ").read_bytes() + (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if text.encode() in data and state != "Z":
            found.append(int(entry.name))
    return found
