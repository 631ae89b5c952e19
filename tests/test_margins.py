"""Left and right margins (reader/ui/margins.py): the DECRQM answer for mode 69 read among
the keys, the query the driver sends at start on a real pty, and the bytes of a scroll."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from rich.segment import Segment
from textual import events
from textual.messages import TerminalSupportsSynchronizedOutput
from textual.strip import Strip

from reader.ingest.pipeline import seed_if_new
from reader.library.library import Library
from reader.ui.app import NewsReaderApp
from reader.ui.margins import QUERY, MarginParser, MarginsReport, scroll, wanted
from reader.ui.shadow import UNKNOWN, Shadow
from reader.ui.widgets.article_pane import ArticlePane
from tests.pilot_support import scrolls, settle
from tests.pty_session import read_quiet, read_until, start_on_pty


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


@pytest.fixture
def store(db_dir: Path) -> Library:
    store = Library(db_dir)
    seed_if_new(store)
    return store


async def test_the_app_keeps_what_the_terminal_said(store: Library) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.margins is False  # until the terminal says so
        app.post_message(MarginsReport(2))
        await pilot.pause()
        assert app.margins is True
        app.post_message(MarginsReport(0))
        await pilot.pause()
        assert app.margins is False


def test_a_scroll_within_margins_moves_only_those_columns_of_the_shadow() -> None:
    shadow = Shadow()
    shadow.reset(6, 4)
    for y, text in enumerate(["abcdef", "ghijkl", "mnopqr", "stuvwx"]):
        shadow.changes(0, y, Strip([Segment(text)]))

    def shown() -> list[str]:
        return ["".join("?" if c == UNKNOWN else c[0] for c in row or []) for row in shadow.rows]

    shadow.scrolled(0, 3, 1, (2, 3))  # columns 2-3 of every row up by one
    assert shown() == ["abijef", "ghopkl", "mnuvqr", "st??wx"]
    shadow.scrolled(1, 3, -2, (0, 0))  # column 0 of rows 1-3 down by two
    assert shown() == ["abijef", "?hopkl", "?nuvqr", "gt??wx"]
    assert shadow.changes(2, 0, Strip([Segment("ij")])) == []  # known where it was moved to


@pytest.mark.parametrize("margins", [False, True])
async def test_one_line_down_beside_the_ticker(store: Library, margins: bool) -> None:
    """Without margins the pane beside the ticker is repainted (nothing written here); with
    them one write sets the region and the margins, scrolls and resets them."""
    app = NewsReaderApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        if margins:
            app.post_message(MarginsReport(2))
        await pilot.press("enter")
        await settle(app, pilot)
        pane = app.screen.query_one(ArticlePane)
        assert app.screen.focused is pane and pane.max_scroll_y > 3
        region = pane.content_region
        assert region.x > 0 and region.right < 100  # beside the ticker, the sidebar
        written = scrolls(app)
        await pilot.press("down")
        await settle(app, pilot)
        assert pane.scroll_y == 1
        left, right = region.x + 1, region.right
        rows = f"\x1b[{region.y + 1};{region.bottom}r"
        assert written == (
            [f"\x1b[?69h{rows}\x1b[{left};{right}s\x1b[S\x1b[?69l\x1b[r"] if margins else []
        )


async def test_a_full_width_pane_scrolls_without_margins(store: Library) -> None:
    app = NewsReaderApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        pane = app.screen.query_one(ArticlePane)
        region = pane.content_region
        assert region.width == 80
        written = scrolls(app)
        await pilot.press("down", "down")
        await settle(app, pilot)
        assert written == [f"\x1b[{region.y + 1};{region.bottom}r\x1b[S\x1b[r"] * 2


def open_and_step(main: int) -> bytes:
    """Once the first screen is drawn: Enter (the article beside the ticker), then Down;
    what the Down wrote."""
    read_until(main, b"13:49")
    read_quiet(main)
    os.write(main, b"\r")
    read_quiet(main)
    os.write(main, b"\x1b[B")
    return read_quiet(main)


@pytest.mark.parametrize("answer", [b"\x1b[?69;2$y", b"\x1b[?69;0$y", b""])
def test_the_answer_reaches_the_app_through_the_drivers_parser(
    tmp_path: Path, answer: bytes
) -> None:
    """A real process on a pty: the terminal's answer, then Enter and Down; the pane beside
    the ticker scrolls with margins only where the answer said it has them."""
    main, proc = start_on_pty(tmp_path)
    try:
        assert QUERY.encode() in read_until(main, QUERY.encode())
        os.write(main, answer)
        scrolled = open_and_step(main)
        os.write(main, b"q")
        proc.wait(timeout=30)
    finally:
        proc.kill()
        os.close(main)
    assert scrolled  # the pane moved, one way or the other
    assert (b"\x1b[?69h" in scrolled) is (answer == b"\x1b[?69;2$y"), scrolled[:200]


async def test_a_half_page_scrolls_with_the_terminal_and_a_page_is_repainted(
    store: Library,
) -> None:
    """A scroll that keeps fewer than an eighth of the pane's rows costs more than a repaint
    (docs/ssh.md): a page down (every row but one new) is repainted."""
    app = NewsReaderApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.post_message(MarginsReport(2))
        await pilot.press("enter")
        await settle(app, pilot)
        pane = app.screen.query_one(ArticlePane)
        height = pane.content_region.height
        assert pane.max_scroll_y >= height - 1
        written = scrolls(app)
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert pane.scroll_y == height - 1 and written == []
        await pilot.press("ctrl+u")
        await settle(app, pilot)
        assert pane.scroll_y == height - 1 - height // 2
        assert len(written) == 1 and written[0].endswith(f"\x1b[{height // 2}T\x1b[?69l\x1b[r")


def test_after_a_suspend_the_margins_wait_for_a_new_answer(tmp_path: Path) -> None:
    """A resume starts application mode again, and asks again: a terminal that does not
    answer then (another one, reattached) gets no margins, whatever the first one said."""
    main, proc = start_on_pty(tmp_path)
    try:
        read_until(main, QUERY.encode())
        os.write(main, b"\x1b[?69;2$y")
        assert b"\x1b[?69h" in open_and_step(main)
        proc.send_signal(signal.SIGTSTP)
        read_quiet(main)
        proc.send_signal(signal.SIGCONT)
        assert QUERY.encode() in read_quiet(main, quiet=2)  # asked again, not answered
        os.write(main, b"\x1b[B")
        scrolled = read_quiet(main)
        os.write(main, b"q")
        proc.wait(timeout=30)
    finally:
        proc.kill()
        os.close(main)
    assert scrolled and b"\x1b[?69h" not in scrolled
