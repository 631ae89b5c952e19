"""Reading state (read, starred) and the session (where the reader left off) in their own
small TinyDB file, `state.json`: marking an article read rewrites only this file."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from reader.library.storage import open_db
from reader.models import ReadingState


class ReadingStore:
    def __init__(self, path: Path) -> None:
        self._lock = threading.RLock()
        self._db = open_db(path)
        self._state: dict[str, tuple[int, ReadingState]] = {}
        for doc in self._db.table("state").all():
            state = ReadingState(bool(doc.get("read")), bool(doc.get("starred")))
            self._state[doc["id"]] = (doc.doc_id, state)

    def state(self, article_id: str) -> ReadingState:
        entry = self._state.get(article_id)
        return entry[1] if entry else ReadingState()

    def states(self) -> dict[str, ReadingState]:
        return {key: value[1] for key, value in self._state.items()}

    def set_state(
        self, article_id: str, *, read: bool | None = None, starred: bool | None = None
    ) -> ReadingState:
        with self._lock:
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

    def set_many(self, states: dict[str, ReadingState]) -> None:
        """Set many articles' state in a few writes (an import of another reader's state):
        one insert for the new ones, one update per kind of state for the known ones."""
        with self._lock:
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
        docs = self._db.table("session").all()
        return docs[0].get(key, default) if docs else default

    def set_setting(self, key: str, value: Any) -> None:
        with self._lock:
            table = self._db.table("session")
            docs = table.all()
            if docs:
                table.update({key: value}, doc_ids=[docs[0].doc_id])
            else:
                table.insert({key: value})

    def close(self) -> None:
        self._db.close()
