"""Each widget alone in a small harness app that owns the state and binds it down, as the
main screen does (Textual's tests/test_data_bind.py shape): what it draws, which lines it
repaints, and what its messages carry."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual import on
from textual.app import App, ComposeResult
from textual.message import Message
from textual.reactive import var

import reader.ui
from reader.bidi import clear_caches
from reader.bidi.layout import _layout
from reader.bidi.modes import Mode
from reader.library.entity_index import IndexedEntity
from reader.models import Article
from reader.ui.warm_up import SAMPLE
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.entity_sidebar import EntityRow, EntitySidebar, label_line
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status_line import Status, StatusLine
from reader.ui.widgets.ticker import Ticker
from reader.views.article_layout import META, TITLE, article_lines
from reader.views.article_view import OpenArticle, analyse
from reader.views.ticker_rows import TickerRow

ROWS = tuple(
    TickerRow(key=f"h{i}", text=f"خبر رقم {i} عن غزة", time=f"10:{i:02}", article_id=f"a{i}")
    for i in range(40)
)
LONG = Article("long", "عنوان طويل", tuple(f"فقرة رقم {i} " * 12 for i in range(30)), "test")


class Harness(App[None]):
    """Owns the state like MainScreen and binds it into the widget under test."""

    mode: var[Mode] = var[Mode]("app")
    rows: var[tuple[TickerRow, ...]] = var[tuple[TickerRow, ...]](())
    opened: var[OpenArticle | None] = var[OpenArticle | None](None)
    status: var[Status] = var(Status())

    def __init__(self, widget: str) -> None:
        super().__init__()
        self.widget, self.messages = widget, list[Message]()

    def compose(self) -> ComposeResult:
        match self.widget:
            case "ticker":
                yield Ticker().data_bind(rows=Harness.rows, mode=Harness.mode)
            case "sidebar":
                yield EntitySidebar().data_bind(opened=Harness.opened, mode=Harness.mode)
            case "article":
                yield ArticlePane().data_bind(opened=Harness.opened, mode=Harness.mode)
            case "status":
                yield StatusLine().data_bind(status=Harness.status, mode=Harness.mode)
            case "search":
                yield SearchBar().data_bind(mode=Harness.mode)

    @on(Ticker.Opened)
    @on(EntitySidebar.Chosen)
    @on(SearchBar.Submitted)
    def record(self, message: Message) -> None:
        self.messages.append(message)


def count_lines(widget: Any, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the y of every line the widget renders from now on."""
    drawn: list[int] = []
    original = type(widget).render_line

    def render_line(self: Any, y: int) -> Any:
        drawn.append(y)
        return original(self, y)

    monkeypatch.setattr(type(widget), "render_line", render_line)
    return drawn


async def test_ticker_cursor_move_renders_only_the_two_rows_it_touches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Harness("ticker")
    async with app.run_test(size=(60, 20)) as pilot:
        app.rows = ROWS
        ticker = app.query_one(Ticker)
        ticker.focus()
        await pilot.pause()
        drawn = count_lines(ticker, monkeypatch)
        await pilot.press("j")
        await pilot.pause()
        assert ticker.cursor == 1
        assert sorted(set(drawn)) == [0, 1]


async def test_ticker_keeps_its_row_when_rows_change_and_repaints_only_changed_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Harness("ticker")
    async with app.run_test(size=(60, 20)) as pilot:
        app.rows = ROWS
        ticker = app.query_one(Ticker)
        ticker.cursor = 5
        await pilot.pause()
        drawn = count_lines(ticker, monkeypatch)
        read = replace(ROWS[3], unread=True)
        app.rows = ROWS[:3] + (read,) + ROWS[4:]  # one row changes (its mark)
        await pilot.pause()
        assert sorted(set(drawn)) == [3]
        app.rows = ROWS[2:]  # two rows gone above: the cursor follows its row
        await pilot.pause()
        assert ticker.current == ROWS[5]


async def test_a_change_is_painted_at_the_next_frame_even_while_the_widget_is_busy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The screen is told of a widget's lines to paint when they change, not when the
    widget's own message loop is next idle (reader/ui/widgets/prompt_repaint.py): one
    handler's changes to several panes go out in one frame (an open, docs/ssh.md)."""
    app = Harness("ticker")
    async with app.run_test(size=(60, 20)) as pilot:
        app.rows = ROWS
        ticker = app.query_one(Ticker)
        await pilot.pause()
        drawn = count_lines(ticker, monkeypatch)
        ticker.call_later(asyncio.sleep, 2)  # the ticker's message loop is busy for 2 s
        await asyncio.sleep(0.05)  # (pilot.pause would wait for the ticker to be idle)
        app.rows = ROWS[:3] + (replace(ROWS[3], unread=True),) + ROWS[4:]
        await asyncio.sleep(0.5)
        assert drawn == [3]


async def test_enter_on_the_ticker_posts_the_row(monkeypatch: pytest.MonkeyPatch) -> None:
    app = Harness("ticker")
    async with app.run_test(size=(60, 20)) as pilot:
        app.rows = ROWS
        app.query_one(Ticker).focus()
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert [m.row for m in app.messages if isinstance(m, Ticker.Opened)] == [ROWS[2]]


async def test_sidebar_groups_entities_and_enter_posts_the_entity() -> None:
    app = Harness("sidebar")
    people = IndexedEntity("k1", "جو بايدن", "PERSON", 3)
    place = IndexedEntity("k2", "غزة", "PLACE", 5)
    async with app.run_test(size=(30, 12)) as pilot:
        app.opened = OpenArticle(LONG, (place, people))
        sidebar = app.query_one(EntitySidebar)
        sidebar.focus()
        await pilot.pause()
        labels = [row.label for row in sidebar.items]
        assert labels == ["أشخاص", "جو بايدن (3)", "أماكن", "غزة (5)"]
        assert sidebar.current is not None and sidebar.current.entity == people  # not a heading
        await pilot.press("j", "enter")  # over the أماكن heading to غزة
        await pilot.pause()
        assert [m.entity for m in app.messages if isinstance(m, EntitySidebar.Chosen)] == [place]


async def test_article_pane_keeps_its_place_on_a_mode_change_and_starts_a_new_one_at_top() -> None:
    app = Harness("article")
    async with app.run_test(size=(50, 15)) as pilot:
        app.opened = OpenArticle(LONG)
        pane = app.query_one(ArticlePane)
        pane.focus()
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert pane.scroll_y > 0
        place = pane.scroll_y
        app.mode = "terminal"
        await pilot.pause()
        assert pane.scroll_y == place
        assert pane.lines[0].line is not None and pane.lines[0].line.visual == "عنوان طويل"
        app.opened = OpenArticle(Article("other", "خبر آخر", ("نص",) * 60, "test"))
        await pilot.pause()
        assert pane.scroll_y == 0


async def test_status_line_repaints_only_when_its_text_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Harness("status")
    async with app.run_test(size=(60, 1)) as pilot:
        app.status = Status(" app | 3 articles |", "غزة (Esc)")
        await pilot.pause()
        status = app.query_one(StatusLine)
        drawn = count_lines(status, monkeypatch)
        app.status = Status(" app | 3 articles |", "غزة (Esc)")  # equal: nothing to do
        await pilot.pause()
        assert drawn == []
        app.status = Status(" app | 2 articles |", "غزة (Esc)")
        await pilot.pause()
        assert drawn == [0]
        assert status.render_line(0).text.startswith(" app | 2 articles |")


async def test_search_bar_submits_the_logical_query() -> None:
    app = Harness("search")
    async with app.run_test(size=(40, 3)) as pilot:
        app.query_one(SearchBar).focus()
        await pilot.press("غ", "ز", "x", "backspace", "ة", "enter")
        await pilot.pause()
        assert [m.query for m in app.messages if isinstance(m, SearchBar.Submitted)] == ["غزة"]


async def test_ticker_cursor_move_repaints_only_the_time_column_of_the_two_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Harness("ticker")
    async with app.run_test(size=(60, 20)) as pilot:
        app.rows = ROWS
        ticker = app.query_one(Ticker)
        ticker.focus()
        await pilot.pause()
        regions: list[Any] = []
        original = Ticker.refresh

        def refresh(self: Ticker, *args: Any, **kwargs: Any) -> Any:
            regions.extend(args)
            return original(self, *args, **kwargs)

        monkeypatch.setattr(Ticker, "refresh", refresh)
        await pilot.press("j")
        await pilot.pause()
        width = ticker.scrollable_content_region.width
        assert [(r.x, r.y, r.width) for r in regions] == [(width - 8, 0, 8), (width - 8, 1, 8)]


def test_a_long_entity_name_is_cut_but_keeps_its_count() -> None:
    office = IndexedEntity("k3", "ديوان رئاسة الوزراء العراقي", "ORG", 12)
    line = label_line(EntityRow(f"{office.text} ({office.count})", office), 20, "app")
    assert line.cells <= 20 and line.logical.endswith("… (12)")
    assert line.logical.startswith("ديوان رئاسة")
    short = label_line(EntityRow("غزة (5)", IndexedEntity("k2", "غزة", "PLACE", 5)), 20, "app")
    assert short.logical == "غزة (5)"


class Styled(Harness):
    CSS_PATH = str(Path(reader.ui.__file__).with_name("reader.tcss"))  # the app's styles
    CSS = "ArticlePane { scrollbar-size-vertical: 0; overflow-y: scroll; }"  # as #article


async def test_a_sidebar_heading_underlines_its_word_not_the_blanks() -> None:
    app = Styled("sidebar")
    async with app.run_test(size=(30, 12)) as pilot:
        app.opened = OpenArticle(LONG, (IndexedEntity("k2", "غزة", "PLACE", 5),))
        await pilot.pause()
        heading = app.query_one(EntitySidebar).render_line(0)
        underlined = "".join(text for text, style, _ in heading if style and style.underline)
        assert underlined.strip() == underlined and len(underlined) == len("أماكن")
        assert heading.cell_length == app.query_one(EntitySidebar).scrollable_content_region.width


async def test_an_article_laid_out_ahead_in_a_thread_is_shown_without_laying_it_out() -> None:
    app = Styled("article")  # the app's CSS: no scrollbar to appear and change the width
    fresh = Article(
        "fresh", "عنوان", tuple(f"فقرة جديدة {uuid.uuid4()} " * 9 for _ in range(9)), "t"
    )
    async with app.run_test(size=(50, 15)) as pilot:
        pane = app.query_one(ArticlePane)
        await pilot.pause()
        opened = OpenArticle(fresh)
        await asyncio.to_thread(pane.lay_out_ahead, opened)  # as the screen's worker does
        misses = _layout.cache_info().misses
        app.opened = opened
        await pilot.pause()
        assert len(pane.lines) > 9 and _layout.cache_info().misses == misses


async def test_the_article_pane_lays_a_sample_out_soon_after_start() -> None:
    clear_caches()  # what an earlier test laid out does not count
    app = Styled("article")
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause(0.8)
        await app.workers.wait_for_complete()
        pane = app.query_one(ArticlePane)
        misses = _layout.cache_info().misses
        article_lines(SAMPLE, pane.text_width, pane.mode, analyse(SAMPLE).spans)
        assert _layout.cache_info().misses == misses  # the first open finds the layer warm


async def test_the_article_draws_its_margins_and_padding_in_the_panes_own_style() -> None:
    # the title is bold and the meta line muted, their margins not: an open after a
    # scrolled article rewrites only the cells whose look changes
    app = Styled("article")
    dated = Article("dated", "عنوان", ("نص الخبر " * 3,) * 9, "المصدر", "2021-02-01")
    async with app.run_test(size=(50, 15)) as pilot:
        app.opened = OpenArticle(dated)
        await pilot.pause()
        pane = app.query_one(ArticlePane)
        assert [line.block for line in pane.lines[:2]] == [TITLE, META]
        plain = pane.rich_style
        for y in range(3):  # the title, the meta line, the blank line after it
            cells = [(c, s) for text, s, _ in pane.render_line(y) for c in text]
            inner = cells[2:-2]  # inside the rule and blank either side
            letters = [i for i, (c, _) in enumerate(inner) if c != " "] or [len(inner)]
            start, end = letters[0], letters[-1] + 1
            margins = cells[:2] + cells[-2:] + inner[:start] + inner[end:]  # and the padding
            assert {s for _, s in margins} == {plain}, y
            assert y == 2 or plain not in {s for c, s in inner[start:end] if c != " "}
