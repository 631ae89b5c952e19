"""What the index pass (indexing.py) writes into the two derived indexes: the entity entries,
with one object per distinct entity, and the library's search index, entered batch by batch
beside them."""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future
from contextlib import suppress

from reader.library.entity_index import IndexedEntity
from reader.library.index_workers import Found
from reader.library.store import ArticleStore
from reader.models import Article

WRITE = 5000  # articles whose entries are written at once: today's entities.json is rewritten
# whole by each write, so few big writes are much faster (at most this many are redone after
# a kill)


class Search:
    """The library's search index (derived too), entered batch by batch beside the entity
    batches, so neither waits for the other to cover the whole store first."""

    def __init__(self, store: ArticleStore) -> None:
        self.fulltext = getattr(store, "fulltext", None)  # a Library's
        self.known: set[str] | None = None
        with suppress(sqlite3.Error):  # derived: search() and catch_up_search try again
            if self.fulltext is not None and self.fulltext.count() != sum(store.counts()):
                self.known = self.fulltext.known()
                # The headlines now (short texts), so the catch-up after the pass finds the
                # counts equal and does not list every id again (~30 MB at 100,000).
                lines = [h for h in store.headlines() if h.id not in self.known]
                for start in range(0, len(lines), WRITE):
                    self.fulltext.add([], lines[start : start + WRITE])

    def add(self, articles: list[Article]) -> None:
        if self.known is not None and self.fulltext is not None:
            with suppress(sqlite3.Error):
                self.fulltext.add([a for a in articles if a.id not in self.known], [])


def catch_up_search(store: ArticleStore) -> None:
    """The library's search index, if the store is a library (it is derived, like this one)."""
    catch_up = getattr(store, "catch_up_search", None)
    if catch_up is not None:
        catch_up()


def write_found(store: ArticleStore, parts: list[Future[Found]]) -> None:
    """One write of the entries extracted by `parts` (see `extract_ahead`)."""
    store.entities.add_many(shared(store, [pair for part in parts for pair in part.result()]))


_ENTITIES: dict[IndexedEntity, IndexedEntity] = {}  # one object per entry value, process-wide


def shared(store: ArticleStore, found: Found) -> dict[str, list[IndexedEntity]]:
    """The entries with one object per distinct entity (the index keeps them for the life
    of the process: fresh copies from the workers cost ~3 KB an article, shared ~0.5 KB) and
    the store's own id strings."""
    shared: dict[str, list[IndexedEntity]] = {}
    for article_id, entities in found:
        meta = store.meta(article_id)
        key = meta.id if meta is not None else article_id
        shared[key] = [_ENTITIES.setdefault(entity, entity) for entity in entities]
    return shared
