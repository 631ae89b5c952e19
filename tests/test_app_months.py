"""The app on a store of many months: the first screen loads only the newest months (the
counts are of everything), scrolling down loads older ones, G loads them all, and a view
that needs every month (mark all read, an entity, another order) gets every month."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot

from reader.library.library import Library
from reader.models import Article, Headline
from reader.ui.app import NewsReaderApp
from reader.ui.screens.main import MainScreen
from reader.ui.screens.row_loading import KEPT, WANTED
from reader.ui.widgets.ticker import Ticker
from tests.pilot_support import settle

MONTHS = [f"2024-{m:02}" for m in range(1, 9)]
PER_MONTH = KEPT // 10  # 8 months of articles and headlines: past KEPT


def fill(db: Path) -> Library:
    library = Library(db)
    for month in MONTHS:
        articles, lines = [], []
        for n in range(PER_MONTH):
            title = f"خبر {n} من شهر {month}"
            body = (f"فقرة {n}",)
            article = Article(Article.make_id(title, body), title, body, "t", f"{month}-10")
            at = f"{n % 24:02}:{n % 60:02}"
            line = Headline(Headline.make_id(at, title), at, title, "t", article.id, f"{month}-10")
            articles.append(article)
            lines.append(line)
        library.add(articles, lines)
    library.close()
    return Library(db, lazy=True)


@asynccontextmanager
async def started(db: Path) -> AsyncIterator[tuple[Library, NewsReaderApp, Pilot[None]]]:
    """The app on a lazily opened store of MONTHS, its first screen settled."""
    store = fill(db)
    app = NewsReaderApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        yield store, app, pilot


def items(ticker: Ticker) -> list[str]:
    return [row.text for row in ticker.rows if not row.is_day]


async def test_the_first_screen_is_the_newest_months_and_g_loads_the_rest(db_dir: Path) -> None:
    async with started(db_dir) as (store, app, pilot):
        screen, ticker = app.screen, app.screen.query_one(Ticker)
        assert isinstance(screen, MainScreen)
        total = len(MONTHS) * PER_MONTH
        assert screen.counts.articles == total and screen.counts.headlines == total
        first = items(ticker)
        assert 0 < len(first) < total and not store.complete
        assert first[0].endswith("2024-08")  # newest first
        assert "2024-01" not in " ".join(first)
        await pilot.press("G")  # the very end: every month
        await settle(app, pilot)
        assert len(items(ticker)) == total
        assert ticker.current is not None and "2024-01" in ticker.current.text
        # read a file at a time and not kept: the store holds only what it held
        assert not store.complete and len(store._meta) < total


async def test_after_g_another_process_writing_an_old_month_is_shown(db_dir: Path) -> None:
    """The view of everything read the old months without keeping them; a write to one of
    them by another process still reaches the screen (within the watcher's second)."""
    async with started(db_dir) as (store, app, pilot):
        ticker = app.screen.query_one(Ticker)
        await pilot.press("G")
        await settle(app, pilot)
        title = "خبر متأخر من شهر 2024-01"
        code = (
            "import sys; from reader.library.library import Library; "
            "from reader.models import Article; "
            f"a = Article(Article.make_id({title!r}, ('ف',)), {title!r}, ('ف',), 't', "
            "'2024-01-20'); lib = Library(sys.argv[1]); lib.add([a], []); lib.close()"
        )
        subprocess.run([sys.executable, "-c", code, str(db_dir)], check=True)
        for _ in range(60):
            await pilot.pause(0.1)
            if title in items(ticker):
                break
        assert title in items(ticker)
        assert len(items(ticker)) == len(MONTHS) * PER_MONTH + 1


async def test_scrolling_down_loads_older_months(db_dir: Path) -> None:
    async with started(db_dir) as (store, app, pilot):
        ticker = app.screen.query_one(Ticker)
        shown = len(items(ticker))
        ticker.cursor = len(ticker.rows) - 5  # near the oldest loaded row
        await settle(app, pilot)
        assert shown < len(items(ticker))


async def test_scrolling_on_lists_everything_and_the_store_keeps_only_the_first_pages(
    db_dir: Path,
) -> None:
    async with started(db_dir) as (store, app, pilot):
        ticker = app.screen.query_one(Ticker)
        total = len(MONTHS) * PER_MONTH
        for _ in range(KEPT // WANTED + 2):  # a screen from the oldest loaded row, again
            ticker.cursor = len(ticker.rows) - 5
            await settle(app, pilot)
        assert len(items(ticker)) == total
        assert not store.complete and len(store._meta) < total  # the first pages only
        assert 2 * total > KEPT  # (this store is big enough to go past them)


async def test_mark_all_read_reaches_the_months_not_loaded(db_dir: Path) -> None:
    async with started(db_dir) as (store, app, pilot):
        await pilot.press("A")
        await settle(app, pilot)
    again = Library(db_dir)
    assert all(again.reading.state(m.id).read for m in again.articles())


async def test_a_search_lists_its_matches_in_every_month(db_dir: Path) -> None:
    async with started(db_dir) as (store, app, pilot):
        ticker = app.screen.query_one(Ticker)
        await pilot.press("slash", *"شهر", "enter")  # in every headline of every month
        await settle(app, pilot)  # the newest 300 matches first (FIRST_RESULTS), then all
        screen = app.screen
        assert isinstance(screen, MainScreen) and not screen.found_more
        assert len(screen.found) == 2 * len(MONTHS) * PER_MONTH  # articles and headlines
        assert len(items(ticker)) == len(MONTHS) * PER_MONTH
        assert items(ticker)[0].endswith("2024-08") and items(ticker)[-1].endswith("2024-01")
        await pilot.press("escape", "slash")
        await pilot.pause()  # the search bar has the focus before the digits come
        await pilot.press(*"2024-01", "enter")  # only the oldest month
        await settle(app, pilot)
        assert len(items(ticker)) == PER_MONTH


async def test_opening_an_article_does_not_load_the_entity_index(db_dir: Path) -> None:
    # the entity index costs seconds at 100,000 articles: only an entity filter needs it
    async with started(db_dir) as (store, app, pilot):
        await pilot.press("down", "enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.opened is not None
        assert not store.entities_loaded
