"""Read and starred marks: r, s and A write in workers (never while a key waits), and the
ticker's row and the unread count change in place when the write is done."""

from __future__ import annotations

from textual import on, work

from reader.models import ReadingState
from reader.ui.messages import Counts, StateSaved, StoreChanged
from reader.ui.screens.main_state import MainState
from reader.ui.widgets.ticker import Ticker
from reader.views.ticker_rows import restate


class ReadingMarks(MainState):
    def action_toggle_state(self, what: str) -> None:
        row = self.query_one(Ticker).current
        article_id = (row.article_id if row else None) or (self.opened and self.opened.id)
        if article_id:
            self.save_state(article_id, what)

    @work(thread=True, exit_on_error=False, group="state")
    def save_state(self, article_id: str, what: str) -> None:
        """Store writes (an fsync) happen here, never while a key waits."""
        before = self.store.reading.state(article_id)
        state = self.store.toggle(article_id, what)  # flips what is on disk now
        self.post_message(StateSaved(article_id, state, before))

    @on(StateSaved)
    def state_saved(self, message: StateSaved) -> None:
        """One row changes, and the count: no rebuild (a pass over the whole store)."""
        self.rows = restate(self.rows, message.article_id, message.state, self._positions)
        change = int(message.before.read) - int(message.state.read)
        c = self.counts
        self.counts = Counts(c.articles, c.unread + change, c.headlines)

    def action_mark_all_read(self) -> None:
        if self._whole_view() and not self.store.complete:
            self.mark_read(None)  # every article, also those of months not loaded yet
            return
        ids = tuple(r.article_id for r in self.rows if r.article_id and r.unread)
        if ids:
            self.mark_read(ids)

    @work(thread=True, exit_on_error=False, group="state")
    def mark_read(self, ids: tuple[str, ...] | None) -> None:
        states = self.store.reading
        if ids is None:  # every article: a file at a time, none of them kept
            metas = (meta for _, batch in self.store.batches() for meta in batch)
            ids = tuple(m.id for m in metas if not states.state(m.id).read)
        states.set_many({i: ReadingState(True, states.state(i).starred) for i in ids})
        self.post_message(StoreChanged(f"{len(ids)} marked read"))
