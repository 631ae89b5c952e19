"""A per-key memo read in C: `map(memo.__getitem__, keys)` costs one dict lookup per key.

`functools.lru_cache` does more per hit (it keeps its recency list); these memos are cleared
when full instead, which bounds memory just the same. The hot per-word steps use them: in
`tokens.tokenise` (the normal form of a surface word, the class of a normal form, whether a
gap joins two words), the word tests of `words.py` (`is_common(word)` is a memo's bound
`__getitem__`: no key tuple, no Python frame) and the alias windows of `listed.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V], Generic[K, V]):
    """`memo[key]` is `compute(key)`, computed once per key until the memo fills up."""

    __slots__ = ("compute", "limit")

    def __init__(self, compute: Callable[[K], V], limit: int = 1 << 16) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value
