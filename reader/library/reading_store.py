"""Reading state (read, starred) and the session (where the reader left off) in their own
small TinyDB file, `state.json`: marking an article read rewrites only this file.

A damaged `state.json` is set aside with a warning (everything reads as unread), so the
articles stay readable; it never stops a command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.library.lock import DatabaseLock, database_lock, reopen_set_aside
from reader.library.storage import AtomicJSONStorage, DamagedFile, open_db
from reader.models import ReadingState


class ReadingStore:
    def __init__(self, path: Path, lock: DatabaseLock | None = None) -> None:
        self.path = path
        self._lock = lock or database_lock(path.parent)
        self._db = open_db(path)
        self._state: dict[str, tuple[int, ReadingState]] = {}
        self.warnings: list[str] = []
        try:
            self._load()
        except DamagedFile:
            self.warnings.append(self._set_aside())

    def _set_aside(self) -> str:
        self._state = {}
        self._db, warning = reopen_set_aside(
            self.path,
            self._lock,
            "reading state starts afresh (all unread)",
            "reading state is not shown",
        )
        return warning

    def _load(self) -> None:
        state: dict[str, tuple[int, ReadingState]] = {}
        for doc in self._db.table("state").all():
            if not isinstance(doc.get("id"), str):
                raise DamagedFile(self.path, "a reading state without an article id")
            state[doc["id"]] = (
                doc.doc_id,
                ReadingState(bool(doc.get("read")), bool(doc.get("starred"))),
            )
        self._state = state

    def refresh(self) -> bool:
        """Reload if another process changed the file; whether it did."""
        with self._lock.thread:
            storage = self._db.storage
            if not isinstance(storage, AtomicJSONStorage) or not storage.changed():
                return False
            self._load()
            return True

    def state(self, article_id: str) -> ReadingState:
        entry = self._state.get(article_id)
        return entry[1] if entry else ReadingState()

    def states(self) -> dict[str, ReadingState]:
        return {key: value[1] for key, value in self._state.items()}

    def set_state(
        self, article_id: str, *, read: bool | None = None, starred: bool | None = None
    ) -> ReadingState:
        with self._lock.write():
            self.refresh()
            old = self.state(article_id)
            new = ReadingState(
                old.read if read is None else read, old.starred if starred is None else starred
            )
            table = self._db.table("state")
            fields = {"id": article_id, "read": new.read, "starred": new.starred}
            if article_id in self._state:
                doc_id = self._state[article_id][0]
                table.update(fields, doc_ids=[doc_id])
            else:
                doc_id = table.insert(fields)
            self._state[article_id] = (doc_id, new)
            return new

    def toggle(self, article_id: str, what: str) -> ReadingState:
        """Flip `read` or `starred` of the state as it is on disk now."""
        with self._lock.write():
            self.refresh()
            old = self.state(article_id)
            if what == "read":
                return self.set_state(article_id, read=not old.read)
            return self.set_state(article_id, starred=not old.starred)

    def mark_opened(self, article_id: str) -> None:
        """Opening an article: it is read, and the session remembers it (one write)."""
        with self._lock.write():
            self.refresh()
            tables = self._db.storage.read() or {}
            state = tables.setdefault("state", {})
            if article_id in self._state:
                doc_id = self._state[article_id][0]
                state[str(doc_id)]["read"] = True
            else:
                doc_id = max(map(int, state), default=0) + 1
                state[str(doc_id)] = {"id": article_id, "read": True, "starred": False}
            session = tables.setdefault("session", {})
            if not session:
                session["1"] = {}
            next(iter(session.values()))["last_article"] = article_id
            self._db.storage.write(tables)
            starred = self.state(article_id).starred
            self._state[article_id] = (doc_id, ReadingState(True, starred))

    def set_many(self, states: dict[str, ReadingState]) -> None:
        """Set many articles' state in a few writes (an import of another reader's state):
        one insert for the new ones, one update per kind of state for the known ones."""
        with self._lock.write():
            self.refresh()
            table = self._db.table("state")
            fresh = [(k, v) for k, v in states.items() if k not in self._state]
            ids = table.insert_multiple(
                {"id": k, "read": v.read, "starred": v.starred} for k, v in fresh
            )
            self._state.update((k, (i, v)) for (k, v), i in zip(fresh, ids, strict=True))
            by_state: dict[ReadingState, list[int]] = {}
            for key, state in states.items():
                doc_id, old = self._state[key]
                if old != state:
                    by_state.setdefault(state, []).append(doc_id)
                    self._state[key] = (doc_id, state)
            for state, doc_ids in by_state.items():
                table.update({"read": state.read, "starred": state.starred}, doc_ids=doc_ids)

    def setting(self, key: str, default: Any = None) -> Any:
        with self._lock.thread:
            docs = self._db.table("session").all()
        return docs[0].get(key, default) if docs else default

    def set_setting(self, key: str, value: Any) -> None:
        self.set_settings({key: value})

    def set_settings(self, values: dict[str, Any]) -> None:
        with self._lock.write():
            table = self._db.table("session")
            docs = table.all()
            if docs:
                table.update(values, doc_ids=[docs[0].doc_id])
            else:
                table.insert(values)

    def close(self) -> None:
        self._db.close()
