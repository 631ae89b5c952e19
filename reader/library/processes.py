"""The one place every worker and parse child comes from: multiprocessing's forkserver, with
starts that a Ctrl-C cannot cut in half.

Starting a process from the forkserver is a handover: the forkserver forks the child, then
this process writes it its process object through a pipe. A KeyboardInterrupt raised in
between left the child reading a pipe that closed early; it printed "EOFError: Ran out of
input" with a traceback into the command's stderr. So a Ctrl-C that arrives while a process
is being started waits until the start is done, then raises as usual.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.context import ForkServerContext, ForkServerProcess


@contextmanager
def ctrl_c_held() -> Iterator[None]:
    """A SIGINT received meanwhile is raised again (through whatever handler was set) once
    the block is done. Only the main thread handles signals: elsewhere, nothing to hold."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if held:
            signal.raise_signal(signal.SIGINT)


class _Process(ForkServerProcess):
    def start(self) -> None:
        with ctrl_c_held():
            super().start()


class _Context(ForkServerContext):
    Process = _Process


CONTEXT = _Context()  # the forkserver context, whose processes start whole
