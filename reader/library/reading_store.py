"""Reading state (read, starred) and the session (where the reader left off): the marks and
the session's writes, on the states as reading_lookup.py loads them (state/NN.json and
state.json, a state.json of an earlier release too)."""

from __future__ import annotations

from typing import Any

from reader.library.reading_lookup import ReadingLookup
from reader.models import ReadingState


class ReadingStore(ReadingLookup):
    def set_state(
        self, article_id: str, *, read: bool | None = None, starred: bool | None = None
    ) -> ReadingState:
        with self._lock.write():
            self.refresh()
            old = self.state(article_id)
            new = ReadingState(
                old.read if read is None else read, old.starred if starred is None else starred
            )
            self._shards.put([(article_id, new)])
            return new

    def toggle(self, article_id: str, what: str) -> ReadingState:
        """Flip `read` or `starred` of the state as it is on disk now."""
        with self._lock.write():
            self.refresh()
            old = self.state(article_id)
            if what == "read":
                return self.set_state(article_id, read=not old.read)
            return self.set_state(article_id, starred=not old.starred)

    def mark_opened(self, article_id: str, settings: dict[str, Any] | None = None) -> None:
        """Opening an article: it is read, and the session remembers it (with `settings`,
        written in the same session write)."""
        with self._lock.write():
            self.set_state(article_id, read=True)
            self.set_settings({"last_article": article_id, **(settings or {})})

    def set_many(self, states: dict[str, ReadingState]) -> None:
        """Set many articles' state (an import of another reader's state): one write per
        shard they fall in, only for the states that change."""
        with self._lock.write():
            self.refresh()
            self._shards.put((k, v) for k, v in states.items() if self.state(k) != v)

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
