"""The key help (? or F1): every key, in one modal screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    ("Up/Down, j/k", "move in the ticker or sidebar; scroll the article"),
    ("g/G, Home/End", "first / last"),
    ("Ctrl-d / Ctrl-u", "half a page down / up"),
    ("Space, PgDn / PgUp", "page down / up in the article"),
    ("Tab / Shift-Tab", "next / previous pane"),
    ("Enter", "open the headline's article; in the sidebar, filter by the entity"),
    ("/", "search titles and bodies (harakat, hamza, ta marbuta, alef maqsura ignored)"),
    ("n / N", "next / previous search match"),
    ("Escape", "clear the search or entity filter"),
    ("r / s", "toggle read / starred"),
    ("b", "switch bidi mode: app (newsreader lays out Arabic) / terminal"),
    ("L", "flip the layout: ticker on the right (RTL) or left"),
    ("e", "show or hide the entity sidebar"),
    ("R", "refresh feeds in the background"),
    ("? / F1", "this help"),
    ("q, Ctrl-c", "quit"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        width = max(len(key) for key, _ in KEYS) + 2
        text = "\n".join(f"{key:<{width}}{what}" for key, what in KEYS)
        with VerticalScroll(id="help"):
            yield Static("newsreader keys (Escape closes)\n\n" + text, markup=False)
