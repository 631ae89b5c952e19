"""`feeds add`'s look at an address: one GET, and what it found (a feed, a web page naming
feeds, or neither); several feeds named by a page are offered on a terminal."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.commands.screen_text import screen_line
from reader.feeds.discover import Alternate, alternate_feeds, looks_like_html
from reader.feeds.types import ParsedFeed
from reader.text.sanitize import clean_line

if TYPE_CHECKING:  # httpx takes ~0.15 s to import: only `feeds add` needs it
    from reader.feeds import http


@dataclass(frozen=True)
class Checked:
    """What one GET of an address found: a feed, a page naming feeds, or neither (`error`)."""

    url: str
    response: http.Response | None = None
    feed: ParsedFeed | None = None
    alternates: tuple[Alternate, ...] = ()
    error: str = ""


def check(url: str, timeout: float) -> Checked:
    from reader.feeds import http  # httpx and feedparser: only when a feed is added
    from reader.feeds.parse import parse_feed

    try:
        response = http.get(url, timeout=timeout)
    except http.FetchError as failure:
        return Checked(url, error=clean_line(str(failure))[:300])
    parsed = parse_feed(response.body, response.url, response.content_type)
    if parsed.is_feed and (parsed.entries or not parsed.problems):
        return Checked(url, response, parsed)
    if parsed.is_feed:  # broken before its first item: nothing to subscribe to
        problem = parsed.problems[0].split(": ", 1)[-1]
        return Checked(url, response, error=clean_line(f"a broken feed: {problem}")[:300])
    if looks_like_html(response.body, response.content_type):
        found = tuple(alternate_feeds(response.body, response.url))
        why = "a web page that names no feed" if not found else "a web page, not a feed"
        return Checked(url, response, alternates=found, error=why)
    problem = parsed.problems[0] if parsed.problems else "not a feed"
    return Checked(url, response, error=clean_line(problem)[:300])


def choose(page: Checked) -> Alternate | None:
    """One alternate is taken; several are offered on a terminal, listed otherwise."""
    if len(page.alternates) == 1:
        return page.alternates[0]
    print(f"{page.url} is a web page; it names these feeds:", file=sys.stderr)
    for n, alt in enumerate(page.alternates, start=1):
        label = f" ({screen_line(alt.title, 50)})" if alt.title else ""
        print(f"  [{n}] {alt.url}{label}", file=sys.stderr)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("subscribe to one with `newsreader feeds add URL`", file=sys.stderr)
        return None
    answer = input(f"subscribe to which? [1-{len(page.alternates)}, Enter: none] ").strip()
    if answer.isdigit() and 1 <= int(answer) <= len(page.alternates):
        return page.alternates[int(answer) - 1]
    return None
