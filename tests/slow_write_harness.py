"""Run `newsreader` with every file write slowed down and announced, so a test can kill the
process while a database file is half written (fault injection; no hook in the product).

Usage: python slow_write_harness.py MARKER newsreader-arguments...
While any file opened for writing is being written, the file MARKER exists.
"""

from __future__ import annotations

import builtins
import os
import sys
import time
from pathlib import Path
from typing import Any

MARKER = Path(sys.argv[1])
_open, _fdopen = builtins.open, os.fdopen


class SlowWriter:
    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, data: Any) -> int:
        MARKER.touch()
        for start in range(0, len(data), 2048):
            self._handle.write(data[start : start + 2048])
            self._handle.flush()
            time.sleep(0.0005)
        return len(data)

    def __enter__(self) -> SlowWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._handle.close()
        MARKER.unlink(missing_ok=True)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def slow(opener: Any) -> Any:
    def wrapped(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = opener(file, mode, *args, **kwargs)
        return SlowWriter(handle) if any(m in mode for m in "wax+") else handle

    return wrapped


builtins.open = slow(_open)
os.fdopen = slow(_fdopen)

if __name__ == "__main__":  # the entity index's pool workers import this file again
    from reader.cli import main

    sys.exit(main(sys.argv[2:]))
