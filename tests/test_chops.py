"""A partial update writes the cells it was asked for: not the rest of the row on the left
(Textual's own writes all of it: a headline's 3-byte letters for an 8-cell cursor mark)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.ui.chops import CroppedChops

HEADLINE, STAMP = Style(bold=True), Style(reverse=True)


def written(spans: list[tuple[int, int, int]]) -> str:
    console = Console(file=io.StringIO(), force_terminal=True, color_system="256")
    row = Strip([Segment("خبر" * 4, HEADLINE), Segment(" • 10:00", STAMP)])  # 12 + 8 cells
    chops = [{0: row, 20: Strip([Segment(" ")])} for _ in range(2)]
    return CroppedChops(chops, spans, [[20, 21], [20, 21]]).render_segments(console)


def test_a_span_on_the_right_of_a_row_writes_only_its_cells() -> None:
    out = written([(0, 12, 20), (1, 12, 20)])
    assert "خ" not in out  # not one letter of the headline
    assert out.count(" • 10:00") == 2
    assert out.startswith("\x1b[1;13H") and "\x1b[2;13H" in out
    assert "\x1b[1;21H" not in out  # no move to the chop past the span (nothing to write)
    assert "\n" not in out  # each line starts with its own move


def test_a_span_in_the_middle_is_cut_on_both_sides() -> None:
    out = written([(0, 4, 14)])
    assert out.startswith("\x1b[1;5H")
    assert out.count("خ") + out.count("ب") + out.count("ر") == 8  # cells 4-11 of the headline
    assert " •" in out and "10:00" not in out


def test_a_long_blank_run_is_erased_and_skipped_but_not_under_reverse_video() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, color_system="256")
    pad = Strip([Segment(" " * 30 + "خبر", HEADLINE)])
    marked = Strip([Segment(" " * 30 + "خبر", STAMP)])  # a reversed blank shows as a bar
    chops = [{0: pad}, {0: marked}]
    out = CroppedChops(chops, [(0, 0, 33), (1, 0, 33)], [[33], [33]]).render_segments(console)
    first, second = out.split("\x1b[2;1H")
    assert "\x1b[30X\x1b[30C" in first and " " * 10 not in first
    assert " " * 30 in second and "X" not in second
