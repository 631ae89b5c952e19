"""The installed `newsreader` in a real terminal (tmux): a fresh database, keys sent, the
screen read back with capture-pane and compared with `newsreader show --json`."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.tmux_session import Tmux, newsreader_command

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
BORDER = "│▏▕┃"


def start(env: dict[str, str], width: int = 120, height: int = 36) -> Tmux:
    tmux = Tmux(width, height, env)
    tmux.type(f"{newsreader_command()} --bidi app; echo EXITED $?")
    tmux.send("Enter")
    return tmux


def article_region(screen: list[str], row: int) -> tuple[int, int]:
    """Columns [start, end) between the pane borders on a screen row."""
    line = screen[row]
    borders = [i for i, ch in enumerate(line) if ch in BORDER]
    assert len(borders) >= 2, line
    return borders[0] + 1, borders[-1]


def test_ticker_shows_seed_times_and_article_matches_show_json(env: dict[str, str]) -> None:
    tmux = start(env)
    try:
        screen = tmux.wait_for("13:49")
        text = "\n".join(screen)
        for time in SEED_004_TIMES:
            assert time in text, time
        tmux.send("Enter")  # the cursor starts on the first article (seed 000)
        screen = tmux.wait_until(
            lambda rows: sum(1 for r in rows if r.count("│") >= 2 and r.split("│")[1].strip()) > 20
        )
        listed = subprocess.run(
            [newsreader_command(), "list", "--json"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        biden = json.loads(listed.stdout)[0]["id"]
        start_col, end_col = article_region(screen, 2)
        width = end_col - start_col - 3  # padding, one cell each side; the scrollbar gutter
        shown = subprocess.run(
            [newsreader_command(), "show", biden, "--json", "--width", str(width), "--bidi", "app"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        expected = [line["visual"].ljust(width) for line in json.loads(shown.stdout)["lines"]]
        pane = [row[start_col + 1 : start_col + 1 + width] for row in screen if row.count("│") >= 2]
        pane = [row.ljust(width) for row in pane if row.strip()]
        assert len(pane) >= 10
        assert pane == expected[: len(pane)]
        tmux.send("q")
        tmux.wait_for("EXITED 0")
    finally:
        tmux.close()


@pytest.mark.parametrize("term", ["xterm", "screen", "tmux-256color", "linux"])
def test_usable_with_each_term_and_no_color_and_restored_on_ctrl_c(
    env: dict[str, str], term: str
) -> None:
    tmux = start({**env, "TERM": term, "NO_COLOR": "1"}, 80, 24)
    try:
        tmux.wait_for("13:49")
        tmux.wait_for("articles")  # the status line
        tmux.send("C-c")
        after = tmux.wait_for("EXITED")
        assert not any("13:49" in line for line in after)  # alternate screen left
    finally:
        tmux.close()
