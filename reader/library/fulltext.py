"""The search index: SQLite FTS5 (trigram tokenizer) over folded text, in `search.sqlite`.

Derived data, like notmuch's Xapian index: the TinyDB files hold everything, this file can
be deleted at any time and is rebuilt from them (`newsreader reindex`, or by itself when it
is missing, damaged or behind). Each row is one article (title and body) or one headline,
folded with reader.text.folding.fold, so a query matches exactly where the old substring
search matched: ignoring harakat, tatweel, alef forms, ة/ه and ى/ي. The trigram tokenizer
makes any substring of three or more characters an index lookup. The index is
contentless (it keeps the trigrams' positions, not a second copy of the text), so queries
of one or two characters are not answered here (`search()` returns None: scan the files).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from reader.models import Article, Headline
from reader.text.folding import fold

VERSION = 2  # PRAGMA user_version: another version is dropped and rebuilt
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS docs(n INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS text USING fts5(
    body, tokenize='trigram', content='', detail=full
);
PRAGMA user_version = {VERSION};
"""


class FullText:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self._db = self._open()
            except sqlite3.OperationalError:  # locked, read-only, no space: not damage
                raise
            except sqlite3.DatabaseError:  # damaged ("not a database"): derived, start again
                self._drop()
                self._db = self._open()
        return self._db

    def _drop(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise sqlite3.OperationalError(f"cannot remove {self.path}: {error}") from error

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, VERSION):  # an older layout: rebuilt
            db.close()
            self._drop()
            db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        elif version == VERSION:
            return db  # nothing to create (and nothing written: works read-only)
        db.executescript(SCHEMA)
        return db

    def count(self) -> int:
        with self._lock:
            return int(self._connect().execute("SELECT count(*) FROM docs").fetchone()[0])

    def known(self) -> set[str]:
        with self._lock:
            return {row[0] for row in self._connect().execute("SELECT id FROM docs")}

    def add(self, articles: Iterable[Article], headlines: Iterable[Headline]) -> None:
        rows = [(a.id, fold(" ".join((a.title, *a.paragraphs)))) for a in articles]
        rows += [(h.id, fold(h.headline)) for h in headlines]
        with self._lock:
            db = self._connect()
            with db:  # one transaction: all of the batch or none of it
                new = "INSERT OR IGNORE INTO docs(id) VALUES (?)"
                for doc_id, body in rows:
                    cursor = db.execute(new, (doc_id,))
                    if cursor.rowcount:
                        db.execute(
                            "INSERT INTO text(rowid, body) VALUES (?, ?)", (cursor.lastrowid, body)
                        )

    def search(self, query: str, newest: int | None = None) -> set[str] | None:
        """Ids of the articles and headlines whose folded text contains the folded query
        (`newest`: only that many, the last stored; FTS5 stops early); None for a query
        shorter than a trigram."""
        needle = fold(query)
        if len(needle) < 3:
            return None if needle else set()
        phrase = '"' + needle.replace('"', '""') + '"'
        with self._lock:
            sql = "SELECT docs.id FROM text JOIN docs ON docs.n = text.rowid WHERE text MATCH ?"
            if newest is not None:
                sql += f" ORDER BY text.rowid DESC LIMIT {int(newest)}"
            found = self._connect().execute(sql, (phrase,))
            return {row[0] for row in found}

    def clear(self) -> None:
        with self._lock:
            db = self._connect()
            with db:
                db.execute("DELETE FROM docs")
                db.execute("INSERT INTO text(text) VALUES ('delete-all')")

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
