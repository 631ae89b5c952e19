"""Who does bidi: newsreader ("app") or the terminal ("terminal"), and how to tell it.

freedesktop terminal-wg "BiDi in Terminal Emulators": `CSI 8 l` (BDSM reset) puts a terminal
in explicit mode (cells shown as sent), `CSI 8 h` back in implicit mode (the terminal
reorders). VTE and WezTerm honour it; tmux swallows it and answers no query about it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Literal, TextIO, get_args

from reader.bidi.tty_query import query_bidi_mode

BIDI_EXPLICIT = "\x1b[8l"  # the application lays bidi text out; the terminal must not reorder
BIDI_IMPLICIT = "\x1b[8h"  # the terminal reorders (its default); sent again at exit
# VTE takes every line as left-to-right unless told to find each paragraph's direction in its
# text (private mode 2501): then right-to-left lines sit at the right edge, as in mlterm.
# Sent for terminal mode's plain output only, and switched off again at exit.
PARAGRAPH_AUTO, PARAGRAPH_LTR = "\x1b[?2501h", "\x1b[?2501l"
Mode = Literal["app", "terminal"]  # who lays bidi text out: newsreader, or the terminal
MODES: tuple[Mode, ...] = get_args(Mode)  # the one list of modes; `b` cycles through it
CHOICES = ("auto", *MODES)  # what a user may ask for
ENV_VAR = "NEWSREADER_BIDI"


class ModeError(ValueError):
    """A bidi mode that is not auto, app or terminal; the message says where it came from."""


def _choice(value: object, source: str) -> str | None:
    if value is None:
        return None
    name = str(value).strip().lower()
    if not name:
        return None
    if name not in CHOICES:
        raise ModeError(f"unknown bidi mode {value!r} in {source}: use auto, app or terminal")
    return name


def resolve_mode(
    requested: str | None,
    environ: Mapping[str, str],
    config: str | bool | None = None,
    query_tty: bool = False,
    *,
    query: Callable[[], int | None] = query_bidi_mode,
) -> Mode:
    """The mode to use. `requested` is the --bidi flag; then $NEWSREADER_BIDI; then the config
    file's value; "auto" (or nothing) detects. With `query_tty`, auto may ask the terminal on
    /dev/tty (DECRQM mode 8): do that before the UI takes the terminal. A bool as the third
    argument is taken as `query_tty` (resolve_mode(flag, environ, query_tty))."""
    if isinstance(config, bool):
        config, query_tty = None, bool(config)
    chosen = (
        _choice(requested, "--bidi")
        or _choice(environ.get(ENV_VAR), f"${ENV_VAR}")
        or _choice(config, "the config file (bidi = ...)")
        or "auto"
    )
    if chosen != "auto":
        return "terminal" if chosen == "terminal" else "app"
    return detect_mode(environ, query if query_tty else None)


def detect_mode(environ: Mapping[str, str], query: Callable[[], int | None] | None) -> Mode:
    """What can be known: a few environment variables, then (if `query`) the terminal's own
    answer about mode 8; anything unknown means "app", which is right for every terminal that
    does no bidi, and for VTE and WezTerm once they are sent BIDI_EXPLICIT."""
    term = environ.get("TERM", "")
    if environ.get("TMUX") or term.startswith(("tmux", "screen")):
        return "app"  # tmux draws cells itself and swallows CSI 8 l: nothing to ask
    if environ.get("MLTERM") or environ.get("KONSOLE_VERSION"):
        return "terminal"  # reorder and shape by themselves (Konsole: its bidi profile option)
    wezterm = environ.get("TERM_PROGRAM") == "WezTerm" or any(
        key.startswith("WEZTERM_") for key in environ
    )
    if environ.get("VTE_VERSION") or wezterm:
        return "app"  # honour CSI 8 l
    if query is not None and query() == 3:
        return "terminal"  # "permanently set": implicit bidi that cannot be switched off
    return "app"


@contextmanager
def explicit_bidi(stream: TextIO | None = None, mode: Mode = "app") -> Iterator[None]:
    """Send BIDI_EXPLICIT (app mode) or PARAGRAPH_AUTO (terminal mode) on entry and
    BIDI_IMPLICIT (and PARAGRAPH_LTR) on exit, to a terminal only."""
    out = stream if stream is not None else sys.__stdout__
    tty = out is not None and out.isatty()
    if tty and out is not None:
        out.write(BIDI_EXPLICIT if mode == "app" else PARAGRAPH_AUTO)
        out.flush()
    try:
        yield
    finally:
        if tty and out is not None:
            out.write(BIDI_IMPLICIT if mode == "app" else PARAGRAPH_LTR + BIDI_IMPLICIT)
            out.flush()
