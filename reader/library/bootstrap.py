"""Opening the library, for the app and the CLI alike: the chosen directory, seeded on first use."""

from __future__ import annotations

from reader.library.library import Library
from reader.library.locations import database_dir


def open_library(db: str | None) -> Library:
    """The library chosen by --db / $NEWSREADER_DB / XDG; seeded with the bundled pages if new.

    What was wrong and set right on the way (a damaged reading-state file; a damaged
    entity index, found when first used) is in `library.warnings`, for the caller to show.
    """
    library = Library(database_dir(db))
    if library.is_new:  # the import machinery is loaded only to seed a new library
        from reader.ingest.pipeline import seed_if_new

        seed_if_new(library)
    return library
