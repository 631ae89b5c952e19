"""Narrowing the ticker: / searches (the newest matches first, then all; n and N go through
them), Enter on an entity in the sidebar filters by it, and Escape clears both and the
feed filter."""

from __future__ import annotations

from textual import on, work
from textual.worker import get_current_worker

from reader.ui.messages import SearchDone
from reader.ui.screens.row_loading import RowLoading
from reader.ui.widgets.entity_sidebar import EntitySidebar
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.ticker import Ticker

FIRST_RESULTS = 300  # a search shows the newest this many matches first, then all


class Search(RowLoading):
    @on(EntitySidebar.Chosen)
    def entity_chosen(self, message: EntitySidebar.Chosen) -> None:
        self.entity_filter = message.entity
        self.query_one(Ticker).focus()

    def action_clear(self) -> None:
        had_search = bool(self.search_query)
        self.entity_filter, self.search_query, self.found, self.note = None, "", frozenset(), ""
        self.feed_filter, self.link_number = (None,), 0
        if had_search:
            self._reload()  # the whole ticker again
        if had_search and self.opened:
            self.load_article(self.opened.id, "")  # without the match highlights

    def action_search(self) -> None:
        self.searching = True
        self.query_one(SearchBar).focus()

    @on(SearchBar.Submitted)
    def search_submitted(self, message: SearchBar.Submitted) -> None:
        self._close_search()
        self.search_query = message.query.strip()
        self.run_search(self.search_query)

    @on(SearchBar.Cancelled)
    def _close_search(self) -> None:
        self.searching = False
        self.query_one(Ticker).focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, query: str) -> None:
        """The newest matches at once (an index lookup that stops early), then all."""
        worker = get_current_worker()
        first = self.store.search(query, newest=FIRST_RESULTS)
        if len(first) < FIRST_RESULTS:
            self.post_message(SearchDone(query, frozenset(first)))
            return
        self.post_message(SearchDone(query, frozenset(first), first=True))
        found = self.store.search(query)
        if not worker.is_cancelled:
            self.post_message(SearchDone(query, frozenset(found)))

    @on(SearchDone)
    def search_done(self, message: SearchDone) -> None:
        if message.query != self.search_query:
            return  # a newer search replaced it
        more, self.found_more = self.found_more, message.first
        self.found = message.found
        if not more:  # the first answer to this search: go to the first match
            self.action_next_match(1)
        if self.found:
            self._reload()  # the ticker, filtered to the results

    def action_next_match(self, step: int) -> None:
        found = self.found
        row = self.query_one(Ticker).find(lambda r: r.key in found or r.article_id in found, step)
        if row is not None and row.article_id:
            self.load_article(row.article_id, self.search_query)
        elif row is None and self.search_query:
            self.note = f"لا نتائج: {self.search_query}"
