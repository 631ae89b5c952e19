"""The main screen: owns the state (rows, open article, filter, search, modes) in `var`s,
binds it down into the ticker, article pane, sidebar and status line, and loads through
workers. Widgets tell it what was chosen with messages that carry the row or the entity."""

from __future__ import annotations

import os

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import Reactive, var
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from reader.bidi.modes import MODES, Mode
from reader.library.entity_index import IndexedEntity
from reader.library.library import Library
from reader.ui.messages import (
    Announce,
    ArticleLoaded,
    Counts,
    Progress,
    RowsBuilt,
    SearchDone,
    StateSaved,
    StoreChanged,
    TerminalBidi,
)
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.entity_sidebar import EntitySidebar
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status_line import Status, StatusLine
from reader.ui.widgets.ticker import Ticker
from reader.views.article_view import OpenArticle, analyse
from reader.views.ticker_rows import TickerRow, restate

NARROW = 100  # below this many columns the panes stack and the sidebar hides
# tmux swallows CSI 8 l, so an outer terminal that reorders by itself (VTE, mlterm, Konsole)
# reverses app mode's lines a second time: said once, at start, with what to use instead.
TMUX_NOTE = "tmux: reversed? --bidi terminal"


class MainScreen(Screen[None]):
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
        Binding("question_mark,f1", "help", "Help"),
    ]

    # Textual's Screen.focused repaints the whole screen when the focus moves: not needed,
    # the widgets involved draw their own focus (reader/ui/widgets/quiet_focus.py).
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    bidi_mode: var[Mode] = var[Mode]("app", init=False)
    right_to_left: var[bool] = var(True, toggle_class="-rtl")
    narrow: var[bool] = var(False, toggle_class="-narrow")
    sidebar: var[bool] = var(True, toggle_class="-sidebar")  # the entity sidebar is shown
    searching: var[bool] = var(False, toggle_class="-searching")  # the search field is open
    rows: var[tuple[TickerRow, ...]] = var[tuple[TickerRow, ...]](())
    opened: var[OpenArticle | None] = var[OpenArticle | None](None)
    entity_filter: var[IndexedEntity | None] = var[IndexedEntity | None](None, init=False)
    search_query: var[str] = var("", init=False)
    found: var[frozenset[str]] = var(frozenset[str](), init=False)
    counts: var[Counts] = var(Counts(), init=False)
    note: var[str] = var("", init=False)  # a transient message: progress, errors, hints
    status: var[Status] = var(Status())

    def __init__(self, store: Library, mode: Mode, right_to_left: bool) -> None:
        super().__init__()
        self.store = store
        self.set_reactive(MainScreen.bidi_mode, mode)
        self.set_reactive(MainScreen.right_to_left, right_to_left)
        self.set_class(right_to_left, "-rtl")  # set_reactive leaves toggle_class alone

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

    def on_mount(self) -> None:
        in_tmux = os.environ.get("TMUX") and self.bidi_mode == "app"
        notes = [*self.store.warnings, *([TMUX_NOTE] if in_tmux else [])]
        self.post_message(StoreChanged("; ".join(notes)))
        self.set_interval(1.0, self.watch_other_writers)
        last = self.store.reading.setting("last_article")
        if last and self.store.meta(last):
            self.load_article(last, "")
        self.query_one(Ticker).focus()
        self._start_timer()

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW
        if narrow != self.narrow:
            self.narrow, self.sidebar = narrow, not narrow

    # -- the status line follows the state ------------------------------------------------------
    def _update_status(self) -> None:
        c = self.counts
        left = f" {self.bidi_mode} | {c.articles} articles, {c.unread} unread, "
        left += f"{c.headlines} headlines |"
        right = self.note
        if not right and self.entity_filter:
            right = f"{self.entity_filter.text} (Esc)"
        if not right and self.search_query:
            right = f"/{self.search_query}: {len(self.found)} (n/N)"
        self.status = Status(left, right)

    watch_counts = watch_note = watch_found = _update_status

    def watch_bidi_mode(self, mode: Mode) -> None:
        self.post_message(TerminalBidi(mode))
        self._update_status()

    def watch_entity_filter(self) -> None:
        self.note = ""
        self._reload()

    def watch_search_query(self) -> None:
        self.note = ""
        self._update_status()

    # -- rows ----------------------------------------------------------------------------------
    @on(StoreChanged)
    def store_changed(self, message: StoreChanged) -> None:
        self._reload(message.note)

    def _reload(self, note: str = "") -> None:
        """Rows for the entity filter, or the search results when a search found some."""
        found = self.found if self.search_query and self.found else None
        self.load_rows(self.entity_filter, note, found)

    @work(thread=True, exclusive=True, exit_on_error=False, group="rows")
    def load_rows(
        self, chosen: IndexedEntity | None, note: str, found: frozenset[str] | None = None
    ) -> None:
        """The ticker's rows and the counts, built off the UI thread (a pass over the store)."""
        store = self.store
        rows = store.rows(chosen.key if chosen else None, found)
        states = store.reading.states()
        articles, headlines = store.counts()
        read = sum(1 for state in states.values() if state.read)
        counts = Counts(articles, articles - read, headlines)
        self.post_message(RowsBuilt(tuple(rows), counts, note))

    @on(RowsBuilt)
    def rows_built(self, message: RowsBuilt) -> None:
        self.rows, self.counts = message.rows, message.counts
        if message.note:
            self.note = message.note

    def watch_other_writers(self) -> None:
        """Every second: has another process (an import, a cron fetch) written?"""
        if not any(w.group == "watch" and not w.is_finished for w in self.workers):
            self.take_in_changes()

    @work(thread=True, exit_on_error=False, group="watch")
    def take_in_changes(self) -> None:
        if self.store.refresh():
            self.post_message(StoreChanged())  # the ticker keeps its cursor, the pane its article

    # -- opening articles --------------------------------------------------------------------
    @on(Ticker.Opened)
    def headline_opened(self, message: Ticker.Opened) -> None:
        row = message.row
        if row.article_id is None:
            self.remember("last_row", row.key)
            self.note = "Ticker headline only: no article to open"
            return
        self.load_article(row.article_id, self.search_query, focus=True, row=row.key)

    @work(thread=True, exit_on_error=False, group="state")
    def remember(self, key: str, value: str) -> None:
        self.store.reading.set_setting(key, value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="article")
    def load_article(
        self, article_id: str, query: str, focus: bool = False, row: str | None = None
    ) -> None:
        """Read the article; the writes wait until it is on screen (mark_opened)."""
        article = self.store.article(article_id)
        if article is not None:
            self.post_message(ArticleLoaded(analyse(article, query), focus, row))

    @work(thread=True, exit_on_error=False, group="state")
    def mark_opened(self, opened: OpenArticle, row: str | None) -> None:
        """The writes an open makes (each an fsync under the store's lock, and JSON encoding
        that holds the GIL), started after the article is painted so it never waits."""
        article_id = opened.id
        if row is not None:
            self.store.reading.set_setting("last_row", row)
        before = self.store.reading.state(article_id)
        self.store.mark_opened(article_id)  # read, and remembered: one write
        if not before.read:
            state = self.store.reading.state(article_id)
            self.post_message(StateSaved(article_id, state, before))  # the ticker shows it
        if not self.store.entities.has(article_id):  # (the index loads on first use)
            self.store.entities.add_many({article_id: list(opened.entities)})

    @on(ArticleLoaded)
    def article_loaded(self, message: ArticleLoaded) -> None:
        self.opened = message.opened
        if message.focus:
            self.query_one(ArticlePane).focus()
        self.call_after_refresh(self.mark_opened, message.opened, message.row)

    # -- entity filter -----------------------------------------------------------------------
    @on(EntitySidebar.Chosen)
    def entity_chosen(self, message: EntitySidebar.Chosen) -> None:
        self.entity_filter = message.entity
        self.query_one(Ticker).focus()

    def action_clear(self) -> None:
        had_search = bool(self.search_query)
        self.entity_filter, self.search_query, self.found, self.note = None, "", frozenset(), ""
        if had_search:
            self._reload()  # the whole ticker again
        if had_search and self.opened:
            self.load_article(self.opened.id, "")  # without the match highlights

    # -- search ------------------------------------------------------------------------------
    def action_search(self) -> None:
        self.searching = True
        self.query_one(SearchBar).focus()

    @on(SearchBar.Submitted)
    def search_submitted(self, message: SearchBar.Submitted) -> None:
        self._close_search()
        self.search_query = message.query.strip()
        self.run_search(self.search_query)

    @on(SearchBar.Cancelled)
    def _close_search(self) -> None:
        self.searching = False
        self.query_one(Ticker).focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, query: str) -> None:
        found = self.store.search(query)
        self.post_message(SearchDone(query, frozenset(found)))

    @on(SearchDone)
    def search_done(self, message: SearchDone) -> None:
        self.found = message.found
        self.action_next_match(1)
        if self.found:
            self._reload()  # the ticker, filtered to the results

    def action_next_match(self, step: int) -> None:
        found = self.found
        row = self.query_one(Ticker).find(lambda r: r.key in found or r.article_id in found, step)
        if row is not None and row.article_id:
            self.load_article(row.article_id, self.search_query)
        elif row is None and self.search_query:
            self.note = f"لا نتائج: {self.search_query}"

    # -- reading state, modes, layout --------------------------------------------------------
    def action_toggle_state(self, what: str) -> None:
        row = self.query_one(Ticker).current
        article_id = (row.article_id if row else None) or (self.opened and self.opened.id)
        if article_id:
            self.save_state(article_id, what)

    @work(thread=True, exit_on_error=False, group="state")
    def save_state(self, article_id: str, what: str) -> None:
        """Store writes (an fsync) happen here, never while a key waits."""
        before = self.store.reading.state(article_id)
        state = self.store.toggle(article_id, what)  # flips what is on disk now
        self.post_message(StateSaved(article_id, state, before))

    @on(StateSaved)
    def state_saved(self, message: StateSaved) -> None:
        """One row changes, and the count: no rebuild (a pass over the whole store)."""
        self.rows = restate(self.rows, message.article_id, message.state)
        change = int(message.before.read) - int(message.state.read)
        c = self.counts
        self.counts = Counts(c.articles, c.unread + change, c.headlines)

    def action_switch_bidi(self) -> None:
        self.bidi_mode = MODES[(MODES.index(self.bidi_mode) + 1) % len(MODES)]

    def action_flip_layout(self) -> None:
        self.right_to_left = not self.right_to_left
        self.remember("layout", "rtl" if self.right_to_left else "ltr")

    def action_toggle_entities(self) -> None:
        self.sidebar = not self.sidebar

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_refresh_feeds(self) -> None:
        """R: refresh every feed and sync, in the background; progress in the status line."""
        self.run_refresh(only_due=False)

    def _start_timer(self) -> None:
        """The refresh timer ([refresh] in the config); a sync at once when [sync] is set."""
        from reader.library.locations import ConfigError, load_config
        from reader.sync.cycle import refresh_tick

        try:
            tick, syncs = refresh_tick(), "sync" in load_config()
        except ConfigError as error:
            self.note = f"error: {error}"
            return
        if tick is not None:
            self.set_interval(tick, self._timed_refresh)
        if syncs:
            self.run_refresh(only_due=True)

    def _timed_refresh(self) -> None:
        if not any(w.group == "feeds" and w.is_running for w in self.workers):
            self.run_refresh(only_due=True)

    @work(thread=True, exit_on_error=False, group="feeds")
    def run_refresh(self, only_due: bool) -> None:
        from reader.sync.cycle import refresh_cycle

        worker = get_current_worker()
        self.post_message(Progress("Feeds: refreshing…"))

        def report(text: str) -> None:
            self.post_message(Progress(text))

        result = refresh_cycle(
            self.store,
            report,
            lambda: worker.is_cancelled,
            only_due=only_due,
        )
        if result.terminal:  # the bell and/or OSC 9 / 777, sanitised in reader.sync.notify
            self.post_message(Announce(result.terminal))  # the app writes it to the terminal
        self.post_message(StoreChanged(result.note))

    @on(Progress)
    def progress(self, message: Progress) -> None:
        self.note = message.text

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed (a damaged store file, say) is reported, never silent."""
        if event.state == WorkerState.ERROR:
            self.note = f"error: {event.worker.error}"
