"""What starts before the commands' modules are imported (~0.2 s): `import` of a folder or
a big file and `fetch` parse and extract in processes that all come from one forkserver, and
the forkserver imports the parsers meanwhile, on the other core."""

from __future__ import annotations

import os


def start_processes(words: list[str]) -> None:
    """`words`: the command line from the command's name on."""
    command, paths = words[0], [word for word in words[1:] if not word.startswith("-")]
    if command == "fetch" or command == "import" and any(map(big, paths)):
        from reader.library.index_workers import prestart

        prestart()


def big(path: str) -> bool:
    """A folder, or a file big enough to be parsed in a child process."""
    from reader.feeds.feed_file import SAMPLE

    try:
        return os.path.isdir(path) or os.path.getsize(path) > SAMPLE
    except OSError:
        return False
