"""The panes' lines built straight from `render_line` (reader/ui/widgets/plain_lines.py) are
the lines Textual's styles cache builds, for the app's own styles; a style that would
change them sends the widget through Textual's path."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from reader.ingest.pipeline import seed_if_new
from reader.library.library import Library
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.entity_sidebar import EntitySidebar
from reader.ui.widgets.plain_lines import PlainLines
from reader.ui.widgets.ticker import Ticker
from tests.pilot_support import settle


@pytest.fixture
def store(db_dir: Path) -> Library:
    store = Library(db_dir)
    seed_if_new(store)
    return store


def both(widget: PlainLines, region: Region) -> tuple[list[Strip], list[Strip]]:
    """The widget's lines as it renders them, and as Textual's styles cache does."""
    widget._styles_cache.clear()
    ours = widget.render_lines(region)
    widget._styles_cache.clear()
    theirs = Widget.render_lines(widget, region)
    return ours, theirs


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_the_panes_lines_are_the_styles_caches_lines(
    store: Library, no_color: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if no_color:  # Textual adds a line filter that takes the colours away
        monkeypatch.setenv("NO_COLOR", "1")
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # an article, and its entities in the sidebar
        await settle(app, pilot)
        panes = [app.screen.query_one(kind) for kind in (Ticker, ArticlePane, EntitySidebar)]
        for pane in panes:
            assert isinstance(pane, PlainLines) and pane._plain()  # the short path is taken
            width, height = pane.size
            for region in (Region(0, 0, width, height), Region(3, 2, width - 5, height - 4)):
                ours, theirs = both(pane, region)
                assert [list(line) for line in ours] == [list(line) for line in theirs]
                assert sum(line.cell_length for line in ours) == region.width * region.height
        names = [s.text for line in both(panes[1], panes[1].region.reset_offset)[0] for s in line]
        assert any(len(text.strip()) > 3 for text in names)  # the article's text was drawn


async def test_a_style_that_changes_the_lines_takes_textuals_path(store: Library) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        pane = app.screen.query_one(ArticlePane)
        pane.styles.padding = (1, 2)
        pane.styles.tint = "red 20%"
        await settle(app, pilot)
        assert not pane._plain()
        ours, theirs = both(pane, pane.region.reset_offset)
        assert [list(line) for line in ours] == [list(line) for line in theirs]
