"""Shared by the pilot, widget-harness and snapshot tests: waiting for the app to be idle, and
what it writes to the terminal outside its screen updates."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerState


async def settle(app: App[Any], pilot: Pilot[Any], timeout: float = 30) -> None:
    """Until no worker is pending or running and the messages they posted are handled.

    Not `workers.wait_for_complete()`: it raises when a newer exclusive worker cancels the
    one it waits for, which is how the screen is meant to work."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 2:  # twice in a row: a handled message may start another worker
        await pilot.pause()
        busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)
        quiet = 0 if busy else quiet + 1
        if busy:
            await asyncio.sleep(0.01)
        assert time.monotonic() < deadline, f"workers still busy: {list(app.workers)}"


def scrolls(app: App[Any]) -> list[str]:
    """What the app writes through its driver from now on, outside the screen's updates
    (headless, the updates themselves are not written): its terminal scrolls."""
    written: list[str] = []
    assert app._driver is not None
    app._driver.write = written.append  # type: ignore[method-assign]
    return written
