"""Left and right margins (DECLRMM, mode 69, and DECSLRM `CSI left;right s`): where the
terminal has them, a scroll region can be confined to a pane's columns, so the article pane
beside the ticker scrolls with the terminal as a full-width pane does (docs/ssh.md,
"Scrolling: the terminal's scroll region").

The driver asks the terminal with DECRQM (`CSI ? 69 $ p`) when it starts, after Textual's own
query for mode 2026; the answer (`CSI ? 69 ; N $ y`) comes back among the keys, while the app
runs. N = 1 (set) or 2 (reset): the terminal has the margins and lets us set and reset them.
No answer (tmux 3.3a), 0 (not recognised), 3 or 4 (permanently set or reset: `CSI ? 69 h`
and `l` would not do what we send them for; VTE 0.70 answers 4): the margins are never used.
NEWSREADER_MARGINS=off in the environment turns the query, and so the margins, off."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass

from textual import events
from textual._parser import Peek1, Read1
from textual._xterm_parser import XTermParser
from textual.driver import Driver
from textual.message import Message

from reader.ui.shadow import Shadow

QUERY = "\x1b[?69$p"
REPORT = re.compile(r"\x1b\[\?69;(\d)\$y\Z")


def wanted(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether to ask: not where NEWSREADER_MARGINS is "off" (or "0", "no"), nor in Apple's
    Terminal, which prints an unknown DECRQM's last letter (Textual does not ask there)."""
    off = environ.get("NEWSREADER_MARGINS", "").lower() in ("off", "0", "no")
    return not off and environ.get("TERM_PROGRAM", "") != "Apple_Terminal"


@dataclass
class MarginsReport(Message):
    """The terminal's DECRQM answer for mode 69."""

    setting: int

    @property
    def usable(self) -> bool:
        return self.setting in (1, 2)


class MarginParser(XTermParser):
    """Textual's input parser, which also passes on the answer for mode 69. Textual 8.2's
    parser matches every mode report (`_re_terminal_mode_response`) and acts on 2026 and 2048
    only; before that, it asks `_sequence_to_key_events` (private) whether the sequence read
    so far is a key: that is where this one looks for the report (outside a bracketed paste,
    as Textual's own reports)."""

    def parse(
        self, token_callback: Callable[[Message], None]
    ) -> Generator[Read1 | Peek1, str, None]:
        self._post = token_callback  # the parser's queue of messages for the driver
        return super().parse(token_callback)

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        if sequence.endswith("$y") and (report := REPORT.match(sequence)):
            self._post(MarginsReport(int(report[1])))
            return ()  # not a key: Textual's parser then takes it as a mode report
        return super()._sequence_to_key_events(sequence, alt)


def scroll(top: int, bottom: int, lines: int, columns: tuple[int, int] | None = None) -> str:
    """The bytes that scroll screen rows top..bottom (from 0, inclusive) up by `lines` (down
    if negative): DECSTBM and SU/SD, and with `columns` (left, right, from 0, inclusive) the
    margins around them, set and reset again. DECSTBM and DECSLRM move the cursor home (the
    writer does not assume where it is after this); SU/SD fill with the current background
    (the app paints the exposed lines anyway); `CSI s` is DECSLRM only while 69 is set."""
    count = abs(lines)
    su = f"\x1b[{count if count > 1 else ''}{'S' if lines > 0 else 'T'}"
    rows = f"\x1b[{top + 1};{bottom + 1}r"
    if columns is None:
        return f"{rows}{su}\x1b[r"
    left, right = columns
    return f"\x1b[?69h{rows}\x1b[{left + 1};{right + 1}s{su}\x1b[?69l\x1b[r"


class MarginScroll:
    """The app's scrolling of screen rows (a mixin of NewsReaderApp, which has the driver
    and the shadow), and what the terminal said of its margins."""

    _driver: Driver | None
    _shadow: Shadow
    margins = False  # whether the terminal said it has left and right margins we can use

    def on_margins_report(self, message: MarginsReport) -> None:
        self.margins = message.usable

    def can_scroll(self, columns: tuple[int, int]) -> bool:
        """Whether rows can be scrolled in these columns (left, right, from 0, inclusive): the
        screen's full width, or any where the terminal has margins."""
        return self.margins or columns == (0, self._shadow.width - 1)

    def scroll_rows(self, top: int, bottom: int, lines: int, columns: tuple[int, int]) -> bool:
        """Scroll screen rows top..bottom (from 0, inclusive) up by `lines` (down if negative)
        with the terminal's scroll region, in order with Textual's output (the same writer),
        and the shadow's rows the same way; the columns left..right: narrower than the screen
        only where the terminal has margins. Whether it was done."""
        if self._driver is None or not self.can_scroll(columns):
            return False
        margins = columns if columns != (0, self._shadow.width - 1) else None
        self._driver.write(scroll(top, bottom, lines, margins))
        self._shadow.scrolled(top, bottom, lines, margins)
        return True
