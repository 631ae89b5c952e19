"""newsboat's `urls` file: one feed per line, `URL tag "tag with spaces" "~Name"`, `#`
comments. A `~` tag is the feed's name, a `!` tag hides it in newsboat; `query:` feeds
(saved searches) and `exec:` / `filter:` feeds (commands) cannot be subscribed to and are
reported. Pure code: returns what it found, writes nothing."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

_SCHEME = re.compile(r"^\"?(?:https?://|feed:|query:|exec:|filter:|file://)", re.IGNORECASE)


@dataclass(frozen=True)
class UrlLine:
    url: str
    name: str | None = None  # from a "~Name" tag
    tags: tuple[str, ...] = ()
    hidden: bool = False  # a "!" tag


@dataclass
class UrlsFile:
    feeds: list[UrlLine] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why a line was left out


def looks_like_urls_file(text: str) -> bool:
    """Every line that is not blank or a comment starts with a feed address."""
    lines = [
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")
    ]
    return bool(lines) and all(_SCHEME.match(ln) for ln in lines)


def parse_urls(text: str) -> UrlsFile:
    out = UrlsFile()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            words = shlex.split(line, comments=True)
        except ValueError:  # an unclosed quote: newsboat reads up to the end of the line
            words = line.replace('"', " ").split()
        if not words:
            continue
        url, tags = words[0], words[1:]
        kind = url.split(":", 1)[0].lower()
        if kind in ("query", "exec", "filter"):
            what = {"query": "a saved search", "exec": "a command", "filter": "a filter command"}
            out.skipped.append(f"line {number}: {what[kind]} ({kind}:), not a feed address")
            continue
        names = [t[1:] for t in tags if t.startswith("~") and len(t) > 1]
        out.feeds.append(
            UrlLine(
                url=url,
                name=names[-1] if names else None,
                tags=tuple(t for t in tags if not t.startswith(("~", "!")) and t),
                hidden="!" in tags,
            )
        )
    return out
