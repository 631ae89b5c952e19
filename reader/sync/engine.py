"""One sync with a Fever server: new items come down into the store, then each synced item's
read and starred state is merged three ways (local, server, and the base both last agreed on).
The merge is state_merge.py's; docs/sync.md has the reasoning.

Every step is saved as it completes (a page of items, a state sent), so a server that goes
away mid-sync loses nothing: the next sync starts where this one stopped, and a change that
was sent twice is harmless.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from reader.library.store import ArticleStore
from reader.library.sync_state import SyncState, load, save
from reader.sync.config import SyncConfig
from reader.sync.fever import FeverClient, FeverError
from reader.sync.items import item_records
from reader.sync.state_merge import first_meetings, merge_states
from reader.text.sanitize import clean_line


@dataclass
class SyncReport:
    feeds: int = 0
    new_items: int = 0
    sent: int = 0  # local changes sent up
    received: int = 0  # server changes applied here
    new_titles: list[str] = field(default_factory=list)


def sync(
    store: ArticleStore,
    config: SyncConfig,
    on_step: Callable[[str], None] = lambda step: None,
) -> SyncReport:
    """Sync once; FeverError (Unreachable, AuthError) when the server cannot be used."""
    client = FeverClient(config.url, config.user, config.password())
    state = load(store.directory)
    if state.account != config.account:
        state = SyncState(account=config.account)  # remote ids mean nothing on another account
    report = SyncReport()
    store.refresh()  # what other processes stored since this store was opened
    try:
        on_step("feeds")
        state.feeds = {f.id: f.title for f in client.feeds()}
        report.feeds = len(state.feeds)
        on_step("items")
        _pull_items(store, client, state, report)
        on_step("read state")
        merge_states(store, client, state, report)
        state.last_sync = datetime.now().astimezone().isoformat(timespec="seconds")
        state.last_error = None
    except FeverError as error:
        state.last_error = clean_line(str(error))[:300]
        raise
    finally:
        save(store.directory, state)
        client.close()
    return report


def _pull_items(
    store: ArticleStore, client: FeverClient, state: SyncState, report: SyncReport
) -> None:
    for page in client.items_since(state.since_id):
        articles, headlines, ids = item_records(page, state.feeds, state.account)
        fresh = [a for a in articles if not store.has(a.id)]
        store.add(articles, headlines)
        store.index(articles)
        report.new_items += len(fresh)
        report.new_titles.extend(a.title for a in fresh)
        with store.lock.write():  # read and write the local states as one step
            first_meetings(store, page, ids, state)
        state.since_id = max(state.since_id, page[-1].id)
        save(store.directory, state)
