"""What an update writes: the cells it was asked for (not the rest of the row on the left, as
Textual's own writer does), and only the changes of cursor and attributes. The screens are
checked in a real terminal: tmux shows the same cells, attributes and colours for our output
as for Textual's own, on random styles as well as on the ticker's and article's."""

from __future__ import annotations

import io
import os
import random
import re
import termios
import time
from pathlib import Path

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.geometry import Region
from textual.strip import Strip

from reader.ui.chops import CroppedChops, FullUpdate
from reader.ui.line_feeds import newline_for
from reader.ui.shadow import Shadow
from tests.tmux_session import Tmux, cells

HEADLINE, STAMP = Style(bold=True), Style(reverse=True)
WIDTH, HEIGHT = 40, 8


def unknown(width: int, height: int = HEIGHT) -> Shadow:
    """A shadow of a terminal whose cells are not known yet: everything asked for is sent."""
    shadow = Shadow()
    shadow.reset(width, height)
    return shadow


def console() -> Console:
    return Console(file=io.StringIO(), force_terminal=True, color_system="256")


def written(spans: list[tuple[int, int, int]]) -> str:
    row = Strip([Segment("خبر" * 4, HEADLINE), Segment(" • 10:00", STAMP)])  # 12 + 8 cells
    chops = [{0: row, 20: Strip([Segment(" ")])} for _ in range(2)]
    update = CroppedChops.of(ChopsUpdate(chops, spans, [[20, 21], [20, 21]]), unknown(21), "\r\n")
    return update.render_segments(console())


def test_a_span_on_the_right_of_a_row_writes_only_its_cells() -> None:
    out = written([(0, 12, 20), (1, 12, 20)])
    assert "خ" not in out  # not one letter of the headline
    assert out.count(" • 10:00") == 2
    # the second line from the end of the first: an LF keeps the column (no ONLCR), 8 left
    assert out.startswith("\x1b[1;13H") and "10:00\n\x1b[8D" in out
    assert "\x1b[1;21H" not in out  # no move to the chop past the span (nothing to write)
    assert out.count("\n") == 1  # not Textual's line end as well


def test_a_span_in_the_middle_is_cut_on_both_sides() -> None:
    out = written([(0, 4, 14)])
    assert out.startswith("\x1b[1;5H")
    assert out.count("خ") + out.count("ب") + out.count("ر") == 8  # cells 4-11 of the headline
    assert " •" in out and "10:00" not in out


def test_blank_runs_are_erased_but_not_under_reverse_video() -> None:
    pad = Strip([Segment(" " * 30 + "خبر" + " " * 7, HEADLINE)])
    marked = Strip([Segment(" " * 30 + "خبر" + " " * 7, STAMP)])  # reversed blanks: a bar
    update = ChopsUpdate([{0: pad}, {0: marked}], [(0, 0, 40), (1, 0, 40)], [[40], [40]])
    out = CroppedChops.of(update, unknown(40), "\r\n").render_segments(console())
    first, second = out.split("\r\n")
    assert "\x1b[30X\x1b[30C" in first and first.endswith("\x1b[K") and " " * 7 not in first
    assert " " * 30 in second and "X" not in second and "\x1b[K" not in second


def test_the_next_chop_and_the_next_line_need_no_cursor_move() -> None:
    left, right = Strip([Segment("خبر", HEADLINE)]), Strip([Segment("abc", Style(bold=True))])
    update = ChopsUpdate([{0: left, 3: right}] * 2, [(0, 0, 6), (1, 0, 6)], [[3, 6]] * 2)
    out = CroppedChops.of(update, unknown(6), "\n").render_segments(console())
    # one move to the start, a newline between the rows, one SGR for the four same-style runs
    assert out == "\x1b[H\x1b[1mخبرabc\nخبرabc\x1b[0m"


def test_the_next_line_is_reached_from_where_the_erase_began() -> None:
    # rows 11 and 12, from column 31: the blanks before the line's end are erased (ECH) and
    # the move past them (CUF) is dropped: from the erase's start, one row down and three
    # cells back (CUD + 3 BS: 6 bytes), not LF + CUF 30 (7 on the link: the tty adds the CR)
    # nor CUP 12;31 (8)
    text = Strip([Segment("abc" + " " * 12, Style(bold=True))])
    update = ChopsUpdate([{30: text}] * 12, [(10, 30, 45), (11, 30, 45)], [[45]] * 12)
    out = CroppedChops.of(update, unknown(60, 12), "\n").render_segments(console())
    assert out == "\x1b[11;31H\x1b[1mabc\x1b[12X\x1b[B\b\b\babc\x1b[12X\x1b[12C\x1b[0m"


def test_a_style_change_sends_what_differs() -> None:
    base = Style.parse("grey85 on grey11")
    line = Strip([Segment("ab", base), Segment("cd", base + Style(underline=True)),
                  Segment("ef", base)])  # fmt: skip
    out = FullUpdate.of(LayoutUpdate([[line]], Region(0, 0, 6, 1)), unknown(6, 1), "\n")
    text = out.render_segments(console())
    assert text == "\x1b[H\x1b[38;5;253;48;5;234mab\x1b[4mcd\x1b[24mef\x1b[0m"


def test_newline_alone_where_the_tty_adds_the_carriage_return() -> None:
    main, other = os.openpty()
    try:
        with os.fdopen(other, "w", closefd=False) as tty:
            flags = termios.tcgetattr(other)
            flags[1] |= termios.OPOST | termios.ONLCR
            termios.tcsetattr(other, termios.TCSANOW, flags)
            assert newline_for(tty) == "\n"
            flags[1] &= ~termios.ONLCR
            termios.tcsetattr(other, termios.TCSANOW, flags)
            assert newline_for(tty) == "\r\n"
        assert newline_for(io.StringIO()) == "\r\n"  # not a terminal
    finally:
        os.close(main)
        os.close(other)


# -- the same screen in a real terminal ----------------------------------------------------------
COLOURS = [None, "grey85", "color(214)", "color(71)", "grey11", "color(17)", "default"]
LETTERS = ["ﺔﻘﻄﻨﻤﻟﺍ", "ﻥﺍ ﺭﺩﺎﺼﻣ", "abc", " ", "   ", " " * 12, "2021", "ﻻ", "│", "…"]


def random_strip(rng: random.Random, width: int) -> Strip:
    segments, cells = [], 0
    while cells < width:
        text = rng.choice(LETTERS)[: width - cells]
        style = None if rng.random() < 0.1 else Style(
            bold=rng.random() < 0.3, dim=rng.random() < 0.2, italic=rng.random() < 0.2,
            underline=rng.random() < 0.3, reverse=rng.random() < 0.2,
            strike=rng.random() < 0.1, overline=rng.random() < 0.1,
            color=rng.choice(COLOURS), bgcolor=rng.choice(COLOURS),
        )  # fmt: skip
        segments.append(Segment(text, style))
        cells += len(text)
    return Strip(segments)


def random_updates(seed: int) -> tuple[LayoutUpdate, ChopsUpdate]:
    """A screen, then a partial update of random spans in which some chops are repainted
    as they were (what Textual does when one thing in a widget changes)."""
    rng = random.Random(seed)
    cuts = [0, 13, 29, WIDTH]  # three widgets side by side
    ends = [cuts[1:] for _ in range(HEIGHT)]
    screen = Region(0, 0, WIDTH, HEIGHT)
    lines = [random_strip(rng, WIDTH) for _ in range(HEIGHT)]
    full = LayoutUpdate([[line] for line in lines], screen)
    chops = [
        {
            a: line.crop(a, b) if rng.random() < 0.5 else random_strip(rng, b - a)
            for a, b in zip(cuts, cuts[1:], strict=False)
        }
        for line in lines
    ]
    for row in chops[::3]:  # and some with one cell changed
        row[13] = Strip([*row[13].crop(0, 15), Segment("x", Style(bold=True))])
    # spans from a chop's start to a chop's end: Textual's writer writes whole chops
    spans = [(y, rng.choice(cuts[:2]), rng.choice(cuts[2:])) for y in range(HEIGHT)]
    spans = [s for s in spans if rng.random() < 0.8]
    return full, ChopsUpdate(chops, spans, ends)


def shown(output: str, tmp: Path, onlcr: bool = True) -> list[list[tuple[str, tuple[str, ...]]]]:
    """The screen tmux shows after the output, attributes and colours included (`onlcr`:
    whether the pane's tty adds a CR to each LF, as it does by default)."""
    path = tmp / f"out-{time.monotonic_ns()}"
    # below the updates' rows, so nothing scrolls: the echo and the wait happen there
    path.write_text(f"\x1b[H\x1b[2J{output}\x1b[0m\x1b[{HEIGHT + 1}H", encoding="utf-8")
    tmux = Tmux(WIDTH, HEIGHT + 3, {"LANG": "C.UTF-8"})
    try:
        stty = "" if onlcr else "stty -onlcr; "
        tmux.type(f'clear; {stty}cat {path}; stty onlcr; echo DO""NE; sleep 30')
        tmux.send("Enter")
        deadline = time.monotonic() + 30
        while "DONE" not in (screen := tmux._tmux("capture-pane", "-p", "-e", "-t", tmux.name)):
            assert time.monotonic() < deadline, f"the output never ended: {screen!r}"
            time.sleep(0.1)
        return cells(screen)
    finally:
        tmux.close()


def test_tmux_shows_the_same_screen_as_for_textuals_own_output(tmp_path: Path) -> None:
    theirs, ours = [], []
    shadow = unknown(WIDTH)  # one terminal: what it shows is remembered across updates
    for seed in range(4):
        full, partial = random_updates(seed)
        c = console()
        theirs.append(full.render_segments(c) + partial.render_segments(c))
        mine = FullUpdate.of(full, shadow, "\n").render_segments(c)
        ours.append(mine + CroppedChops.of(partial, shadow, "\n").render_segments(c))
        again = CroppedChops.of(partial, shadow, "\n").render_segments(c)
        assert again == ""  # the same update twice: the terminal shows it already
    assert len("".join(ours)) < 0.8 * len("".join(theirs))
    assert "\u0627" in "".join(ours) and "\u0627" not in "".join(theirs)  # alef sent plain
    expected = shown("".join(theirs), tmp_path)
    assert shown("".join(ours), tmp_path) == expected
    assert sum(len(row) for row in expected[:HEIGHT]) > HEIGHT * WIDTH // 2  # cells compared
    assert {"4", "7", "fg"} <= {a for row in expected for _, state in row for a in state}


def test_a_scrolled_region_moves_the_rows_the_shadow_knows() -> None:
    shadow = unknown(4, 4)
    rows = [Strip([Segment(c * 4)]) for c in "abcd"]
    for y, strip in enumerate(rows):
        shadow.changes(0, y, strip)
    shadow.scrolled(1, 3, 1)  # rows 1-3 up by one: b c d -> c d ?
    assert shadow.changes(0, 1, rows[2]) == [] and shadow.changes(0, 2, rows[3]) == []
    assert shadow.changes(0, 3, rows[3]) != []  # scrolled in: not known
    assert shadow.changes(0, 0, rows[0]) == []  # outside the region: untouched
    shadow.scrolled(0, 3, -2)
    assert shadow.changes(0, 2, rows[0]) == [] and shadow.changes(0, 0, rows[0]) != []


def article_update() -> tuple[LayoutUpdate, LayoutUpdate]:
    """Lines of text with highlighted names in three colours (an article), drawn twice:
    through Textual's own writer and through ours."""
    text = Style.parse("grey85 on grey11")
    names = [text + Style(underline=True, color=c) for c in ("color(71)", "color(214)", "#005f87")]
    rng = random.Random(7)
    lines = []
    for _ in range(HEIGHT):
        segments, cells = [], 0
        while cells < WIDTH:
            word = rng.choice(["ﺔﻘﻄﻨﻤﻟﺍ ", "ﻥﺍ ﺭﺩﺎﺼﻣ ", "ﺪﺣﻷا "])[: WIDTH - cells]
            style = rng.choice(names) if rng.random() < 0.3 else text
            segments.append(Segment(word, style))
            cells += len(word)
        lines.append(Strip(segments))
    screen = Region(0, 0, WIDTH, HEIGHT)
    return LayoutUpdate([[line] for line in lines], screen), LayoutUpdate(
        [[line] for line in lines], screen
    )


def test_names_go_after_the_text_one_sgr_per_colour_and_tmux_shows_the_same(
    tmp_path: Path,
) -> None:
    theirs, ours = article_update()
    c = console()
    expected = theirs.render_segments(c)
    mine = FullUpdate.of(ours, unknown(WIDTH), "\n").render_segments(c)
    for colour in ("71", "214", "24"):  # each name colour is set once, not once per name
        assert len(re.findall(rf"\x1b\[[0-9;]*38;5;{colour}m", mine)) == 1, mine
    assert expected.count("38;5;71") > 3
    assert len(mine.encode()) < len(expected.encode())
    assert shown(mine, tmp_path) == shown(expected, tmp_path)
