"""A widget that tells the screen at once, not when it is next idle, that it has lines to
paint, so that what one handler changes goes out in one frame.

Textual's `Widget.refresh()` marks the lines and the widget posts `messages.Update` to its
screen from its own message loop, once idle; the screen paints at its next frame whatever it
has been told of by then. An open changes the article pane, the sidebar, the ticker's row and
the status line in one handler, and the frame often came between those messages: the ticker's
row and the count went out in a second frame, 30-40 ms later at 100,000 articles, each frame
with its own cursor move and SGR reset (docs/ssh.md). Posting the Update from `refresh`
puts every one of them in the screen's queue before that handler returns.
"""

from __future__ import annotations

from typing import Self

from textual import messages
from textual.dom import NoScreen
from textual.geometry import Region
from textual.widget import Widget


class PromptRepaint(Widget):
    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        if self._repaint_required and self.is_mounted and self.display and not layout:
            try:
                screen = self.screen
            except NoScreen:
                return self
            self._repaint_required = False  # what Widget._check_refresh does when idle
            screen.post_message(messages.Update(self))
        return self
