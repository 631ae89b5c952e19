"""Writing strips to the terminal as curses does: knowing what the terminal's state is.

Textual writes every run of one style as `SGR + text + reset`, and every chop of a line
(a widget's piece of it) after a cursor move of its own. Over SSH that is half of what an
article costs (docs/ssh.md). This writer remembers, within one update, where the cursor is
and which attributes are set, and sends only the change: no move to where the cursor
already is (the next chop of a line, the next line: CR LF), and an SGR that turns off and on
only the attributes and colours that differ (or a reset and the new set, if shorter).
Long blank runs go as ECH + CUF, a blank run to the right edge as EL (erase in the current
background: terminfo's `ech`, `el` and `bce`, which xterm, tmux, VTE and mlterm have). Each
update ends with the attributes reset, so whatever Textual writes next starts from the
default state, as its own writer leaves it."""

from __future__ import annotations

import re
import termios
from functools import lru_cache
from typing import TextIO

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console
from rich.style import Style
from textual.strip import Strip

from reader.bidi.nominal import nominal

# (attribute, SGR on, SGR off); an off code clears each attribute that shares it
ATTRIBUTES = (
    ("bold", "1", "22"), ("dim", "2", "22"), ("italic", "3", "23"), ("underline", "4", "24"),
    ("blink", "5", "25"), ("blink2", "6", "25"), ("reverse", "7", "27"), ("conceal", "8", "28"),
    ("strike", "9", "29"), ("underline2", "21", "24"), ("frame", "51", "54"),
    ("encircle", "52", "54"), ("overline", "53", "55"),
)  # fmt: skip
BLANKS = re.compile(" {10,}")  # from 10 cells, ECH + CUF (8-10 bytes) is the shorter
EDGE_BLANKS = re.compile(" {4,}$")  # to the screen's edge, EL (3 bytes) from 4 cells
TRAILING_CUF = re.compile("\x1b\\[[0-9]*C$")
SGR = tuple[frozenset[int], tuple[str, ...], tuple[str, ...]]  # attributes, fg, bg codes
DEFAULT: SGR = (frozenset(), (), ())
UNSHARABLE = ("reverse", "underline", "underline2", "overline", "strike", "blink", "conceal")


@lru_cache(maxsize=4096)
def sgr_of(style: Style, system: ColorSystem) -> SGR:
    on = frozenset(i for i, (name, _, _) in enumerate(ATTRIBUTES) if getattr(style, name))
    fg = style.color.downgrade(system).get_ansi_codes() if style.color else ()
    bg = style.bgcolor.downgrade(system).get_ansi_codes(False) if style.bgcolor else ()
    return on, tuple(fg), tuple(bg)


@lru_cache(maxsize=4096)
def change(old: SGR, new: SGR) -> str:
    """The shortest SGR that takes the terminal from `old` to `new`."""
    if old == new:
        return ""
    if new == DEFAULT:
        return "\x1b[0m"
    full = [ATTRIBUTES[i][1] for i in sorted(new[0])] + [*new[1], *new[2]]
    offs = {ATTRIBUTES[i][2] for i in old[0] - new[0]}
    cleared = {i for i, (_, _, off) in enumerate(ATTRIBUTES) if off in offs}
    codes = sorted(offs) + [ATTRIBUTES[i][1] for i in sorted(new[0] - (old[0] - cleared))]
    if new[1] != old[1]:
        codes += new[1] or ("39",)
    if new[2] != old[2]:
        codes += new[2] or ("49",)
    diff, reset = ";".join(codes), ";".join(["0", *full])
    return f"\x1b[{diff if len(diff) <= len(reset) else reset}m"


def erasable(style: Style | None) -> bool:
    """An erased cell has the background and nothing else: no reversed colours, no lines."""
    return style is None or not (any(getattr(style, name) for name in UNSHARABLE) or style.link)


class ScreenWriter:
    """One update's output. `move` then `strip`, as often as needed; `finish` for the text."""

    def __init__(self, console: Console, width: int, newline: str = "\r\n") -> None:
        self.system = console._color_system or ColorSystem.TRUECOLOR
        self.width, self.newline, self.out, self.sgr = width, newline, list[str](), DEFAULT
        self.row: int | None = None  # where the cursor is: row and column, if known
        self.col: int | None = None

    def move(self, x: int, y: int) -> None:
        row, col, append = self.row, self.col, self.out.append
        if row == y and col == x:
            return
        self.row, self.col = y, x
        if row == y and col is not None and x > col:
            append(f"\x1b[{x - col}C")
            return
        out = self.out  # an absolute move: a move right just before it goes nowhere
        if out and (dead := TRAILING_CUF.search(out[-1])):
            out[-1] = out[-1][: dead.start()]
        if x == 0 and row == y:
            append("\r")
            return
        # the scroll region is the whole screen: LF never scrolls here
        along = self.newline + (f"\x1b[{x}C" if x else "") if row == y - 1 else None
        jump = f"\x1b[{y + 1}H" if x == 0 else f"\x1b[{y + 1};{x + 1}H"
        append(along if along is not None and len(along) < len(jump) else jump)

    def strip(self, strip: Strip) -> None:
        """Write a strip where the cursor is."""
        append, col = self.out.append, self.col
        pieces = [(text, style) for text, style, control in strip if text and not control]
        sent = nominal("".join(text for text, _ in pieces))  # the letters beside each other
        at = 0
        for text, style in pieces:
            text, at = sent[at : at + len(text)], at + len(text)
            wanted = DEFAULT if style is None else sgr_of(style, self.system)
            append(change(self.sgr, wanted))
            self.sgr = wanted
            end = None if col is None else col + cell_len(text)
            if erasable(style) and "    " in text:
                if end == self.width:
                    text = EDGE_BLANKS.sub("\x1b[K", text)
                text = BLANKS.sub(_erase, text)
            if style is not None and style.link:  # an OSC 8 hyperlink, as Rich writes it
                append(f"\x1b]8;id={style._link_id};{style.link}\x1b\\{text}\x1b]8;;\x1b\\")
            else:
                append(text)
            col = end
        self.col = col if col is None or col < self.width else None  # past the edge: wrapping

    def finish(self) -> str:
        if self.sgr != DEFAULT:
            self.out.append("\x1b[0m")
            self.sgr = DEFAULT
        return "".join(self.out)


def newline_for(stream: TextIO | None) -> str:
    """What takes the cursor to the start of the next line: LF alone where the tty turns it
    into CR LF itself (ONLCR, the usual setting, which Textual leaves alone: CR LF would
    cross the link as CR CR LF), else CR LF."""
    try:
        oflag = termios.tcgetattr(stream.fileno())[1] if stream is not None else 0
    except (termios.error, OSError, ValueError):
        return "\r\n"
    return "\n" if oflag & termios.OPOST and oflag & termios.ONLCR else "\r\n"


def _erase(run: re.Match[str]) -> str:
    return f"\x1b[{len(run.group())}X\x1b[{len(run.group())}C"
