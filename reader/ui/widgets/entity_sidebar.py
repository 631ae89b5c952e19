"""The entity sidebar: people, places and organisations of the open article, grouped by
type, with counts. Enter on one asks the screen to filter the ticker by it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.strip import Strip

from reader.bidi import fit_line
from reader.library.entity_index import IndexedEntity
from reader.ui.widgets.cursor_list import CursorList
from reader.ui.widgets.render import line_strip

GROUPS = (("PERSON", "أشخاص"), ("PLACE", "أماكن"), ("ORG", "منظمات"))


@dataclass(frozen=True)
class EntityRow:
    label: str
    entity: IndexedEntity | None = None  # None: a group heading


def entity_rows(entities: tuple[IndexedEntity, ...]) -> list[EntityRow]:
    rows: list[EntityRow] = []
    for kind, heading in GROUPS:
        members = sorted((e for e in entities if e.type == kind), key=lambda e: -e.count)
        if members:
            rows.append(EntityRow(heading))
            rows.extend(EntityRow(f"{e.text} ({e.count})", e) for e in members)
    return rows


class EntitySidebar(CursorList[EntityRow]):
    COMPONENT_CLASSES = {"entities--heading", "entities--cursor"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.mode = "app"

    def key_of(self, row: EntityRow) -> object:
        return row.entity.key if row.entity else row.label

    def selectable(self, row: EntityRow) -> bool:
        return row.entity is not None

    def render_row(self, row: EntityRow, width: int, selected: bool) -> Strip:
        base = self.rich_style
        if row.entity is None:
            base += self.get_component_rich_style("entities--heading")
        elif selected:
            base += self.get_component_rich_style("entities--cursor")
        line = fit_line(row.label, max(1, width), self.mode)
        return line_strip(line, width, base, lambda _: Style())
