"""The tty's output as curses' `nonl()` leaves it while the app runs: no CR added to an LF
(ONLCR off), so an LF moves the cursor down a row and keeps its column.

Over SSH the move to the next row's changed cells is then `LF` and a move along the row
(`LF CSI n D`, 6 bytes from the end of a right-aligned line to the start of the next)
instead of `CR LF CSI n C` (7): the writer's moves (reader/ui/cursor_moves.py) use it where
`newline_for` finds ONLCR off. Textual's LinuxDriver saves the tty's attributes before it
sets its own and puts them back when it stops (on exit, Ctrl+C, an error, a suspend), ONLCR
with them; a resume starts application mode again, and this again. Only where the tty it
changes (stdin, whose attributes Textual restores) is the one the driver writes to.

The driver also asks whether the terminal has left and right margins (reader/ui/margins.py)
and reads the answer with its own parser."""

from __future__ import annotations

import os
import termios
from typing import TextIO

from textual.drivers import linux_driver
from textual.drivers.linux_driver import LinuxDriver

from reader.ui import margins


class LineFeedDriver(LinuxDriver):
    newline = "\n"  # what takes the cursor to the next row's start: newline_for, after start

    def start_application_mode(self) -> None:
        super().start_application_mode()  # type: ignore[no-untyped-call]
        out = self._file
        try:
            if out is not None and os.path.samestat(os.fstat(self.fileno), os.fstat(out.fileno())):
                attributes = termios.tcgetattr(self.fileno)
                attributes[1] &= ~termios.ONLCR
                termios.tcsetattr(self.fileno, termios.TCSANOW, attributes)
        except (termios.error, OSError, ValueError):
            pass  # as it was: newline_for reads what the tty does
        self.newline = newline_for(out)
        self._app.post_message(margins.MarginsReport(0))  # none until (again) answered
        if self.input_tty and margins.wanted():
            self.write(margins.QUERY)  # answered among the keys: margins.MarginParser
            self.flush()

    def run_input_thread(self) -> None:
        # Textual 8.2's LinuxDriver.run_input_thread makes its parser by the name XTermParser
        # of textual.drivers.linux_driver (private), once, as it starts: this thread's is
        # MarginParser. Only this app's LinuxDriver reads keys in its process.
        linux_driver.XTermParser = margins.MarginParser  # type: ignore[attr-defined]
        super().run_input_thread()


def newline_for(stream: TextIO | None) -> str:
    """What takes the cursor to the start of the next line: LF alone where the tty turns it
    into CR LF itself (ONLCR, the usual setting, which Textual leaves alone: CR LF would
    cross the link as CR CR LF), else CR LF, and an LF alone keeps the column (where
    LineFeedDriver turned ONLCR off; a stream that is no tty is sent as written)."""
    try:
        oflag = termios.tcgetattr(stream.fileno())[1] if stream is not None else 0
    except (termios.error, OSError, ValueError):
        return "\r\n"
    return "\n" if oflag & termios.OPOST and oflag & termios.ONLCR else "\r\n"
