"""Opening the library, for the app and the CLI alike: the chosen directory, seeded on first use."""

from __future__ import annotations

from reader.library.library import Library
from reader.library.locations import database_dir

SEEDING = "seeding"


def open_library(db: str | None, *, lazy: bool = False) -> Library:
    """The library chosen by --db / $NEWSREADER_DB / XDG; seeded with the bundled pages if new.

    What was wrong and set right on the way (a damaged reading-state file; a damaged
    entity index, found when first used) is in `library.warnings`, for the caller to show.
    `lazy`: no month is loaded yet (the app's first screen loads the newest itself).
    """
    library = Library(database_dir(db), lazy=lazy)
    if library.is_new:  # the import machinery is loaded only to seed a new library
        from reader.ingest.pipeline import seed_if_new

        library.reading.set_setting(SEEDING, True)  # a kill mid-seed: the next open seeds again
        seed_if_new(library)
        library.reading.set_setting(SEEDING, False)
    return library
