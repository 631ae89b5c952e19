"""Reading state in 64 small TinyDB files, `state/NN.json`, an article's by a hash of its id.

Marking one article read rewrites one shard (a 64th of the states), so the cost of a mark
stays small however many articles have a state (one `state.json` of 100,000 states was
6 MB to re-encode and fsync for every mark). A shard is one TinyDB document holding two
lists of article ids, `{"state": {"1": {"read": [...], "starred": [...]}}}`: 100,000 read
states parse in a fraction of the time a document per article took (the first screen waits
for them). A shard of a document per article (`{"id", "read", "starred"}`, as written for a
few hours of 2026-12-02) is read too and written back as lists. A damaged shard is set
aside with a warning: only its articles read as unread, and nothing is written over it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from pathlib import Path

from reader.library.disk import DamagedFile, StoreError
from reader.library.lock import DatabaseLock, set_aside
from reader.library.states_view import Shard, StatesView, state_in
from reader.library.storage import AtomicJSONStorage
from reader.models import ReadingState

SHARDS = 64
States = dict[str, ReadingState]
EMPTY: Shard = (frozenset(), frozenset())


def shard_of(article_id: str) -> int:
    return zlib.crc32(article_id.encode("utf-8", "surrogatepass")) % SHARDS


class StateShards:
    def __init__(self, folder: Path, lock: DatabaseLock) -> None:
        self.folder = folder
        self._lock = lock
        self._files = [self._storage(n) for n in range(SHARDS)]
        self._shards: list[Shard] = [EMPTY] * SHARDS
        self._broken: set[int] = set()  # damaged and could not be moved aside: memory only
        self.warnings: list[str] = []
        for n in range(SHARDS):
            self._load(n)

    def _storage(self, n: int) -> AtomicJSONStorage:
        return AtomicJSONStorage(self.folder / f"{n:02d}.json", checked=False)  # see _parse

    def _load(self, n: int) -> None:
        try:
            self._shards[n] = self._parse(n)
        except DamagedFile as error:
            self._shards[n] = EMPTY
            self._set_aside(n, error)

    def _parse(self, n: int) -> Shard:
        tables = self._files[n].read() or {}
        self._files[n].forget()  # the states are the copy kept; a write reads the file again
        try:
            read: set[str] = set()
            starred: set[str] = set()
            for doc in (tables.get("state") or {}).values():
                if "id" in doc:  # a document per article
                    (read.add if doc.get("read") else read.discard)(doc["id"])
                    (starred.add if doc.get("starred") else starred.discard)(doc["id"])
                elif isinstance(doc.get("read", []), list) and isinstance(
                    doc.get("starred", []), list
                ):
                    read.update(doc.get("read", ()))
                    starred.update(doc.get("starred", ()))
                else:
                    raise TypeError("the lists of a reading state are not lists")
        except (AttributeError, KeyError, TypeError) as error:
            raise DamagedFile(self._files[n].path, "not a table of reading states") from error
        if not set(map(type, read)) | set(map(type, starred)) <= {str}:
            raise DamagedFile(self._files[n].path, "a reading state without an article id")
        return read, starred

    def _set_aside(self, n: int, error: DamagedFile) -> None:
        what = "the reading state of its articles starts afresh (unread)"
        try:
            with self._lock.write():
                self.warnings.append(set_aside(self._files[n].path, what))
        except StoreError as why:  # read-only: keep going in memory, never write over it
            self._broken.add(n)
            self.warnings.append(
                f"{error.path} is damaged; some reading state is not shown ({why})"
            )
        self._files[n] = self._storage(n)

    def refresh(self) -> bool:
        """Reload the shards whose file may have changed; whether a state did. (A file
        written in the last 20 ms, this process's own write included, is read again: its
        time cannot tell two writes apart. Only a different state counts as a change, so
        the app does not rebuild its rows after each of its own marks.)"""
        changed = False
        for n in range(SHARDS):
            if n not in self._broken and self._files[n].changed():
                before = self._shards[n]
                self._load(n)
                changed = changed or self._shards[n] != before
        return changed

    def get(self, article_id: str) -> ReadingState | None:
        return state_in(self._shards[shard_of(article_id)], article_id)

    def all(self) -> StatesView:
        return StatesView(list(self._shards))

    def read_count(self) -> int:
        return sum(len(read) for read, _ in self._shards)

    def put(self, states: Iterable[tuple[str, ReadingState]]) -> None:
        """Write these states, one write per shard they fall in (the caller holds the
        lock and has refreshed)."""
        by_shard: dict[int, States] = {}
        for article_id, state in states:
            by_shard.setdefault(shard_of(article_id), {})[article_id] = state
        for n, changes in by_shard.items():
            read, starred = (set(ids) for ids in self._shards[n])
            for key, state in changes.items():
                (read.add if state.read else read.discard)(key)
                (starred.add if state.starred else starred.discard)(key)
            if n not in self._broken:
                self._write(n, (read, starred))
            self._shards[n] = read, starred  # new sets: a view of the old ones stays as it was

    def _write(self, n: int, shard: Shard) -> None:
        read, starred = (sorted(ids) for ids in shard)
        self._files[n].write({"state": {"1": {"read": read, "starred": starred}}})
        self._files[n].forget()
