"""The database's files on disk, below TinyDB: the errors that name a file (damaged, on a
directory that cannot be written, anything else), a file's signature (is it still the copy
that was read?), whether parsed data has TinyDB's shape, and fsyncing a folder."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


class StoreError(Exception):
    """The database cannot be read or written; the message says why and where."""


class DamagedFile(StoreError):
    """A database file is not what it should be (bad bytes, bad JSON or the wrong shape)."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(
            f"{path} is damaged ({why}); it was left untouched. "
            "Move it away to start afresh, or restore it from a backup."
        )
        self.path = path


class ReadOnlyError(StoreError):
    """The database directory cannot be written (read-only file system, no permission)."""


def write_error(path: Path, error: OSError) -> StoreError:
    if error.errno in READ_ONLY:
        return ReadOnlyError(
            f"cannot write to the database at {path.parent}: {error.strerror}; "
            "reading works, changes are not saved"
        )
    return StoreError(f"cannot write {path}: {error.strerror}")


def signature(path: Path) -> tuple[int, ...] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def valid(data: Any) -> bool:
    """TinyDB's shape: {table: {doc id: {field: value}}}."""
    return isinstance(data, dict) and all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    )


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
