"""The app driven by Textual's pilot: navigation, opening, scrolling, search, entity filter,
read/star, bidi switch, narrow layout, reopening where the reader left off."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest.pipeline import seed_if_new
from reader.library.library import Library as ArticleStore
from reader.ui.app import NewsReaderApp
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.entity_sidebar import EntitySidebar
from reader.ui.widgets.ticker import Ticker
from tests.pilot_support import settle

BIDEN_TITLE = "الرئيس الأمريكي جو بايدن يجري أول اتصال هاتفي منذ تنصيبه مع بنيامين نتنياهو"


@pytest.fixture
def store(db_dir: Path) -> ArticleStore:
    store = ArticleStore(db_dir)
    seed_if_new(store)
    return store


def parts(app: NewsReaderApp) -> tuple[MainScreen, Ticker, ArticlePane, EntitySidebar]:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return (
        screen,
        screen.query_one(Ticker),
        screen.query_one(ArticlePane),
        screen.query_one(EntitySidebar),
    )


async def test_ticker_lists_every_headline_and_keys_move(store: ArticleStore) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        _, ticker, _, _ = parts(app)
        times = [row.time for row in ticker.rows if row.time]
        assert sorted(times) == sorted(h.time for h in store.headlines())
        assert ticker.has_focus
        first = ticker.cursor
        assert not ticker.rows[first].is_day
        await pilot.press("j")  # past the next day's label: labels are not selectable
        assert ticker.current.time == "13:49"
        await pilot.press("j")  # newest first within the day too
        assert ticker.current.time == "13:46"
        await pilot.press("k")
        assert ticker.current.time == "13:49"
        await pilot.press("G")
        assert ticker.cursor == len(ticker.rows) - 1
        await pilot.press("g")
        assert ticker.cursor == first


async def test_enter_opens_the_article_marks_it_read_and_space_scrolls(store: ArticleStore) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        _, ticker, pane, _ = parts(app)
        assert ticker.current is not None and ticker.current.text == BIDEN_TITLE
        await pilot.press("enter")
        await settle(app, pilot)
        assert pane.opened is not None and pane.opened.article.title == BIDEN_TITLE
        assert pane.has_focus
        assert store.reading.state(pane.opened.article.id).read
        assert not ticker.current.unread  # the ticker shows it read
        assert len(pane.lines) > pane.size.height
        await pilot.press("space")
        assert pane.scroll_y > 0
        await pilot.press("g")
        assert pane.scroll_y == 0
        await pilot.press("ctrl+d")
        assert pane.scroll_y > 0


async def test_ticker_only_headline_does_not_open_anything(store: ArticleStore) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        _, ticker, pane, _ = parts(app)
        index = next(i for i, r in enumerate(ticker.rows) if r.time == "09:47")
        ticker.cursor = index
        await pilot.press("enter")
        await settle(app, pilot)
        assert pane.opened is None


async def test_search_with_an_arabic_query_and_n_for_next(store: ArticleStore) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen, ticker, pane, _ = parts(app)
        await pilot.press("slash")
        for ch in "لابيد":  # a spelling the seeds do not use (they write لبيد)
            await pilot.press(ch)
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.search_query == "لابيد"
        assert screen.found == frozenset()
        await pilot.press("slash")
        for ch in "الاسرائيلية":  # the text has الإسرائيلية: hamza folded
            await pilot.press(ch)
        await pilot.press("enter")
        await settle(app, pilot)
        matching = [r for r in ticker.rows if r.key in screen.found or r.article_id in screen.found]
        assert len(matching) >= 2
        assert screen.opened is not None and ticker.current in matching  # the first match
        assert screen.opened.id == ticker.current.article_id
        assert any(s.style == "match" for s in screen.opened.spans)
        first = ticker.current
        await pilot.press("n")
        await settle(app, pilot)
        assert ticker.current is not None and ticker.current.key != first.key  # n moved on
        assert ticker.current.key in {r.key for r in matching}
        if ticker.current.article_id:  # a headline-only match has nothing to open
            assert screen.opened.id == ticker.current.article_id
        await pilot.press("N")
        await settle(app, pilot)
        assert ticker.current is not None and ticker.current.key == first.key  # read by now
        opened = screen.opened.id
        await pilot.press("escape")
        await settle(app, pilot)
        assert screen.search_query == "" and screen.found == frozenset()
        assert screen.opened is not None and screen.opened.id == opened  # still open ...
        assert not any(s.style == "match" for s in screen.opened.spans)  # ... unhighlighted


async def test_entity_filter_and_escape(store: ArticleStore) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen, ticker, pane, sidebar = parts(app)
        await pilot.press("enter")
        await settle(app, pilot)
        names = {row.entity.text for row in sidebar.items if row.entity}
        assert {
            "جو بايدن",
            "بنيامين نتنياهو",
            "إسرائيل",
            "الولايات المتحدة",
            "إيران",
            "البيت الأبيض",
        } <= names
        all_rows = len(ticker.rows)
        sidebar.focus()
        index = next(
            i for i, r in enumerate(sidebar.items) if r.entity and r.entity.text == "البيت الأبيض"
        )
        sidebar.cursor = index
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.entity_filter is not None and screen.entity_filter.text == "البيت الأبيض"
        assert [r.article_id for r in ticker.rows] == [pane.opened.article.id]
        await pilot.press("escape")
        await settle(app, pilot)
        assert screen.entity_filter is None and len(ticker.rows) == all_rows


async def test_read_and_star_toggle_and_persist(store: ArticleStore, db_dir: Path) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        _, ticker, _, _ = parts(app)
        article_id = ticker.current.article_id
        await pilot.press("r")
        await settle(app, pilot)
        assert store.reading.state(article_id).read and not ticker.current.unread
        await pilot.press("r")
        await settle(app, pilot)
        assert not store.reading.state(article_id).read and ticker.current.unread
        await pilot.press("s")
        await settle(app, pilot)
        assert ticker.current.starred
    assert ArticleStore(db_dir).reading.state(article_id).starred


async def test_b_switches_bidi_mode_and_the_layout_follows(store: ArticleStore) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen, _, pane, _ = parts(app)
        await pilot.press("enter")
        await settle(app, pilot)
        title_visual = pane.lines[0].line.visual
        assert any(0xFE70 <= ord(c) <= 0xFEFF for c in title_visual)  # shaped
        await pilot.press("b")
        await settle(app, pilot)
        assert screen.bidi_mode == "terminal"
        logical = pane.lines[0].line.visual
        assert logical == pane.lines[0].line.logical and BIDEN_TITLE.startswith(logical)
        await pilot.press("b")
        assert screen.bidi_mode == "app"


async def test_narrow_terminal_stacks_panes_and_e_shows_the_sidebar(store: ArticleStore) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen, ticker, pane, sidebar = parts(app)
        assert screen.has_class("-narrow")
        assert not sidebar.display or sidebar.region.width == 0
        assert ticker.region.width == 80 and pane.region.y > ticker.region.y
        await pilot.press("e")
        await pilot.pause()
        assert sidebar.region.width == 80


@pytest.mark.parametrize(("width", "narrow"), [(80, True), (120, False)])
async def test_the_main_screen_starts_with_its_width_classes_and_alone(
    store: ArticleStore, monkeypatch: pytest.MonkeyPatch, width: int, narrow: bool
) -> None:
    """The terminal's width is known when the screen is made: the first layout has the
    narrow/sidebar classes already (a toggle after it restyles every widget), and the main
    screen is the first screen, not pushed over a default one."""
    seen: list[tuple[bool, bool]] = []
    mount = MainScreen.on_mount

    def on_mount(self: MainScreen) -> None:
        seen.append((self.has_class("-narrow"), self.has_class("-sidebar")))
        mount(self)

    monkeypatch.setattr(MainScreen, "on_mount", on_mount)
    app = NewsReaderApp(store)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(app, pilot)
        assert seen == [(narrow, not narrow)]
        assert app.screen_stack == [app.screen] and isinstance(app.screen, MainScreen)
        assert (app.screen.narrow, app.screen.sidebar) == (narrow, not narrow)


async def test_reopens_where_the_reader_left_off(store: ArticleStore, db_dir: Path) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        _, ticker, _, _ = parts(app)
        ticker.cursor = next(i for i, r in enumerate(ticker.rows) if r.time == "13:49")
        await pilot.press("enter")
        await settle(app, pilot)
        opened = parts(app)[2].opened.id
    again = NewsReaderApp(ArticleStore(db_dir))
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(again, pilot)
        assert parts(again)[2].opened is not None
        assert parts(again)[2].opened.id == opened


async def test_help_lists_the_keys(store: ArticleStore) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_R_refreshes_feeds_in_the_background(store: ArticleStore, server) -> None:  # noqa: ANN001
    from reader.library.feed_registry import FeedRegistry

    FeedRegistry(store.directory).add(server.fixture("/rss", "arabic-rss2.xml"), "صباح")
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        _, ticker, _, _ = parts(app)
        before = len(ticker.rows)
        await pilot.press("R")
        await settle(app, pilot)
        texts = [row.text for row in ticker.rows]
        assert "وزير الخارجية يصل إلى القاهرة في زيارة رسمية" in texts
        assert len(ticker.rows) > before
        assert server.seen("/rss")


async def test_hostile_article_is_shown_clean(store: ArticleStore, tmp_path: Path) -> None:
    from reader.ingest.pipeline import import_paths

    page = tmp_path / "hostile.txt"
    page.write_bytes(
        "\x1b]0;pwned\x07خبر \u202eمقلوب\u202c\x1b[2J\r\n".encode()
        + b"\xff\xfe bad bytes \x00\x07\x9b31m "
        + ("كلمة " * 30000).encode()
    )
    import_paths(store, [page])
    app = NewsReaderApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        _, ticker, pane, _ = parts(app)
        ticker.cursor = next(i for i, r in enumerate(ticker.rows) if r.text.startswith("خبر"))
        await pilot.press("enter")
        await settle(app, pilot)
        assert pane.opened is not None and pane.opened.article.title == "خبر مقلوب"
        drawn = "".join(entry.line.visual for entry in pane.lines if entry.line)
        assert not any(ch in drawn for ch in "\x1b\x00\x07\x9b\u202e\u202c")
        await pilot.press("G")
        assert pane.scroll_y > 100


async def test_arabic_typed_into_search_reads_correctly_while_typing(
    store: ArticleStore,
) -> None:
    from reader.ui.widgets.search_bar import SearchBar

    app = NewsReaderApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "غ", "ز", "ة")
        bar = app.screen.query_one(SearchBar)
        drawn = bar.render_line(0).text
        # غزة: غ initial (U+FECF), ز final (U+FEB0), ة isolated (U+FE93, ز never joins
        # forward); drawn right to left, so ة comes first on screen, the cursor at the left.
        assert "▏\ufe93\ufeb0\ufecf" in drawn
        assert "غزة" not in drawn


async def test_search_field_is_visible_above_the_status_line(store: ArticleStore) -> None:
    from reader.ui.widgets.search_bar import SearchBar
    from reader.ui.widgets.status_line import StatusLine

    app = NewsReaderApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        bar, status = app.screen.query_one(SearchBar), app.screen.query_one(StatusLine)
        assert bar.has_focus and bar.region.height == 1 and status.region.height == 1
        assert bar.region.y == status.region.y - 1  # its own row, not under the status line


async def test_a_damaged_body_file_is_reported_not_fatal(store: ArticleStore) -> None:
    from reader.ui.widgets.status_line import StatusLine

    biden = next(m for m in store.articles() if m.title == BIDEN_TITLE)
    (store.directory / "bodies" / f"{biden.chunk}.json").write_text("{broken", "utf-8")
    store.close()  # forget cached files, as a fresh start would
    app = NewsReaderApp(ArticleStore(store.directory))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        _, ticker, pane, _ = parts(app)
        assert pane.opened is None
        assert "damaged" in app.screen.query_one(StatusLine).right
        await pilot.press("j")  # still alive and moving
        assert ticker.current is not None and ticker.current.time == "13:49"


async def test_the_terminal_cursor_is_placed_only_for_a_widget_that_shows_it(
    store: ArticleStore,
) -> None:
    """After an update the hidden cursor stays where the update left it (Textual's move home
    was 6 bytes a keypress), unless the focused widget places it for an input method, as
    Textual's Input does."""
    from textual.widgets import Input

    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen, ticker, pane, _ = parts(app)
        assert ticker.has_focus and not app._cursor_placed()
        field = Input()
        await screen.mount(field)
        field.focus()
        await pilot.pause()
        assert app._cursor_placed()
        pane.focus()
        await pilot.pause()
        assert not app._cursor_placed()
