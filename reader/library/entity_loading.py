"""The entity index's chunks in memory, as an inverted index (the base of entity_index.py):
loaded, loaded again when another process wrote, and a damaged one set aside.

The index is derived data: a damaged chunk is set aside with a warning and its articles are
missing; `missing()` then names them, and indexing them rebuilds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.library.chunks import ChunkFiles
from reader.library.disk import DamagedFile, StoreError
from reader.library.lock import DatabaseLock, database_lock, set_aside
from reader.library.storage import AtomicJSONStorage

if TYPE_CHECKING:  # importing reader.entities loads the extractor's lists: not at start-up
    from reader.entities.model import EntityType

LEGACY = "entities.json"


@dataclass(frozen=True)
class IndexedEntity:
    key: str  # the extractor's stable key (normalised name + type)
    text: str  # canonical name
    type: EntityType
    count: int


class EntityLoading:
    def __init__(self, path: Path, lock: DatabaseLock | None = None) -> None:
        """`path`: the database's entities.json (the chunks are in entities/ beside it)."""
        self.path = path
        self._lock = lock or database_lock(path.parent)
        self._chunks = ChunkFiles(path.parent / "entities", "mentions", "m")
        self._legacy = AtomicJSONStorage(path)
        self._by_article: dict[str, tuple[IndexedEntity, ...]] = {}
        self._articles: dict[str, set[str]] = {}
        self._in_chunk: dict[str, list[str]] = {}  # chunk -> the articles it indexes
        self._shared: dict[tuple[object, ...], IndexedEntity] = {}  # one object per entity
        self._damaged: set[str] = set()  # chunks that could not be moved aside: skipped
        self.warnings: list[str] = []
        with self._lock.thread:
            for chunk in self._sources():
                self._load(chunk)

    def _sources(self) -> list[str]:
        chunks = ([LEGACY] if self.path.exists() else []) + self._chunks.names()
        return [c for c in chunks if c not in self._damaged]

    def _storage(self, chunk: str) -> AtomicJSONStorage:
        return self._legacy if chunk == LEGACY else self._chunks.storage(chunk)

    def _load(self, chunk: str) -> None:
        self._forget(chunk)
        storage = self._storage(chunk)
        try:
            docs = (storage.read() or {}).get("mentions", {})
            storage.forget()
            loaded = [
                (doc["id"], tuple(map(self._entity, doc["entities"]))) for doc in docs.values()
            ]
        except (DamagedFile, KeyError, TypeError):
            self._set_aside(chunk, storage.path)
            return
        for article_id, entities in loaded:
            self._remember(article_id, entities)
        self._in_chunk[chunk] = [article_id for article_id, _ in loaded]

    def _entity(self, row: Any) -> IndexedEntity:
        key = tuple(row)
        if (entity := self._shared.get(key)) is None:
            entity = self._shared[key] = IndexedEntity(*row)
        return entity

    def _set_aside(self, chunk: str, path: Path) -> None:
        """A damaged chunk: moved aside under the lock (its articles are then missing and
        indexed again), or, where nothing can be written, left and skipped."""
        try:
            with self._lock.write():
                self.warnings.append(set_aside(path, "the entity index is rebuilt"))
        except StoreError as failure:
            self.warnings.append(f"{path} is damaged; entity filters miss articles ({failure})")
        if path.exists():
            self._damaged.add(chunk)

    def _forget(self, chunk: str) -> None:
        for article_id in self._in_chunk.pop(chunk, []):
            for entity in self._by_article.pop(article_id, ()):
                self._articles.get(entity.key, set()).discard(article_id)

    def _remember(self, article_id: str, entities: tuple[IndexedEntity, ...]) -> None:
        self._by_article[article_id] = entities
        for entity in entities:
            self._articles.setdefault(entity.key, set()).add(article_id)

    def refresh(self) -> bool:
        """Reload the chunks another process changed or added; whether there were any."""
        with self._lock.thread:
            sources = self._sources()
            gone = [c for c in self._in_chunk if c not in sources]
            for chunk in gone:
                self._forget(chunk)
            changed = [c for c in sources if c not in self._in_chunk or self._storage(c).changed()]
            for chunk in changed:
                self._load(chunk)
            return bool(gone or changed)
