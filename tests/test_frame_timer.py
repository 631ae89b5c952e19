"""The main screen's frame timer (reader/ui/frame_timer.py): Textual's own loop with the
late-tick skip one interval shorter, checked against Textual's source and on a fake clock."""

from __future__ import annotations

import ast
import asyncio
import inspect
import textwrap
from pathlib import Path

import pytest
from textual import _time
from textual._context import active_app
from textual.screen import Screen
from textual.timer import Timer

from reader.ingest.pipeline import seed_if_new
from reader.library.library import Library
from reader.ui import frame_timer
from reader.ui.app import NewsReaderApp
from reader.ui.frame_timer import FrameTimer
from reader.ui.screens.main import MainScreen

TEXTUAL_SKIP = "count = int((now - start) / _interval + 1)"
OUR_SKIP = "count = int((now - start) / _interval)"


def code(source: str) -> str:
    """A function's code without its docstring and comments, to compare two of them."""
    definition = ast.parse(textwrap.dedent(source)).body[0]
    assert isinstance(definition, ast.AsyncFunctionDef)
    first = definition.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        definition.body = definition.body[1:]
    return ast.dump(definition)


def test_the_loop_is_textuals_but_for_the_skip() -> None:
    # Fails when Textual changes its timer loop: FrameTimer must then be looked at again
    # (and deleted, if Textual's skip no longer waits an interval too many).
    textual = inspect.getsource(Timer._run)
    assert TEXTUAL_SKIP in textual
    patched = textual.replace(TEXTUAL_SKIP, OUR_SKIP)
    assert code(inspect.getsource(FrameTimer._run)) == code(patched)


def test_textual_makes_its_frame_timer_where_the_screen_replaces_it() -> None:
    source = inspect.getsource(Screen)
    assert source.count("self.set_interval(\n                UPDATE_PERIOD,") == 1
    assert "def _update_timer(self) -> Timer:" in source


class Target:
    """What a timer is for (only held by a weak reference)."""


async def ticks(timer_class: type[Timer], monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """When a 10-unit paused timer ticks: resumed at 0, then again late (at 35) and at once
    after that tick, as a screen does when a second frame follows a first."""
    clock = [0.0]
    monkeypatch.setattr(_time, "get_time", lambda: clock[0])

    async def fake_sleep(seconds: float) -> None:
        clock[0] += seconds
        await asyncio.sleep(0)

    monkeypatch.setattr(frame_timer, "sleep", fake_sleep)
    monkeypatch.setattr("textual.timer.sleep", fake_sleep)
    seen: list[float] = []
    target = Target()
    timer = timer_class(target, 10, callback=lambda: (seen.append(clock[0]), timer.pause()))
    timer.pause()

    errors: list[BaseException] = []

    class App:  # what a timer's tick asks of the app
        _exit = False
        features: frozenset[str] = frozenset()

        def _handle_exception(self, error: BaseException) -> None:
            errors.append(error)

    active_app.set(App())  # type: ignore[arg-type]
    timer._start()

    async def spin() -> None:
        for _ in range(20):
            await asyncio.sleep(0)

    timer.resume()
    await spin()  # a tick at 10, then the loop waits, paused, from 20
    clock[0] = 35.0
    timer.resume()
    await spin()  # a late tick at 35
    timer.resume()  # a second frame wanted at once
    await spin()
    timer.stop()
    assert errors == []
    return seen


async def test_after_a_late_tick_the_next_is_at_most_an_interval_away(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert await ticks(FrameTimer, monkeypatch) == [10.0, 35.0, 40.0]


async def test_textuals_own_timer_waits_an_interval_more(monkeypatch: pytest.MonkeyPatch) -> None:
    # Why FrameTimer exists: when this fails, Textual's skip is fixed and FrameTimer can go.
    assert await ticks(Timer, monkeypatch) == [10.0, 35.0, 50.0]


async def test_the_main_screen_paints_on_a_frame_timer(db_dir: Path) -> None:
    store = Library(db_dir)
    seed_if_new(store)
    app = NewsReaderApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert isinstance(screen._update_timer, FrameTimer)
        assert screen._update_timer in screen._timers
