"""Opening an article: read and laid out in a worker (or already, read_ahead.py), shown (and
shown read) in one frame, and the open's writes made after that frame, so no key waits for
them."""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.worker import get_current_worker

from reader.ui.messages import ArticleLoaded, StateSaved
from reader.ui.screens.read_ahead import ReadingAhead
from reader.ui.screens.reading_marks import ReadingMarks
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.ticker import Ticker
from reader.views.article_view import OpenArticle

HOLD = 0.05  # seconds a cold open holds the screen's frames for its article (frame_timer.py)


class ArticleOpening(ReadingMarks, ReadingAhead):
    @on(Ticker.Opened)
    def headline_opened(self, message: Ticker.Opened) -> None:
        row = message.row
        if row.article_id is None:
            self.remember("last_row", row.key)
            self.note = "Ticker headline only: no article to open"
            return
        self.load_article(row.article_id, self.search_query, focus=True, row=row.key)

    def load_article(
        self,
        article_id: str,
        query: str,
        focus: bool = False,
        row: str | None = None,
        mark: bool = True,
        hold: bool = True,
    ) -> None:
        """Show the article: at once if it was read ahead, else when a worker has read it;
        the writes wait until it is on screen (mark_opened). `mark`: opening marks it read
        (p opens without). `hold`: a key's frame waits for the article (HOLD)."""
        if (opened := self.read_already(article_id, query)) is None:
            if hold:  # the key's frame goes with the article, if it is read in time
                self.hold_frames(HOLD)
            self.read_article(article_id, query, focus, row, mark)
            return
        self.workers.cancel_group(self, "article")  # an older open must not replace it
        self.article_loaded(ArticleLoaded(opened, focus, row, mark))

    @work(thread=True, exclusive=True, exit_on_error=False, group="article")
    def read_article(
        self, article_id: str, query: str, focus: bool, row: str | None, mark: bool
    ) -> None:
        opened = self.read(article_id, query)
        if opened is not None and not get_current_worker().is_cancelled:
            self.post_message(ArticleLoaded(opened, focus, row, mark))

    @work(thread=True, exit_on_error=False, group="state")
    def mark_opened(self, opened: OpenArticle, row: str | None, mark: bool = True) -> None:
        """The writes an open makes (each an fsync under the store's lock, and JSON encoding
        that holds the GIL), started after the article is painted so it never waits."""
        article_id, last_row = opened.id, {} if row is None else {"last_row": row}
        if mark:  # (the screen showed it read with the article: article_loaded)
            self.store.mark_opened(article_id, row)  # read, and remembered with the row
        else:
            where = self.store.where_opened(article_id)  # its file, for the next start
            self.store.reading.set_settings({"last_article": article_id, **last_row, **where})
        # an article a killed import left unindexed joins the entity index on open, when
        # the index is loaded already (loading it for this would cost seconds at 100,000
        # articles; the next import or fetch indexes whatever is missing anyway)
        if self.store.entities_loaded and not self.store.entities.has(article_id):
            self.store.entities.add_many({article_id: list(opened.entities)})

    @on(ArticleLoaded)
    def article_loaded(self, message: ArticleLoaded) -> None:
        self.opened, self.shown_link = message.opened, ""
        if message.focus:  # now, not after this frame as Widget.focus() does (call_later)
            self.set_focus(self.query_one(ArticlePane), scroll_visible=False)
        before = self.store.reading.state(message.opened.id)
        if message.mark and not before.read:  # the read mark in the article's frame, not
            read = replace(before, read=True)  # one frame after the write (bench_ssh.py)
            self.state_saved(StateSaved(message.opened.id, read, before))
        self.call_after_refresh(self.mark_opened, message.opened, message.row, message.mark)
        self.release_frames()

    def action_next_unread(self) -> None:
        row = self.query_one(Ticker).find(lambda r: r.unread, 1)
        if row is None or row.article_id is None:
            self.note = "no unread items here"
            return
        self.load_article(row.article_id, self.search_query)

    def action_peek(self) -> None:
        row = self.query_one(Ticker).current
        if row is not None and row.article_id:
            self.load_article(row.article_id, self.search_query, focus=True, mark=False)
