"""Left and right margins (reader/ui/margins.py): the DECRQM answer for mode 69 read among
the keys, the query the driver sends at start on a real pty, and the bytes of a scroll."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import termios
from pathlib import Path

import pytest
from textual import events
from textual.messages import TerminalSupportsSynchronizedOutput

from reader.ingest.pipeline import seed_if_new
from reader.library.library import Library
from reader.ui.app import NewsReaderApp
from reader.ui.margins import QUERY, MarginParser, MarginsReport, scroll, wanted
from tests.test_e2e_terminal import read_until
from tests.tmux_session import newsreader_command


def parsed(*chunks: str) -> list[object]:
    parser = MarginParser()
    out: list[object] = []
    for chunk in chunks:
        out += parser.feed(chunk)
    return out + list(parser.feed(""))


@pytest.mark.parametrize(("setting", "usable"), [(0, False), (1, True), (2, True), (4, False)])
def test_the_answer_for_mode_69_is_passed_on_and_no_key(setting: int, usable: bool) -> None:
    out = parsed(f"a\x1b[?69;{setting}$yb")
    assert [type(m) for m in out] == [events.Key, MarginsReport, events.Key]
    report = out[1]
    assert isinstance(report, MarginsReport) and report.usable is usable
    assert [m.key for m in out if isinstance(m, events.Key)] == ["a", "b"]


def test_an_answer_split_across_reads_is_read_and_other_reports_still_are() -> None:
    out = parsed("\x1b[?6", "9;2$", "y\x1b[?2026;2$y")
    assert [type(m) for m in out] == [MarginsReport, TerminalSupportsSynchronizedOutput]


def test_the_answer_pasted_is_text_not_a_report() -> None:
    out = parsed("\x1b[200~\x1b[?69;2$y\x1b[201~")
    assert events.Paste in map(type, out) and MarginsReport not in map(type, out)


def test_the_escape_hatch_and_apples_terminal_ask_nothing() -> None:
    assert wanted({}) and wanted({"NEWSREADER_MARGINS": "on"})
    assert not wanted({"NEWSREADER_MARGINS": "off"}) and not wanted({"NEWSREADER_MARGINS": "0"})
    assert not wanted({"TERM_PROGRAM": "Apple_Terminal"})


def test_scroll_bytes_with_and_without_margins() -> None:
    assert scroll(2, 20, 1) == "\x1b[3;21r\x1b[S\x1b[r"
    assert scroll(0, 9, -3) == "\x1b[1;10r\x1b[3T\x1b[r"
    assert scroll(0, 27, 2, (24, 73)) == "\x1b[?69h\x1b[1;28r\x1b[25;74s\x1b[2S\x1b[?69l\x1b[r"


def start_on_pty(tmp_path: Path, **extra: str) -> tuple[int, subprocess.Popen[bytes]]:
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {
        **os.environ,
        "NEWSREADER_DB": str(tmp_path / "db"),
        "TERM": "xterm-256color",
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        **extra,
    }
    proc = subprocess.Popen(
        [newsreader_command(), "--bidi", "app"],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        start_new_session=True,
    )
    os.close(child)
    return main, proc


@pytest.mark.parametrize("setting", ["", "off"])
def test_the_driver_asks_at_start_unless_told_not_to(tmp_path: Path, setting: str) -> None:
    main, proc = start_on_pty(tmp_path, NEWSREADER_MARGINS=setting)
    try:
        shown = read_until(main, b"13:49")
        assert b"13:49" in shown
        os.write(main, b"q")
        proc.wait(timeout=30)
    finally:
        proc.kill()
        os.close(main)
    assert (QUERY.encode() in shown) is (setting != "off")


async def test_the_app_keeps_what_the_terminal_said(db_dir: Path) -> None:
    store = Library(db_dir)
    seed_if_new(store)
    app = NewsReaderApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.margins is False  # until the terminal says so
        app.post_message(MarginsReport(2))
        await pilot.pause()
        assert app.margins is True
        app.post_message(MarginsReport(0))
        await pilot.pause()
        assert app.margins is False
