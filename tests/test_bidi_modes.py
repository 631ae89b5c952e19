"""Modes: terminal mode's logical lines, resolve_mode's precedence and detection, the
DECRQM query on a real pseudo-terminal, and the mode switch sequences."""

from __future__ import annotations

import io
import os
import pty
import threading
import time

import pytest

from reader.bidi import BIDI_EXPLICIT, BIDI_IMPLICIT, explicit_bidi, layout_paragraph, resolve_mode
from reader.bidi.tty_query import QUERY, ask, query_bidi_mode


def test_terminal_mode_returns_logical_text_unpadded() -> None:
    line = layout_paragraph("قال Biden إن 68%", 40, "terminal")[0]
    assert line.visual == "قال Biden إن 68%"
    assert line.logical == line.visual
    assert line.padded(40) == line.visual
    assert line.rtl and line.mode == "terminal"


def test_terminal_mode_marks_lines_a_bidi_terminal_would_misread() -> None:
    lines = layout_paragraph("قال Biden إن 68% من", 5, "terminal")
    assert [line.logical for line in lines] == ["قال", "Biden", "إن", "68%", "من"]
    # "Biden" and "68%" follow Arabic letters: ALM (class AL) makes the terminal read the
    # row right to left and "68" as an Arabic number (W2), as in the whole paragraph.
    assert [line.visual for line in lines] == ["قال", "\u061cBiden", "إن", "\u061c68%", "من"]
    assert [line.cells for line in lines] == [3, 5, 2, 3, 2]
    # after Hebrew, RLM; an LTR paragraph's line starting with Arabic gets LRM
    assert layout_paragraph("שלום 50", 4, "terminal")[1].visual == "\u200f50"
    assert layout_paragraph("go to سلام", 5, "terminal")[1].visual == "\u200eسلام"


def test_terminal_mode_wraps_by_logical_cells() -> None:
    # unshaped: "لا" is two cells for a terminal that has not shaped it yet
    assert [line.logical for line in layout_paragraph("لا لا", 3, "terminal")] == ["لا", "لا"]


def test_flag_beats_environment_beats_config_beats_auto() -> None:
    env = {"NEWSREADER_BIDI": "terminal", "VTE_VERSION": "7006"}
    assert resolve_mode("app", env, "terminal") == "app"
    assert resolve_mode(None, env, "app") == "terminal"
    assert resolve_mode(None, {}, "terminal") == "terminal"
    assert resolve_mode("auto", {"MLTERM": "3.9"}, "app") == "terminal"  # auto asked for
    assert resolve_mode(None, {"NEWSREADER_BIDI": ""}, None) == "app"  # empty = unset
    assert resolve_mode(" Terminal ", {}, None) == "terminal"


def test_unknown_values_say_where_they_came_from() -> None:
    with pytest.raises(ValueError, match=r"--bidi.*auto, app or terminal"):
        resolve_mode("rtl", {}, None)
    with pytest.raises(ValueError, match=r"\$NEWSREADER_BIDI"):
        resolve_mode(None, {"NEWSREADER_BIDI": "yes"}, None)
    with pytest.raises(ValueError, match="config"):
        resolve_mode(None, {}, "both")


def test_auto_detection_from_the_environment() -> None:
    never = lambda: pytest.fail("must not ask the terminal")  # noqa: E731
    cases = {
        "app": [{"VTE_VERSION": "7006"}, {"TERM_PROGRAM": "WezTerm"},
                {"WEZTERM_PANE": "0"}, {"TMUX": "/tmp/t,1,0", "MLTERM": "3.9"},
                {"TERM": "screen-256color"}],
        "terminal": [{"MLTERM": "3.9.3"}, {"KONSOLE_VERSION": "230804"}],
    }  # fmt: skip
    for want, envs in cases.items():
        for env in envs:
            assert resolve_mode(None, env, None, query_tty=True, query=never) == want, env


def test_auto_asks_the_terminal_only_when_allowed_and_needed() -> None:
    assert resolve_mode(None, {}, None, query_tty=True, query=lambda: 3) == "terminal"
    for answer in (None, 0, 1, 2, 4):
        assert resolve_mode(None, {}, None, query_tty=True, query=lambda a=answer: a) == "app"
    assert resolve_mode(None, {}, None, query_tty=False, query=lambda: 3) == "app"
    assert resolve_mode(None, {}, True, query=lambda: 3) == "terminal"  # (flag, env, query_tty)


def answering_terminal(reply: bytes | None) -> tuple[int, threading.Thread, list[bytes]]:
    """A pseudo-terminal whose other end answers the query with `reply` (None: silence)."""
    master, slave = pty.openpty()
    heard: list[bytes] = []

    def terminal() -> None:
        got = b""
        while len(got) < len(QUERY):
            got += os.read(master, 64)
        heard.append(got)
        if reply is not None:
            os.write(master, reply)

    thread = threading.Thread(target=terminal, daemon=True)
    thread.start()
    return slave, thread, heard


@pytest.mark.parametrize(
    ("reply", "want"),
    [
        (b"\x1b[8;3$y\x1b[?62;22c", 3),  # mlterm-like: implicit for good
        (b"\x1b[8;1$y\x1b[?65;1c", 1),  # VTE-like: implicit, switchable
        (b"\x1b[?1;2c", None),  # xterm-like: DA1 only, mode 8 unknown
    ],
)
def test_decrqm_query_on_a_pseudo_terminal(reply: bytes, want: int | None) -> None:
    slave, thread, heard = answering_terminal(reply)
    try:
        assert ask(slave, timeout=2.0) == want
        thread.join(2)
        assert heard == [b"\x1b[8$p\x1b[c"]
    finally:
        os.close(slave)


def test_a_silent_terminal_times_out_and_no_tty_means_no_answer(tmp_path) -> None:
    slave, thread, _ = answering_terminal(None)
    try:
        started = time.monotonic()
        assert ask(slave, timeout=0.2) is None
        assert time.monotonic() - started < 1.5
    finally:
        os.close(slave)
    assert query_bidi_mode(tty=str(tmp_path / "missing")) is None
    (tmp_path / "file").write_text("")
    assert query_bidi_mode(tty=str(tmp_path / "file")) is None


def test_mode_switch_sequences() -> None:
    assert BIDI_EXPLICIT == "\x1b[8l" and BIDI_IMPLICIT == "\x1b[8h"

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Tty()
    with explicit_bidi(out):
        out.write("x")
    assert out.getvalue() == "\x1b[8lx\x1b[8h"
    piped = io.StringIO()
    with explicit_bidi(piped):
        pass
    assert piped.getvalue() == ""
    vte = Tty()  # terminal mode: VTE finds each line's direction (RTL lines at the right)
    with explicit_bidi(vte, "terminal"):
        vte.write("x")
    assert vte.getvalue() == "\x1b[?2501hx\x1b[?2501l\x1b[8h"
