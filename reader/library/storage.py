"""TinyDB storage that survives a crash and sees other processes' writes.

Each write goes to a temporary file (`.NAME.XXXX.tmp`), is fsynced and renamed over the old
one, so a killed process leaves the previous file intact (and the next writer sweeps the
temporary file away, see lock.py). Reads are parsed once with orjson and cached; the cache
is dropped as soon as the file on disk is another one (inode, size, mtime, ctime differ), or
when it was written so recently that a second write could share its timestamp ("racy", as
git calls it). So a write made under the database lock never starts from a stale copy.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from reader.library.disk import DamagedFile, fsync_dir, signature, valid, write_error
from reader.library.disk import StoreError as StoreError  # reader/cli.py imports it from here

RACY_NS = 20_000_000  # a file younger than this may be rewritten within its mtime tick
Tables = dict[str, dict[str, dict[str, Any]]]


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str], checked: bool = True) -> None:
        self.path = Path(path)
        self._checked = checked  # False: the caller checks the shape as it reads the data
        self._cache: Tables | None = None
        self._sig: tuple[int, ...] | None = None

    def changed(self) -> bool:
        """Whether the file on disk may differ from what was last read or written (a file
        missing then and now has not changed: a library with no reading state yet)."""
        sig = signature(self.path)
        if sig is None:
            return self._sig is not None
        return sig != self._sig or time.time_ns() - sig[2] < RACY_NS

    def read(self) -> Tables | None:
        if self._cache is not None and not self.changed():
            return self._cache
        return self._parse()

    def _parse(self) -> Tables | None:
        sig = signature(self.path)
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self._cache, self._sig = None, None
            return None
        except OSError as error:
            raise StoreError(f"cannot read {self.path}: {error.strerror}") from error
        if not raw.strip():
            self._cache, self._sig = None, sig
            return None
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise DamagedFile(self.path, str(error)) from error
        if self._checked and not valid(data):
            raise DamagedFile(self.path, "valid JSON, but not a table of documents")
        tables: Tables = data
        self._cache, self._sig = tables, sig
        return tables

    def write(self, data: Tables, sync_dir: bool = True) -> None:
        """`sync_dir=False`: the caller fsyncs the folder itself, once for many files."""
        try:
            raw = orjson.dumps(data)  # UTF-8, Arabic stays readable
        except orjson.JSONEncodeError as error:  # a lone surrogate the sanitiser let through
            self._cache = None
            raise StoreError(f"cannot write {self.path}: {error}") from error
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
            )
        except OSError as error:
            self._cache = None  # TinyDB changed the cached dict in place: reload from disk
            raise write_error(self.path, error) from error
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException as error:
            Path(tmp).unlink(missing_ok=True)
            self._cache = None
            if isinstance(error, OSError):
                raise write_error(self.path, error) from error
            raise
        if sync_dir:
            fsync_dir(self.path.parent)
        self._cache, self._sig = data, signature(self.path)

    def forget(self) -> None:
        """Drop the parsed copy (the caller keeps compact rows); the next read parses the
        file again, and changed() still knows which copy was seen."""
        self._cache = None

    def close(self) -> None:
        self._cache = None


class FreshTable(Table):
    """A table that never answers from a cache another process may have made stale."""

    default_query_cache_capacity = 0

    def insert(self, document: Any) -> int:
        self._next_id = None  # another process may have taken the next id
        return super().insert(document)

    def insert_multiple(self, documents: Any) -> list[int]:
        self._next_id = None
        return super().insert_multiple(documents)


class FreshDB(TinyDB):
    table_class = FreshTable


def open_db(path: Path) -> TinyDB:
    """A TinyDB over an atomic, read-cached JSON file that notices other writers."""
    return FreshDB(path, storage=AtomicJSONStorage)


def storage_of(db: TinyDB) -> AtomicJSONStorage:
    storage = db.storage
    assert isinstance(storage, AtomicJSONStorage)
    return storage
