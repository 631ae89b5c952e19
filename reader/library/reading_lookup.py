"""Reading state (read, starred) as it is loaded, refreshed and looked up; the writes are
reading_store.py's.

The states live in `state/NN.json` (state_shards.py: one small file rewritten per mark);
`state.json` keeps the session table. A `state.json` of an earlier release also holds every
state in its `state` table: the first open that can write moves them into the shards (a
state already in a shard is newer and wins; a kill half-way leaves both copies, and the
next open finishes), and a read-only database reads them where they are.

A damaged `state.json` is set aside with a warning (everything reads as unread), so the
articles stay readable; it never stops a command.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reader.library.disk import DamagedFile, StoreError
from reader.library.lock import DatabaseLock, database_lock, reopen_set_aside
from reader.library.state_shards import StateShards
from reader.library.storage import open_db, storage_of
from reader.models import ReadingState


class ReadingLookup:
    def __init__(self, path: Path, lock: DatabaseLock | None = None) -> None:
        self.path = path
        self._lock = lock or database_lock(path.parent)
        self._db = open_db(path)
        self.warnings: list[str] = []
        self._legacy: dict[str, ReadingState] = {}  # states still in an old state.json
        try:
            self._legacy = self._read_legacy()
        except DamagedFile:
            self._set_aside()
        self._shards = StateShards(path.parent / "state", self._lock)
        self.warnings += self._shards.warnings
        if self._legacy:
            self._upgrade()

    def _set_aside(self) -> None:
        self._legacy = {}
        self._db, warning = reopen_set_aside(
            self.path,
            self._lock,
            "reading state starts afresh (all unread)",
            "reading state is not shown",
        )
        self.warnings.append(warning)

    def _read_legacy(self) -> dict[str, ReadingState]:
        legacy: dict[str, ReadingState] = {}
        for doc in ((storage_of(self._db).read() or {}).get("state") or {}).values():
            if not isinstance(doc.get("id"), str):
                raise DamagedFile(self.path, "a reading state without an article id")
            legacy[doc["id"]] = ReadingState(bool(doc.get("read")), bool(doc.get("starred")))
        return legacy

    def _upgrade(self) -> None:
        """Move an old state.json's states into the shards, then drop them from it."""
        try:
            with self._lock.write():
                self.refresh()
                if not self._legacy:  # another process has just done it
                    return
                self._shards.put((k, v) for k, v in self._legacy.items() if not self._shards.get(k))
                tables = storage_of(self._db).read() or {}
                tables.pop("state", None)
                storage_of(self._db).write(tables)
                self._legacy = {}
        except StoreError:  # read-only: read them where they are
            pass

    def refresh(self) -> bool:
        """Reload what another process changed; whether anything was."""
        with self._lock.thread:
            changed = False
            if storage_of(self._db).changed():  # the session, and an old release's states
                before = self._legacy
                try:
                    self._legacy = self._read_legacy()
                except DamagedFile:
                    self._set_aside()
                changed = self._legacy != before
            return self._shards.refresh() or changed

    def state(self, article_id: str) -> ReadingState:
        return self._shards.get(article_id) or self._legacy.get(article_id) or ReadingState()

    def states(self) -> Mapping[str, ReadingState]:
        """Every state: a view of the shards (an old state.json's under them, if any)."""
        with self._lock.thread:
            if self._legacy:
                return {**self._legacy, **self._shards.all()}
            return self._shards.all()

    def read_count(self) -> int:
        """How many articles are read, without going through their states."""
        if self._legacy:
            return sum(1 for state in self.states().values() if state.read)
        return self._shards.read_count()
