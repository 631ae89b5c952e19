"""Parse a scraped Arabic news page (plain text) into an article and ticker headlines.

The seed pages are the specification: a lone "Menu" line, ticker lines with a time glued to
the headline (`09:477 أسرى ...` is 09:47, "7 أسرى ..."), the title, a date line with
"آخر تحديث" glued on, the title repeated, a "source – " dateline, paragraphs, "رابط مختصر".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.feeds.encoding import guess_legacy_arabic
from reader.ingest.dates import parse_date_line
from reader.text.sanitize import Decoded, clean_line, decode, normalise_newlines, split_long

# Exactly HH:MM (00-23, 00-59); everything after it is the headline, digits included.
TICKER = re.compile(r"^(?P<time>(?:[01]\d|2[0-3]):[0-5]\d)(?P<headline>.*\S.*)$")
# "صدى الاعلام – لاول مرة ...": a short source name, a dash with spaces, the text.
DATELINE = re.compile(r"^(?P<dateline>[^.،,:؟!\"“”]{2,40}?)\s+[–—-]\s+(?P<body>\S.*)$")

NAVIGATION = frozenset(
    {
        "menu",
        "القائمة",
        "القائمة الرئيسية",
        "الرئيسية",
        "home",
        "search",
        "بحث",
        "إغلاق",
        "اغلاق",
        "close",
        "تسجيل الدخول",
        "login",
    }
)
BOILERPLATE = frozenset(
    {
        "رابط مختصر",
        "رابط مختصر:",
        "الرابط المختصر",
        "شارك",
        "شارك الخبر",
        "مشاركة",
        "طباعة",
        "اقرأ أيضا",
        "اقرأ أيضاً",
        "اقرأ ايضا",
        "إقرأ أيضا",
        "إقرأ أيضاً",
        "اقرأ المزيد",
        "المزيد",
        "تابعونا على",
        "تابعنا على",
        "share",
        "print",
        "read more",
        "read also",
    }
)


@dataclass
class ParsedPage:
    """What a page holds, in logical order, sanitised."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    dateline: str | None = None
    ticker: list[tuple[str, str]] = field(default_factory=list)  # (HH:MM, headline)
    problems: list[str] = field(default_factory=list)


def parse_bytes(data: bytes) -> ParsedPage:
    """Parse raw file bytes; never raises, reports what it repaired or could not read."""
    if legacy := guess_legacy_arabic(data):  # windows-1256 or ISO-8859-6, as feeds are read
        decoded = Decoded(data.decode(legacy, errors="replace"))
    else:
        decoded = decode(data)
    page = parse_text(decoded.text)
    page.problems[:0] = decoded.problems
    if not decoded.binary and not page.title and not page.ticker:
        page.problems.append("empty page: no title, paragraphs or headlines")
    return page


def parse_text(text: str) -> ParsedPage:
    page = ParsedPage()
    lines = [clean_line(raw) for raw in normalise_newlines(text).split("\n")]
    if any(len(line) > 20_000 for line in lines):
        page.problems.append("very long line split into paragraphs of at most 20000 characters")
    for line in lines:
        if not line or _is_noise(line):
            continue
        if ticker := TICKER.match(line):
            page.ticker.append((ticker["time"], ticker["headline"].strip()))
        elif page.title is None:
            page.title = split_long(line, 2000)[0]
        elif not page.paragraphs and page.published is None and (dated := parse_date_line(line)):
            page.published, page.updated = dated
        elif not page.paragraphs and line == page.title:
            continue  # the title repeated under the date line
        else:
            page.paragraphs.extend(split_long(line))
    _take_dateline(page)
    return page


def _is_noise(line: str) -> bool:
    folded = line.casefold().strip(" :|-–")
    return folded in NAVIGATION or folded in BOILERPLATE or line.strip(":") in BOILERPLATE


def _take_dateline(page: ParsedPage) -> None:
    match = DATELINE.match(page.paragraphs[0]) if page.paragraphs else None
    if match and len(match["dateline"].split()) <= 5:
        page.dateline = match["dateline"].strip()
        page.paragraphs[0] = match["body"]
