"""The ticker's rows: built in a worker for the filters, the order and the search results,
newest months first; again when another process writes or the reader scrolls towards the
oldest loaded row; and, once the first rows are shown, the article the reader left open."""

from __future__ import annotations

import gc

from textual import on, work
from textual.worker import get_current_worker

from reader.library.entity_index import IndexedEntity
from reader.models import ArticleMeta, Headline
from reader.ui.messages import Counts, RowsBuilt, StoreChanged
from reader.ui.screens.article_opening import ArticleOpening
from reader.ui.screens.background_work import BackgroundWork
from reader.ui.widgets.ticker import Ticker
from reader.views.ticker_rows import TickerRow, build_rows

WANTED = 600  # records the first screen loads (the newest files); as many more per scroll
KEPT = 8 * WANTED  # scrolling further reads the whole view a file at a time (only rows kept)


class RowLoading(ArticleOpening, BackgroundWork):
    _wanted = WANTED  # records in memory for the whole view (0: every month)
    _held = 0  # records the last first page read (whole files: often more than wanted)
    _restored = False
    _to_end = False  # G reached the oldest loaded row: go on to the oldest of all

    def watch_entity_filter(self) -> None:
        self.note = ""
        self._reload()

    def _view_changed(self) -> None:
        self.note = ""
        self._reload()
        self._update_status()

    watch_feed_filter = watch_order = watch_show_read = _view_changed

    @on(StoreChanged)
    def store_changed(self, message: StoreChanged) -> None:
        self.forget_read_ahead()
        self._reload(message.note)

    def _reload(self, note: str = "") -> None:
        """Rows for the filters, and only the search results when a search found some."""
        found = self.found if self.search_query and self.found else None
        self.load_rows(self.entity_filter, note, found)

    def watch_other_writers(self) -> None:
        """Every second: has another process (an import, a cron fetch) written?"""
        if not any(w.group == "watch" and not w.is_finished for w in self.workers):
            self.take_in_changes()

    @work(thread=True, exit_on_error=False, group="watch")
    def take_in_changes(self) -> None:
        if self.store.refresh():
            self.post_message(StoreChanged())  # the ticker keeps its cursor, the pane its article

    def _near_the_end(self, cursor: int) -> None:
        """Scrolling towards the oldest loaded row: load older months; past KEPT records (and
        at the very end, G) the view of everything, read a file at a time, so the store
        never holds more than the first pages however far the reader scrolls."""
        everything = self.counts.articles + self.counts.headlines
        if not self._wanted or self._wanted >= everything or not self._whole_view():
            return
        if cursor < len(self.rows) - 2 * max(self.size.height, 10):
            return
        self._to_end = cursor >= len(self.rows) - 1
        more = max(self._wanted, self._held) + WANTED  # at least one file more
        self._wanted = 0 if self._to_end or more > KEPT else more
        self._reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="rows")
    def load_rows(
        self, chosen: IndexedEntity | None, note: str, found: frozenset[str] | None = None
    ) -> None:
        """The ticker's rows and the counts, built off the UI thread. Newest first, the rows
        of the newest months come first (the whole view stops there until the reader scrolls
        down; a filter's first page is shown at once, all of it follows); other orders
        need every month."""
        store, worker = self.store, get_current_worker()
        only: set[str] | None = None
        if chosen is not None:
            only = set(store.entities.articles_mentioning(chosen.key))
        if found is not None:
            only = set(found) if only is None else only & found
        states = store.reading.states()
        articles, headlines = store.counts()
        read = store.reading.read_count()
        counts = Counts(articles, articles - read, headlines)

        def build(lines: list[Headline], metas: list[ArticleMeta]) -> tuple[TickerRow, ...]:
            return tuple(build_rows(
                lines, metas, states, only,
                order=self.order, feed=self.feed_filter[0], show_read=self.show_read,
            ))  # fmt: skip

        if worker.is_cancelled:  # a newer view was asked for while this one waited
            return
        if self.order == "newest":
            lines, metas = store.recent(self._wanted or WANTED)
            some = self._held = len(lines) + len(metas)
            if self._wanted and self._whole_view() or some >= articles + headlines:
                self.post_message(RowsBuilt(build(lines, metas), counts, note))
                return
            if articles + headlines > 2 * some:  # a first page at once, the rest follows
                self.post_message(RowsBuilt(build(lines, metas), counts, note, first_page=True))
        # Every month, a file at a time: only the rows stay in memory (at 100,000 articles
        # the store's records were 90 MB beside the rows' 11).
        rows = tuple(store.rows(
            states, only, order=self.order, feed=self.feed_filter[0],
            show_read=self.show_read, cancelled=lambda: worker.is_cancelled,
        ))  # fmt: skip
        if not worker.is_cancelled:
            self.post_message(RowsBuilt(rows, counts, note))

    @on(RowsBuilt)
    def rows_built(self, message: RowsBuilt) -> None:
        self.rows, self.counts = message.rows, message.counts
        self._positions = message.positions  # where each article's rows are, for restate
        if message.note:
            self.note = message.note
        if self._to_end and not message.first_page:
            self._to_end = False
            self.call_after_refresh(self.query_one(Ticker).action_jump, -1)
        if not self._restored:  # the article the reader left open, once the rows are there
            self._restored = True
            gc.enable()  # off while the app started (reader.cli.main)
            self.call_after_refresh(self._after_first_screen)
            if last := self.store.reading.setting("last_article"):
                self.load_article(last, "", hold=False)  # the first rows at once
