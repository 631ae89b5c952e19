"""The headline list stepped past its last row in a real terminal (tmux). Where the list spans
the screen (80x24) the app scrolls it with the terminal's scroll region and sends one new
line; beside the article (100x30), where tmux cannot scroll part of a row, it moves half a
page. Either way the screen must end up as a full repaint draws it: the oracle is tmux's own
screen (cells, colours and attributes) after a resize has made the app repaint everything."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from benchmarks.feedgen import write_feed
from tests.tmux_session import Tmux, cells, newsreader_command


def styled(tmux: Tmux) -> list[list[tuple[str, tuple[str, ...]]]]:
    """Every row above the status line as cells: the character, its attributes and colours
    (`capture-pane -e`; a blank as its background, unless a line or reverse video shows on
    it: a blank's bold or foreground colour does not show, and the writer may leave them)."""
    return cells(tmux._tmux("capture-pane", "-p", "-e", "-t", tmux.name))[:-1]


def settled(
    tmux: Tmux, quiet: float = 0.6, timeout: float = 30
) -> list[list[tuple[str, tuple[str, ...]]]]:
    """The screen once it has not changed for `quiet` seconds."""
    deadline, last = time.monotonic() + timeout, styled(tmux)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = styled(tmux)
        if now == last:
            return now
        last = now
    raise AssertionError("the screen never settled")


def repainted(tmux: Tmux, width: int, height: int) -> list[list[tuple[str, tuple[str, ...]]]]:
    """The screen after the app has repainted all of it (a resize and back)."""
    before = styled(tmux)
    tmux._tmux("resize-window", "-t", tmux.name, "-x", str(width + 1), "-y", str(height))
    deadline = time.monotonic() + 30
    while styled(tmux) == before and time.monotonic() < deadline:
        time.sleep(0.1)
    tmux._tmux("resize-window", "-t", tmux.name, "-x", str(width), "-y", str(height))
    return settled(tmux)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["narrow", "wide"])
def test_a_list_stepped_past_its_end_shows_what_a_full_repaint_shows(
    env: dict[str, str], tmp_path: Path, size: tuple[int, int]
) -> None:
    feed = write_feed(tmp_path / "feed.xml", 80)  # every headline its own words
    subprocess.run([newsreader_command(), "import", str(feed)], env=env, check=True)
    width, height = size
    tmux = Tmux(width, height, env)
    try:
        tmux.type(f"{newsreader_command()} --bidi app; echo EXITED $?")
        tmux.send("Enter")
        tmux.wait_for("headlines")
        start = settled(tmux)
        for _ in range(height + 3):  # one at a time: past the last row, then on
            tmux.send("Down")
            time.sleep(0.15)
        tmux.send("Down", "Down", "Down")  # faster than frames
        scrolled = settled(tmux)
        assert scrolled != start
        assert scrolled == repainted(tmux, width, height)
        for _ in range(height + 8):  # and back up, past the first row on screen
            tmux.send("Up")
            time.sleep(0.15)
        back = settled(tmux)
        assert back == repainted(tmux, width, height)
    finally:
        tmux.close()
