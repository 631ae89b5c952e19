"""Writing index files: one write of each file a batch touches, the same change in
memory; renaming a source in every record."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from reader.library.month_records import (
    PART_RECORDS,
    article_month,
    headline_month,
    month_of_part,
    part_name,
    part_number,
    record_day,
    tally,
)
from reader.library.record_rows import RecordRows
from reader.library.records import (
    as_record,
    chunk_of,
    relabel_records,
)
from reader.library.storage import Tables
from reader.models import ArticleMeta, Headline


class IndexWriting(RecordRows):
    def relabel(self, old: str, new: str) -> int:
        """Move every stored article and headline of source `old` to `new` (a feed was
        renamed), bodies included, under the lock; how many records moved."""
        with self.lock.write():
            self.refresh()
            self.load_all()
            ids = {m.id for m in self._meta.values() if m.source == old}
            lines = {h.id for h in self._headlines.values() if h.source == old}
            if not ids and not lines or old == new:
                return 0
            for chunk in sorted({chunk_of(self._meta[i]) for i in ids}):
                tables = {"bodies": self._bodies.read(chunk)}
                for doc in tables["bodies"].values():
                    if doc.get("source") == old:
                        doc["source"] = new
                self._bodies.write(chunk, tables)
            parts = set(self._parts_of(ids | lines).values())
            self._rewrite(parts, lambda name, tables: relabel_records(tables, old, new))
            self._meta.update((i, replace(self._meta[i], source=new)) for i in ids)
            self._headlines.update((i, replace(self._headlines[i], source=new)) for i in lines)
            return len(ids) + len(lines)

    def _rewrite(self, months: Iterable[str], change: Callable[[str, Tables], None]) -> None:
        """Read, change and write each of these months' files; then record their counts."""
        counts = {}
        for name in sorted(months):
            tables = self._months.read(name)
            change(name, tables)
            self._months.write(name, tables)
            counts[name] = tally(tables)
        self._months.save_counts(counts)

    def _write_index(
        self, metas: list[ArticleMeta], lines: list[Headline], changes: dict[str, str]
    ) -> None:
        """One write of each file of a month the batch touches (the month's last part, and
        new parts when it is full), then the same change in memory."""
        Part = tuple[list[ArticleMeta], list[Headline], dict[str, str]]
        by_month: dict[str, list[ArticleMeta | Headline]] = {}
        for meta in metas:
            by_month.setdefault(article_month(meta), []).append(meta)
        for line in lines:
            by_month.setdefault(headline_month(line), []).append(line)
        by_part: dict[str, Part] = {}
        for month, records in by_month.items():
            # by day, so a part holds a run of days (a first screen reads the newest part,
            # not the part of the batch's newest articles and that of its headlines)
            records.sort(key=record_day)
            for record, place in zip(records, self._places(month, len(records)), strict=True):
                held = by_part.setdefault(place, ([], [], {}))
                if isinstance(record, ArticleMeta):
                    held[0].append(record)
                else:
                    held[1].append(record)
        for line_id, part in self._parts_of(set(changes)).items():
            by_part.setdefault(part, ([], [], {}))[2][line_id] = changes[line_id]

        def apply(name: str, tables: Tables) -> None:
            month_metas, month_lines, month_changes = by_part[name]
            articles = tables.setdefault("articles", {})
            headlines = tables.setdefault("headlines", {})
            next_id = max(map(int, articles), default=0) + 1
            for number, meta in enumerate(month_metas, start=next_id):
                articles[str(number)] = as_record(meta)
            next_id = max(map(int, headlines), default=0) + 1
            for number, line in enumerate(month_lines, start=next_id):
                headlines[str(number)] = as_record(line)
            for doc in headlines.values() if month_changes else ():
                if doc.get("id") in month_changes:
                    doc["article_id"] = month_changes[doc["id"]]

        self._rewrite(by_part, apply)
        for name, (month_metas, month_lines, _) in by_part.items():
            self._days.pop(name, None)
            ids = self._loaded.setdefault(name, ([], []))
            ids[0].extend(m.id for m in month_metas)
            ids[1].extend(h.id for h in month_lines)
        self._meta.update((m.id, m) for m in metas)
        for line in lines:
            self._headlines[line.id] = line
        for line_id, article_id in changes.items():
            self._headlines[line_id] = replace(self._headlines[line_id], article_id=article_id)

    def _places(self, month: str, count: int) -> list[str]:
        """The files the next `count` records of a month go to, in order: its last part
        until it holds PART_RECORDS, then new parts."""
        parts = [n for n in self._loaded if month_of_part(n) == month]
        number = max(map(part_number, parts), default=0)
        used = sum(map(len, self._loaded.get(part_name(month, number), ([], []))))
        places = []
        for _ in range(count):
            if used >= PART_RECORDS:
                number, used = number + 1, 0
            places.append(part_name(month, number))
            used += 1
        return places

    def _parts_of(self, ids: set[str]) -> dict[str, str]:
        """The file each of these records is in."""
        if not ids:
            return {}
        return {
            key: name
            for name, (articles, lines) in self._loaded.items()
            for key in (*articles, *lines)
            if key in ids
        }
