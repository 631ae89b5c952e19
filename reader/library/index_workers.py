"""The worker processes that extract entities (and parse feeds for `fetch`): one a core, at
most 2, kept for the life of the process so the entity lists load once per worker. Ctrl-C is
the parent's: a worker ignores it, and `stop_pool` drops the work not started. A worker
leaves when the process it works for ends, even by SIGKILL (`parent_watch`)."""

from __future__ import annotations

import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor

from reader.library.entity_index import IndexedEntity
from reader.library.parent_watch import leave_with
from reader.library.processes import CONTEXT
from reader.models import Article

Found = list[tuple[str, list[IndexedEntity]]]
SIZE = min(2, os.cpu_count() or 1)  # worker processes


def index_entry(article: Article) -> list[IndexedEntity]:
    from reader.entities import extract
    from reader.text.article_text import article_text

    return [IndexedEntity(e.key, e.text, e.type, e.count) for e in extract(article_text(article))]


_POOL: ProcessPoolExecutor | None = None
# What the processes' forkserver imports once, so each child starts with it: the parsers
# (a big file's child, fetch's jobs) and this module (the entity workers).
PRELOAD = ["reader.feeds.feed_child", "reader.feeds.parse_job", __name__]


def prestart() -> None:
    """Start the forkserver that every worker and parse child comes from, now: it imports
    PRELOAD (~0.3 s) while the caller opens the library, and the processes asked for later
    start at once, with the parser loaded."""
    from multiprocessing import forkserver

    CONTEXT.set_forkserver_preload(PRELOAD)
    forkserver.ensure_running()


def pool() -> ProcessPoolExecutor:
    """The worker processes, one a core (at most 2): kept for the life of the process, so the
    entity lists load once per worker. `fetch` parses feeds on them too."""
    global _POOL
    if _POOL is None:
        _POOL = ProcessPoolExecutor(
            SIZE, mp_context=CONTEXT, initializer=_start_worker, initargs=(os.getpid(),)
        )
    return _POOL


def stop_pool() -> None:
    """Drop the work not started (Ctrl-C, a cancelled refresh): leaving never waits for it."""
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=False, cancel_futures=True)
        _POOL = None


def extract_ahead(articles: list[Article]) -> list[Future[Found]]:
    """Start extracting these articles' entries on the workers (`write_found` stores them)."""
    return submit(articles, SIZE) if articles else []


def submit(batch: list[Article], workers: int) -> list[Future[Found]]:
    """Extraction of a batch, split across `workers` processes (or done here for one)."""
    if workers <= 1:
        done: Future[Found] = Future()
        done.set_result(_extract_part(batch))
        return [done]
    step = -(-len(batch) // workers)
    return [pool().submit(_extract_part, batch[i : i + step]) for i in range(0, len(batch), step)]


def _start_worker(parent: int) -> None:
    """Ctrl-C is the parent's to handle: a worker must not print a traceback of its own; and
    a worker leaves with the `parent` it works for."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    leave_with(parent)


def _extract_part(articles: list[Article]) -> Found:
    return [(a.id, index_entry(a)) for a in articles]
