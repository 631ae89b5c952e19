"""Which article mentions which entity: `entities.json` beside the store, kept in memory as
an inverted index so "articles that mention X" is a dictionary lookup.

The index is derived data: a damaged file is set aside with a warning and the index starts
empty; `missing()` then names every article, and indexing them rebuilds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library.lock import DatabaseLock, database_lock, reopen_set_aside
from reader.library.storage import AtomicJSONStorage, DamagedFile, open_db

if TYPE_CHECKING:  # importing reader.entities loads the extractor's lists: not at start-up
    from reader.entities.model import EntityType


@dataclass(frozen=True)
class IndexedEntity:
    key: str  # the extractor's stable key (normalised name + type)
    text: str  # canonical name
    type: EntityType
    count: int


class EntityIndex:
    def __init__(self, path: Path, lock: DatabaseLock | None = None) -> None:
        self.path = path
        self._lock = lock or database_lock(path.parent)
        self._db = open_db(path)
        self._by_article: dict[str, tuple[IndexedEntity, ...]] = {}
        self._articles: dict[str, set[str]] = {}
        self.warnings: list[str] = []
        try:
            self._load()
        except DamagedFile:
            self.warnings.append(self._set_aside())

    def _set_aside(self) -> str:
        self._by_article, self._articles = {}, {}
        self._db, warning = reopen_set_aside(
            self.path, self._lock, "the entity index is rebuilt", "entity filters miss articles"
        )
        return warning

    def _load(self) -> None:
        self._by_article, self._articles = {}, {}
        storage = self._db.storage
        tables = storage.read() or {}
        shared: dict[tuple[object, ...], IndexedEntity] = {}  # one object per entity
        try:
            for doc in tables.get("mentions", {}).values():
                entities = []
                for row in doc["entities"]:
                    key = tuple(row)
                    if (entity := shared.get(key)) is None:
                        entity = shared[key] = IndexedEntity(*row)
                    entities.append(entity)
                self._remember(doc["id"], tuple(entities))
        except (KeyError, TypeError) as error:
            raise DamagedFile(self.path, f"a mention of the wrong shape: {error}") from error
        if isinstance(storage, AtomicJSONStorage):
            storage.forget()  # a write reads the file again, under the lock

    def _remember(self, article_id: str, entities: tuple[IndexedEntity, ...]) -> None:
        self._by_article[article_id] = entities
        for entity in entities:
            self._articles.setdefault(entity.key, set()).add(article_id)

    def refresh(self) -> bool:
        """Reload if another process changed the file; whether it did."""
        with self._lock.thread:
            storage = self._db.storage
            if not isinstance(storage, AtomicJSONStorage) or not storage.changed():
                return False
            try:
                self._load()
            except DamagedFile:
                self.warnings.append(self._set_aside())
            return True

    def has(self, article_id: str) -> bool:
        return article_id in self._by_article

    def missing(self, article_ids: Iterable[str]) -> list[str]:
        """Those of `article_ids` with no entry yet (killed before indexing, or rebuilt)."""
        return [i for i in article_ids if i not in self._by_article]

    def add_many(self, found: dict[str, list[IndexedEntity]]) -> None:
        """Index articles not indexed yet (one write for the whole batch)."""
        with self._lock.write():
            self.refresh()
            fresh = {k: tuple(v) for k, v in found.items() if k not in self._by_article}
            if not fresh:
                return
            self._db.table("mentions").insert_multiple(
                {"id": article_id, "entities": [[e.key, e.text, e.type, e.count] for e in ents]}
                for article_id, ents in fresh.items()
            )
            for article_id, entities in fresh.items():
                self._remember(article_id, entities)
            if isinstance(self._db.storage, AtomicJSONStorage):
                self._db.storage.forget()

    def clear(self) -> None:
        """Drop every entry (before a rebuild)."""
        with self._lock.write():
            self._db.drop_tables()
            self._by_article, self._articles = {}, {}

    def of(self, article_id: str) -> tuple[IndexedEntity, ...]:
        return self._by_article.get(article_id, ())

    def articles_mentioning(self, key: str) -> frozenset[str]:
        return frozenset(self._articles.get(key, ()))

    def close(self) -> None:
        self._db.close()
