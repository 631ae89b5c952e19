"""The reading workflow in real terminals: the feed list and the links list read back from
tmux, the OSC 52 copy landing in tmux's clipboard buffer, and the OSC 8 hyperlink in the
bytes the app writes to a pty (tmux 3.3 drops OSC 8, so a pty is where it can be seen)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import termios
from pathlib import Path

from tests.conftest import ROOT
from tests.pty_session import read_until
from tests.tmux_session import Tmux, newsreader_command

FEED = ROOT / "tests" / "fixtures" / "feeds" / "arabic-rss2.xml"
MINISTER_LINK = "http://news.example/2024/03/05/minister"
CLOSE = b"\x1b]8;;\x1b\\"  # OSC 8 with no URI: the end of a hyperlink


def prepared(env: dict[str, str]) -> dict[str, str]:
    """A database with the seeds and the Arabic feed; times in UTC. Newest first: the feed's
    undated item (stored at today's date), then gold (22:15), then the minister (09:30)."""
    env = {**env, "TZ": "UTC"}
    subprocess.run(
        [newsreader_command(), "import", str(FEED)],
        env={**os.environ, **env}, capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    return env


def start(env: dict[str, str]) -> Tmux:
    tmux = Tmux(120, 36, env)
    tmux.type(f"{newsreader_command()} --bidi app; echo EXITED $?")
    tmux.send("Enter")
    tmux.wait_for("articles")
    return tmux


def test_feed_list_shows_counts_and_choosing_filters(env: dict[str, str]) -> None:
    tmux = start(prepared(env))
    try:
        tmux.send("f")
        screen = tmux.wait_for("    3/3 ")  # the feed: 3 unread of 3
        text = "\n".join(screen)
        # all feeds: 5 articles unread (2 seeds, 3 of the feed) of 19 items (15 + 1 + 3)
        assert "    5/19 " in text and "    1/15 " in text and "    1/1 " in text, text
        tmux.send("j", "j", "j")  # all feeds, then by name: the two seed pages, the feed
        tmux.send("Enter")
        tmux.wait_for("(a: all feeds")  # the status line names the filter

        def filtered(rows: list[str]) -> bool:
            """The feed's two timed items, and none of the seeds' rows (13:49 is the seeds'
            newest): the rows of the frame before may still show for a moment on a loaded
            machine; a row left behind, or no filter, fails here, by the timeout."""
            timed = sum("22:15" in line or "09:30" in line for line in rows)
            return timed == 2 and not any("13:49" in line for line in rows)

        tmux.wait_until(filtered, timeout=10)
        tmux.send("q")
        tmux.wait_for("EXITED 0")
    finally:
        tmux.close()


def test_links_list_and_osc52_copy_reach_the_terminal(env: dict[str, str]) -> None:
    tmux = start(prepared(env))
    try:
        tmux._tmux("set-option", "-s", "set-clipboard", "on")
        tmux.send("j", "j", "Enter")  # the minister's article
        screen = tmux.wait_for("[2] https://other.example/report")
        assert any(MINISTER_LINK in line for line in screen)
        assert any("[1] http://news.example/cities/cairo" in line for line in screen)
        tmux.send("y")
        tmux.wait_for("copied:")
        assert tmux._tmux("show-buffer") == MINISTER_LINK
        tmux.send("2", "y")
        tmux.wait_for("copied: https://other")
        assert tmux._tmux("show-buffer") == "https://other.example/report"
        tmux.send("q")
        tmux.wait_for("EXITED 0")
    finally:
        tmux.close()


def test_over_ssh_o_writes_an_osc8_hyperlink(env: dict[str, str], tmp_path: Path) -> None:
    env = prepared(env)
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    run_env = {k: v for k, v in os.environ.items() if k not in ("BROWSER", "DISPLAY", "TMUX")}
    run_env.update(env, SSH_CONNECTION="127.0.0.1 50000 127.0.0.1 22")
    proc = subprocess.Popen(
        [newsreader_command(), "--bidi", "app"],
        stdin=child, stdout=child, stderr=child, env=run_env, start_new_session=True,
    )  # fmt: skip
    os.close(child)
    try:
        # keys only once the ticker shows the minister's row: under load, keys sent while
        # the rows are still loading land on a shorter list
        screen = read_until(main, b"articles")
        screen += read_until(main, b"09:30") if b"09:30" not in screen else b""
        for key in (b"j", b"j"):  # the minister's row
            os.write(main, key)
            read_until(main, b"\x1b", timeout=2)
        os.write(main, b"\r")  # open it: everything from here on is read, the article's frame
        assert b"example/report" in read_until(main, b"example/report", timeout=30)
        os.write(main, b"o")
        link = re.compile(rb"\x1b\]8;[^;\x1b]*;" + re.escape(MINISTER_LINK.encode()) + rb"\x1b\\")
        out = read_until(main, MINISTER_LINK.encode() + b"\x1b\\", timeout=30)
        opened = link.search(out)
        if opened and CLOSE not in out[opened.end() :]:  # the rest may come in the next chunk
            out += read_until(main, CLOSE, timeout=30)
        os.write(main, b"q")
        proc.wait(timeout=30)
    finally:
        proc.kill()
        os.close(main)
    # what the app wrote after `o`: OSC 8 ; params ; URI ST, the text, then OSC 8 ; ; ST
    opened = link.search(out)
    assert opened is not None, out[-2000:]
    assert CLOSE in out[opened.end() :]  # and the link is closed
