"""The frame hold of a cold open (PromptFrames.hold_frames, reader/ui/frame_timer.py): Down
and Enter sent together are one update, the cursor's with the article's, when the article
is read within the hold's limit; a slower read lets the cursor's frame go out at the limit.
Real workers, and a store whose article reads wait until the test lets them go."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import RenderableType
from textual import events
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.geometry import Region
from textual.screen import Screen

from reader.ingest.pipeline import seed_if_new
from reader.library.library import Library
from reader.models import Article
from reader.ui.app import NewsReaderApp
from reader.ui.screens import article_opening
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.ticker import Ticker
from tests.pilot_support import settle

Cells = list[tuple[int, int, int]]  # an update's spans: row, first column, past the last


@pytest.fixture
def store(db_dir: Path) -> Library:
    store = Library(db_dir)
    seed_if_new(store)
    return store


def slow_reads(store: Library) -> tuple[threading.Event, threading.Event]:
    """Article reads wait for `go`; `reading` is set when one has begun."""
    go, reading, read = threading.Event(), threading.Event(), store.article

    def waiting(article_id: str) -> Article | None:
        reading.set()
        go.wait(30)
        return read(article_id)

    store.article = waiting  # type: ignore[method-assign]
    return go, reading


def record_updates(app: NewsReaderApp) -> list[Cells]:
    """The cells of every update the screen hands to the app (what the terminal is sent)."""
    updates: list[Cells] = []
    display = app._display

    def recorded(screen: Screen[object], renderable: RenderableType | None) -> None:
        if isinstance(renderable, ChopsUpdate):
            updates.append(list(renderable.spans))
        elif isinstance(renderable, LayoutUpdate):
            r = renderable.region
            updates.append([(y, r.x, r.right) for y in range(r.y, r.bottom)])
        display(screen, renderable)

    app._display = recorded  # type: ignore[method-assign]
    return updates


def paints(cells: Cells, region: Region) -> bool:
    return any(
        region.y <= y < region.bottom and x1 < region.right and x2 > region.x for y, x1, x2 in cells
    )


async def until(pilot: Any, done: Callable[[], bool], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.01)


async def down_and_enter(app: NewsReaderApp) -> None:
    """Both keys at once, as the driver posts them when they come in one read."""
    for key, char in (("down", None), ("enter", "\r")):
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)  # type: ignore[union-attr]
    await asyncio.sleep(0)


async def test_the_cursor_is_painted_with_the_article_it_opens(
    store: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(article_opening, "HOLD", 30)  # only the article ends this hold
    app = NewsReaderApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        ticker, pane = app.screen.query_one(Ticker), app.screen.query_one(ArticlePane)
        first = ticker.cursor
        go, reading = slow_reads(store)
        updates = record_updates(app)
        try:
            await down_and_enter(app)
            await until(pilot, reading.is_set)
            await asyncio.sleep(0.2)  # a dozen frame intervals
            await pilot.pause()
            assert ticker.cursor != first  # the key was handled ...
            assert updates == []  # ... and not painted while the article is read
        finally:
            go.set()
        await until(pilot, lambda: bool(updates))
        assert paints(updates[0], ticker.region)
        assert paints(updates[0], pane.region)
        assert app._batch_count == 0
        await settle(app, pilot)


async def test_a_slow_read_lets_the_cursor_out_at_the_limit(
    store: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(article_opening, "HOLD", 0.1)
    app = NewsReaderApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        ticker, pane = app.screen.query_one(Ticker), app.screen.query_one(ArticlePane)
        go, reading = slow_reads(store)
        updates = record_updates(app)
        try:
            await down_and_enter(app)
            await until(pilot, reading.is_set)
            await until(pilot, lambda: bool(updates), timeout=5)  # the read never ends
            assert paints(updates[0], ticker.region)
            assert not paints(updates[0], pane.region)
            assert app._batch_count == 0
        finally:
            go.set()
        await settle(app, pilot)
