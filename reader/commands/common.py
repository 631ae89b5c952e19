"""What every subcommand needs: opening the store, printing for a pipe or a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader.ingest.pipeline import seed_if_new
from reader.locations import database_dir
from reader.store import ArticleStore


def open_store(args: argparse.Namespace) -> ArticleStore:
    """The store chosen by --db / $NEWSREADER_DB / XDG; seeded on first use."""
    store = ArticleStore(database_dir(args.db))
    seed_if_new(store)
    return store


def styled() -> bool:
    """Output to a terminal may be styled; piped output is plain."""
    return sys.stdout.isatty()


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def error(message: str) -> int:
    print(f"newsreader: {message}", file=sys.stderr)
    return 1
