"""Records in chunk files that only grow: article bodies (`bodies/c000001.json`, ...) and
the entity index's mentions (`entities/m000001.json`, ...). New records go into the newest
chunk until it holds about CHUNK_BYTES, then into a new one, so storing a batch rewrites at
most one partly filled chunk, and reading one record parses at most one chunk. Each
article's metadata names its body's chunk. Databases of the layout before chunks keep their
bodies in `bodies/XX.json` (the first two hex digits of the id), read in place.

A kill between writing bodies and listing them in the index leaves bodies nobody lists;
storing the same articles again finds them in the newest chunk and does not store them twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from reader.library.disk import DamagedFile, fsync_dir
from reader.library.storage import AtomicJSONStorage, Tables

CHUNK_BYTES = 256 * 1024
_NAME = re.compile(r"[0-9a-z]{1,16}")


class ChunkFiles:
    def __init__(self, folder: Path, table: str = "bodies", prefix: str = "c") -> None:
        self.folder, self.table, self.prefix = folder, table, prefix
        self._pattern = re.compile(rf"{prefix}([0-9]{{6}})")
        self._files: dict[str, AtomicJSONStorage] = {}
        self._kept: str | None = None  # the one chunk kept parsed (read())

    def storage(self, chunk: str) -> AtomicJSONStorage:
        if not _NAME.fullmatch(chunk):  # a record's chunk is a file name here, never a path
            raise DamagedFile(self.folder / "?", f"a record names the chunk {chunk!r}")
        if chunk not in self._files:
            self._files[chunk] = AtomicJSONStorage(self.folder / f"{chunk}.json")
        return self._files[chunk]

    def read(self, chunk: str) -> dict[str, dict[str, Any]]:
        """The chunk's records by doc id (at most CHUNK_BYTES). Only the chunk read last
        stays parsed, while its file is unchanged: the next article opened is mostly in the
        same chunk (they are stored in order), and reading every chunk keeps one at a time."""
        if self._kept not in (None, chunk):
            self.storage(self._kept).forget()
        storage = self.storage(chunk)
        tables = storage.read() or {}
        self._kept = chunk
        return tables.get(self.table, {})

    def body(self, chunk: str, article_id: str) -> dict[str, Any] | None:
        return next((d for d in self.read(chunk).values() if d.get("id") == article_id), None)

    def each(self, wanted: dict[str, set[str]]) -> Iterator[dict[str, Any]]:
        """The records of these ids, chunk by chunk ({chunk: ids})."""
        for chunk, ids in sorted(wanted.items()):
            yield from (d for d in self.read(chunk).values() if d.get("id") in ids)

    def add(self, records: Iterable[dict[str, Any]], since: str = "") -> dict[str, str]:
        """Store these records (each with an "id"); which chunk each id is in. Ids already
        in the chunks from `since` (the newest one the index lists) on, left by a killed
        writer, are not stored again."""
        names = self.names()  # zero-padded: the newest is the last
        number = int(names[-1][len(self.prefix) :]) if names else 0
        chunk = f"{self.prefix}{number:06}"
        tables: Tables = {}
        if number:
            tables = self.storage(chunk).read() or {}
            self.storage(chunk).forget()
        rows = tables.setdefault(self.table, {})
        placed = {doc["id"]: chunk for doc in rows.values() if "id" in doc}
        for older in names:
            if since and since <= older < chunk:
                placed.update((d["id"], older) for d in self.read(older).values() if "id" in d)
        there, placed = placed, {}
        size = _size(chunk, self.folder) if number else 0
        next_id = max(map(int, rows), default=0) + 1
        dirty, written = False, False
        for record in records:
            if record["id"] in there:
                placed[record["id"]] = there[record["id"]]
            if record["id"] in placed:
                continue
            raw = len(orjson.dumps(record)) + len(str(next_id)) + 4  # "N":{...},
            if number == 0 or size > 16 and size + raw > CHUNK_BYTES:
                if dirty:
                    self.write(chunk, tables, sync_dir=False)
                    written = True
                number += 1
                chunk, tables, size, next_id = f"{self.prefix}{number:06}", {self.table: {}}, 16, 1
                rows = tables[self.table]
            rows[str(next_id)] = record
            next_id += 1
            size += raw
            placed[record["id"]] = chunk
            dirty = True
        if dirty:
            self.write(chunk, tables, sync_dir=False)
            written = True
        if written:  # one fsync of the folder for all the chunks written (each is fsynced)
            fsync_dir(self.folder)
        return placed

    def write(self, chunk: str, tables: Tables, sync_dir: bool = True) -> None:
        storage = self.storage(chunk)
        storage.write(tables, sync_dir)
        storage.forget()
        if self._kept == chunk:
            self._kept = None

    def names(self) -> list[str]:
        """This kind's chunks, oldest first."""
        try:
            stems = [p.stem for p in self.folder.glob(f"{self.prefix}*.json")]
        except OSError:
            return []
        return sorted(s for s in stems if self._pattern.fullmatch(s))


def _size(chunk: str, folder: Path) -> int:
    try:
        return (folder / f"{chunk}.json").stat().st_size
    except OSError:
        return 0
