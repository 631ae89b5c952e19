"""A few deliberate SVG snapshots of the whole screen (pytest-textual-snapshot): the
right-to-left layout, the left-to-right one, and the narrow one, each with seed 000 open.

Deterministic: the seeds in a fresh database, a fixed size, UTC, not inside tmux (no tmux
note), nothing that blinks or ticks (the app has no timers and no blinking cursor). After a
change that is meant to alter the screen: `pytest tests/test_snapshots.py --snapshot-update`,
then look at the new SVGs (tests/__snapshots__/) before committing them. A browser shows
Arabic in these SVGs reversed (it runs bidi again on visual text, docs/bidi.md); what they
pin is the cells.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from reader.ingest.pipeline import seed_if_new
from reader.library.library import Library as ArticleStore
from reader.ui.app import NewsReaderApp
from tests.pilot_support import settle


@pytest.fixture
def app(db_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[NewsReaderApp]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.delenv("TMUX", raising=False)
    store = ArticleStore(db_dir)
    seed_if_new(store)
    yield NewsReaderApp(store)
    store.close()
    monkeypatch.undo()
    time.tzset()


def keys(*pressed: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot.app, pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot.app, pilot)

    return run_before


class TestLayouts:
    def test_right_to_left(self, app: NewsReaderApp, snap_compare: Any) -> None:
        assert snap_compare(app, terminal_size=(100, 30), run_before=keys("enter"))

    def test_left_to_right(self, app: NewsReaderApp, snap_compare: Any) -> None:
        assert snap_compare(app, terminal_size=(100, 30), run_before=keys("L", "enter"))

    def test_narrow(self, app: NewsReaderApp, snap_compare: Any) -> None:
        assert snap_compare(app, terminal_size=(80, 24), run_before=keys("enter"))
