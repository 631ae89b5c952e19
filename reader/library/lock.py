"""The database lock: one advisory file lock (`lock` in the database directory) around every
read-modify-write, by any process, plus a thread lock for the threads of this one.

Readers take only the thread lock: files are replaced by atomic renames, so a reader always
sees a whole file. Whoever holds the lock is the only writer, so any temporary file it finds
was left by a killed writer and is swept away.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from reader.library.disk import StoreError, write_error
from reader.library.storage import open_db

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_NAME = "lock"
WAIT = 60.0  # seconds: a writer holds the lock for one batch, never for a whole import


class DatabaseLock:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.thread = threading.RLock()
        self._lock_file: FileLock | None = None
        self._depth = 0

    @property
    def _file(self) -> FileLock:
        """The file lock, made at the first write: filelock's import is 12 ms of a start
        that reads only (the app's first screen)."""
        if self._lock_file is None:
            from filelock import FileLock

            self._lock_file = FileLock(
                self.directory / LOCK_NAME, timeout=WAIT, thread_local=False,
                preserve_lock_file=True,
            )  # fmt: skip
        return self._lock_file

    @contextmanager
    def write(self, timeout: float = WAIT) -> Iterator[None]:
        """Hold the database for a read-modify-write (re-entrant); StoreError after
        `timeout` seconds (0: only if it is free now)."""
        with self.thread:
            if self._depth == 0:
                self._acquire(timeout)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._file.release()

    def _acquire(self, timeout: float = WAIT) -> None:
        path = self.directory / LOCK_NAME
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._file.acquire(timeout=timeout)
        except TimeoutError as error:
            raise StoreError(
                f"the database at {self.directory} stayed locked {WAIT:.0f} s"
            ) from error
        except OSError as error:
            raise write_error(path, error) from error
        sweep_temporary_files(self.directory)

    def try_sweep(self) -> None:
        """At open: remove a killed writer's leftovers if the database can be written now."""
        with self.thread:
            if self._depth:
                return
            try:
                self._acquire(timeout=0)
            except StoreError:  # read-only, or another writer (who sweeps) holds it
                return
            self._file.release()


def sweep_temporary_files(directory: Path) -> None:
    try:  # every folder of the library: index, bodies, entities, state
        folders = [directory, *(p for p in directory.iterdir() if p.is_dir())]
    except OSError:
        return
    for folder in folders:
        try:
            leftovers = list(folder.glob(".*.tmp"))
        except OSError:
            continue
        for path in leftovers:
            path.unlink(missing_ok=True)


def set_aside(path: Path, what: str) -> str:
    """Rename a damaged file out of the way (under the lock); the warning to show."""
    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        path.rename(aside)
    except OSError as error:
        return f"{path} is damaged; {what} (could not move it aside: {error.strerror})"
    return f"{path} was damaged and is kept as {aside.name}; {what}"


def reopen_set_aside(path: Path, lock: DatabaseLock, what: str, lost: str) -> tuple[TinyDB, str]:
    """A damaged file moved aside under the lock, and the database to carry on with: a fresh
    file, or memory where the file stays (it could not be moved, or the directory is
    read-only: then `lost` says what the reader goes without)."""
    try:
        with lock.write():
            warning = set_aside(path, what)
    except StoreError as error:  # read-only: keep going in memory
        return TinyDB(storage=MemoryStorage), f"{path} is damaged; {lost} ({error})"
    return (TinyDB(storage=MemoryStorage) if path.exists() else open_db(path)), warning


_LOCKS: dict[Path, DatabaseLock] = {}
_LOCKS_GUARD = threading.Lock()


def database_lock(directory: Path) -> DatabaseLock:
    """The one lock of this process for a database directory, shared by everything that
    opens it (so a write nested in another never waits for itself)."""
    key = Path(os.path.abspath(directory))
    with _LOCKS_GUARD:
        if key not in _LOCKS:
            _LOCKS[key] = DatabaseLock(key)
        return _LOCKS[key]
