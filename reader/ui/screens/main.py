"""The main screen: owns the state (rows, open article, filter, search, modes) in `var`s,
binds it down into the ticker, article pane, sidebar and status line, and loads through
workers. Widgets tell it what was chosen with messages that carry the row or the entity."""

from __future__ import annotations

import gc
import os
from dataclasses import replace

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
from reader.library.feed_registry import FeedRegistry
from reader.library.library import Library
from reader.library.locations import load_config
from reader.models import ArticleMeta, Headline, ReadingState
from reader.ui.browser import browser_command, launch, osc52, safe_url
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
from reader.ui.widgets.quiet_focus import QuietFocus
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status_line import Status, StatusLine
from reader.ui.widgets.ticker import Ticker
from reader.views.article_view import OpenArticle, analyse
from reader.views.feed_rows import FeedRow, feed_rows
from reader.views.ticker_rows import ORDERS, Positions, TickerRow, build_rows, restate

FIRST_RESULTS = 300  # a search shows the newest this many matches first, then all
WANTED = 1500  # records the first screen loads (the newest months); as many more per scroll
KEPT = 3 * WANTED  # scrolling further reads the whole view a file at a time (only rows kept)
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
        self._wanted = WANTED  # records in memory for the whole view (0: every month)
        self._restored = False
        self._to_end = False  # G reached the oldest loaded row: go on to the oldest of all
        self.set_reactive(MainScreen.bidi_mode, mode)
        self.set_reactive(MainScreen.right_to_left, right_to_left)
        self.set_class(right_to_left, "-rtl")  # set_reactive leaves toggle_class alone
        order = store.reading.setting("order") or load_config().get("sort", "newest")
        self.set_reactive(MainScreen.order, order if order in ORDERS else "newest")

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
        self.post_message(StoreChanged("; ".join(notes)))
        self.set_interval(1.0, self.watch_other_writers)
        self.watch(self.query_one(Ticker), "cursor", self._near_the_end, init=False)
        self.query_one(Ticker).focus()

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

    def watch_entity_filter(self) -> None:
        self.note = ""
        self._reload()

    def _view_changed(self) -> None:
        self.note = ""
        self._reload()
        self._update_status()

    watch_feed_filter = watch_order = watch_show_read = _view_changed

    def watch_search_query(self) -> None:
        self.note = ""
        self._update_status()

    # -- rows ----------------------------------------------------------------------------------
    @on(StoreChanged)
    def store_changed(self, message: StoreChanged) -> None:
        self._reload(message.note)

    def _reload(self, note: str = "") -> None:
        """Rows for the filters, and only the search results when a search found some."""
        found = self.found if self.search_query and self.found else None
        self.load_rows(self.entity_filter, note, found)

    def watch_other_writers(self) -> None:
        """Every second: has another process (an import, a cron fetch) written?"""
        if not any(w.group == "watch" and not w.is_finished for w in self.workers):
            self.take_in_changes()

    @work(thread=True, exit_on_error=False, group="watch")
    def take_in_changes(self) -> None:
        if self.store.refresh():
            self.post_message(StoreChanged())  # the ticker keeps its cursor, the pane its article

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

    def _near_the_end(self, cursor: int) -> None:
        """Scrolling towards the oldest loaded row: load older months; past KEPT records (and
        at the very end, G) the view of everything, read a file at a time, so the store
        never holds more than the first pages however far the reader scrolls."""
        everything = self.counts.articles + self.counts.headlines
        if not self._wanted or self._wanted >= everything or not self._whole_view():
            return
        if cursor < len(self.rows) - 2 * max(self.size.height, 10):
            return
        self._to_end = cursor >= len(self.rows) - 1
        more = self._wanted + WANTED
        self._wanted = 0 if self._to_end or more > KEPT else more
        self._reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="rows")
    def load_rows(
        self, chosen: IndexedEntity | None, note: str, found: frozenset[str] | None = None
    ) -> None:
        """The ticker's rows and the counts, built off the UI thread. Newest first, the rows
        of the newest months come first (the whole view stops there until the reader scrolls
        down; a filter's first page is shown at once, all of it follows); other orders
        need every month."""
        store, worker = self.store, get_current_worker()
        only: set[str] | None = None
        if chosen is not None:
            only = set(store.entities.articles_mentioning(chosen.key))
        if found is not None:
            only = set(found) if only is None else only & found
        states = store.reading.states()
        articles, headlines = store.counts()
        read = sum(1 for state in states.values() if state.read)
        counts = Counts(articles, articles - read, headlines)

        def build(lines: list[Headline], metas: list[ArticleMeta]) -> tuple[TickerRow, ...]:
            return tuple(build_rows(
                lines, metas, states, only,
                order=self.order, feed=self.feed_filter[0], show_read=self.show_read,
            ))  # fmt: skip

        if worker.is_cancelled:  # a newer view was asked for while this one waited
            return
        if self.order == "newest":
            lines, metas = store.recent(self._wanted or WANTED)
            some = len(lines) + len(metas)
            if self._wanted and self._whole_view() or some >= articles + headlines:
                self.post_message(RowsBuilt(build(lines, metas), counts, note))
                return
            if articles + headlines > 2 * some:  # a first page at once, the rest follows
                self.post_message(RowsBuilt(build(lines, metas), counts, note, first_page=True))
        # Every month, a file at a time: only the rows stay in memory (at 100,000 articles
        # the store's records were 90 MB beside the rows' 11).
        rows = tuple(store.rows(
            states, only, order=self.order, feed=self.feed_filter[0],
            show_read=self.show_read, cancelled=lambda: worker.is_cancelled,
        ))  # fmt: skip
        if not worker.is_cancelled:
            self.post_message(RowsBuilt(rows, counts, note))

    @on(RowsBuilt)
    def rows_built(self, message: RowsBuilt) -> None:
        self.rows, self.counts = message.rows, message.counts
        self._positions = message.positions  # where each article's rows are, for restate
        if message.note:
            self.note = message.note
        if self._to_end and not message.first_page:
            self._to_end = False
            self.call_after_refresh(self.query_one(Ticker).action_jump, -1)
        if not self._restored:  # the article the reader left open, once the rows are there
            self._restored = True
            gc.enable()  # off while the app started (reader.cli.main)
            self.call_after_refresh(self._after_first_screen)
            if last := self.store.reading.setting("last_article"):
                self.load_article(last, "")

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
        self,
        article_id: str,
        query: str,
        focus: bool = False,
        row: str | None = None,
        mark: bool = True,
    ) -> None:
        """Read the article; the writes wait until it is on screen (mark_opened). `mark`:
        opening marks it read (p opens without)."""
        article = self.store.article(article_id)
        if article is not None:
            opened = analyse(article, query)
            self.query_one(ArticlePane).lay_out_ahead(opened)  # the layout, off the UI thread
            self.post_message(ArticleLoaded(opened, focus, row, mark))

    @work(thread=True, exit_on_error=False, group="state")
    def mark_opened(self, opened: OpenArticle, row: str | None, mark: bool = True) -> None:
        """The writes an open makes (each an fsync under the store's lock, and JSON encoding
        that holds the GIL), started after the article is painted so it never waits."""
        article_id, last_row = opened.id, {} if row is None else {"last_row": row}
        if mark:  # (the screen showed it read with the article: article_loaded)
            self.store.mark_opened(article_id, row)  # read, and remembered with the row
        else:
            self.store.reading.set_settings({"last_article": article_id, **last_row})
        # an article a killed import left unindexed joins the entity index on open, when
        # the index is loaded already (loading it for this would cost seconds at 100,000
        # articles; the next import or fetch indexes whatever is missing anyway)
        if self.store.entities_loaded and not self.store.entities.has(article_id):
            self.store.entities.add_many({article_id: list(opened.entities)})

    @on(ArticleLoaded)
    def article_loaded(self, message: ArticleLoaded) -> None:
        self.opened, self.shown_link = message.opened, ""
        if message.focus:  # now, not after this frame as Widget.focus() does (call_later)
            self.set_focus(self.query_one(ArticlePane), scroll_visible=False)
        before = self.store.reading.state(message.opened.id)
        if message.mark and not before.read:  # the read mark in the article's frame, not
            read = replace(before, read=True)  # one frame after the write (bench_ssh.py)
            self.state_saved(StateSaved(message.opened.id, read, before))
        self.call_after_refresh(self.mark_opened, message.opened, message.row, message.mark)

    # -- entity filter -----------------------------------------------------------------------
    @on(EntitySidebar.Chosen)
    def entity_chosen(self, message: EntitySidebar.Chosen) -> None:
        self.entity_filter = message.entity
        self.query_one(Ticker).focus()

    def action_clear(self) -> None:
        had_search = bool(self.search_query)
        self.entity_filter, self.search_query, self.found, self.note = None, "", frozenset(), ""
        self.feed_filter, self.link_number = (None,), 0
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
        """The newest matches at once (an index lookup that stops early), then all."""
        worker = get_current_worker()
        first = self.store.search(query, newest=FIRST_RESULTS)
        if len(first) < FIRST_RESULTS:
            self.post_message(SearchDone(query, frozenset(first)))
            return
        self.post_message(SearchDone(query, frozenset(first), first=True))
        found = self.store.search(query)
        if not worker.is_cancelled:
            self.post_message(SearchDone(query, frozenset(found)))

    @on(SearchDone)
    def search_done(self, message: SearchDone) -> None:
        if message.query != self.search_query:
            return  # a newer search replaced it
        more, self.found_more = self.found_more, message.first
        self.found = message.found
        if not more:  # the first answer to this search: go to the first match
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
        self.rows = restate(self.rows, message.article_id, message.state, self._positions)
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

    def _after_first_screen(self) -> None:
        self.sweep()
        self._start_timer()

    @work(thread=True, exit_on_error=False, group="state")
    def sweep(self) -> None:
        """A killed writer's temporary files, removed if the database can be written."""
        self.store.sweep()

    def _start_timer(self) -> None:
        """The refresh timer ([refresh] in the config); a sync at once when [sync] is set."""
        from reader.library.locations import ConfigError, load_config
        from reader.sync.schedule import refresh_config  # not cycle: it imports the fetch

        try:
            config = load_config()
            tick, syncs = refresh_config(config).tick, "sync" in config
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

    # -- feeds, views and links (issue 12) ---------------------------------------------------
    def action_feeds(self) -> None:
        from reader.ui.screens.feeds import FeedsScreen

        self.app.push_screen(
            FeedsScreen(self.store, self.bidi_mode, self._feed_rows), self._feed_chosen
        )

    def _feed_rows(self) -> list[FeedRow]:
        """In the feed screen's worker: every feed with its counts, from the unfiltered rows."""
        store = self.store
        rows = store.rows(store.reading.states())
        registry = FeedRegistry(store.directory)
        try:
            subscribed = [(f.label, f.url) for f in registry.feeds()]
        finally:
            registry.close()
        return feed_rows(rows, subscribed)

    def _feed_chosen(self, choice: tuple[str | None] | None) -> None:
        if choice is not None:
            self.feed_filter = choice
        self.post_message(StoreChanged())  # counts or feeds may have changed meanwhile
        self.query_one(Ticker).focus()

    def action_all_feeds(self) -> None:
        self.feed_filter = (None,)

    def action_cycle_order(self) -> None:
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        self.remember("order", self.order)

    def action_toggle_read_shown(self) -> None:
        self.show_read = not self.show_read

    def action_mark_all_read(self) -> None:
        if self._whole_view() and not self.store.complete:
            self.mark_read(None)  # every article, also those of months not loaded yet
            return
        ids = tuple(r.article_id for r in self.rows if r.article_id and r.unread)
        if ids:
            self.mark_read(ids)

    @work(thread=True, exit_on_error=False, group="state")
    def mark_read(self, ids: tuple[str, ...] | None) -> None:
        states = self.store.reading
        if ids is None:  # every article: a file at a time, none of them kept
            metas = (meta for _, batch in self.store.batches() for meta in batch)
            ids = tuple(m.id for m in metas if not states.state(m.id).read)
        states.set_many({i: ReadingState(True, states.state(i).starred) for i in ids})
        self.post_message(StoreChanged(f"{len(ids)} marked read"))

    def action_next_unread(self) -> None:
        row = self.query_one(Ticker).find(lambda r: r.unread, 1)
        if row is None or row.article_id is None:
            self.note = "no unread items here"
            return
        self.load_article(row.article_id, self.search_query)

    def action_peek(self) -> None:
        row = self.query_one(Ticker).current
        if row is not None and row.article_id:
            self.load_article(row.article_id, self.search_query, focus=True, mark=False)

    def action_link_number(self, digit: int) -> None:
        self.link_number = (self.link_number * 10 + digit) % 1000
        self.note = f"link {self.link_number}: o opens, y copies"

    def _chosen_url(self) -> str | None:
        number, self.link_number = self.link_number, 0
        if self.opened is None:
            self.note = "open an article first (Enter)"
            return None
        article = self.opened.article
        if number:
            if number > len(article.links):
                self.note = f"no link [{number}]: this article has {len(article.links)}"
                return None
            url: str | None = article.links[number - 1]
        else:
            url = article.link or (article.links[0] if article.links else None)
        if (checked := safe_url(url)) is None:
            self.note = "this article has no web address"
        return checked

    def action_open_link(self) -> None:
        url = self._chosen_url()
        if url is None:
            return
        command = browser_command(os.environ, load_config())
        if command is None:  # over SSH: the local terminal opens it (an OSC 8 hyperlink)
            self.note, self.shown_link = "", url
            return
        try:
            launch(command, url)
        except (OSError, ValueError) as failure:
            self.note = f"cannot run the browser {command!r}: {failure}"
            return
        self.note = f"opened in {command}: {url}"

    def action_copy_link(self) -> None:
        url = self._chosen_url()
        if url is None:
            return
        driver = self.app._driver
        if driver is not None:
            driver.write(osc52(url))  # OSC 52: the local clipboard, through tmux too
        self.app._clipboard = url
        self.note = f"copied: {url}"
