"""One refresh, as the app's `R` and its timer run it: fetch the subscribed feeds that are due,
sync with the server when the config has a [sync] section, and announce what is new. Under the
refresh lock, so never two at once on one database. No Textual here: the app gets a result
to show (a status note, a terminal sequence) and callbacks for progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from reader.library.locations import ConfigError, load_config
from reader.library.refresh_lock import RefreshBusy, refreshing
from reader.library.store import ArticleStore
from reader.library.sync_state import pending
from reader.sync import notify
from reader.sync.config import sync_config
from reader.sync.engine import sync
from reader.sync.fever import FeverError, Unreachable
from reader.sync.schedule import refresh_config


@dataclass
class CycleResult:
    note: str  # for the status line
    new_titles: list[str] = field(default_factory=list)
    terminal: str = ""  # bell / OSC 9 / OSC 777 to write to the terminal
    changed: bool = False  # the store changed: rebuild the ticker
    offline: bool = False


def refresh_cycle(
    store: ArticleStore,
    on_progress: Callable[[str], None] = lambda text: None,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    only_due: bool = False,
) -> CycleResult:
    """Fetch (every feed, or the due ones), then sync; never raises for a server's failure."""
    config = load_config()
    settings = notify.notify_config(config)
    try:
        with refreshing(store.directory):
            before = {meta.id for meta in store.articles()}
            notes, offline = _fetch(store, on_progress, cancelled, only_due, config), False
            if (chosen := sync_config(config)) is not None and not cancelled():
                on_progress("Sync: …")
                try:
                    report = sync(store, chosen, on_step=lambda s: on_progress(f"Sync: {s}…"))
                    notes.append(f"synced ({report.sent} sent, {report.received} received)")
                except Unreachable:
                    offline = True
                    waiting = pending(store.directory, store.reading.states())
                    notes.append(f"offline: server unreachable, {waiting} change(s) queued")
                except (FeverError, ConfigError) as error:  # a refused password, say
                    notes.append(f"sync failed: {error}")
            titles = [m.title for m in store.articles() if m.id not in before]
    except RefreshBusy:
        return CycleResult("another refresh of this database is running")
    if titles:
        notes.insert(0, notify.summary(len(titles)))
    if problem := notify.run_command(settings, titles):
        notes.append(problem)
    return CycleResult(
        "; ".join(notes) or "nothing to refresh",
        titles,
        notify.terminal_sequence(settings, titles),
        changed=True,
        offline=offline,
    )


def _fetch(
    store: ArticleStore,
    on_progress: Callable[[str], None],
    cancelled: Callable[[], bool],
    only_due: bool,
    config: dict[str, object],
) -> list[str]:
    from reader.feeds.fetch import refresh
    from reader.feeds.fetch_results import Progress

    feeds = store.feeds.feeds()
    if only_due:
        feeds = refresh_config(config).due(feeds, datetime.now().astimezone())
    if not feeds:
        return []

    def report(p: Progress) -> None:
        on_progress(f"Feeds {p.done}/{p.total}: {p.feed} {p.status}")

    summary = refresh(store, report, only=feeds, cancelled=cancelled)
    failed = ""
    if summary.failures:  # name the first failing feed and why (both already sanitised)
        first = summary.failures[0]
        more = f" (and {len(summary.failures) - 1} more)" if len(summary.failures) > 1 else ""
        failed = f", {len(summary.failures)} failed: {first.feed}: {first.error}{more}"
    return [f"{summary.feeds} feed(s) fetched{failed}"]
