"""Focus without a full repaint. Textual repaints the whole widget when it gains or loses the
focus (and re-applies its CSS, which repaints it again): over SSH that is every cell of two
panes per Tab or Enter. Our panes style nothing on :focus; each draws what shows its focus
(the cursor row) in `focus_changed`."""

from __future__ import annotations

from textual import events
from textual.scroll_view import ScrollView


class QuietFocus(ScrollView):
    """A ScrollView (the ticker, sidebar and article pane all are) with quiet focus."""

    def focus_changed(self) -> None:
        """Repaint what shows the focus (nothing by default)."""

    def _on_focus(self, event: events.Focus) -> None:
        event.prevent_default()  # Widget._on_focus repaints the whole widget
        self.has_focus = True
        self.focus_changed()
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self.has_focus = False
        self.focus_changed()
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    def watch_has_focus(self, _has_focus: bool) -> None:
        """No CSS to re-apply: nothing in reader.tcss depends on these widgets' :focus."""
