"""`fetch --timeout` bounds the whole exchange, and Ctrl-C ends a fetch at once (issue 15).

The server trickles one byte every 0.05 s, so a per-read timeout of 0.5 s never trips: only a
deadline for the whole request (4x the timeout) ends it, wherever the trickle is.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.feeds.fetch import refresh
from reader.library.feed_registry import FeedRegistry
from reader.library.store import ArticleStore
from tests.conftest import ROOT
from tests.fixtures.feeds.server import FeedServer
from tests.fixtures.feeds.trickle import TrickleServer
from tests.tmux_session import Tmux, newsreader_command


@pytest.mark.parametrize("stage", ["status", "headers", "chunk"])
def test_a_trickle_anywhere_in_the_exchange_is_cut_off(stage: str, db_dir: Path) -> None:
    with TrickleServer(stage) as slow:
        FeedRegistry(db_dir).add(slow.url())
        store = ArticleStore(db_dir)
        started = time.monotonic()
        summary = refresh(store, timeout=0.5)
        elapsed = time.monotonic() - started
        store.close()
    assert [f.error for f in summary.failures] == ["download too slow: cut off"]
    assert 1.5 < elapsed < 4, elapsed  # the deadline is 4 x 0.5 s


def fetch_process(db_dir: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_PROXY": "127.0.0.1"}
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "--db", str(db_dir), "fetch", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_for_line(process: subprocess.Popen[str], prefix: str) -> str:
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(prefix):
            return line
    raise AssertionError(f"no line starting {prefix!r}")


@pytest.mark.parametrize("presses", [1, 2])
def test_ctrl_c_ends_a_stuck_fetch_at_once_keeping_what_was_stored(
    presses: int, db_dir: Path, server: FeedServer
) -> None:
    quick = server.fixture("/atom.xml", "atom-rtl.xml")
    with TrickleServer("status", pause=0.5) as slow:
        FeedRegistry(db_dir).add_many([(quick, "quick", None), (slow.url(), "stuck", None)])
        process = fetch_process(db_dir, "--timeout", "60")
        try:
            assert "quick: 2 new" in wait_for_line(process, "[1/2]")
            time.sleep(0.3)
            pressed = time.monotonic()
            for _ in range(presses):
                process.send_signal(signal.SIGINT)
                time.sleep(0.05)
            out, err = process.communicate(timeout=10)
            elapsed = time.monotonic() - pressed
        finally:
            process.kill()
    assert process.returncode == 130 and elapsed < 2, (elapsed, err)
    assert "Traceback" not in err and "interrupted" in err
    store = ArticleStore(db_dir)
    kept = [m for m in store.articles() if m.source == "quick"]
    assert len(kept) == 2  # the quick feed's two items, stored before Ctrl-C
    store.close()


def test_quitting_the_app_during_a_stuck_refresh_ends_the_process(env: dict[str, str]) -> None:
    with TrickleServer("status", pause=0.5) as slow:
        FeedRegistry(Path(env["NEWSREADER_DB"])).add(slow.url(), "stuck")
        tmux = Tmux(100, 30, {**env, "NO_PROXY": "127.0.0.1"})
        try:
            tmux.type(f"{newsreader_command()} --bidi app; echo EXITED $?")
            tmux.send("Enter")
            tmux.wait_for("headlines")  # the status line: the app is up
            tmux.send("R")
            tmux.wait_for("Feeds: refreshing")
            time.sleep(0.5)  # the download is under way, stuck in the status line
            tmux.send("q")
            tmux.wait_for("EXITED 0", timeout=5)
        finally:
            tmux.close()
