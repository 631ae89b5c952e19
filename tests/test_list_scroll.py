"""How a list (the ticker) scrolls when the cursor steps past its last row on screen: one line
with the terminal's scroll region where the terminal can move the list's rows (the list is
the screen's width, or the terminal has left and right margins); half a page where it cannot
(beside the article, without margins), so that every line is sent again only once in half a
page of steps, not at every step (docs/ssh.md, "Scrolling the lists")."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.feedgen import write_feed
from reader.ingest.pipeline import import_paths
from reader.library.library import Library
from reader.ui.app import NewsReaderApp
from reader.ui.margins import MarginsReport
from reader.ui.widgets.ticker import Ticker
from tests.pilot_support import scrolls, settle


@pytest.fixture
def store(db_dir: Path, tmp_path: Path) -> Library:
    store = Library(db_dir)
    import_paths(store, [write_feed(tmp_path / "feed.xml", 80)])
    return store


@pytest.mark.parametrize(
    ("size", "margins", "step"),
    [((100, 30), False, "half"), ((100, 30), True, "line"), ((80, 24), False, "line")],
    ids=["beside-the-article", "beside-with-margins", "full-width"],
)
async def test_a_step_past_the_last_row(
    store: Library, size: tuple[int, int], margins: bool, step: str
) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        if margins:
            app.post_message(MarginsReport(2))
        ticker = app.screen.query_one(Ticker)
        assert app.screen.focused is ticker
        height = ticker.scrollable_content_region.height
        assert len(ticker.items) > 2 * height
        for _ in range(height - 1 - ticker.cursor):  # to the last row on screen
            await pilot.press("down")
        await settle(app, pilot)
        assert (ticker.cursor, ticker.scroll_offset.y) == (height - 1, 0)
        written = scrolls(app)
        await pilot.press("down")
        await settle(app, pilot)
        assert ticker.cursor == height
        if step == "half":  # the cursor lands in the middle of the list; nothing scrolled
            assert ticker.scroll_offset.y == height - height // 2
            assert written == []
        else:  # one line, by the terminal: one write of the scroll region
            assert ticker.scroll_offset.y == 1
            assert len(written) == 1 and "\x1b[S" in written[0]
            assert ("\x1b[?69h" in written[0]) is margins
        await pilot.press("end")  # and from the end up, past the first row on screen
        await settle(app, pilot)
        top = ticker.scroll_offset.y
        assert top > height
        for _ in range(ticker.cursor - top + 1):
            await pilot.press("up")
        await settle(app, pilot)
        assert ticker.cursor == top - 1
        new_top = ticker.scroll_offset.y
        assert new_top == (top - 1 - height // 2 if step == "half" else top - 1)
