"""The feed list's state and its writes: the rows, read again in a worker after every
change, and the workers that subscribe, rename and unsubscribe, each telling the status line
what happened. The keys that start them are in FeedsScreen."""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.reactive import var
from textual.screen import ModalScreen

from reader.bidi.modes import Mode
from reader.library.feed_registry import FeedError, FeedRegistry
from reader.library.store import ArticleStore
from reader.ui.widgets.status_line import Status
from reader.views.feed_rows import FeedRow

Choice = tuple[str | None]  # (source,): the feed chosen, (None,) all feeds


class FeedWrites(ModalScreen[Choice | None]):
    rows: var[tuple[FeedRow, ...]] = var[tuple[FeedRow, ...]](())
    mode: var[Mode] = var[Mode]("app")
    status: var[Status] = var(Status())

    def __init__(self, store: ArticleStore, mode: Mode, build: Callable[[], list[FeedRow]]):
        super().__init__()
        self.store, self.build = store, build
        self.set_reactive(FeedWrites.mode, mode)

    @work(thread=True, exclusive=True, exit_on_error=False, group="feed-rows")
    def reload(self, note: str) -> None:
        rows = tuple(self.build())
        self.app.call_from_thread(self._show, rows, note)

    def _show(self, rows: tuple[FeedRow, ...], note: str) -> None:
        self.rows = rows
        if note:
            self.status = Status(" feeds |", note)

    @work(thread=True, exit_on_error=False, group="feed-write")
    def add(self, url: str) -> None:
        from reader.commands.feed_add import add_feed

        try:
            told = add_feed(self.store, url) or ["cancelled"]
            note = told[-2] if len(told) > 1 else told[0]
        except FeedError as failure:
            note = str(failure)
        self.app.call_from_thread(self.reload, note)

    @work(thread=True, exit_on_error=False, group="feed-write")
    def rename(self, url: str, name: str) -> None:
        from reader.commands.feed_rename import rename_feed

        try:
            feed, moved = rename_feed(self.store, url, name)
            note = f"renamed: {feed.label} ({moved} stored articles and headlines moved)"
        except FeedError as failure:
            note = str(failure)
        self.app.call_from_thread(self.reload, note)

    @work(thread=True, exit_on_error=False, group="feed-write")
    def unsubscribe(self, url: str) -> None:
        registry = FeedRegistry(self.store.directory)
        try:
            feed = registry.remove(url)
        except FeedError as failure:
            self.app.call_from_thread(self.reload, str(failure))
            return
        finally:
            registry.close()
        self.app.call_from_thread(self.reload, f"unsubscribed from {feed.label}; its articles stay")
