"""`newsreader mark ID... --read|--unread|--star|--unstar`: reading state from scripts."""

from __future__ import annotations

import argparse

from reader.commands.common import error, open_store

CHANGES = {
    "read": {"read": True},
    "unread": {"read": False},
    "star": {"starred": True},
    "unstar": {"starred": False},
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "mark",
        help="mark articles read, unread, starred or not starred",
        description="Change the reading state of articles, given by id or a unique id prefix "
        "of at least 4 characters (as `newsreader list` prints them). Nothing changes when "
        "any id is unknown. Prints one line per article.",
    )
    p.add_argument("ids", nargs="+", metavar="ID")
    what = p.add_mutually_exclusive_group(required=True)
    for name in CHANGES:
        what.add_argument(
            f"--{name}", dest="change", action="store_const", const=name, help=f"mark {name}"
        )
    p.set_defaults(func=cmd_mark)


def cmd_mark(args: argparse.Namespace) -> int:
    store = open_store(args)
    resolved = {ref: store.resolve(ref) for ref in args.ids}
    unknown = [ref for ref, found in resolved.items() if found is None]
    if unknown:
        names = ", ".join(repr(ref) for ref in unknown)
        return error(
            f"no article with id {names} (ids or unique prefixes of 4+ characters, "
            "see `newsreader list`); nothing changed"
        )
    for article_id in dict.fromkeys(found for found in resolved.values() if found):
        state = store.reading.set_state(article_id, **CHANGES[args.change])
        flags = ("read" if state.read else "unread") + (", starred" if state.starred else "")
        print(f"{article_id}  {flags}")
    return 0
