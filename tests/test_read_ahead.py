"""Reading ahead (reader/ui/screens/read_ahead.py): the article under a resting cursor is
read before Enter, Enter then shows that article without reading it again, and a read-ahead
article is used only for the search and the store it was read for."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.ingest.pipeline import seed_if_new
from reader.library.library import Library
from reader.models import Article
from reader.ui.app import NewsReaderApp
from reader.ui.messages import StoreChanged
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.ticker import Ticker
from reader.views.ticker_row import TickerRow
from tests.pilot_support import settle


@pytest.fixture
def store(db_dir: Path) -> Library:
    store = Library(db_dir)
    seed_if_new(store)
    return store


def count_reads(store: Library) -> list[str]:
    """The ids the app reads from the store, in order."""
    reads: list[str] = []
    read = store.article

    def counted(article_id: str) -> Article | None:
        reads.append(article_id)
        return read(article_id)

    store.article = counted  # type: ignore[method-assign]
    return reads


async def rest(app: NewsReaderApp, pilot: Any, ready: Callable[[], bool]) -> None:
    """Until the read ahead the cursor's rest starts has been handled."""
    deadline = time.monotonic() + 10
    while not ready():
        assert time.monotonic() < deadline, "nothing was read ahead"
        await asyncio.sleep(0.05)
        await settle(app, pilot)


def parts(app: NewsReaderApp) -> tuple[MainScreen, Ticker]:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen, screen.query_one(Ticker)


async def rest_on_the_next_row(app: NewsReaderApp, pilot: Any, reads: list[str]) -> TickerRow:
    """j, then rest there until that row's article, and only it, has been read ahead."""
    ticker = parts(app)[1]
    await pilot.press("j")
    under = ticker.current
    assert under is not None and under.article_id
    await rest(app, pilot, lambda: reads == [under.article_id])
    return under


async def test_enter_shows_the_article_read_while_the_cursor_rested(store: Library) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen, ticker = parts(app)
        reads = count_reads(store)
        under = await rest_on_the_next_row(app, pilot, reads)
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.opened is not None and screen.opened.id == under.article_id
        assert screen.opened.article.title == under.text
        assert screen.opened.entities  # analysed: the sidebar has its entities
        assert reads == [under.article_id]  # not read a second time
        assert store.reading.state(under.article_id).read  # and marked read as any open


async def test_a_read_ahead_is_not_used_for_another_search(store: Library) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen, ticker = parts(app)
        reads = count_reads(store)
        under = await rest_on_the_next_row(app, pilot, reads)
        word = screen.query_one(Ticker).current.text.split()[0]  # type: ignore[union-attr]
        screen.search_query = word  # as a search that leaves the cursor where it is
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.opened is not None and screen.opened.id == under.article_id
        assert any(s.style == "match" for s in screen.opened.spans)  # highlighted
        assert reads == [under.article_id, under.article_id]


async def test_a_read_ahead_is_forgotten_when_the_store_changes(store: Library) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen, ticker = parts(app)
        reads = count_reads(store)
        under = await rest_on_the_next_row(app, pilot, reads)
        screen.post_message(StoreChanged())  # another process wrote: read it again
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.opened is not None and screen.opened.id == under.article_id
        assert reads == [under.article_id, under.article_id]


async def test_an_older_open_still_reading_does_not_replace_a_read_ahead_one(
    store: Library,
) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen, ticker = parts(app)
        first = ticker.current
        assert first is not None and first.article_id
        release, read = threading.Event(), store.article

        def slow(article_id: str) -> Article | None:
            if article_id == first.article_id:
                release.wait(10)  # the first open's read takes long
            return read(article_id)

        store.article = slow  # type: ignore[method-assign]
        await pilot.press("j")
        second = ticker.current
        assert second is not None and second.article_id
        await rest(app, pilot, lambda: screen.read_already(second.article_id, "") is not None)
        ticker.cursor = ticker.rows.index(first)  # no rest: Enter at once, read by a worker
        await pilot.press("enter")
        ticker.cursor = ticker.rows.index(second)
        await pilot.press("enter")  # read ahead: shown at once
        assert screen.opened is not None and screen.opened.id == second.article_id
        release.set()  # the first open's read ends now
        await settle(app, pilot)
        assert screen.opened is not None and screen.opened.id == second.article_id


async def test_an_open_lays_out_no_widget_again(store: Library) -> None:
    """The pane's region does not depend on its lines: an open sets its size without a
    layout of the screen (a reflow of every widget, in a frame of its own), and the scroll
    limits still follow the article."""
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen, _ = parts(app)
        layouts: list[object] = []
        lay_out = screen._refresh_layout

        def counted(*args: Any, **kwargs: Any) -> None:
            layouts.append(args)
            lay_out(*args, **kwargs)

        screen._refresh_layout = counted  # type: ignore[method-assign]
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.pause(0.1)  # past the next frames
        pane = screen.query_one(ArticlePane)
        assert pane.opened is not None
        assert layouts == []
        assert pane.max_scroll_y == len(pane.lines) - pane.size.height > 0
        await pilot.press("end")
        assert pane.scroll_y == pane.max_scroll_y
