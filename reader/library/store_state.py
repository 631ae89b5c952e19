"""What an ArticleStore holds: the files it reads and the records it keeps in memory.

The store's parts (month_loading, month_refresh, record_lookup, record_rows, index_writing,
article_adding, store) build on one another; this is the state they share, set up by
ArticleStore.__init__.
"""

from __future__ import annotations

from pathlib import Path
from threading import RLock
from typing import TYPE_CHECKING

from reader.library.chunks import ChunkFiles
from reader.library.entity_index import EntityIndex
from reader.library.lock import DatabaseLock
from reader.library.months import MonthFiles
from reader.library.reading_store import ReadingStore
from reader.models import ArticleMeta, Headline

if TYPE_CHECKING:  # imported when the feeds are first asked for (store.feeds)
    from reader.library.feed_registry import FeedRegistry

LAST_FILE = "last_file"  # in the session: [article id, the index file that holds it]


class StoreState:
    directory: Path
    lock: DatabaseLock
    _lock: RLock  # the lock's thread part: readers in the app's workers
    _months: MonthFiles
    _bodies: ChunkFiles
    reading: ReadingStore
    _entities: EntityIndex | None
    _feeds: FeedRegistry | None
    warnings: list[str]
    _meta: dict[str, ArticleMeta]
    _headlines: dict[str, Headline]
    _loaded: dict[str, tuple[list[str], list[str]]]  # file -> its article and headline ids
    _orphans: dict[str, list[str]]  # article id -> headlines loaded before it
    _complete: bool
    _titles: dict[str, str] | None  # fold(title) -> article id, when needed
    _strings: dict[str, str]  # the few distinct dates, sources, times, chunks
    _streamed: dict[str, tuple[int, ...] | None]  # files batches() read, not kept
    _days: dict[str, list[str]]  # a loaded file's record days (_days_of)
    _where: dict[str, tuple[str, ...]]  # a file batches() read: its ids, sorted
