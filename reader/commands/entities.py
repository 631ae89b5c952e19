"""`newsreader entities ID|PATH|-`: the people, places and organisations of an article.

ID is a stored article, PATH a page file (parsed in memory, not stored), "-" plain text on
standard input. Mention offsets are into the text entities are extracted from: the
article's blocks joined by newlines (what the app highlights), or standard input as read.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reader.commands.common import error, print_json
from reader.commands.screen_text import screen_line

if TYPE_CHECKING:  # the extractor loads when the command runs, not for every command's parser
    from reader.entities import Entity

GROUPS = (("PERSON", "people"), ("PLACE", "places"), ("ORG", "organisations"))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "entities",
        help="list the people, places and organisations an article mentions",
        description="Extract the people, places and organisations of a stored article (by id "
        "or id prefix), a page file (parsed in memory, not stored) or text on standard input "
        "('-'). Mention offsets count characters of the article's blocks joined by newlines "
        "(title, date line, paragraphs), or of the standard input text.",
    )
    p.add_argument("ref", metavar="ID|PATH|-")
    p.add_argument(
        "--json",
        action="store_true",
        help="print a JSON array of {text, type, count, mentions: [[start, end], ...]}",
    )
    p.set_defaults(func=cmd_entities)


def source_text(args: argparse.Namespace) -> str | None:
    """The text to extract from, or None after reporting why there is none."""
    if args.ref == "-":
        return sys.stdin.buffer.read().decode("utf-8", errors="replace")
    from reader.commands.show import find_article
    from reader.text.article_text import article_text

    found = find_article(args)
    if isinstance(found, str):
        error(found)
        return None
    return article_text(found)


def as_json(entities: list[Entity]) -> list[dict[str, object]]:
    return [
        {
            "text": e.text,
            "type": e.type,
            "count": e.count,
            "mentions": [list(m) for m in e.mentions],
        }
        for e in entities
    ]


def cmd_entities(args: argparse.Namespace) -> int:
    from reader.entities import extract

    text = source_text(args)
    if text is None:
        return 1
    entities = extract(text)
    if args.json:
        print_json(as_json(entities))
        return 0
    if not entities:
        print("no people, places or organisations found")
        return 0
    for kind, heading in GROUPS:
        members = [e for e in entities if e.type == kind]
        if members:
            print(f"{heading} ({kind})")
            for entity in members:
                print(f"  {entity.count:>4}  {screen_line(entity.text, 60)}")
    return 0
