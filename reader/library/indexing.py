"""The entity index's entries: which entities an article mentions, found in the same text the
article pane highlights.

Storing never waits for this: articles are stored (and shown) first, and `index_pending`
then indexes every stored article that has no entry yet, in batches written one at a time,
on both cores (`index_workers`); the library's search index is entered batch by batch
meanwhile, in this process. It is a pass over what is missing, so an interrupted pass
(Ctrl-C, a kill) is simply continued by the next one, and the index is complete in the end.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass

from reader.library.derived_indexes import WRITE, Search, catch_up_search, shared, write_found
from reader.library.index_workers import Found, index_entry, submit
from reader.library.store import ArticleStore
from reader.models import Article

BATCH = 1000  # articles extracted at once (and a progress step)
PARALLEL_FROM = 200  # fewer pending articles than this are indexed in this process

__all__ = [
    "IndexProgress",
    "catch_up_search",
    "index_entities",
    "index_pending",
    "unindexed",
    "write_found",
]


@dataclass(frozen=True)
class IndexProgress:
    done: int
    total: int


def index_entities(store: ArticleStore, articles: Iterable[Article]) -> None:
    """Record which entities each article mentions, so filtering by one is a lookup."""
    found = [(a.id, index_entry(a)) for a in articles if not store.entities.has(a.id)]
    store.entities.add_many(shared(store, found))


def unindexed(store: ArticleStore) -> list[str]:
    """Ids of stored articles that have no entity entry yet, oldest first."""
    return [m.id for m in store.articles() if not store.entities.has(m.id)]


def index_pending(
    store: ArticleStore,
    on_progress: Callable[[IndexProgress], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    workers: int | None = None,
) -> int:
    """Index every stored article without an entry; returns how many were indexed.

    Entries are written every WRITE articles (entities.json is rewritten whole by each
    write, so few writes are faster), and what is extracted is written when `cancelled()`
    stops the pass; Ctrl-C keeps every finished write, and the next call continues with the
    rest.
    """
    pending = set(unindexed(store))
    total, done = len(pending), 0
    workers = workers or min(2, os.cpu_count() or 1)
    if total < PARALLEL_FROM:
        workers = 1
    if not pending:
        catch_up_search(store)
        return 0
    search = Search(store)
    # The next batch is extracted while the one before is waited for; what is extracted is
    # written once WRITE articles are, at the end, and when cancelled.
    flying: deque[tuple[int, list[Future[Found]]]] = deque()
    ready: list[Future[Found]] = []
    extracted = 0

    def take() -> None:
        nonlocal extracted, done, ready
        count, parts = flying.popleft()
        for part in parts:
            part.result()
        ready, extracted = ready + parts, extracted + count
        if extracted - done >= WRITE:
            write_found(store, ready)
            ready, done = [], extracted
        if on_progress is not None:
            on_progress(IndexProgress(extracted, total))

    for batch in _batches(store.iter_articles(pending), BATCH):
        if cancelled():
            break
        flying.append((len(batch), submit(batch, workers)))
        search.add(batch)  # while the workers extract it
        if len(flying) > 1:
            take()
    while flying and not cancelled():
        take()
    if ready:
        write_found(store, ready)
        done = extracted
    if not cancelled():
        catch_up_search(store)  # the headlines, and articles entity-indexed before
    return done


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
