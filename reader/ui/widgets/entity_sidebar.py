"""The entity sidebar: people, places and organisations of the open article, grouped by
type, with counts. Enter on one asks the screen to filter the ticker by it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from reader.bidi import VisualLine, fit_line
from reader.bidi.modes import Mode
from reader.library.entity_index import IndexedEntity
from reader.ui.widgets.cursor_list import CursorList
from reader.ui.widgets.render import line_strip
from reader.views.article_view import OpenArticle

if TYPE_CHECKING:  # the package loads the extractor and its lists: not at start-up
    from reader.entities.model import EntityType

GROUPS: tuple[tuple[EntityType, str], ...] = (
    ("PERSON", "أشخاص"),
    ("PLACE", "أماكن"),
    ("ORG", "منظمات"),
)


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
    COMPONENT_CLASSES = {"entities--heading", "entities--cursor", "entities--cursor-blurred"}

    opened: reactive[OpenArticle | None] = reactive[OpenArticle | None](None, repaint=False)
    mode: reactive[Mode] = reactive[Mode]("app")

    @dataclass
    class Chosen(Message):
        """Enter on an entity: filter the ticker by it."""

        entity: IndexedEntity

    def watch_opened(self, opened: OpenArticle | None) -> None:
        entities = opened.entities if opened else ()
        if not self.items or entity_rows(entities) != list(self.items):
            self.show_items(entity_rows(entities))

    def key_of(self, row: EntityRow) -> object:
        return row.entity.key if row.entity else row.label

    def selectable(self, row: EntityRow) -> bool:
        return row.entity is not None

    def choose(self, row: EntityRow) -> None:
        if row.entity is not None:
            self.post_message(self.Chosen(row.entity))

    def render_row(self, row: EntityRow, width: int, selected: bool) -> Strip:
        base = self.line_style()
        line = label_line(row, max(1, width), self.mode)
        if row.entity is None:  # the heading's underline under its word, not under blanks
            heading = base + self.component_style("entities--heading")
            word = line_strip(line, min(width, line.cells), heading, lambda _: Style())
            pad = Strip.blank(width - word.cell_length, base)
            right = line.rtl and line.mode == "app"
            return Strip.join([pad, word] if right else [word, pad]).simplify()
        if selected:
            cursor = "entities--cursor" if self.has_focus else "entities--cursor-blurred"
            base += self.component_style(cursor)
        return line_strip(line, width, base, lambda _: Style())


def label_line(row: EntityRow, width: int, mode: Mode) -> VisualLine:
    """The row's label fitted to the width; a long name is cut, not its count."""
    line = fit_line(row.label, width, mode)
    if row.entity is None or line.logical == row.label:
        return line
    count = f" ({row.entity.count})"
    name = fit_line(row.entity.text, max(1, width - len(count)), mode).logical
    return fit_line(f"{name}…{count}", width, mode)
