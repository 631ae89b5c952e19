"""Progress for long commands (`import`, `fetch`): a bar redrawn in place on a terminal
(nothing when piped), the entity index's step on it, and a Ctrl-C that every batch boundary
raises again."""

from __future__ import annotations

import shutil
import signal
import sys
import time
from typing import Any

from reader.library.indexing import IndexProgress


class Bar:
    """One line redrawn in place on a terminal; nothing when output is piped."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.drawn = False

    def draw(self, done: int, total: int, text: str) -> None:
        if not self.enabled:
            return
        width = shutil.get_terminal_size().columns
        filled = 20 * done // max(total, 1)
        line = f"[{'#' * filled}{'.' * (20 - filled)}] {text}"
        sys.stdout.write("\r" + line[: width - 1].ljust(width - 1))
        sys.stdout.flush()
        self.drawn = True

    def rate(self, count: int) -> str:
        return f"{count / max(time.monotonic() - self.started, 1e-6):,.0f}/s"

    def end(self) -> None:
        if self.drawn:
            sys.stdout.write("\n")
            sys.stdout.flush()
        self.drawn = False


class CtrlC:
    """Ctrl-C raises KeyboardInterrupt as usual, and is remembered: one that lands in a
    finaliser run by the garbage collector is swallowed there (Python would print it as
    "Exception ignored", with a traceback: not shown), so every batch boundary raises it
    again."""

    def __init__(self) -> None:
        self.pressed = False
        # Ours even if the parent left SIGINT ignored or blocked (both are inherited).
        signal.signal(signal.SIGINT, self._handle)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        default = sys.unraisablehook

        def hook(unraisable: Any) -> None:
            if not (self.pressed and unraisable.exc_type is KeyboardInterrupt):
                default(unraisable)

        sys.unraisablehook = hook

    def _handle(self, signum: int, frame: object) -> None:
        self.pressed = True
        raise KeyboardInterrupt

    def check(self) -> None:
        if self.pressed:
            raise KeyboardInterrupt


def index_step(bar: Bar, step: IndexProgress, ctrl_c: CtrlC | None = None) -> None:
    if ctrl_c is not None:
        ctrl_c.check()
    text = f"entity index: {step.done:,}/{step.total:,} article(s), {bar.rate(step.done)}"
    bar.draw(step.done, step.total, text)
