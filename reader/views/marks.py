"""The one meaning of the ticker's marks, for the app's ticker and `newsreader ticker` alike."""

from __future__ import annotations

STARRED, UNREAD, NO_ARTICLE, READ = "*", "•", "-", " "
BREAKING = "!"  # a headline flagged عاجل / breaking


def item_mark(*, starred: bool, unread: bool, has_article: bool, breaking: bool = False) -> str:
    """`*` starred, `!` breaking news (عاجل) not yet read, `•` unread, `-` a headline with
    no article to open, blank when read."""
    if starred:
        return STARRED
    if breaking and (unread or not has_article):
        return BREAKING
    if not has_article:
        return NO_ARTICLE
    return UNREAD if unread else READ
