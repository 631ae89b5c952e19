"""The key help (? or F1): every key, in one modal screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    ("Up/Down, j/k", "move; scroll the article"),
    ("g/G, Home/End", "first / last"),
    ("Ctrl-d / Ctrl-u", "half a page down / up"),
    ("Space, PgDn, PgUp", "page down / up in the article"),
    ("Tab / Shift-Tab", "next / previous pane"),
    ("Enter", "open; in the sidebar: filter by entity"),
    ("/", "search titles and bodies"),
    ("n / N", "next / previous match"),
    ("Escape", "clear the search, the entity or feed filter"),
    ("r / s", "toggle read / starred"),
    ("u", "next unread"),
    ("p", "open without marking read"),
    ("A", "mark all read (what the ticker shows)"),
    ("H", "show / hide read items"),
    ("S", "sort: newest / oldest / by feed"),
    ("f", "feeds: counts, choose one; + add, n rename, d d remove"),
    ("a", "all feeds again"),
    ("o", "open the article in the browser (over SSH: a link)"),
    ("1-9 then o / y", "open / copy link [N]"),
    ("y", "copy the article's address (OSC 52)"),
    ("b", "bidi mode: app / terminal"),
    ("L", "ticker on the right / left"),
    ("e", "show / hide the entity sidebar"),
    ("R", "refresh feeds"),
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
