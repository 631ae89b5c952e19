"""What every subcommand needs: opening the library, printing for a pipe or a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader.library.bootstrap import open_library
from reader.library.library import Library


def open_store(args: argparse.Namespace) -> Library:
    """The library chosen by --db / $NEWSREADER_DB / XDG; seeded on first use. What it had
    to set right on the way (a damaged reading-state file, say) is printed to stderr."""
    library = open_library(args.db)
    for warning in library.warnings:
        print(f"newsreader: warning: {warning}", file=sys.stderr)
    return library


def styled() -> bool:
    """Output to a terminal may be styled; piped output is plain."""
    return sys.stdout.isatty()


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def error(message: str) -> int:
    print(f"newsreader: {message}", file=sys.stderr)
    return 1
