"""What starts before the commands' modules are imported (~0.2 s): `import` of a folder or
a big file and `fetch` parse and extract in processes that all come from one forkserver, and
the forkserver imports the parsers meanwhile, on the other core; a big feed file's parsing
child starts then too, and reads while this process opens the library."""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path


def start_processes(words: list[str]) -> None:
    """`words`: the command line from the command's name on."""
    command, paths = words[0], [word for word in words[1:] if not word.startswith("-")]
    if command == "fetch" or command == "import" and any(map(big, paths)):
        from reader.library.index_workers import prestart

        prestart()
    if command == "import" and (first := next(filter(os.path.isfile, filter(big, paths)), None)):
        _parse_early(Path(first))


def _parse_early(path: Path) -> None:
    """The first big file's parsing child starts now (with the name and batch the import
    pipeline gives it), so it has batches ready when the library is open."""
    from reader.feeds.feed_child import start_early
    from reader.ingest.file_reading import READ
    from reader.text.sanitize import clean_line

    with suppress(OSError):  # the import says why it cannot read it
        start_early(path, clean_line(path.name) or "file", READ)


def big(path: str) -> bool:
    """A folder, or a file big enough to be parsed in a child process."""
    from reader.feeds.feed_file import SAMPLE

    try:
        return os.path.isdir(path) or os.path.getsize(path) > SAMPLE
    except OSError:
        return False
