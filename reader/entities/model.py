"""The extractor's result type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from reader.entities.normalise import normalise

EntityType = Literal["PERSON", "PLACE", "ORG"]
ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)


def entity_type(name: str) -> EntityType:
    """The extractor's span type as an entity type; a type that is not one is a bug."""
    for kind in ENTITY_TYPES:
        if name == kind:
            return kind
    raise ValueError(f"not an entity type: {name!r}")


@dataclass(frozen=True)
class Entity:
    text: str  # canonical name, as a careful editor writes it ("إسرائيل", "جو بايدن")
    type: EntityType
    mentions: tuple[tuple[int, int], ...]  # [start, end) offsets into the input, in order

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def key(self) -> str:
        """Stable id for the store's index: the normalised name, "|", the type."""
        return f"{normalise(self.text)}|{self.type}"
