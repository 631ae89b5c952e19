"""NewsReaderApp: the Textual app. Thin: it owns the store and the terminal's bidi mode and
pushes the main screen; the UI lives in screens/ and widgets/."""

from __future__ import annotations

import argparse
import os
import sys

from rich.console import RenderableType
from textual import on
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.app import App
from textual.binding import Binding
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.geometry import Offset
from textual.screen import Screen

from reader.bidi import BIDI_EXPLICIT, BIDI_IMPLICIT, resolve_mode
from reader.bidi.modes import Mode
from reader.bidi.table_sources import keep_in
from reader.library.bootstrap import open_library
from reader.library.library import Library
from reader.library.locations import cache_dir, load_config
from reader.ui.chops import CroppedChops, FullUpdate
from reader.ui.line_feeds import LineFeedDriver, newline_for
from reader.ui.margins import MarginScroll
from reader.ui.messages import Announce, TerminalBidi
from reader.ui.screens.main import MainScreen
from reader.ui.shadow import Shadow


class NewsReaderApp(MarginScroll, App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "newsreader"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, store: Library, mode: Mode = "app", right_to_left: bool = True):
        super().__init__()
        self.store, self.bidi_mode, self.right_to_left = store, mode, right_to_left
        self._shadow = Shadow()  # what the terminal shows (reader/ui/shadow.py)
        self._newline = newline_for(sys.__stdout__)  # with another driver than LineFeedDriver

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        return LineFeedDriver if driver is LinuxDriver else driver  # (reader/ui/line_feeds.py)

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        """Updates write only the cells asked for, and only state changes (reader/ui/chops.py)."""
        size, shadow = screen.outer_size, self._shadow
        driver = self._driver
        newline = driver.newline if isinstance(driver, LineFeedDriver) else self._newline
        if (shadow.width, len(shadow.rows)) != (size.width, size.height):
            shadow.reset(size.width, size.height)
        if type(renderable) is ChopsUpdate:
            renderable = CroppedChops.of(renderable, shadow, newline)
        elif type(renderable) is LayoutUpdate:
            renderable = FullUpdate.of(renderable, shadow, newline)
        else:
            super()._display(screen, renderable)
            return
        if not self._writes():
            return
        if self._cursor_placed():
            text = renderable.render_segments(self.console)
            cursor = screen.outer_size.clamp_offset(self.cursor_position)
            if text or cursor != self._previous_cursor_position:
                super()._display(screen, renderable)  # the update, then the cursor move
            return
        self._write(renderable.render_segments(self.console))

    def _cursor_placed(self) -> bool:
        """Whether the focused widget places the terminal's (hidden) cursor: Textual's Input
        and TextArea put it where the text cursor is, for an input method's window. Nothing
        else uses where it is, so after an update it stays where the update left it:
        Textual's move to `cursor_position` after every update is 6 bytes a keypress."""
        return hasattr(type(self.focused), "cursor_screen_offset")

    def _write(self, text: str) -> None:
        driver = self._driver
        if not text or driver is None:
            return  # no cell changed
        self._previous_cursor_position = Offset(-1, -1)  # wherever the update left it
        self._begin_update()
        try:
            driver.write(text)
        finally:
            self._end_update()

    def _writes(self) -> bool:
        """Whether App._display writes an update now (its own conditions)."""
        running = self._running and not self._closed and not self.is_headless
        return running and not self._batch_count and self._driver is not None

    def get_default_screen(self) -> MainScreen:
        """The main screen is the first on the stack: no default screen to style, lay out and
        replace at start."""
        return MainScreen(self.store, self.bidi_mode, self.right_to_left)

    @on(Announce)
    def announce(self, message: Announce) -> None:
        """New items: the bell and/or a desktop notification (OSC 9 / 777), if enabled."""
        if self._driver is not None:
            self._driver.write(message.sequence)

    @on(TerminalBidi)
    def set_terminal_bidi(self, message: TerminalBidi) -> None:
        """Tell a terminal that reorders by itself (VTE, WezTerm) whether to do so."""
        self.bidi_mode = message.mode
        if self._driver is not None:
            self._driver.write(BIDI_EXPLICIT if message.mode == "app" else BIDI_IMPLICIT)


def run_app(args: argparse.Namespace) -> int:
    config = load_config()
    keep_in(cache_dir())  # the bidi tables, built once (60 ms) instead of at every start
    store = open_library(args.db, lazy=True)  # the first screen loads the newest months
    mode = resolve_mode(args.bidi, {**os.environ}, config.get("bidi"), query_tty=True)
    layout = store.reading.setting("layout") or config.get("layout", "rtl")
    app = NewsReaderApp(store, mode, right_to_left=layout != "ltr")
    # A thread that wakes (the one writing a frame to the terminal, the UI thread with a key)
    # waits for the GIL until the running thread gives it up: up to 5 ms by default, while a
    # worker encodes a state file or builds rows. 1 ms: a frame's bytes wait less.
    sys.setswitchinterval(0.001)
    out = sys.__stdout__
    try:
        if mode == "app" and out is not None and out.isatty():
            out.write(BIDI_EXPLICIT)
            out.flush()
        app.run()
    finally:
        if out is not None and out.isatty():
            out.write(BIDI_IMPLICIT)
            out.flush()
        store.close()
    return app.return_code or 0
