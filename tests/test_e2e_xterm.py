"""The article pane beside the ticker scrolled with the terminal's left and right margins,
in a real xterm (Xvfb): the window's pixels after three one-line scrolls are the same as
after the same keys with the margins turned off (NEWSREADER_MARGINS=off: the pane is
repainted) and as after a full repaint (a resize there and back); one Down costs a line,
not the pane. The tmux analogue is test_e2e_tmux::test_scrolled_article_shows_the_right_lines
(tmux has no margins: the pane is repainted there)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tmux_session import newsreader_command
from tests.xterm_session import Xterm, Xvfb, processes_with

SCROLL = b"\x1b[?69h"  # the margins set: one a terminal scroll
DOWNS = 3


@pytest.fixture
def xvfb() -> Iterator[Xvfb]:
    server = Xvfb()
    try:
        yield server
    finally:
        server.close()


def seeded(env: dict[str, str]) -> None:
    subprocess.run([newsreader_command(), "list"], env=env, check=True, capture_output=True)


def scrolled(xvfb: Xvfb, env: dict[str, str], margins: bool) -> tuple[Xterm, list[int]]:
    """The app in xterm at 100x30 (the wide layout), the first article open and scrolled
    down DOWNS lines, one at a time; the bytes each Down cost."""
    extra = {} if margins else {"NEWSREADER_MARGINS": "off"}
    term = Xterm(xvfb, f"{newsreader_command()} --bidi app", {**env, **extra})
    term.wait_for("13:49", timeout=120)
    size = term.settle(quiet=2)
    term.key("Return")
    term.wait_until(lambda: len(term.output()) > size + 2000, timeout=60)  # the article
    size = term.settle(quiet=2)
    costs = []
    for down in range(1, DOWNS + 1):
        term.key("Down")
        if margins:  # the next Down only after this one's scroll: else the pane repaints
            term.wait_for(SCROLL, count=down, timeout=60)
        else:
            term.wait_until(lambda size=size: len(term.output()) > size, timeout=60)
        now = term.settle(quiet=2)
        costs.append(now - size)
        size = now
    return term, costs


def stable_pixels(term: Xterm) -> bytes:
    """The window once two grabs in a row agree (xterm draws after `script` logs)."""
    shots = [term.pixels()]
    while True:
        shots.append(term.pixels())
        if shots[-1] == shots[-2]:
            return shots[-1]
        assert len(shots) < 100, "the window does not stop changing"


def same_pixels(term: Xterm, want: bytes, where: Path, timeout: float = 60) -> None:
    try:
        term.wait_until(lambda: term.pixels() == want, timeout=timeout)
    except AssertionError:
        (where / "got.xwd").write_bytes(term.dump())
        raise AssertionError(f"the window differs: {where}/got.xwd, want.xwd") from None


def test_scrolled_beside_the_ticker_with_margins_looks_as_repainted(
    xvfb: Xvfb, env: dict[str, str], tmp_path: Path
) -> None:
    seeded(env)
    other = {**env, "NEWSREADER_DB": str(tmp_path / "db-off")}
    shutil.copytree(env["NEWSREADER_DB"], other["NEWSREADER_DB"])  # the same store, unread

    term, repainted = scrolled(xvfb, other, margins=False)
    try:
        assert SCROLL not in term.output()
        want = stable_pixels(term)
        (tmp_path / "want.xwd").write_bytes(term.dump())
    finally:
        term.close()

    term, costs = scrolled(xvfb, env, margins=True)
    try:
        assert term.output().count(SCROLL) == DOWNS
        same_pixels(term, want, tmp_path)
        for columns in (101, 100):  # a full repaint of what the scrolls left
            size = len(term.output())
            term.xdotool("windowsize", "--usehints", term.window, str(columns), "30")
            term.wait_until(lambda size=size: len(term.output()) > size, timeout=60)
            term.settle(quiet=2)
        same_pixels(term, want, tmp_path)
    finally:
        term.close()
    for db in (env["NEWSREADER_DB"], other["NEWSREADER_DB"]):
        assert processes_with(f"NEWSREADER_DB={db}") == []  # close() ended the apps
    # a line's cells and 33 bytes of DECLRMM, DECSTBM, DECSLRM, SU and resets, against the
    # pane's 28 lines repainted
    assert max(costs) < 500 and sum(costs) * 4 < sum(repainted), (costs, repainted)
