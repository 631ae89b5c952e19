"""The installed `newsreader` in a real terminal (tmux): a fresh database, keys sent, the
screen read back with capture-pane and compared with `newsreader show --json`."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from tests.tmux_session import Tmux, as_drawn, newsreader_command

SEED_004_TIMES = [
    "13:49",
    "09:47",
    "13:46",
    "09:45",
    "02:43",
    "13:41",
    "01:37",
    "00:31",
    "12:59",
    "12:55",
    "12:53",
    "12:51",
    "12:45",
    "12:44",
    "12:42",
]
# The wide layout at 120 columns (reader/ui/reader.tcss): the sidebar takes 22 columns on
# the left, the ticker 30% (36) on the right, the article the 62 between (the widest pane),
# with a rule and a blank cell each side of its text.
TEXT_START, TEXT_WIDTH = 24, 58


def start_app(env: dict[str, str], width: int = 120, height: int = 36) -> Tmux:
    tmux = Tmux(width, height, env)
    tmux.type(f"{newsreader_command()} --bidi app; echo EXITED $?")
    tmux.send("Enter")
    return tmux


def article_text(screen: list[str], start: int, width: int, top: int = 0) -> list[str]:
    """The article's text cells on each screen row above the status line, margins checked."""
    rows = screen[top:-2]  # the status line, and capture-pane's trailing empty line
    for row in rows:
        row = row.ljust(start + width + 1)
        assert row[start - 1] == " " and row[start + width] == " ", f"margins: {row!r}"
    return [as_drawn(row.ljust(start + width)[start : start + width]) for row in rows]


def expected_lines(env: dict[str, str], article_id: str, width: int) -> list[str]:
    """`newsreader show --json` at the pane's width: every screen line, blank ones too."""
    shown = subprocess.run(
        [newsreader_command(), "show", article_id, "--json", "--width", str(width)]
        + ["--bidi", "app"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    out: list[str] = []
    paragraph = None
    for line in json.loads(shown.stdout)["lines"]:
        if line["paragraph"] != paragraph and line["paragraph"] > 1:
            out.append("")  # a blank line before each paragraph of the body
        paragraph = line["paragraph"]
        out.append(as_drawn(line["visual"]))
    return [line.ljust(width) for line in out]


def first_article(env: dict[str, str]) -> str:
    listed = subprocess.run(
        [newsreader_command(), "list", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return str(json.loads(listed.stdout)[0]["id"])


def test_ticker_shows_seed_times_and_article_matches_show_json(env: dict[str, str]) -> None:
    tmux = start_app(env)
    try:
        screen = tmux.wait_for("13:49")
        text = "\n".join(screen)
        for time in SEED_004_TIMES:
            assert time in text, time
        tmux.send("Enter")  # the cursor starts on the first article (seed 000)
        expected = expected_lines(env, first_article(env), TEXT_WIDTH)
        title = expected[0].strip()
        screen = tmux.wait_until(lambda rows: title in as_drawn(rows[0]))
        pane = article_text(screen, TEXT_START, TEXT_WIDTH)
        assert len(pane) >= 30
        assert pane == expected[: len(pane)]
        assert "\u0627" in "".join(screen)  # alef sent as its letter, not as U+FE8D
        tmux.send("q")
        tmux.wait_for("EXITED 0")
    finally:
        tmux.close()


def burst(log: Path, start: int, quiet: float = 0.5, timeout: float = 20) -> bytes:
    """What the app wrote from offset `start` (tmux pipe-pane) once something came and then
    nothing for `quiet` seconds."""
    size, since, deadline = start, time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < deadline and (size == start or time.monotonic() - since < quiet):
        time.sleep(0.02)
        now = log.stat().st_size if log.exists() else 0
        if now != size:
            size, since = now, time.monotonic()
    return log.read_bytes()[start:size]


def written(log: Path) -> int:
    return log.stat().st_size if log.exists() else 0


def test_an_open_goes_out_in_one_frame(env: dict[str, str], tmp_path: Path) -> None:
    """Opening an article changes the article pane, the sidebar and the ticker's row (its
    read mark, and its cursor shown unfocused): one update carries them all, and no empty
    update follows (each update ends with the attributes reset, `CSI 0 m`). The ticker's
    row used to go out a frame later: 30-40 ms at 100,000 articles. Textual's move of the
    hidden cursor home after each update (`CSI 1;1 H`) is not sent: no widget shows it."""
    tmux = start_app(env)
    try:
        tmux.wait_for("13:49")
        log = tmp_path / "out"
        tmux._tmux("pipe-pane", "-o", "-t", tmux.name, f"cat >> {log}")
        settled, since = written(log), time.monotonic()
        while time.monotonic() - since < 1.5:  # the first screen's later frames (all rows)
            time.sleep(0.05)
            if written(log) != settled:
                settled, since = written(log), time.monotonic()
        for key in ["Enter", "Tab", "Down"] * 3:  # open, back to the ticker, the next one
            start = written(log)
            tmux.send(key)
            out = burst(log, start)
            if key == "Enter":
                assert out.count(b"\x1b[0m") == 1 and out.endswith(b"\x1b[0m"), out[-300:]
                assert b"\x1b[1;1H" not in out
    finally:
        tmux.close()


# (terminal size, first row, first column and width of the article's text): the wide layout,
# and the narrow one (ticker on top: 9 rows with its rule; the article the full width).
LAYOUTS = [((120, 36), 0, TEXT_START, TEXT_WIDTH), ((80, 24), 9, 1, 78)]


@pytest.mark.parametrize(("size", "top", "start", "width"), LAYOUTS, ids=["wide", "narrow"])
def test_scrolled_article_shows_the_right_lines(
    env: dict[str, str], size: tuple[int, int], top: int, start: int, width: int
) -> None:
    """Whatever the app sends to scroll (a repaint, or the terminal's own scrolling), the
    screen must end up showing the article's lines from the right offset."""
    tmux = start_app(env, *size)
    try:
        tmux.wait_for("13:49")
        tmux.send("Enter")
        expected = expected_lines(env, first_article(env), width)
        tmux.wait_until(lambda rows: expected[0].strip() in as_drawn(rows[top]))
        height = len(article_text(tmux.screen(), start, width, top))
        assert len(expected) > height + 4, "the article must be longer than the pane"
        offset, last = 0, len(expected) - height
        keys = [(["Down"], 1), (["Down"], 1), (["Down"] * 3, 3), (["PageDown"], height - 1)]
        for key, step in keys:
            tmux.send(*key)  # three at once: scrolls that come before the last one is painted
            offset = min(last, offset + step)
            want = expected[offset : offset + height]
            tmux.wait_until(lambda rows, want=want: article_text(rows, start, width, top) == want)
        tmux.send("Up")
        want = expected[offset - 1 : offset - 1 + height]
        tmux.wait_until(lambda rows: article_text(rows, start, width, top) == want, timeout=10)
    finally:
        tmux.close()


@pytest.mark.parametrize("term", ["xterm", "screen", "tmux-256color", "linux"])
def test_usable_with_each_term_and_no_color_and_restored_on_ctrl_c(
    env: dict[str, str], term: str
) -> None:
    tmux = start_app({**env, "TERM": term, "NO_COLOR": "1"}, 80, 24)
    try:
        tmux.wait_for("13:49")
        status = tmux.wait_for("articles")[-2]  # the status line
        assert "--bidi terminal" in status  # tmux keeps CSI 8 l from the outer terminal
        tmux.send("C-c")
        after = tmux.wait_for("EXITED")
        assert not any("13:49" in line for line in after)  # alternate screen left
    finally:
        tmux.close()


def test_an_lf_keeps_its_column_while_the_app_runs_and_the_tty_gets_its_cr_back(
    env: dict[str, str],
) -> None:
    """The driver turns the tty's ONLCR off (reader/ui/line_feeds.py: an LF moves down in
    its column, the writer's one-byte move); when the app exits the shell's tty adds the CR
    again, as before it started."""
    tmux = Tmux(120, 36, env)
    try:
        tty = tmux._tmux("display-message", "-p", "-t", tmux.name, "#{pane_tty}").strip()

        def flags() -> list[str]:
            done = subprocess.run(["stty", "-F", tty, "-a"], capture_output=True, text=True)
            return done.stdout.split()

        assert "onlcr" in flags()  # the shell's tty, before the app
        tmux.type(f"{newsreader_command()} --bidi app; echo EXITED $?")
        tmux.send("Enter")
        tmux.wait_for("13:49")
        assert "-onlcr" in flags()
        tmux.send("q")
        tmux.wait_for("EXITED 0")
        assert "onlcr" in flags()
    finally:
        tmux.close()
