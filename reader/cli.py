"""The `newsreader` command line: argparse, one module per group of subcommands."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from reader import __version__
from reader.bidi.modes import CHOICES, ModeError
from reader.library.locations import ConfigError
from reader.library.storage import StoreError


def _options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options the reader itself takes (with no command)."""
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
    return parser


def build_parser() -> argparse.ArgumentParser:
    from reader.commands import entities, feeds, fetch, library, mark, show, sync

    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A terminal news reader that shows Arabic and other right-to-left news "
        "correctly. With no command, opens the reader.",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    _options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in [library, show, mark, entities, feeds, fetch, sync]:
        module.register(sub)
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Plain `newsreader [--db P] [--bidi M]` opens the reader without importing the commands
    (their fetch, import and entity machinery is most of the start-up time)."""
    reader_only = _options(argparse.ArgumentParser(prog="newsreader", add_help=False))
    args, rest = reader_only.parse_known_args(argv)
    if rest:
        from reader.commands.early import start_processes

        start_processes(rest)  # before the commands' modules load
        return build_parser().parse_args(argv)
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    try:
        if args.command is None:
            # The start makes a million objects and no garbage: the collector's passes over
            # them were a tenth of the first screen's time. Off until the first rows are
            # shown (MainScreen.rows_built); the modules imported stay and are never scanned.
            gc.disable()
            from reader.ui.app import run_app

            gc.freeze()
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
