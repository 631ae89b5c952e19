"""TinyDB storage that survives a crash: each write goes to a temporary file, is fsynced and
renamed over the old one, so a killed process leaves the previous file intact.

Reads are cached in memory (TinyDB's JSONStorage parses the whole file on every query);
every write is flushed at once, so nothing waits in a cache to be lost.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage


class StoreError(Exception):
    """The database cannot be read or written; the message says why and where."""


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._cache: dict[str, dict[str, Any]] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._cache is None:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return None
            except OSError as error:
                raise StoreError(f"cannot read {self.path}: {error.strerror}") from error
            if not raw.strip():
                return None
            try:
                self._cache = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                raise StoreError(
                    f"{self.path} is damaged ({error}); it was left untouched. "
                    "Move it away to start afresh, or restore it from a backup."
                ) from error
        return self._cache

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException as error:
            Path(tmp).unlink(missing_ok=True)
            self._cache = None  # TinyDB changed the cached dict in place: reload from disk
            if isinstance(error, OSError):
                raise StoreError(f"cannot write {self.path}: {error.strerror}") from error
            raise
        _fsync_dir(self.path.parent)
        self._cache = data

    def close(self) -> None:
        self._cache = None


def _fsync_dir(path: Path) -> None:
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


def open_db(path: Path) -> TinyDB:
    """A TinyDB over an atomic, read-cached JSON file."""
    return TinyDB(path, storage=AtomicJSONStorage)
