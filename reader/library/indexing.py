"""The entity index's entries: which entities an article mentions, found in the same text the
article pane highlights.

Storing never waits for this: articles are stored (and shown) first, and `index_pending`
then indexes every stored article that has no entry yet, in batches written one at a time,
on both cores. It is a pass over what is missing, so an interrupted pass (Ctrl-C, a kill)
is simply continued by the next one, and the index is complete in the end.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context

from reader.library.entity_index import IndexedEntity
from reader.library.store import ArticleStore
from reader.models import Article

BATCH = 1000  # articles extracted and written at once
Found = list[tuple[str, list[IndexedEntity]]]
PARALLEL_FROM = 200  # fewer pending articles than this are indexed in this process


@dataclass(frozen=True)
class IndexProgress:
    done: int
    total: int


def index_entry(article: Article) -> list[IndexedEntity]:
    from reader.entities import extract
    from reader.text.article_text import article_text

    return [IndexedEntity(e.key, e.text, e.type, e.count) for e in extract(article_text(article))]


def index_entities(store: ArticleStore, articles: Iterable[Article]) -> None:
    """Record which entities each article mentions, so filtering by one is a lookup."""
    store.entities.add_many(
        {a.id: index_entry(a) for a in articles if not store.entities.has(a.id)}
    )


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

    Each batch is written as soon as it is extracted, so stopping (`cancelled()`, Ctrl-C)
    keeps every finished batch and the next call continues with the rest.
    """
    pending = set(unindexed(store))
    if not pending:
        return 0
    total, done = len(pending), 0
    workers = workers or min(2, os.cpu_count() or 1)
    if total < PARALLEL_FROM:
        workers = 1
    # One batch is extracted while the one before is written: the workers never wait.
    running: deque[tuple[int, list[Future[Found]]]] = deque()
    for batch in _batches(_articles(store, pending), BATCH):
        if cancelled():
            break
        running.append((len(batch), _submit(batch, workers)))
        if len(running) > 1:
            done += _write(store, *running.popleft())
            if on_progress is not None:
                on_progress(IndexProgress(done, total))
    while running and not cancelled():
        done += _write(store, *running.popleft())
        if on_progress is not None:
            on_progress(IndexProgress(done, total))
    return done


def _write(store: ArticleStore, count: int, parts: list[Future[Found]]) -> int:
    store.entities.add_many(dict(pair for part in parts for pair in part.result()))
    return count


def _articles(store: ArticleStore, wanted: set[str]) -> Iterator[Article]:
    for article in store.iter_articles():
        if article.id in wanted:
            yield article


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_POOL: ProcessPoolExecutor | None = None


def _submit(batch: list[Article], workers: int) -> list[Future[Found]]:
    """Extraction of a batch, split across `workers` processes (or done here for one)."""
    global _POOL
    if workers <= 1:
        done: Future[Found] = Future()
        done.set_result(_extract_part(batch))
        return [done]
    if _POOL is None:  # kept for the life of the process: the entity lists load once per worker
        context = get_context("forkserver")
        _POOL = ProcessPoolExecutor(workers, mp_context=context, initializer=_ignore_ctrl_c)
    step = -(-len(batch) // workers)
    return [_POOL.submit(_extract_part, batch[i : i + step]) for i in range(0, len(batch), step)]


def _ignore_ctrl_c() -> None:
    """Ctrl-C is the parent's to handle: a worker must not print a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_part(articles: list[Article]) -> Found:
    return [(a.id, index_entry(a)) for a in articles]
