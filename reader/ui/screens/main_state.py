"""The main screen's state, in `var`s the widgets are bound to (MainScreen.compose), and the
status line, which follows it. The screen's other parts (the modules beside this one) each
add what they do to this state."""

from __future__ import annotations

from textual import work
from textual.reactive import Reactive, var
from textual.widget import Widget

from reader.bidi.modes import Mode
from reader.library.entity_index import IndexedEntity
from reader.library.library import Library
from reader.library.locations import load_config
from reader.ui.frame_timer import PromptFrames
from reader.ui.messages import Counts, TerminalBidi
from reader.ui.widgets.status_line import Status
from reader.views.article_view import OpenArticle
from reader.views.ticker_rows import ORDERS, Positions, TickerRow

NARROW = 100  # below this many columns the panes stack and the sidebar hides


class MainState(PromptFrames):
    # Textual's Screen.focused repaints the whole screen when the focus moves: not needed,
    # the widgets involved draw their own focus (reader/ui/widgets/quiet_focus.py).
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    bidi_mode: var[Mode] = var[Mode]("app", init=False)
    right_to_left: var[bool] = var(True, toggle_class="-rtl")
    narrow: var[bool] = var(False, toggle_class="-narrow")
    sidebar: var[bool] = var(True, toggle_class="-sidebar")  # the entity sidebar is shown
    searching: var[bool] = var(False, toggle_class="-searching")  # the search field is open
    # always_update: no comparison of 100,000 rows with the ones they replace (30 ms each
    # time, on the UI thread); the ticker repaints only the rows on screen that differ
    rows: var[tuple[TickerRow, ...]] = var[tuple[TickerRow, ...]]((), always_update=True)
    opened: var[OpenArticle | None] = var[OpenArticle | None](None)
    entity_filter: var[IndexedEntity | None] = var[IndexedEntity | None](None, init=False)
    search_query: var[str] = var("", init=False)
    found: var[frozenset[str]] = var(frozenset[str](), init=False)
    found_more: var[bool] = var(False)  # `found` holds the newest matches; all are coming
    counts: var[Counts] = var(Counts(), init=False)
    note: var[str] = var("", init=False)  # a transient message: progress, errors, hints
    status: var[Status] = var(Status())
    feed_filter: var[tuple[str | None]] = var[tuple[str | None]]((None,), init=False)
    order: var[str] = var("newest", init=False)  # newest | oldest | feed
    show_read: var[bool] = var(True, init=False)
    link_number: var[int] = var(0, init=False)  # digits typed before o / y: link N
    shown_link: var[str] = var("", init=False)  # `o` over SSH: the OSC 8 link in the status

    _positions = Positions(())  # where each article's rows are in `rows`: RowsBuilt brings both

    def __init__(self, store: Library, mode: Mode, right_to_left: bool) -> None:
        super().__init__()
        self.store = store
        self.set_reactive(MainState.bidi_mode, mode)
        self._begin_with(MainState.right_to_left, right_to_left)
        # The terminal's width is known: the classes the first layout needs are set before
        # it, not toggled after it (each toggle restyles every widget).
        narrow = self.app.size.width < NARROW
        self._begin_with(MainState.narrow, narrow)
        self._begin_with(MainState.sidebar, not narrow)
        order = store.reading.setting("order") or load_config().get("sort", "newest")
        self.set_reactive(MainState.order, order if order in ORDERS else "newest")

    def _begin_with(self, flag: Reactive[bool], value: bool) -> None:
        """A toggle-class var's first value, and its class (set_reactive leaves the class
        alone, and Textual's initialisation then keeps both)."""
        self.set_reactive(flag, value)
        self.set_class(value, *(flag._toggle_class or "").split())

    def _whole_view(self) -> bool:
        """Whether the ticker shows everything, newest first: the view the newest months
        alone can start (the store loads older months as the reader scrolls down)."""
        return (
            self.entity_filter is None
            and not (self.search_query and self.found)
            and self.order == "newest"
            and self.feed_filter[0] is None
            and self.show_read
        )

    @work(thread=True, exit_on_error=False, group="state")
    def remember(self, key: str, value: str) -> None:
        self.store.reading.set_setting(key, value)

    # -- the status line follows the state ------------------------------------------------------
    def _update_status(self) -> None:
        c = self.counts
        left = f" {self.bidi_mode} | {c.articles} articles, {c.unread} unread, "
        left += f"{c.headlines} headlines |"
        right = self.note
        feed = self.feed_filter[0]
        if not right and (feed or self.order != "newest" or not self.show_read):
            shown = [feed or "", "" if self.order == "newest" else f"sort: {self.order}"]
            shown.append("" if self.show_read else "unread only")
            right = " · ".join(x for x in shown if x) + " (a: all feeds, S, H)"
        if not right and self.entity_filter:
            right = f"{self.entity_filter.text} (Esc)"
        if not right and self.search_query:
            more = "+" if self.found_more else ""
            right = f"/{self.search_query}: {len(self.found)}{more} (n/N)"
        if not right and self.shown_link:  # stays through count updates (marking read)
            self.status = Status(left, self.shown_link, link=self.shown_link)
            return
        self.status = Status(left, right)

    watch_counts = watch_note = watch_found = watch_found_more = watch_shown_link = _update_status

    def watch_bidi_mode(self, mode: Mode) -> None:
        self.post_message(TerminalBidi(mode))
        self._update_status()

    def watch_search_query(self) -> None:
        self.note = ""
        self._update_status()
