"""Opening the library, for the app and the CLI alike: the chosen directory, seeded on first use."""

from __future__ import annotations

from reader.ingest.pipeline import seed_if_new
from reader.library.locations import database_dir
from reader.library.store import ArticleStore


def open_library(db: str | None) -> ArticleStore:
    """The store chosen by --db / $NEWSREADER_DB / XDG; seeded with the bundled pages if new."""
    store = ArticleStore(database_dir(db))
    seed_if_new(store)
    return store
