"""Which article mentions which entity: `entities.json` beside the store, kept in memory as
an inverted index so "articles that mention X" is a dictionary lookup."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from reader.library.storage import open_db


@dataclass(frozen=True)
class IndexedEntity:
    key: str  # the extractor's stable key (normalised name + type)
    text: str  # canonical name
    type: str  # PERSON | PLACE | ORG
    count: int


class EntityIndex:
    def __init__(self, path: Path) -> None:
        self._lock = threading.Lock()
        self._db = open_db(path)
        self._by_article: dict[str, tuple[IndexedEntity, ...]] = {}
        self._articles: dict[str, set[str]] = {}
        for doc in self._db.table("mentions").all():
            self._remember(doc["id"], tuple(IndexedEntity(*row) for row in doc["entities"]))

    def _remember(self, article_id: str, entities: tuple[IndexedEntity, ...]) -> None:
        self._by_article[article_id] = entities
        for entity in entities:
            self._articles.setdefault(entity.key, set()).add(article_id)

    def has(self, article_id: str) -> bool:
        return article_id in self._by_article

    def add_many(self, found: dict[str, list[IndexedEntity]]) -> None:
        """Index articles not indexed yet (one write for the whole batch)."""
        with self._lock:
            fresh = {k: tuple(v) for k, v in found.items() if k not in self._by_article}
            if not fresh:
                return
            self._db.table("mentions").insert_multiple(
                {"id": article_id, "entities": [[e.key, e.text, e.type, e.count] for e in ents]}
                for article_id, ents in fresh.items()
            )
            for article_id, entities in fresh.items():
                self._remember(article_id, entities)

    def of(self, article_id: str) -> tuple[IndexedEntity, ...]:
        return self._by_article.get(article_id, ())

    def articles_mentioning(self, key: str) -> frozenset[str]:
        return frozenset(self._articles.get(key, ()))

    def close(self) -> None:
        self._db.close()
