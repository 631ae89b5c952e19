"""Upgrading a database of the layout before months: one `index.json` becomes the month
files of `index/` (bodies stay where they are: each record names its body's file). Done on
first open, under the lock; `index.json` is removed only after every month file is written,
so a kill in between leaves it, and the next open does the whole upgrade again.
A database that cannot be written is read as it is (months.LEGACY)."""

from __future__ import annotations

import os
from pathlib import Path

from reader.library.disk import DamagedFile, ReadOnlyError, fsync_dir
from reader.library.lock import DatabaseLock
from reader.library.month_records import (
    PART_RECORDS,
    article_month,
    headline_month,
    part_name,
    tally,
)
from reader.library.months import MonthFiles
from reader.library.storage import AtomicJSONStorage, Tables


def upgrade(directory: Path, lock: DatabaseLock) -> None:
    legacy = directory / "index.json"
    if not legacy.exists():
        return
    try:
        with lock.write():
            if legacy.exists():
                _split(legacy, MonthFiles(directory))
    except ReadOnlyError:
        return  # read in place


def _split(legacy: Path, months: MonthFiles) -> None:
    tables = AtomicJSONStorage(legacy).read() or {}
    split: dict[str, Tables] = {}
    last: dict[str, int] = {}  # month -> the number of its part being filled
    try:
        for doc in tables.get("articles", {}).values():
            doc.setdefault("chunk", doc["id"][:2])
            _put(split, last, article_month(doc), "articles", doc)
        for doc in tables.get("headlines", {}).values():
            _put(split, last, headline_month(doc), "headlines", doc)
    except (KeyError, TypeError, AttributeError) as error:
        raise DamagedFile(legacy, f"a record of the wrong shape: {error}") from error
    for name, month in split.items():
        months.write(name, month)
    months.save_counts({name: tally(month) for name, month in split.items()})
    os.unlink(legacy)
    fsync_dir(legacy.parent)


def _put(
    split: dict[str, Tables], last: dict[str, int], month: str, table: str, doc: dict[str, object]
) -> None:
    """Into the month's last part, or a new part when that one is full."""
    number = last.setdefault(month, 0)
    tables = split.setdefault(part_name(month, number), {})
    if tally(tables).records >= PART_RECORDS:
        last[month] = number + 1
        tables = split.setdefault(part_name(month, number + 1), {})
    rows = tables.setdefault(table, {})
    rows[str(len(rows) + 1)] = doc
