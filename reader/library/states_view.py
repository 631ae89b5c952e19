"""Every reading state as the 64 shards (state_shards.py) held them, looked up through their
sets.

In memory a shard is the two sets its file holds, replaced (never changed in place) by each
write: `all()` is a view of them as they were (StatesView), not a dictionary of every
state, and the read ones are counted without going through them: at 100,000 read states
that was 25-35 ms of the first screen.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import TypeVar, overload

from reader.models import ReadingState

T = TypeVar("T")
SHARED = {(r, s): ReadingState(r, s) for r in (False, True) for s in (False, True)}
Shard = tuple[AbstractSet[str], AbstractSet[str]]  # the read ids, the starred ids: never changed


def state_in(shard: Shard, article_id: str) -> ReadingState | None:
    """An article's state in a shard's sets (or in all of them joined); None: neither."""
    read, starred = shard
    if article_id in read:
        return SHARED[True, article_id in starred]
    return SHARED[False, True] if article_id in starred else None


class StatesView(Mapping[str, ReadingState]):
    """Every state as the shards held them when it was made: their sets, joined the first
    time a state is looked up (a few ms at 100,000 read, where a dictionary of them took
    25-30), so a view of 100,000 rows looks each one up at set speed."""

    def __init__(self, shards: list[Shard]) -> None:
        self._shards = shards
        self._joined: Shard | None = None

    def _sets(self) -> Shard:
        if self._joined is None:
            self._joined = (
                set().union(*(read for read, _ in self._shards)),
                set().union(*(starred for _, starred in self._shards)),
            )
        return self._joined

    def __getitem__(self, article_id: str) -> ReadingState:
        if (state := self.get(article_id)) is None:
            raise KeyError(article_id)
        return state

    @overload
    def get(self, article_id: str, /) -> ReadingState | None: ...
    @overload
    def get(self, article_id: str, /, default: ReadingState | T) -> ReadingState | T: ...
    def get(self, article_id: str, /, default: object = None) -> object:
        """Without a KeyError for each article never marked (most of them)."""
        return state_in(self._sets(), article_id) or default

    def __iter__(self) -> Iterator[str]:
        read, starred = self._sets()
        yield from read
        yield from starred - read

    def __len__(self) -> int:
        read, starred = self._sets()
        return len(read | starred)
