"""The main screen: the ticker, article pane, sidebar and status line, bound to the state in
MainState's `var`s, and the keys. What each key does lives in the part named for it:
row_loading, article_opening, reading_marks, search, feed_views, link_keys, background_work;
widgets tell the screen what was chosen with messages that carry the row or the entity."""

from __future__ import annotations

import os

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget

from reader.bidi.modes import MODES
from reader.ui.screens.feed_views import FeedViews
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.link_keys import LinkKeys
from reader.ui.screens.main_state import NARROW
from reader.ui.screens.search import Search
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.entity_sidebar import EntitySidebar
from reader.ui.widgets.quiet_focus import QuietFocus
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status_line import StatusLine
from reader.ui.widgets.ticker import Ticker

# tmux swallows CSI 8 l, so an outer terminal that reorders by itself (VTE, mlterm, Konsole)
# reverses app mode's lines a second time: said once, at start, with what to use instead.
TMUX_NOTE = "tmux: reversed? --bidi terminal"


class MainScreen(Search, FeedViews, LinkKeys):
    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("n", "next_match(1)", "Next match", show=False),
        Binding("N", "next_match(-1)", "Previous match", show=False),
        Binding("escape", "clear", "Clear filter", show=False),
        Binding("r", "toggle_state('read')", "Read"),
        Binding("s", "toggle_state('starred')", "Star"),
        Binding("b", "switch_bidi", "Bidi mode"),
        Binding("L", "flip_layout", "Layout", show=False),
        Binding("e", "toggle_entities", "Entities", show=False),
        Binding("R", "refresh_feeds", "Refresh", show=False),
        Binding("f", "feeds", "Feeds"),
        Binding("a", "all_feeds", "All feeds", show=False),
        Binding("o", "open_link", "Open in browser"),
        Binding("y", "copy_link", "Copy link", show=False),
        *(Binding(str(n), f"link_number({n})", show=False) for n in range(10)),
        Binding("S", "cycle_order", "Sort", show=False),
        Binding("H", "toggle_read_shown", "Hide read", show=False),
        Binding("A", "mark_all_read", "All read", show=False),
        Binding("u", "next_unread", "Next unread", show=False),
        Binding("p", "peek", "Open, keep unread", show=False),
        Binding("question_mark,f1", "help", "Help"),
    ]

    def compose(self) -> ComposeResult:
        yield Ticker(id="ticker", start_at=self.store.reading.setting("last_row")).data_bind(
            MainScreen.rows, mode=MainScreen.bidi_mode, right_to_left=MainScreen.right_to_left
        )
        yield EntitySidebar(id="entities").data_bind(MainScreen.opened, mode=MainScreen.bidi_mode)
        yield ArticlePane(id="article").data_bind(
            MainScreen.opened, mode=MainScreen.bidi_mode, full_width=MainScreen.narrow
        )
        with Vertical(id="bottom"):  # docked widgets on one edge overlap: stack them here
            yield SearchBar(id="search").data_bind(mode=MainScreen.bidi_mode)
            yield StatusLine(id="status").data_bind(MainScreen.status, mode=MainScreen.bidi_mode)

    def watch_focused(self, old: Widget | None, new: Widget | None) -> None:
        """The panes' cursor rows show the focus in this frame (QuietFocus.focus_moved)."""
        for widget, here in ((old, False), (new, True)):
            if isinstance(widget, QuietFocus):
                widget.focus_moved(here)

    def on_mount(self) -> None:
        in_tmux = os.environ.get("TMUX") and self.bidi_mode == "app"
        notes = [*self.store.warnings, *([TMUX_NOTE] if in_tmux else [])]
        self._reload("; ".join(notes))  # the rows worker starts now, before the first layout
        self.set_interval(1.0, self.watch_other_writers)
        self.watch(self.query_one(Ticker), "cursor", self._near_the_end, init=False)
        self.watch(self.query_one(Ticker), "cursor", self.cursor_moved, init=False)
        self.query_one(Ticker).focus()

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW
        if narrow != self.narrow:
            self.narrow, self.sidebar = narrow, not narrow

    def action_switch_bidi(self) -> None:
        self.bidi_mode = MODES[(MODES.index(self.bidi_mode) + 1) % len(MODES)]

    def action_flip_layout(self) -> None:
        self.right_to_left = not self.right_to_left
        self.remember("layout", "rtl" if self.right_to_left else "ltr")

    def action_toggle_entities(self) -> None:
        self.sidebar = not self.sidebar

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())
