"""`newsreader import`, `list`, `ticker`, `locate` and `reindex`: the library from the command
line."""

from __future__ import annotations

import argparse

from reader.commands import importing
from reader.commands.common import open_store
from reader.commands.listing import cmd_list, cmd_ticker
from reader.ingest.pipeline import bundled_seeds
from reader.library.locations import config_file, data_dir, database_dir
from reader.models import ImportReport


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        help="import page, feed, OPML or newsboat files (or directories)",
        description="Import files or directories of files into the store: pages, RSS/Atom/"
        'JSON feeds, OPML (subscribes), newsboat\'s urls file (subscribes, with its "~name" '
        "names) and cache.db (subscribes and stores its items, read and flagged state "
        "kept); a directory holding urls or cache.db (~/.newsboat) is read as newsboat's. "
        "Prints a line per file; exits non-zero only when nothing could be "
        "imported.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=importing.cmd_import)
    p = sub.add_parser(
        "list",
        help="list stored articles",
        description="List stored articles, oldest import first.",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=cmd_list)
    p = sub.add_parser(
        "ticker",
        help="list ticker headlines",
        description="List ticker headlines in page order. Marks: * starred, ! breaking "
        "(عاجل) and unread, • unread, - a headline with no article, blank: read. Times are "
        "in your zone ($TZ).",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=cmd_ticker)
    p = sub.add_parser(
        "locate",
        help="print the paths newsreader uses",
        description="Print the data, database and config paths in use.",
    )
    p.set_defaults(func=cmd_locate)
    p = sub.add_parser(
        "reindex",
        help="rebuild the search and entity indexes from the stored articles",
        description="Rebuild the derived indexes (search.sqlite; entities.json unless "
        "--search-only) from the TinyDB files. Safe at any time: nothing else is changed.",
    )
    p.add_argument("--search-only", action="store_true", help="keep the entity index as it is")
    p.set_defaults(func=cmd_reindex)


def cmd_reindex(args: argparse.Namespace) -> int:
    library = open_store(args)
    library.reindex(
        entities=not args.search_only, on_progress=lambda what: print(f"rebuilding the {what}")
    )
    articles, headlines = library.counts()
    print(f"indexed {articles} article(s) and {headlines} headline(s)")
    return 0


def describe(report: ImportReport) -> str:
    parts = [
        f"{report.articles} article(s)",
        f"{report.headlines} headline(s)",
        f"{report.duplicates} duplicate(s) skipped",
    ]
    text = f"{report.path}: " + ", ".join(parts)
    if report.failed and not report.articles and not report.duplicates:
        text = f"{report.path}: nothing imported"
    text += "".join(f"\n  {note}" for note in report.notes)
    return text + "".join(f"\n  problem: {problem}" for problem in report.problems)


def cmd_locate(args: argparse.Namespace) -> int:
    rows = [
        ("data", data_dir()),
        ("database", database_dir(args.db)),
        ("config", config_file()),
        ("seeds", bundled_seeds()),
    ]
    for name, path in rows:
        print(f"{name + ':':10}{path}")
    return 0
