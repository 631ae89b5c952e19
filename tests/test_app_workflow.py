"""The reading-workflow keys, driven by Textual's pilot on a real database directory: feed
list (f, a, +, n, d d), order (S), read filter (H), mark all read (A), next unread (u),
open without marking read (p), open in the browser (o, N o), copy (y), the links list."""

from __future__ import annotations

import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest

from reader.ingest.pipeline import import_paths, seed_if_new
from reader.library.feed_registry import FeedRegistry
from reader.library.library import Library as ArticleStore
from reader.ui.app import NewsReaderApp
from reader.ui.screens.feeds import FeedsScreen
from reader.ui.screens.help import KEYS
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.feed_list import FeedList
from reader.ui.widgets.status_line import StatusLine
from tests.conftest import ROOT
from tests.fixtures.feeds.server import FeedServer
from tests.test_app_pilot import parts, settle

FEED = ROOT / "tests" / "fixtures" / "feeds" / "arabic-rss2.xml"
SOURCE = "أخبار الصباح"  # the feed's title: its items' source
MINISTER = "وزير الخارجية يصل إلى القاهرة في زيارة رسمية"
MINISTER_LINK = "http://news.example/2024/03/05/minister"


@pytest.fixture
def store(db_dir: Path) -> ArticleStore:
    store = ArticleStore(db_dir)
    seed_if_new(store)
    import_paths(store, [FEED])
    return store


def feed_of(screen: MainScreen) -> set[str]:
    return {row.source for row in screen.rows if not row.is_day}


def item_keys(screen: MainScreen) -> list[str]:
    return [row.key for row in screen.rows if not row.is_day]


async def open_minister(app: NewsReaderApp, pilot) -> MainScreen:  # noqa: ANN001
    screen, ticker, _, _ = parts(app)
    row = ticker.find(lambda r: r.text == MINISTER, 1)
    assert row is not None
    await pilot.press("enter")
    await settle(app, pilot)
    assert screen.opened is not None and screen.opened.article.title == MINISTER
    return screen


async def test_feed_list_counts_chooses_a_feed_and_a_shows_all(store: ArticleStore) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = parts(app)[0]
        assert len(feed_of(screen)) > 1
        await pilot.press("f")
        await settle(app, pilot)
        feeds = app.screen
        assert isinstance(feeds, FeedsScreen)
        rows = {row.label: (row.unread, row.total) for row in feeds.rows}
        assert rows[SOURCE] == (3, 3)
        assert rows["كل المصادر"][1] == sum(total for _, total in rows.values()) // 2
        listed = feeds.query_one(FeedList)
        assert listed.find(lambda r: r.source == SOURCE, 1) is not None
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen and screen.feed_filter == (SOURCE,)
        assert feed_of(screen) == {SOURCE} and len(item_keys(screen)) == 3
        await pilot.press("a")
        await settle(app, pilot)
        assert len(feed_of(screen)) > 1


async def test_sort_hide_read_mark_all_read(store: ArticleStore) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = parts(app)[0]
        screen.feed_filter = (SOURCE,)
        await settle(app, pilot)
        newest = item_keys(screen)
        await pilot.press("S")
        await settle(app, pilot)
        assert screen.order == "oldest" and item_keys(screen)[:2] == newest[::-1][:2]
        await pilot.press("S")
        await settle(app, pilot)
        assert screen.order == "feed"
        await pilot.press("S")
        await settle(app, pilot)
        assert screen.order == "newest"
        await pilot.press("A")  # mark all read: only what the ticker shows
        await settle(app, pilot)
        assert not any(r.unread for r in screen.rows)
        seeds = [a for a in store.articles() if a.source != SOURCE]
        assert not any(store.reading.state(a.id).read for a in seeds)
        await pilot.press("H")
        await settle(app, pilot)
        assert screen.rows == ()  # all read: hidden
        await pilot.press("H")
        await settle(app, pilot)
        assert len(item_keys(screen)) == 3


async def test_next_unread_and_open_without_marking_read(store: ArticleStore) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen, ticker, _, _ = parts(app)
        screen.feed_filter = (SOURCE,)
        await settle(app, pilot)
        ticker.focus()
        await pilot.press("p")  # peek: opened, still unread
        await settle(app, pilot)
        peeked = screen.opened
        assert peeked is not None and not store.reading.state(peeked.id).read
        assert store.reading.setting("last_file")[0] == peeked.id  # where the next start finds it
        ticker.focus()
        await pilot.press("u")
        await settle(app, pilot)
        opened = screen.opened
        assert opened is not None and opened.id != peeked.id
        assert store.reading.state(opened.id).read
        assert ticker.current is not None and ticker.current.article_id == opened.id


async def test_article_pane_shows_the_address_and_the_numbered_links(
    store: ArticleStore,
) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await open_minister(app, pilot)
        pane = parts(app)[2]
        texts = [line.line.logical for line in pane.lines if line.line is not None]
        assert texts[-3:] == [
            f"الرابط: {MINISTER_LINK}",
            "[1] http://news.example/cities/cairo",
            "[2] https://other.example/report",
        ]


async def test_o_runs_the_browser_on_the_article_or_link_n(
    store: ArticleStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" >> {opened}\n')
    browser.chmod(browser.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("BROWSER", str(browser))
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await open_minister(app, pilot)
        await pilot.press("o")
        await pilot.press("2", "o")
        await pilot.press("7", "o")  # there is no link 7
        await settle(app, pilot)
        assert "no link [7]" in parts(app)[0].note
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and len(read_lines(opened)) < 2:
            time.sleep(0.05)
        assert read_lines(opened) == [MINISTER_LINK, "https://other.example/report"]


def read_lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


async def test_over_ssh_o_shows_an_osc8_link_and_y_copies(
    store: ArticleStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("BROWSER", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SSH_CONNECTION", "127.0.0.1 5000 127.0.0.1 22")
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = await open_minister(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        status = screen.query_one(StatusLine).status
        assert status.right == MINISTER_LINK and status.link == MINISTER_LINK
        # the counts change after `o` (marking read finishes in a worker): the link stays
        screen.counts = replace(screen.counts, unread=screen.counts.unread + 1)
        await pilot.pause()
        assert screen.query_one(StatusLine).status.link == MINISTER_LINK
        await pilot.press("1", "y")
        await pilot.pause()
        assert app.clipboard == "http://news.example/cities/cairo"


async def test_feed_screen_adds_renames_and_removes(
    store: ArticleStore, server: FeedServer
) -> None:
    url = server.fixture("/atom.xml", "atom-rtl.xml", content_type="application/atom+xml")
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await settle(app, pilot)
        feeds = app.screen
        assert isinstance(feeds, FeedsScreen)
        await pilot.press("plus")
        for ch in url:
            await pilot.press(
                ch if ch not in ":/." else {":": "colon", "/": "slash", ".": "full_stop"}[ch]
            )
        await pilot.press("enter")
        await settle(app, pilot)
        await wait(app, pilot, lambda: any(r.url == url for r in feeds.rows))
        row = next(r for r in feeds.rows if r.url == url)
        assert row.total == 2 and row.unread == 2
        listed = feeds.query_one(FeedList)
        listed.find(lambda r: r.url == url, 1)
        await pilot.press("n", "x", "y", "enter")
        await settle(app, pilot)
        await wait(app, pilot, lambda: FeedRegistry(store.directory).get(url).name == "xy")
        listed.find(lambda r: r.url == url, 1)
        await pilot.press("d")
        await settle(app, pilot)
        assert FeedRegistry(store.directory).get(url) is not None  # once: only asked
        await pilot.press("d")
        await settle(app, pilot)
        await wait(app, pilot, lambda: FeedRegistry(store.directory).get(url) is None)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)


async def test_renaming_a_feed_moves_its_old_and_new_items(
    store: ArticleStore, server: FeedServer
) -> None:
    from reader.feeds.fetch import refresh

    atom = (FEED.parent / "atom-rtl.xml").read_text(encoding="utf-8")
    url = server.add("/atom.xml", body=atom.encode(), content_type="application/atom+xml")
    store.feeds.add(url)
    refresh(store)  # two items, under the feed's own title
    title = "قناة الأخبار العاجلة"
    later = atom.replace("2024:weather", "2024:later").replace("الطقس", "لاحقا")
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = parts(app)[0]
        await pilot.press("f")
        await settle(app, pilot)
        feeds = app.screen
        assert isinstance(feeds, FeedsScreen)
        assert {r.label: r.total for r in feeds.rows}[title] == 2
        feeds.query_one(FeedList).find(lambda r: r.url == url, 1)
        await pilot.press("n", "x", "y", "enter")
        await wait(app, pilot, lambda: any(r.label == "xy" for r in feeds.rows))
        counts = {r.label: (r.unread, r.total) for r in feeds.rows}
        assert counts["xy"] == (2, 2) and title not in counts
        await pilot.press("escape")
        server.add("/atom.xml", body=later.encode(), content_type="application/atom+xml")
        await pilot.press("R")
        await wait(app, pilot, lambda: "fetched" in screen.note)
        await pilot.press("f")
        await settle(app, pilot)
        feeds = app.screen
        assert isinstance(feeds, FeedsScreen)
        counts = {r.label: (r.unread, r.total) for r in feeds.rows}
        assert counts["xy"] == (3, 3) and title not in counts
        feeds.query_one(FeedList).find(lambda r: r.url == url, 1)
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.feed_filter == ("xy",) and len(item_keys(screen)) == 3
    reopened = ArticleStore(store.directory)  # on disk too, bodies included
    sources = [m.source for m in reopened.articles()]
    assert sources.count("xy") == 3 and title not in sources
    assert all(a.source != title for a in reopened.iter_articles())


async def wait(app: NewsReaderApp, pilot, ready) -> None:  # noqa: ANN001
    deadline = time.monotonic() + 15
    while not ready():
        assert time.monotonic() < deadline, "never happened"
        await settle(app, pilot)


def test_every_key_is_in_the_help_and_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    helped = " ".join(key for key, _ in KEYS)
    for binding in MainScreen.BINDINGS:
        keys = binding.key.split(",")  # type: ignore[union-attr]
        if keys[0].isdigit():
            assert "1-9" in helped and "1-9" in readme
            continue
        names = {"slash": "/", "question_mark": "?", "escape": "Esc", "f1": "F1"}
        for key in keys:
            shown = names.get(key, key)
            assert shown in helped or shown.title() in helped, key
            assert f"`{shown}`" in readme or f" {shown} " in readme or f"| {shown}" in readme, key


async def test_r_failures_name_the_feed_and_the_reason(
    store: ArticleStore, server: FeedServer
) -> None:
    gone = server.url("/gone")  # the server answers 404
    FeedRegistry(store.directory).add(gone, "خلاصة مفقودة")
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = parts(app)[0]
        await pilot.press("R")
        await wait(app, pilot, lambda: "fetched" in screen.note)
        assert "خلاصة مفقودة: HTTP 404 Not Found" in screen.note


async def test_escape_clears_the_feed_filter(store: ArticleStore) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = parts(app)[0]
        screen.feed_filter = (SOURCE,)
        await settle(app, pilot)
        assert feed_of(screen) == {SOURCE}
        await pilot.press("escape")
        await settle(app, pilot)
        assert screen.feed_filter == (None,) and len(feed_of(screen)) > 1
