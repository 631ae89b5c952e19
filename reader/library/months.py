"""The index by month: `index/YYYY-MM.json` (and `index/undated.json`) each hold the
articles' metadata and the ticker headlines of one month, so the first screen parses only
the newest months and a write rewrites only the months it touches.

A record's month is the first full date it has: an article's `published_at` (UTC) or
`published`, a headline's `at` or `date`; records without one are in `undated`, which the
ticker lists last. A month holds at most PART_RECORDS records a file: then its next records
go to `YYYY-MM.001.json`, `.002`, ... (a busy month, or years of an archive imported into
one month, never makes one add parse an unbounded file).
`index/months.json` remembers how many records each month file holds and the day of its
newest record, with the file's size and time, so the totals are known without parsing every
month and the first screen parses only the files with the newest records (a busy month's
older parts wait); it is derived (a file that changed since, or was copied, is counted again
and recorded).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from reader.library.storage import AtomicJSONStorage, Tables, signature
from reader.models import ArticleMeta

UNDATED = "undated"
LEGACY = "legacy"  # index.json of the layout before months, read in place when read-only
COUNTS = "months"
PART_RECORDS = 1000  # articles and headlines in one file of a month
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PART = re.compile(r"([0-9]{4}-[0-9]{2}|undated)(?:\.([0-9]{3}))?")


def month_of(*dates: str | None) -> str:
    for date in dates:
        if date and _MONTH.match(date):
            return date[:7]
    return UNDATED


def month_of_part(name: str) -> str:
    """The month a file holds ("2024-03" of "2024-03.002")."""
    return name.split(".")[0]


def part_name(month: str, number: int) -> str:
    return month if number == 0 else f"{month}.{number:03}"


def part_number(name: str) -> int:
    return int(name.split(".")[1]) if "." in name else 0


class Tally(NamedTuple):
    """What `index/months.json` remembers of a month file."""

    articles: int
    headlines: int
    newest: str | None  # the newest record's day (YYYY-MM-DD); "" none dated; None unknown

    @property
    def records(self) -> int:
        return self.articles + self.headlines


def record_day(doc: Any) -> str:
    """The day (UTC) of a record: an article's or headline's stored dict, or the record."""
    if isinstance(doc, dict):
        when = doc.get("published_at") or doc.get("published") or doc.get("at") or doc.get("date")
    elif isinstance(doc, ArticleMeta):
        when = doc.published_at or doc.published
    else:
        when = doc.at or doc.date
    return when[:10] if isinstance(when, str) and _DAY.match(when) else ""


def tally(tables: Tables) -> Tally:
    """What a month file's tables hold. The newest day is `record_day`'s, each distinct day
    checked once: a write tallies every record of each file it rewrote, and a call and a
    regex match a record were a tenth of storing."""
    articles, lines = tables.get("articles", {}), tables.get("headlines", {})
    days = {
        when[:10]
        for docs in (articles, lines)
        for doc in docs.values()
        if isinstance(
            when := doc.get("published_at")
            or doc.get("published")
            or doc.get("at")
            or doc.get("date"),
            str,
        )
    }
    return Tally(len(articles), len(lines), max(filter(_DAY.match, days), default=""))


def article_month(doc: Any) -> str:
    """The month of an article record (an ArticleMeta or its stored dict)."""
    if isinstance(doc, dict):
        return month_of(doc.get("published_at"), doc.get("published"))
    return month_of(doc.published_at, doc.published)


def headline_month(doc: Any) -> str:
    if isinstance(doc, dict):
        return month_of(doc.get("at"), doc.get("date"))
    return month_of(doc.at, doc.date)


class MonthFiles:
    """The month files of one database directory, each behind its own atomic storage."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.folder = directory / "index"
        self._files: dict[str, AtomicJSONStorage] = {}

    def path(self, name: str) -> Path:
        if name == LEGACY:
            return self.directory / "index.json"
        return self.folder / f"{name}.json"

    def names(self) -> list[str]:
        """Every month's files on disk, newest month first (its last part first), `undated`
        last."""
        try:
            found = {p.stem for p in self.folder.glob("*.json") if _PART.fullmatch(p.stem)}
        except OSError:
            found = set()
        dated = sorted((n for n in found if not n.startswith(UNDATED)), reverse=True)
        rest = sorted((n for n in found if n.startswith(UNDATED)), reverse=True)
        if (self.directory / "index.json").exists():
            rest.append(LEGACY)
        return dated + rest

    def storage(self, name: str) -> AtomicJSONStorage:
        if name not in self._files:
            self._files[name] = AtomicJSONStorage(self.path(name))
        return self._files[name]

    def read(self, name: str) -> Tables:
        """The month's tables, parsed now; the parsed copy is not kept."""
        storage = self.storage(name)
        tables = storage.read() or {}
        storage.forget()
        return tables

    def write(self, name: str, tables: Tables) -> None:
        storage = self.storage(name)
        storage.write(tables)
        storage.forget()

    def changed(self, name: str) -> bool:
        return self.storage(name).changed()

    # -- the counts of each month (derived) ----------------------------------------------------
    def counted(self) -> dict[str, Tally]:
        """What each month file whose file is the one that was counted holds."""
        try:
            raw = AtomicJSONStorage(self.folder / f"{COUNTS}.json").read() or {}
        except Exception:  # derived: a damaged file only means counting again
            return {}
        result: dict[str, Tally] = {}
        for name, entry in raw.get(COUNTS, {}).items():
            try:
                sig = signature(self.path(name))
                if sig is not None and list(sig[1:3]) == entry["sig"]:
                    newest = entry.get("newest")  # None: counted before days were recorded
                    result[name] = Tally(
                        int(entry["articles"]),
                        int(entry["headlines"]),
                        newest if isinstance(newest, str) else None,
                    )
            except (KeyError, TypeError, ValueError):
                continue
        return result

    def count(self, name: str) -> Tally:
        """What one month file holds, parsed now and not kept."""
        return tally(self.read(name))

    def save_counts(self, counts: dict[str, Tally]) -> None:
        """Record the tallies of these months (just written), keeping the others'."""
        storage = AtomicJSONStorage(self.folder / f"{COUNTS}.json")
        try:
            table = dict((storage.read() or {}).get(COUNTS, {}))
        except Exception:
            table = {}
        for name, counted in counts.items():
            sig = signature(self.path(name))
            if sig is not None:
                entry = {"articles": counted.articles, "headlines": counted.headlines}
                table[name] = {**entry, "newest": counted.newest, "sig": list(sig[1:3])}
        storage.write({COUNTS: table})
