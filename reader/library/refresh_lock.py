"""The refresh lock: one refresh (a fetch or a sync) at a time on one database, whichever
process or thread starts it. A second one does not wait: it is told the first is running."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from reader.library.disk import StoreError

LOCK_NAME = "refresh.lock"


class RefreshBusy(Exception):
    """Another refresh of this database is running."""


@contextmanager
def refreshing(directory: Path) -> Iterator[None]:
    """Hold the database's refresh lock, or raise RefreshBusy at once."""
    directory = Path(directory)
    lock = FileLock(directory / LOCK_NAME, timeout=0, thread_local=False, preserve_lock_file=True)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except Timeout as error:
        raise RefreshBusy(f"another refresh of {directory} is running") from error
    except OSError as error:
        raise StoreError(f"cannot lock {directory / LOCK_NAME}: {error.strerror}") from error
    try:
        yield
    finally:
        lock.release()
