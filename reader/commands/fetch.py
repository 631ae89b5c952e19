"""`newsreader fetch`: refresh the subscribed feeds, with progress and a summary."""

from __future__ import annotations

import argparse

from reader.commands.fetch_run import fetch_once
from reader.sync.notify import announcing
from reader.sync.repeat import duration, repeat


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "fetch",
        help="download new items from the subscribed feeds",
        description="Refresh every subscribed feed (or the ones named) concurrently: a progress "
        "bar on a terminal, a line per feed when piped, then a summary. Exits non-zero only "
        "when every feed failed.",
    )
    p.add_argument("feeds", nargs="*", metavar="URL|NAME", help="only these feeds")
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=15.0,
        metavar="SECONDS",
        help="give up on a feed silent this long (default 15; a download is cut off at 4x)",
    )
    p.add_argument("--jobs", type=int, default=8, metavar="N", help="feeds fetched at once (8)")
    p.add_argument(
        "--every",
        type=duration,
        metavar="DURATION",
        help="keep running, fetching again this often (90s, 15m, 1h), for a server with no "
        "cron; feeds with their own [refresh.feeds] interval wait for it; Ctrl-C stops",
    )
    p.set_defaults(func=cmd_fetch)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"not a number of seconds between 0 and 3600: {text!r}")
    return value


def cmd_fetch(args: argparse.Namespace) -> int:
    return repeat(lambda: announcing(args.db, lambda: fetch_once(args)), args.every)
