"""ArticleStore: articles, ticker headlines and reading state in TinyDB files.

Layout of a database directory (docs/library.md):
  index/YYYY-MM.json  one month's articles' metadata and ticker headlines (months.py)
  bodies/cNNNNNN.json article bodies in chunks of about 256 KiB (chunks.py)
  state/NN.json   reading state in 64 shards; state.json: the session (ArticleStore.reading)
  entities/       the entity index: which article mentions which entity (derived)
  feeds.json      the subscriptions (FeedRegistry)
  search.sqlite   the full-text index (derived, SQLite FTS5)
  lock            the advisory lock every writer takes
Opening loads the months as they are needed: `load_newest` for a first screen, everything
for any question about the whole store. Showing the ticker never parses a body; marking an
article read rewrites one small state shard and the session. Every write happens under the
lock, after re-reading whatever another process changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library.article_adding import ArticleAdding
from reader.library.chunks import ChunkFiles
from reader.library.disk import StoreError
from reader.library.entity_index import EntityIndex
from reader.library.lock import database_lock
from reader.library.months import MonthFiles
from reader.library.reading_store import ReadingStore
from reader.library.upgrade import upgrade
from reader.models import Article

if TYPE_CHECKING:
    from reader.library.feed_registry import FeedRegistry

__all__ = ["ArticleStore", "StoreError"]


class ArticleStore(ArticleAdding):
    def __init__(self, directory: Path, *, lazy: bool = False) -> None:
        """`lazy`: load no month yet (the app's first screen asks for the newest)."""
        self.directory = Path(directory)
        if self.directory.exists() and not self.directory.is_dir():
            raise StoreError(f"{self.directory} is not a directory")
        self.lock = database_lock(self.directory)
        self._lock = self.lock.thread
        self._months = MonthFiles(self.directory)
        new = not self._months.names()
        upgrade(self.directory, self.lock)
        self._bodies = ChunkFiles(self.directory / "bodies")
        self._meta, self._headlines, self._loaded, self._orphans = {}, {}, {}, {}
        self._complete = False
        self._titles = None
        self._strings, self._streamed, self._days, self._where = {}, {}, {}, {}
        self._feeds = None
        if not lazy:
            self.load_all()
            self.sweep()  # the app sweeps after its first screen
        self.reading = ReadingStore(self.directory / "state.json", self.lock)
        self._entities = None
        self.warnings = list(self.reading.warnings)
        # new, or the seeding of a new library was cut short (its batch spans months)
        self.is_new = new or self.reading.setting("seeding") is True

    def sweep(self) -> None:
        """Remove a killed writer's temporary files, if the database can be written now."""
        self.lock.try_sweep()

    @property
    def complete(self) -> bool:
        return self._complete

    @property
    def entities_loaded(self) -> bool:
        return self._entities is not None

    @property
    def entities(self) -> EntityIndex:
        """The entity index, loaded when first needed (the first screen never needs it).
        A damaged one is set aside and rebuilt here, with a warning."""
        with self._lock:
            if self._entities is None:
                self._entities = EntityIndex(self.directory / "entities.json", self.lock)
                self.warnings.extend(self._entities.warnings)
                if self._entities.warnings:
                    self.index_pending()
            return self._entities

    def unindexed(self) -> list[str]:
        """Stored articles with no entity-index entry yet, oldest first."""
        with self._lock:
            return self.entities.missing(m.id for m in self.articles())

    @property
    def feeds(self) -> FeedRegistry:
        """The subscriptions, written under the same lock (imported here: with the text
        sanitiser it is ~10 ms of a start that shows the ticker only)."""
        if self._feeds is None:
            from reader.library.feed_registry import FeedRegistry

            self._feeds = FeedRegistry(self.directory, self.lock)
        return self._feeds

    def subscribe(self, outlines: list[tuple[str, str | None, str | None]]) -> list[str]:
        """Subscribe to (url, name, site) found in an OPML file; the addresses that are new."""
        return [feed.url for feed in self.feeds.add_many(outlines)]

    def index(self, articles: Iterable[Article]) -> None:
        """Enter these articles in the entity index (the extractor runs here, not in add)."""
        from reader.library.indexing import index_entities

        index_entities(self, articles)

    def index_pending(self) -> int:
        """Index every stored article that has no entry (a kill came between add and index);
        how many there were."""
        from reader.library.indexing import index_pending

        return index_pending(self)

    def close(self) -> None:
        with self._lock:
            self.reading.close()
            if self._entities is not None:
                self._entities.close()
            if self._feeds is not None:
                self._feeds.close()
