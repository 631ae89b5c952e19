"""The shortest way to move the cursor from one cell to another, as curses' `mvcur` finds
it: an absolute move (CUP; `CSI H` for home, `CSI n H` for a row's start), or from where
the cursor is: CR, LF (to the start of a line below where the tty adds the CR, ONLCR, so an
LF is two bytes on the link; else a row down in the same column, reader/ui/line_feeds.py),
BS, CUF/CUB (right, left), CUD/CUU (down, up), VPA (to a row, the column kept). Rows and
columns from 0. The screen's scroll region is the whole screen, so an LF to a row on the
screen never scrolls. Tab stops are not used: a user may have set other ones than every 8
columns."""

from __future__ import annotations


def move(row: int | None, col: int | None, y: int, x: int, newline: str) -> str:
    """From (row, col) (None: not known) to (y, x); "" if already there."""
    if row == y and col is not None and x >= col:
        return _right(x - col)  # along the row: nothing is shorter
    options = [_absolute(y, x)]
    if row is not None:
        if y > row:
            options.append(newline * (y - row) + _right(x))
        if y > row and col is not None and newline == "\r\n":  # no CR added: LF keeps the
            options.append("\n" * (y - row) + _across(col, x))  # column (curses' nonl())
        if col is not None:
            across = _across(col, x)
            if y == row:
                options.append(across)
            else:
                options.append(_csi(abs(y - row), "B" if y > row else "A") + across)
                options.append(_csi(y + 1, "d") + across)
    return min(options, key=lambda there: cost(there, newline))


def cost(there: str | bytes, newline: str) -> int:
    """Bytes on the link (of text as encoded): where the tty adds the CR to an LF (newline
    "\n"), it sends two."""
    lfs = there.count("\n") if isinstance(there, str) else there.count(b"\n")
    return len(there) + (lfs if newline == "\n" else 0)


def _absolute(y: int, x: int) -> str:
    return _csi(y + 1, "H") if x == 0 else f"\x1b[{y + 1};{x + 1}H"


def _across(col: int, x: int) -> str:
    """Along a row: right, left, or back to its start and right."""
    if x == col:
        return ""
    if x > col:
        return _right(x - col)
    back = "\b" * (col - x) if col - x <= 3 else _csi(col - x, "D")
    start = "\r" + _right(x)
    return back if len(back) <= len(start) else start


def _right(cells: int) -> str:
    return _csi(cells, "C") if cells else ""


def _csi(n: int, final: str) -> str:
    """A CSI sequence with one parameter, left out where it is the default (1): terminfo's
    `cuf1`, `cuu1` and `home` for xterm are these."""
    return f"\x1b[{n if n != 1 else ''}{final}"
