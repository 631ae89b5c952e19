"""`newsreader feeds add|list|remove|rename|import|export`: the subscriptions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands.common import error, print_json
from reader.commands.feed_add import cmd_add
from reader.commands.feed_rename import cmd_rename
from reader.commands.fetch import _seconds as seconds
from reader.commands.screen_text import screen_line
from reader.library.feed_registry import FeedError, FeedRegistry
from reader.library.locations import database_dir
from reader.text.sanitize import clean_line


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "feeds",
        help="manage feed subscriptions (RSS, Atom, JSON Feed, OPML)",
        description="Subscribe to news feeds, list, remove, import and export them. "
        "With no action, lists the subscriptions. `newsreader fetch` downloads them.",
    )
    p.set_defaults(func=cmd_list, json=False)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser(
        "add",
        help="subscribe to a feed",
        description="Subscribe to an http(s) feed address. The address is fetched once: "
        "what is not a feed (an error page, no answer, a file of another kind) is refused; "
        "a web page is searched for the feeds it names (<link rel=alternate>), one is "
        "taken and several are offered. The items fetched are stored at once.",
    )
    a.add_argument("url", metavar="URL", help="the feed's (or its site's) address")
    a.add_argument("--name", help="a name for the feed (default: the feed's own title)")
    a.add_argument(
        "--timeout", type=seconds, default=15.0, metavar="SECONDS", help="give up after (15)"
    )
    a.add_argument("--no-fetch", action="store_true", help="subscribe without fetching (offline)")
    a.set_defaults(func=cmd_add)
    a = actions.add_parser(
        "list", help="list subscriptions", description="List subscribed feeds and their status."
    )
    a.add_argument("--json", action="store_true", help="print a JSON array")
    a.set_defaults(func=cmd_list)
    a = actions.add_parser(
        "remove",
        help="unsubscribe from a feed",
        description="Unsubscribe from a feed, given by address or name. Its articles stay.",
    )
    a.add_argument("feed", metavar="URL|NAME")
    a.set_defaults(func=cmd_remove)
    a = actions.add_parser(
        "rename",
        help="rename a feed and the items stored from it",
        description="Give a feed (by address or the name `feeds list` shows) a new name; its "
        "stored articles and headlines move to the new name too, so the feed stays one.",
    )
    a.add_argument("feed", metavar="URL|NAME")
    a.add_argument("name", metavar="NEW_NAME")
    a.set_defaults(func=cmd_rename)
    a = actions.add_parser(
        "import",
        help="subscribe to the feeds of an OPML file",
        description="Subscribe to every feed an OPML file lists (folders are flattened).",
    )
    a.add_argument("file", metavar="FILE.opml")
    a.set_defaults(func=cmd_import)
    a = actions.add_parser(
        "export",
        help="print the subscriptions as OPML",
        description="Print the subscriptions as an OPML 2.0 document on standard output.",
    )
    a.set_defaults(func=cmd_export)


def _registry(args: argparse.Namespace) -> FeedRegistry:
    return FeedRegistry(database_dir(args.db))


def cmd_list(args: argparse.Namespace) -> int:
    feeds = _registry(args).feeds()
    if args.json:
        print_json(
            [
                {
                    "url": f.url,
                    "name": f.label,
                    "status": f.status,
                    "checked": f.checked,
                    "tags": list(f.tags),
                }
                for f in feeds
            ]
        )
        return 0
    if not feeds:
        print(
            "no feeds: subscribe with `newsreader feeds add URL` or `newsreader feeds import FILE`"
        )
    for f in feeds:
        print(
            f"{screen_line(f.label, 40)}\n  {clean_line(f.url)}\n"
            f"  {clean_line(f.status or 'never fetched')}"
            + (f" ({clean_line(f.checked)})" if f.checked else "")
            + (f"\n  tags: {', '.join(screen_line(t, 40) for t in f.tags)}" if f.tags else "")
        )
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    try:
        feed = _registry(args).remove(args.feed)
    except FeedError as failure:
        return error(str(failure))
    label = screen_line(feed.label, 60)
    print(f"unsubscribed: {clean_line(feed.url)} ({label}); its articles stay")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from reader.feeds.opml import read_opml

    try:
        data = Path(args.file).read_bytes()
    except OSError as failure:
        return error(clean_line(f"cannot read {args.file}: {failure.strerror or failure}"))
    outlines, problems = read_opml(data)
    for problem in problems:
        print(clean_line(f"{args.file}: {problem}"), file=sys.stderr)
    if not outlines:
        return 1
    new = _registry(args).add_many(outlines)
    old = len(outlines) - len(new)
    file = clean_line(args.file)
    print(f"{file}: subscribed to {len(new)} new feed(s), {old} already subscribed")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from reader.feeds.opml import write_opml

    sys.stdout.write(write_opml(_registry(args).feeds()))
    return 0
