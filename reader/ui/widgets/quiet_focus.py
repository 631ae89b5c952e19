"""Focus without a full repaint. Textual repaints the whole widget when it gains or loses the
focus (and re-applies its CSS, which repaints it again): over SSH that is every cell of two
panes per Tab or Enter. Our panes style nothing on :focus; each draws what shows its focus
(the cursor row) in `focus_changed`."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget

from reader.ui.widgets.plain_lines import PlainLines
from reader.ui.widgets.prompt_repaint import PromptRepaint


class QuietFocus(ScrollView, PlainLines, PromptRepaint):
    """A ScrollView (the ticker, sidebar and article pane all are) with quiet focus."""

    _sized: tuple[Size, Size, Size] | None = None

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Every layout of the screen calls this for every widget; ScrollView compares the
        arranged virtual size with its own, which never match, so it repaints its scrollbar
        each time (31 bytes a row over SSH). Only when a size did change."""
        sized = (size, self.virtual_size, container_size)
        if sized == self._sized:
            return False
        self._sized = sized
        return super()._size_updated(size, virtual_size, container_size, layout)

    def set_lines(self, width: int, lines: int) -> None:
        """The scrollable size, without a layout of the screen (Widget.virtual_size is a
        layout reactive): a pane's region never depends on its lines, and that layout was a
        reflow of every widget in a frame of its own 16-33 ms later, or the frame waited for
        it. The scroll limits and the scrollbar follow here (a scrollbar that appears or
        goes still asks for its layout)."""
        self.set_reactive(Widget.virtual_size, Size(width, lines))
        self._scroll_update(self.virtual_size)

    def focus_changed(self) -> None:
        """Repaint what shows the focus (nothing by default)."""

    def focus_moved(self, here: bool) -> None:
        """The focus came here or left. The screen says so the moment it moves the focus
        (MainScreen.watch_focused), so the cursor rows change in the frame of whatever
        moved it (an open: the article): the Focus and Blur events arrive after that frame,
        and their repaint was a second frame, 30-40 ms later at 100,000 articles (docs/ssh.md)."""
        if here != self.has_focus:
            self.has_focus = here
            self.focus_changed()

    def _on_focus(self, event: events.Focus) -> None:
        event.prevent_default()  # Widget._on_focus repaints the whole widget
        self.focus_moved(True)
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self.focus_moved(False)
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    def watch_has_focus(self, _has_focus: bool) -> None:
        """No CSS to re-apply: nothing in reader.tcss depends on these widgets' :focus."""
