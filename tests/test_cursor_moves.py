"""The writer's cursor moves (reader/ui/cursor_moves.py): the shortest of the ways curses
knows, and each one lands where tmux, a real terminal, puts the cursor."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.ui.cursor_moves import move
from tests.test_chops import HEIGHT, WIDTH, shown


def test_the_shortest_move_is_chosen() -> None:
    assert move(3, 10, 3, 10, "\n") == ""
    assert move(3, 10, 3, 8, "\n") == "\b\b"  # two cells left: two backspaces
    assert move(3, 30, 3, 12, "\n") == "\x1b[18D"
    assert move(3, 30, 3, 1, "\n") == "\r\x1b[C"  # to the row's start and right
    assert move(3, 30, 3, 31, "\n") == "\x1b[C"  # one right: no parameter
    assert move(12, 30, 13, 5, "\n") == "\n\x1b[5C"  # the next row: LF (CR LF on the link)
    assert move(2, 30, 4, 5, "\n") == "\x1b[5;6H"  # two newlines would be 4 bytes
    assert move(2, 30, 4, 5, "\r\n") == "\x1b[5;6H"  # where the tty adds no CR
    assert move(6, 12, 3, 12, "\n") == "\x1b[3A"  # up, the column kept
    assert move(None, None, 0, 0, "\n") == "\x1b[H"
    assert move(None, None, 7, 0, "\n") == "\x1b[8H"
    assert move(5, None, 6, 9, "\n") == "\n\x1b[9C"  # the column not known: not needed
    assert move(12, 60, 13, 40, "\r\n") == "\n\x1b[20D"  # ONLCR off: LF keeps the column
    assert move(12, 60, 13, 58, "\r\n") == "\n\b\b"
    assert move(12, 60, 13, 5, "\r\n") == "\r\n\x1b[5C"  # to the start: CR LF either way
    assert move(12, None, 13, 5, "\r\n") == "\r\n\x1b[5C"


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["onlcr", "no-onlcr"])
def test_every_move_lands_where_tmux_puts_the_cursor(tmp_path: Path, newline: str) -> None:
    """Random walks over the screen, mostly to cells near the cursor (where the short moves
    are): after each move a letter is written; tmux must show each letter where it was
    meant to go (a later one on the same cell wins). With the tty's ONLCR on (LF alone goes
    to the next row's start) and off (LF keeps the column: reader/ui/line_feeds.py)."""
    rng = random.Random(11)
    out, expected, kinds = [], {}, set()
    row: int | None = None
    col: int | None = None
    for i in range(300):
        if row is None or col is None or rng.random() < 0.2:
            y, x = rng.randrange(HEIGHT), rng.randrange(WIDTH)
        else:
            y = min(HEIGHT - 1, max(0, row + rng.randint(-2, 2)))
            x = min(WIDTH - 1, max(0, col + rng.randint(-5, 5)))
        there = move(row, col, y, x, newline)
        kinds.add(there[-1:] if there.startswith("\x1b") else there[:1])
        letter = chr(ord("a") + i % 26)
        out.append(there + letter)
        expected[y, x] = letter
        row, col = y, (x + 1 if x + 1 < WIDTH else None)  # at the edge: the wrap is pending
    screen = shown("".join(out), tmp_path, onlcr=newline == "\n")
    got = {
        (y, x): char for y, cells in enumerate(screen[:HEIGHT]) for x, (char, _) in enumerate(cells)
    }
    assert {at: got.get(at) for at in expected} == expected
    down = "B" if newline == "\n" else "\n"  # a row down in the column: CUD, or LF alone
    assert {"H", "C", "D", "A", down, "\b", "\r", "\n"} <= kinds  # each kind of move was used
