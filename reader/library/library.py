"""The library: the one API the app and the commands use. Intent-level operations over the
store, so each rule (what is indexed, what one write covers, what takes the lock) lives here:
add records, open an article, toggle a state, the ticker's rows for a filter, search."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Mapping
from contextlib import suppress
from pathlib import Path

from reader.library.fulltext import FullText
from reader.library.search import search as scan
from reader.library.store import ArticleStore
from reader.models import Article, Headline, ReadingState
from reader.views.row_collector import RowCollector
from reader.views.ticker_row import TickerRow

SEARCH_FILE = "search.sqlite"


class Library(ArticleStore):
    def __init__(self, directory: Path, *, lazy: bool = False) -> None:
        super().__init__(directory, lazy=lazy)
        self.fulltext = FullText(self.directory / SEARCH_FILE)

    def add(self, articles: list[Article], headlines: list[Headline]) -> tuple[int, int, int]:
        """Store what is new. The search index is derived and costs as much as storing (FTS5
        trigrams of every text): it is entered by the index pass that follows every import
        and fetch (`catch_up_search`, while the workers extract entities), and `search()`
        catches up with whatever is still missing."""
        return super().add(articles, headlines)

    def catch_up_search(self, batch: int = 2000) -> None:
        """Enter in the search index what is stored but not in it yet, `batch` articles at
        a time (a big import's folded text is not held at once)."""
        with suppress(sqlite3.Error):  # derived: search() tries again, `reindex` rebuilds
            if self.fulltext.count() == sum(self.counts()):
                return
            known = self.fulltext.known()
            self.fulltext.add([], [h for h in self.headlines() if h.id not in known])
            articles: list[Article] = []
            for article in self.iter_articles({m.id for m in self.articles()} - known):
                articles.append(article)
                if len(articles) >= batch:
                    self.fulltext.add(articles, [])
                    articles = []
            self.fulltext.add(articles, [])

    def mark_opened(self, article_id: str, row: str | None = None) -> None:
        """The reader opened an article: mark it read and remember it (and the ticker row it
        was opened from, `row`) in one write of the session."""
        settings = {} if row is None else {"last_row": row}
        self.reading.mark_opened(article_id, settings | self.where_opened(article_id))

    def toggle(self, article_id: str, what: str) -> ReadingState:
        """Flip `read` or `starred`."""
        return self.reading.toggle(article_id, what)

    def rows(
        self,
        states: Mapping[str, ReadingState],
        only: Collection[str] | None = None,
        *,
        order: str = "newest",
        feed: str | None = None,
        show_read: bool = True,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> list[TickerRow]:
        """The ticker's rows of everything the filters keep (reader/views/row_collector.py),
        made a file at a time: only the rows stay in memory, never every record. Empty if
        `cancelled()` turns true on the way (a newer view was asked for)."""
        collector = RowCollector(states, only, feed=feed, show_read=show_read)
        for lines, metas in self.batches():
            if cancelled():
                return []
            collector.add(lines, metas)
        return collector.rows(order)

    def search(self, query: str, newest: int | None = None) -> set[str]:
        """Ids of the articles and headlines that contain the query (folded); `newest`:
        only that many, the ones stored last (a first page, answered in milliseconds)."""
        try:
            self._catch_up()
            found = self.fulltext.search(query, newest)
        except sqlite3.Error:  # no usable index (a read-only directory): scan the files
            found = None
        if found is None:  # or a query of one or two letters
            return scan(query, self.headlines(), self.iter_articles())
        return found

    def _catch_up(self) -> None:
        """Index what another process (or a killed one) stored without indexing it."""
        if self.fulltext.count() == sum(self.counts()):
            return
        known = self.fulltext.known()
        articles = {m.id for m in self.articles()} - known
        lines = [h for h in self.headlines() if h.id not in known]
        self.fulltext.add(self.iter_articles(articles), lines)

    def reindex(
        self, entities: bool = True, on_progress: Callable[[str], None] = lambda text: None
    ) -> None:
        """Rebuild the derived indexes (search; entities too) from the TinyDB files."""
        on_progress("search index")
        self.fulltext.clear()
        self._catch_up()
        if entities:
            on_progress("entity index")
            self.entities.clear()
            self.index_pending()

    def close(self) -> None:
        self.fulltext.close()
        super().close()
