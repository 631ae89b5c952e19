"""The entity index's entries: which entities an article mentions, found in the same text the
article pane highlights."""

from __future__ import annotations

from collections.abc import Iterable

from reader.entities import extract
from reader.library.entity_index import IndexedEntity
from reader.library.store import ArticleStore
from reader.models import Article
from reader.text.article_text import article_text


def index_entry(article: Article) -> list[IndexedEntity]:
    return [IndexedEntity(e.key, e.text, e.type, e.count) for e in extract(article_text(article))]


def index_entities(store: ArticleStore, articles: Iterable[Article]) -> None:
    """Record which entities each article mentions, so filtering by one is a lookup."""
    store.entities.add_many(
        {a.id: index_entry(a) for a in articles if not store.entities.has(a.id)}
    )
