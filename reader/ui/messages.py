"""Messages workers post to the main screen (post_message is thread-safe), and the one the
screen posts to the app. Each carries what it is about, so no handler looks anything up."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from reader.bidi.modes import Mode
from reader.models import ReadingState
from reader.views.article_view import OpenArticle
from reader.views.ticker_rows import Positions, TickerRow


@dataclass
class StoreChanged(Message):
    """The store was opened or changed: rebuild the ticker."""

    note: str = ""


@dataclass(frozen=True)
class Counts:
    articles: int = 0
    unread: int = 0
    headlines: int = 0


@dataclass
class RowsBuilt(Message):
    """The ticker's rows for the current filter, and the store's counts, built in a worker."""

    # where each article's rows are: found here, in the worker that posts the message, so a
    # read mark on the UI thread finds its rows without a pass over them
    positions: Positions = field(init=False)

    def __post_init__(self) -> None:
        super().__post_init__()
        self.positions = Positions(self.rows)

    rows: tuple[TickerRow, ...]
    counts: Counts
    note: str = ""
    first_page: bool = False  # the newest months' rows; all of them follow


@dataclass
class ArticleLoaded(Message):
    opened: OpenArticle
    focus: bool = False  # the reader pressed Enter: the pane takes the focus
    row: str | None = None  # the ticker row it was opened from (remembered for next time)
    mark: bool = True  # opening marks it read (not when opened with p)


@dataclass
class ReadAhead(Message):
    """The article under the ticker's cursor, read and laid out before it is opened."""

    opened: OpenArticle
    query: str  # the search its match highlights are for


@dataclass
class StateSaved(Message):
    """An article was marked read, unread, starred or unstarred (and saved)."""

    article_id: str
    state: ReadingState
    before: ReadingState


@dataclass
class SearchDone(Message):
    query: str
    found: frozenset[str]
    first: bool = False  # only the newest matches; all of them follow


@dataclass
class Progress(Message):
    """Background work to report in the status line."""

    text: str


@dataclass
class TerminalBidi(Message):
    """The bidi mode changed: the app tells the terminal (CSI 8 l / CSI 8 h)."""

    mode: Mode


@dataclass
class Announce(Message):
    """New items: the terminal bell and/or a desktop notification sequence to write."""

    sequence: str
