"""The search field. Textual's Input draws its value in logical order, so Arabic typed into
it shows unjoined and reversed; this field keeps the logical text and draws it through the
bidi layer on every keystroke, so the query reads correctly while it is typed."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from reader.bidi import fit_line, paragraph_direction
from reader.bidi.modes import Mode
from reader.text.sanitize import clean_line
from reader.ui.widgets.render import line_strip, text_strip

PROMPT = "/ "
CURSOR = "▏"


class SearchBar(Widget, can_focus=True):
    """One line: a prompt and the query. Enter submits, Escape cancels."""

    value: reactive[str] = reactive("")
    mode: reactive[Mode] = reactive[Mode]("app")

    @dataclass
    class Submitted(Message):
        query: str

    class Cancelled(Message):
        pass

    def __init__(self, *, prompt: str = PROMPT, id: str | None = None) -> None:
        super().__init__(id=id)
        self.prompt = prompt  # "/ " for search; the feed list asks for an address or a name

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y:
            return Strip.blank(width, base)
        room = max(1, width - len(self.prompt) - 1)
        text = self.value[-room * 4 :]
        line = fit_line(text, room, self.mode) if text else None
        rtl = bool(text) and paragraph_direction(text) == "rtl"
        prompt = text_strip(self.prompt, len(self.prompt), base)
        if line is None:
            body = text_strip(CURSOR, room + 1, base)
        elif rtl:  # the logical end of right-to-left text is on the left: the cursor goes there
            body = Strip.join(
                [
                    text_strip(CURSOR, 1, base),
                    line_strip(line, line.cells, base, lambda _: Style(), False),
                ]
            )
        else:
            body = Strip.join(
                [
                    line_strip(line, line.cells, base, lambda _: Style(), False),
                    text_strip(CURSOR, 1, base),
                ]
            )
        return Strip.join([prompt, body]).crop_extend(0, width, base)

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            self.post_message(self.Submitted(self.value))
        elif event.key == "escape":
            self.post_message(self.Cancelled())
        elif event.key in ("backspace", "ctrl+h"):
            self.value = self.value[:-1]
        elif event.key == "ctrl+u":
            self.value = ""
        elif event.character and event.is_printable:
            if event.character == " " or clean_line(event.character):
                self.value += event.character
        else:
            return
        event.stop()
        event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        self.value += clean_line(event.text)

    def on_focus(self) -> None:
        self.value = ""  # a new search starts empty
