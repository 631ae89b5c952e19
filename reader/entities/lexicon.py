"""The committed name lists (data/names.json), loaded once, as the build script indexed them.

The data file already holds the matching index (normalised alias -> names), so loading is a
JSON parse. An alias marked as needing context is also a common word (docs/entities.md).
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

DATA = os.path.join(os.path.dirname(__file__), "data", "names.json")


TYPES = {"P": "PERSON", "L": "PLACE", "O": "ORG"}
NO_CONTEXT: list[str] = []


class Lexicon:
    """The lists as the runtime uses them (see scripts/build_entity_lists.py `index`)."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.canonical: list[str] = raw["canonical"]
        self.types: str = raw["types"]
        self.context: dict[str, list[str]] = raw["context"]
        # alias -> name index (plain case) or [[name index, display or "", needs context]]
        self.aliases: dict[str, int | list[list[Any]]] = raw["aliases"]
        # first word of a multi-word alias -> most words such an alias has
        self.longest: dict[str, int] = raw["longest"]
        self.given = frozenset(raw["given"])  # given names that start a name on their own
        self.given_titled = frozenset(raw["given_titled"])  # common words: only after a title
        self.nationality = frozenset(raw["nationality"])  # الامريكي ... (normalised)
        self.common = frozenset(raw["common"])  # common vocabulary (normalised)

    def type_of(self, name: int) -> str:
        return TYPES[self.types[name]]

    def context_of(self, name: int) -> list[str]:
        """Words that, just before an alias of this name, give it context."""
        return self.context.get(str(name), NO_CONTEXT)

    def lookup(self, key: str) -> list[tuple[int, str, bool]]:
        """The names an alias may stand for: (name index, display form, needs context)."""
        found = self.aliases.get(key)
        if found is None:
            return []
        if isinstance(found, int):
            return [(found, self.canonical[found], False)]
        return [(n, display or self.canonical[n], bool(ctx)) for n, display, ctx in found]


@cache
def lexicon() -> Lexicon:
    with open(DATA, encoding="utf-8") as data:
        return Lexicon(json.load(data))
