"""The parts of an entry's record: its paragraphs and numbered links (entry HTML to text, or
plain lines; enclosures named in a last paragraph) and its times (local, and UTC ISO)."""

from __future__ import annotations

from datetime import UTC, datetime

from reader.feeds.html_links import safe_link
from reader.feeds.html_text import html_paragraphs, plain_paragraphs
from reader.feeds.types import RawEntry
from reader.text.sanitize import clean_line


def body_paragraphs(entry: RawEntry) -> tuple[list[str], list[str]]:
    if entry.is_html and ("<" in entry.body or "&" in entry.body):
        return html_paragraphs(entry.body, entry.base)
    return plain_paragraphs(entry.body), []


def utc_time(when: datetime | None) -> str | None:
    return when.astimezone(UTC).isoformat(timespec="seconds") if when else None


# "attachment": what precedes the list of an item's enclosures at the end of its text
ENCLOSURES = "مرفقات"


def with_enclosures(
    entry: RawEntry, paragraphs: list[str], links: list[str]
) -> tuple[list[str], list[str]]:
    """Enclosures (podcast audio, images) join the numbered links, and a last paragraph
    names them: "مرفقات: [3] audio/mpeg · [4] image/jpeg"."""
    found = []
    for url, kind in entry.enclosures:
        safe = safe_link(url, entry.base)
        if safe and safe not in links:
            links = [*links, safe]
            found.append(f"[{len(links)}] {clean_line(kind)[:60] or 'file'}")
    if found:
        paragraphs = [*paragraphs, f"{ENCLOSURES}: " + " · ".join(found)]
    return paragraphs, links


def local_time(stamp: float | None) -> datetime | None:
    """A POSIX time in the local timezone, or None when missing or out of range."""
    if stamp is None:
        return None
    try:
        return datetime.fromtimestamp(stamp, UTC).astimezone()
    except (OverflowError, OSError, ValueError):
        return None
