"""Reading state in 64 small TinyDB files, `state/NN.json`, an article's by a hash of its id.

Marking one article read rewrites one shard (a 64th of the states), so the cost of a mark
stays small however many articles have a state (one `state.json` of 100,000 states was
6 MB to re-encode and fsync for every mark). Each shard is `{"state": {doc id: {"id",
"read", "starred"}}}`, TinyDB's own shape. A damaged shard is set aside with a warning: only
its articles read as unread, and nothing is written over the damaged file.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from pathlib import Path

from reader.library.lock import DatabaseLock, set_aside
from reader.library.storage import AtomicJSONStorage, DamagedFile, StoreError
from reader.models import ReadingState

SHARDS = 64
SHARED = {(r, s): ReadingState(r, s) for r in (False, True) for s in (False, True)}
States = dict[str, ReadingState]


def shard_of(article_id: str) -> int:
    return zlib.crc32(article_id.encode("utf-8", "surrogatepass")) % SHARDS


class StateShards:
    def __init__(self, folder: Path, lock: DatabaseLock) -> None:
        self.folder = folder
        self._lock = lock
        self._files = [self._storage(n) for n in range(SHARDS)]
        self._states: list[States] = [{} for _ in range(SHARDS)]
        self._broken: set[int] = set()  # damaged and could not be moved aside: memory only
        self.warnings: list[str] = []
        for n in range(SHARDS):
            self._load(n)

    def _storage(self, n: int) -> AtomicJSONStorage:
        return AtomicJSONStorage(self.folder / f"{n:02d}.json", checked=False)  # see _parse

    def _load(self, n: int) -> None:
        try:
            self._states[n] = self._parse(n)
        except DamagedFile as error:
            self._states[n] = {}
            self._set_aside(n, error)

    def _parse(self, n: int) -> States:
        """The shard's states, its shape checked on the way (one pass over 100,000 states
        is a fifth of a second here: the first screen waits for it)."""
        tables = self._files[n].read() or {}
        self._files[n].forget()  # the states are the copy kept; a write reads the file again
        try:
            docs = tables.get("state") or {}
            states = {
                doc["id"]: SHARED[bool(doc.get("read")), bool(doc.get("starred"))]
                for doc in docs.values()
            }
        except (AttributeError, KeyError, TypeError) as error:
            raise DamagedFile(self._files[n].path, "not a table of reading states") from error
        if not all(type(key) is str for key in states):
            raise DamagedFile(self._files[n].path, "a reading state without an article id")
        return states

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
        """Reload the shards another process changed; whether any was."""
        changed = [n for n in range(SHARDS) if n not in self._broken and self._files[n].changed()]
        for n in changed:
            self._load(n)
        return bool(changed)

    def get(self, article_id: str) -> ReadingState | None:
        return self._states[shard_of(article_id)].get(article_id)

    def all(self) -> States:
        merged: States = {}
        for states in self._states:
            merged.update(states)
        return merged

    def put(self, states: Iterable[tuple[str, ReadingState]]) -> None:
        """Write these states, one write per shard they fall in (the caller holds the
        lock and has refreshed)."""
        by_shard: dict[int, States] = {}
        for article_id, state in states:
            by_shard.setdefault(shard_of(article_id), {})[article_id] = state
        for n, changes in by_shard.items():
            if n not in self._broken:
                self._write(n, changes)
            self._states[n].update(changes)

    def _write(self, n: int, changes: States) -> None:
        tables = self._files[n].read() or {}
        docs = tables.setdefault("state", {})
        where = {doc["id"]: doc_id for doc_id, doc in docs.items()}
        next_id = max(map(int, docs), default=0) + 1
        for article_id, state in changes.items():
            doc_id = where.get(article_id)
            if doc_id is None:
                doc_id, next_id = str(next_id), next_id + 1
            docs[doc_id] = {"id": article_id, "read": state.read, "starred": state.starred}
        self._files[n].write(tables)
        self._files[n].forget()
