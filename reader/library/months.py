"""The index by month: `index/YYYY-MM.json` (and `index/undated.json`) each hold the
articles' metadata and the ticker headlines of one month, so the first screen parses only
the newest months and a write rewrites only the months it touches.

`index/months.json` remembers how many records each month file holds and the day of its
newest record, with the file's size and time, so the totals are known without parsing every
month and the first screen parses only the files with the newest records (a busy month's
older parts wait); it is derived (a file that changed since, or was copied, is counted again
and recorded).
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.library.disk import signature
from reader.library.month_records import UNDATED, Tally, tally
from reader.library.storage import AtomicJSONStorage, Tables

LEGACY = "legacy"  # index.json of the layout before months, read in place when read-only
COUNTS = "months"
_PART = re.compile(r"([0-9]{4}-[0-9]{2}|undated)(?:\.([0-9]{3}))?")


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
