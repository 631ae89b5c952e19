"""The `newsreader` command line: argparse, one module per group of subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__
from reader.bidi.modes import CHOICES, ModeError
from reader.commands import entities, feeds, fetch, library, mark, show, sync
from reader.library.locations import ConfigError
from reader.library.storage import StoreError

COMMANDS = [library, show, mark, entities, feeds, fetch, sync]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A terminal news reader that shows Arabic and other right-to-left news "
        "correctly. With no command, opens the reader.",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database directory (default: $NEWSREADER_DB, else $XDG_DATA_HOME/newsreader/db)",
    )
    parser.add_argument(
        "--bidi",
        metavar="MODE",
        choices=CHOICES,
        help="bidi mode for the reader: auto (default), app or terminal",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from reader.ui.app import run_app

            return run_app(args)
        return int(args.func(args))
    except (StoreError, ConfigError, ModeError) as failure:
        print(f"newsreader: {failure}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
