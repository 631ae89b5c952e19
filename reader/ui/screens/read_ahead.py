"""Reading ahead: when the ticker's cursor rests on a row, its article is read, analysed and
laid out in a worker, so that Enter shows it without waiting for any of that (the open's
frame is then all that is left on the key's path). A key that comes before the article is
ready takes the usual path: nothing is shown that the store did not give for that key."""

from __future__ import annotations

from textual import on, work
from textual.timer import Timer

from reader.ui.messages import ReadAhead
from reader.ui.screens.main_state import MainState
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.ticker import Ticker
from reader.views.article_view import OpenArticle, analyse

REST = 0.1  # seconds the cursor stays on a row before its article is read (a held key's
# repeats come every 30-40 ms: they read nothing)


class ReadingAhead(MainState):
    _ahead: ReadAhead | None = None  # the last article read ahead, and for which search
    _rest: Timer | None = None

    def cursor_moved(self, cursor: int) -> None:
        """Watched on the ticker's cursor (MainScreen.on_mount)."""
        if self._rest is not None:
            self._rest.stop()
        self._rest = self.set_timer(REST, self._cursor_rested)

    def _cursor_rested(self) -> None:
        row, ahead = self.query_one(Ticker).current, self._ahead
        if row is None or row.article_id is None:
            return
        if ahead is None or ahead.opened.id != row.article_id or ahead.query != self.search_query:
            self.read_ahead(row.article_id, self.search_query)

    def read(self, article_id: str, query: str) -> OpenArticle | None:
        """In a worker: the article with its entities and highlights, laid out at the pane's
        width and mode (the pane's own layout is then a cache hit)."""
        article = self.store.article(article_id)
        if article is None:
            return None
        opened = analyse(article, query)
        self.query_one(ArticlePane).lay_out_ahead(opened)
        return opened

    @work(thread=True, exclusive=True, exit_on_error=False, group="ahead")
    def read_ahead(self, article_id: str, query: str) -> None:
        if (opened := self.read(article_id, query)) is not None:
            self.post_message(ReadAhead(opened, query))

    @on(ReadAhead)
    def was_read_ahead(self, message: ReadAhead) -> None:
        self._ahead = message

    def read_already(self, article_id: str, query: str) -> OpenArticle | None:
        """The article if it was read ahead for this search, else None."""
        ahead = self._ahead
        if ahead is None or ahead.opened.id != article_id or ahead.query != query:
            return None
        return ahead.opened

    def forget_read_ahead(self) -> None:
        """The store changed: an article read before may have been fetched again."""
        self._ahead = None
