"""The main screen: owns the state (rows, open article, filter, search), loads through
workers, and hands attributes down to the ticker, article pane, sidebar and status line."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from reader.library.entity_index import IndexedEntity
from reader.library.library import Library
from reader.ui.messages import ArticleLoaded, Progress, RowsBuilt, SearchDone, StoreChanged
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.cursor_list import CursorList
from reader.ui.widgets.entity_sidebar import EntitySidebar, entity_rows
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status_line import StatusLine
from reader.ui.widgets.ticker import Ticker
from reader.views.article_view import analyse

NARROW = 100  # below this many columns the panes stack and the sidebar hides


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

    def __init__(self, store: Library, mode: str, right_to_left: bool) -> None:
        super().__init__()
        self.store, self.bidi_mode, self.right_to_left = store, mode, right_to_left
        self.entity_filter: IndexedEntity | None = None
        self.search_query, self.found = "", frozenset[str]()
        self.article_id: str | None = None
        self.focus_article = False

    def compose(self) -> ComposeResult:
        yield Ticker(id="ticker")
        yield EntitySidebar(id="entities")
        yield ArticlePane(id="article")
        with Vertical(id="bottom"):  # docked widgets on one edge overlap: stack them here
            yield SearchBar(id="search")
            yield StatusLine(id="status")

    def on_mount(self) -> None:
        self.query_one(SearchBar).display = False
        self._apply_layout()
        self._set_mode(self.bidi_mode)
        self.post_message(StoreChanged("; ".join(self.store.warnings)))
        self.set_interval(1.0, self.watch_other_writers)
        last = self.store.reading.setting("last_article")
        if last and self.store.meta(last):
            self.open_article(last)
        self.query_one(Ticker).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    # -- state down ------------------------------------------------------------------------------
    @on(StoreChanged)
    def rebuild(self, message: StoreChanged | None = None) -> None:
        self.load_rows(self.entity_filter, message.note if message else "")

    @work(thread=True, exclusive=True, exit_on_error=False, group="rows")
    def load_rows(self, chosen: IndexedEntity | None, note: str) -> None:
        """The ticker's rows, built off the UI thread: all, an entity's, or search results."""
        found = self.found if self.search_query and self.found else None
        rows = self.store.rows(chosen.key if chosen else None, found)
        self.post_message(RowsBuilt(rows, note))

    def watch_other_writers(self) -> None:
        """Every second: has another process (an import, a cron fetch) written?"""
        if not any(w.group == "watch" and not w.is_finished for w in self.workers):
            self.take_in_changes()

    @work(thread=True, exit_on_error=False, group="watch")
    def take_in_changes(self) -> None:
        if self.store.refresh():
            self.post_message(StoreChanged())  # the ticker keeps its cursor, the pane its article

    @on(RowsBuilt)
    def rows_built(self, message: RowsBuilt) -> None:
        ticker = self.query_one(Ticker)
        current = ticker.current.key if ticker.current else self.store.reading.setting("last_row")
        ticker.set_rows(message.rows, keep=current)
        self._status(message.note)

    def _status(self, note: str = "") -> None:
        articles, headlines = self.store.counts()
        read = sum(1 for state in self.store.reading.states().values() if state.read)
        left = (
            f" {self.bidi_mode} | {articles} articles, {articles - read} unread, "
            f"{headlines} headlines |"
        )
        right = note
        if not right and self.entity_filter:
            right = f"{self.entity_filter.text} (Esc)"
        if not right and self.search_query:
            right = f"/{self.search_query}: {len(self.found)} (n/N)"
        self.query_one(StatusLine).set(left, right)

    # -- opening articles --------------------------------------------------------------------
    @on(CursorList.Chosen, "#ticker")
    def chosen_headline(self, message: CursorList.Chosen) -> None:
        row = self.query_one(Ticker).current
        if row is None:
            return
        self.remember("last_row", row.key)
        if row.article_id is None:
            self._status("Ticker headline only: no article to open")
            return
        self.focus_article = True  # once it has loaded: a failed load leaves focus here
        self.open_article(row.article_id)

    @work(thread=True, exit_on_error=False, group="state")
    def remember(self, key: str, value: str) -> None:
        self.store.reading.set_setting(key, value)

    def open_article(self, article_id: str) -> None:
        self.article_id = article_id
        self.load_article(article_id, self.search_query)

    @work(thread=True, exclusive=True, exit_on_error=False, group="article")
    def load_article(self, article_id: str, query: str) -> None:
        article = self.store.article(article_id)
        if article is None:
            return
        entities, spans = analyse(article, query)
        self.post_message(ArticleLoaded(article, entities, spans))
        if not self.store.entities.has(article_id):  # imported before it could be indexed
            self.store.entities.add_many({article_id: list(entities)})
        self.store.mark_opened(article_id)
        self.post_message(StoreChanged())  # the ticker shows it read

    @on(ArticleLoaded)
    def article_loaded(self, message: ArticleLoaded) -> None:
        pane = self.query_one(ArticlePane)
        pane.show(message.article, message.spans, self.bidi_mode)
        if self.focus_article:
            pane.focus()
            self.focus_article = False
        self.query_one(EntitySidebar).set_rows(entity_rows(message.entities))

    # -- entity filter -----------------------------------------------------------------------
    @on(CursorList.Chosen, "#entities")
    def chosen_entity(self, message: CursorList.Chosen) -> None:
        row = self.query_one(EntitySidebar).current
        if row is not None and row.entity is not None:
            self.entity_filter = row.entity
            self.rebuild()
            self.query_one(Ticker).focus()

    def action_clear(self) -> None:
        self.entity_filter, self.search_query, self.found = None, "", frozenset()
        self.rebuild()
        if self.article_id:
            self.load_article(self.article_id, "")

    # -- search ------------------------------------------------------------------------------
    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.value, bar.display = "", True
        bar.focus()

    @on(SearchBar.Submitted)
    def search_submitted(self, message: SearchBar.Submitted) -> None:
        self.query_one(SearchBar).display = False
        self.query_one(Ticker).focus()
        self.search_query = message.query.strip()
        self.run_search(self.search_query)

    @on(SearchBar.Cancelled)
    def search_cancelled(self) -> None:
        self.query_one(SearchBar).display = False
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
            self.rebuild()  # the ticker, filtered to the results

    def action_next_match(self, step: int) -> None:
        ticker = self.query_one(Ticker)
        rows = ticker.rows
        for offset in range(1, len(rows) + 1):
            index = (ticker.cursor + step * offset) % len(rows)
            row = rows[index]
            if not row.is_day and (row.key in self.found or row.article_id in self.found):
                ticker.cursor = index
                if row.article_id:
                    self.open_article(row.article_id)
                return
        if self.search_query:
            self._status(f"لا نتائج: {self.search_query}")

    # -- reading state, modes, layout --------------------------------------------------------
    def action_toggle_state(self, what: str) -> None:
        row = self.query_one(Ticker).current
        article_id = (row.article_id if row else None) or self.article_id
        if article_id:
            self.save_state(article_id, what)

    @work(thread=True, exit_on_error=False, group="state")
    def save_state(self, article_id: str, what: str) -> None:
        """Store writes (an fsync) happen here, never while a key waits."""
        self.store.toggle(article_id, what)
        self.post_message(StoreChanged())

    def action_switch_bidi(self) -> None:
        self._set_mode("terminal" if self.bidi_mode == "app" else "app")
        self.app.set_terminal_bidi(self.bidi_mode)  # type: ignore[attr-defined]

    def _set_mode(self, mode: str) -> None:
        self.bidi_mode = mode
        for widget in (
            self.query_one(Ticker),
            self.query_one(EntitySidebar),
            self.query_one(SearchBar),
            self.query_one(StatusLine),
        ):
            widget.mode = mode
            widget.refresh()
        pane = self.query_one(ArticlePane)
        pane.show(pane.article, pane.spans, mode, keep_scroll=True)
        self._status()

    def action_flip_layout(self) -> None:
        self.right_to_left = not self.right_to_left
        self.remember("layout", "rtl" if self.right_to_left else "ltr")
        self._apply_layout()

    def _apply_layout(self) -> None:
        self.set_class(self.right_to_left, "-rtl")
        self.query_one(Ticker).right_to_left = self.right_to_left
        self.query_one(Ticker).refresh()

    def action_toggle_entities(self) -> None:
        self.toggle_class("-show-entities")

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    @work(thread=True, exclusive=True, exit_on_error=False, group="feeds")
    def action_refresh_feeds(self) -> None:
        """R: refresh every feed in the background; progress in the status line."""
        from reader.feeds.fetch import refresh

        worker = get_current_worker()
        self.post_message(Progress("Feeds: refreshing…"))
        summary = refresh(
            self.store,
            cancelled=lambda: worker.is_cancelled,
            on_progress=lambda p: self.post_message(
                Progress(f"Feeds {p.done}/{p.total}: {p.feed} {p.status}")
            ),
        )
        if not summary.feeds:
            self.post_message(Progress("Feeds: none yet (newsreader feeds add URL)"))
            return
        failed = f", {len(summary.failures)} failed" if summary.failures else ""
        note = (
            f"Feeds: {summary.new_articles} new articles, {summary.new_headlines} new "
            f"headlines{failed}"
        )
        self.post_message(StoreChanged(note))
        self.post_message(Progress(note))

    @on(Progress)
    def progress(self, message: Progress) -> None:
        self._status(message.text)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed (a damaged store file, say) is reported, never silent."""
        if event.state == WorkerState.ERROR:
            self._status(f"error: {event.worker.error}")
