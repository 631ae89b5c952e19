"""Which article mentions which entity: `entities/m000001.json`, ... beside the store (chunks
that only grow, as the bodies: indexing a batch rewrites at most one partly filled chunk),
kept in memory as an inverted index so "articles that mention X" is a dictionary lookup. A
database of the layout before chunks keeps its `entities.json`, read as one more chunk
(entity_loading.py loads the chunks; this adds the lookups and the writes).
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.library.entity_loading import EntityLoading, IndexedEntity

__all__ = ["EntityIndex", "IndexedEntity"]


class EntityIndex(EntityLoading):
    def has(self, article_id: str) -> bool:
        return article_id in self._by_article

    def missing(self, article_ids: Iterable[str]) -> list[str]:
        """Those of `article_ids` with no entry yet (killed before indexing, or rebuilt)."""
        return [i for i in article_ids if i not in self._by_article]

    def add_many(self, found: dict[str, list[IndexedEntity]]) -> None:
        """Index articles not indexed yet (one write of the newest chunk or two)."""
        with self._lock.write():
            self.refresh()
            fresh = {
                k: tuple(map(self._entity, (_row(e) for e in v)))
                for k, v in found.items()
                if k not in self._by_article
            }
            if not fresh:
                return
            placed = self._chunks.add(
                {"id": article_id, "entities": [list(_row(e)) for e in entities]}
                for article_id, entities in fresh.items()
            )
            for article_id, entities in fresh.items():
                self._remember(article_id, entities)
                self._in_chunk.setdefault(placed[article_id], []).append(article_id)

    def clear(self) -> None:
        """Drop every entry (before a rebuild)."""
        with self._lock.write():
            for chunk in self._sources():
                self._storage(chunk).path.unlink(missing_ok=True)
            self._by_article, self._articles, self._in_chunk = {}, {}, {}

    def of(self, article_id: str) -> tuple[IndexedEntity, ...]:
        return self._by_article.get(article_id, ())

    def articles_mentioning(self, key: str) -> frozenset[str]:
        return frozenset(self._articles.get(key, ()))

    def close(self) -> None:
        self._shared.clear()


def _row(entity: IndexedEntity) -> tuple[str, str, str, int]:
    return (entity.key, entity.text, entity.type, entity.count)
