"""The feed list (f): every feed with its unread and total counts. Enter shows one feed in
the ticker (the first row, or `a` on the main screen, shows all); `+` subscribes to an
address, `n` renames, `d` twice unsubscribes. Feed fetches and writes run in workers."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from reader.bidi.modes import Mode
from reader.library.store import ArticleStore
from reader.text.sanitize import clean_line
from reader.ui.screens.feed_writes import Choice, FeedWrites
from reader.ui.widgets.feed_list import FeedList
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status_line import Status, StatusLine
from reader.views.feed_rows import FeedRow

HELP = "Enter: show in the ticker · +: add · n: rename · d d: remove · Esc: close"
__all__ = ["Choice", "FeedsScreen"]


class FeedsScreen(FeedWrites):
    BINDINGS = [
        Binding("escape,q,f", "close", "Close"),
        Binding("plus,equals_sign", "ask('add')", "Add"),
        Binding("n", "ask('rename')", "Rename"),
        Binding("d", "remove", "Remove"),
    ]

    def __init__(self, store: ArticleStore, mode: Mode, build: Callable[[], list[FeedRow]]):
        super().__init__(store, mode, build)
        self.asking = ""
        self.armed: str | None = None  # the feed `d` was pressed on once

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds"):
            yield Static(HELP, markup=False, id="feeds-help")
            yield FeedList(id="feed-list").data_bind(FeedsScreen.rows, mode=FeedsScreen.mode)
            yield SearchBar(prompt="> ", id="feed-input").data_bind(mode=FeedsScreen.mode)
            yield StatusLine(id="feed-status").data_bind(FeedsScreen.status, mode=FeedsScreen.mode)

    def on_mount(self) -> None:
        self.reload("")
        self.query_one(FeedList).focus()

    @on(FeedList.Chosen)
    def chosen(self, message: FeedList.Chosen) -> None:
        self.dismiss((message.row.source,))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_ask(self, what: str) -> None:
        row = self.query_one(FeedList).current
        if what == "rename" and (row is None or row.url is None):
            self.status = Status(" feeds |", "not a subscribed feed: nothing to rename")
            return
        self.asking = what
        bar = self.query_one(SearchBar)
        bar.prompt = "address: " if what == "add" else "new name: "
        bar.add_class("-asking")
        bar.focus()

    @on(SearchBar.Submitted)
    def answered(self, message: SearchBar.Submitted) -> None:
        message.stop()
        self._close_input()
        text = message.query.strip()
        row = self.query_one(FeedList).current
        if not text:
            return
        if self.asking == "add":
            self.status = Status(" feeds |", f"fetching {clean_line(text)[:200]} …")
            self.add(text)
        elif row is not None and row.url:
            self.rename(row.url, text)

    @on(SearchBar.Cancelled)
    def _close_input(self) -> None:
        self.query_one(SearchBar).remove_class("-asking")
        self.query_one(FeedList).focus()

    def action_remove(self) -> None:
        row = self.query_one(FeedList).current
        if row is None or row.url is None:
            self.status = Status(" feeds |", "not a subscribed feed: nothing to remove")
            return
        if self.armed != row.url:
            self.armed = row.url
            self.status = Status(" feeds |", f"d again to unsubscribe from {row.label}")
            return
        self.armed = None
        self.unsubscribe(row.url)
