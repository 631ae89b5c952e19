"""Taking in what other processes wrote: the index files that changed, are new or are gone,
and the reading state and entity index beside them (the store's layer over month_loading)."""

from __future__ import annotations

from reader.library.disk import signature
from reader.library.month_loading import MonthLoading
from reader.library.newest import newest_day


class MonthRefresh(MonthLoading):
    def refresh(self) -> bool:
        """Take in what other processes wrote; whether anything changed. New months are
        loaded when everything was, or when they are newer than what is loaded."""
        with self._lock:
            was_complete, changed = self._complete, False
            names = self._months.names()
            for name in [n for n in self._loaded if n not in names]:
                self._forget_month(name)  # the old index.json, upgraded by another process
                changed = True
            for name in [n for n in names if n in self._loaded and self._months.changed(n)]:
                self._load_month(name)
                changed = True
            new = [n for n in names if n not in self._loaded]
            if new and not was_complete:
                new = self._newer_than_loaded(new)
            for name in new:
                self._load_month(name)
                changed = True
            self._check_complete(names)
            if self._streamed:  # a view of everything read the files not loaded: changed?
                streamed = {
                    n: signature(self._months.path(n)) for n in names if n not in self._loaded
                }
                if {n: self._streamed.get(n) for n in streamed} != streamed:
                    changed = True
                self._streamed = streamed
            state = self.reading.refresh()
            entities = self._entities.refresh() if self._entities is not None else False
            return changed or state or entities

    def _newer_than_loaded(self, names: list[str]) -> list[str]:
        """The files not loaded whose newest day is as new as a loaded one's: another
        process wrote them (the files left unloaded are older than every loaded one,
        newest.py)."""
        counted = self._months.counted()
        days = [day for n in self._loaded if (day := newest_day(n, counted.get(n)))]
        if not days:
            return []
        oldest = min(days)
        return [n for n in names if newest_day(n, counted.get(n)) >= oldest]
