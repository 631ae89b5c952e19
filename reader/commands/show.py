"""`newsreader show ID|PATH`: an article laid out for a terminal, exactly as the app's
article pane draws it (both use reader.views.article_layout), then its address and links.
Piped, with no --bidi given, it prints plain logical text: what grep and scripts need."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from reader.bidi.modes import CHOICES
from reader.commands.common import error, open_store, print_json
from reader.ingest.file_reading import page_records
from reader.ingest.page import parse_bytes
from reader.library.locations import load_config
from reader.models import Article
from reader.text.article_text import meta_line


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "show",
        help="print an article laid out for the terminal",
        description="Print a stored article (by id or id prefix) or a page file (parsed in "
        "memory, not stored), one screen line per output line: the cells a terminal without "
        "bidi must show, right-to-left lines padded on the left to the width; then the "
        "article's address and its numbered links. Piped (not to a terminal) and with no "
        "--bidi option it prints plain logical text instead: title, date line, one line per "
        "paragraph, the address and the links, so grep finds the words.",
    )
    p.add_argument("ref", metavar="ID|PATH")
    p.add_argument("--width", type=int, help="line width in cells (default: the terminal's)")
    p.add_argument(
        "--bidi",
        choices=CHOICES,
        # SUPPRESS: when not given here, `newsreader --bidi MODE show` keeps the global value
        # (a subparser's default of None would overwrite it)
        default=argparse.SUPPRESS,
        help="app: newsreader shapes and reorders; terminal: logical order for "
        "terminals that do bidi themselves; auto (default) picks one",
    )
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(func=cmd_show)


def find_article(args: argparse.Namespace) -> Article | str:
    """The article named by `ref`, or an error message."""
    path = Path(args.ref)
    if path.is_file():
        try:
            page = parse_bytes(path.read_bytes())
        except OSError as failure:
            return f"cannot read {path}: {failure.strerror}"
        articles, _ = page_records(page, path.name)
        return articles[0] if articles else f"{path}: no article in this page"
    store = open_store(args)
    article_id = store.resolve(args.ref)
    article = store.article(article_id) if article_id else None
    return article or f"no article or file {args.ref!r} (see `newsreader list`)"


def cmd_show(args: argparse.Namespace) -> int:
    from reader.bidi.modes import explicit_bidi, resolve_mode
    from reader.views.article_layout import article_lines  # the layout: only when showing

    if args.width is not None and args.width < 1:
        return error("--width must be at least 1")
    width = args.width or shutil.get_terminal_size((80, 24)).columns
    found = find_article(args)
    if isinstance(found, str):
        return error(found)
    mode = resolve_mode(
        args.bidi, os.environ, load_config().get("bidi"), query_tty=sys.stdout.isatty()
    )
    if not args.json and not sys.stdout.isatty() and getattr(args, "bidi", None) is None:
        print_plain(found)
        return 0
    lines = article_lines(found, width, mode)
    if args.json:
        print_json(
            {
                "id": found.id,
                "title": found.title,
                "width": width,
                "link": found.link,
                "links": list(found.links),
                "lines": [
                    {
                        "paragraph": entry.block,
                        "direction": "rtl" if entry.line.rtl else "ltr",
                        "logical": entry.line.logical,
                        "visual": entry.line.padded(width),
                    }
                    for entry in lines
                    if entry.line is not None
                ],
            }
        )
        return 0
    with explicit_bidi(sys.stdout, mode):  # VTE: no reordering of app mode's cells
        for entry in lines:
            print("" if entry.line is None else entry.line.padded(width))
        if found.link or found.links:
            print()
            from reader.views.link_lines import link_lines

            for line in link_lines(found, width, mode):
                print(line.padded(width))
    return 0


def print_plain(article: Article) -> None:
    """Logical text, one block per line, blank lines between paragraphs; no shaping."""
    from reader.views.link_lines import link_texts

    head = [article.title, meta_line(article)]
    print("\n".join(text for text in head if text))
    for paragraph in article.paragraphs:
        print(f"\n{paragraph}")
    if links := link_texts(article):
        print("\n" + "\n".join(links))
