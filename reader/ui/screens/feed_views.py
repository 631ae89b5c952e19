"""Feeds and views: f shows the feeds with their counts and filters by the one chosen; a goes
back to all of them; S cycles the order, H hides or shows read items."""

from __future__ import annotations

from reader.ui.messages import StoreChanged
from reader.ui.screens.main_state import MainState
from reader.ui.widgets.ticker import Ticker
from reader.views.feed_rows import FeedRow, feed_rows
from reader.views.ticker_rows import ORDERS


class FeedViews(MainState):
    def action_feeds(self) -> None:
        from reader.ui.screens.feeds import FeedsScreen

        self.app.push_screen(
            FeedsScreen(self.store, self.bidi_mode, self._feed_rows), self._feed_chosen
        )

    def _feed_rows(self) -> list[FeedRow]:
        """In the feed screen's worker: every feed with its counts, from the unfiltered rows."""
        store = self.store
        rows = store.rows(store.reading.states())
        subscribed = [(f.label, f.url) for f in store.feeds.feeds()]  # the library's own
        return feed_rows(rows, subscribed)

    def _feed_chosen(self, choice: tuple[str | None] | None) -> None:
        if choice is not None:
            self.feed_filter = choice
        self.post_message(StoreChanged())  # counts or feeds may have changed meanwhile
        self.query_one(Ticker).focus()

    def action_all_feeds(self) -> None:
        self.feed_filter = (None,)

    def action_cycle_order(self) -> None:
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        self.remember("order", self.order)

    def action_toggle_read_shown(self) -> None:
        self.show_read = not self.show_read
