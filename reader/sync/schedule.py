"""When to refresh: durations ("15m", "1h30m"), the config's `[refresh]` section, and which
feeds are due.

    [refresh]
    interval = "30m"              # the app refreshes (and syncs) this often; "off" to stop
    [refresh.feeds]
    "https://news.example/feed.xml" = "5m"      # a feed's own interval (address or name)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reader.library.feed_registry import Feed
from reader.library.locations import ConfigError

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|m|s)", re.IGNORECASE)
_UNITS = {"d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0}
MINIMUM = 1.0  # seconds
MAXIMUM = 30 * 86400.0
DEFAULT_INTERVAL = 30 * 60.0


def parse_duration(text: str) -> float:
    """Seconds in "90s", "15m", "1h", "1h30m", "2d"; ValueError otherwise."""
    compact = text.strip().replace(" ", "")
    parts = _PART.findall(compact)
    if not parts or "".join(n + u for n, u in parts).lower() != compact.lower():
        raise ValueError(f"not a duration: {text!r} (write it like 90s, 15m, 1h or 1h30m)")
    seconds = sum(float(number) * _UNITS[unit.lower()] for number, unit in parts)
    if not MINIMUM <= seconds <= MAXIMUM:
        raise ValueError(f"{text!r} is out of range: from 1s to 30d")
    return seconds


@dataclass(frozen=True)
class RefreshConfig:
    interval: float | None = DEFAULT_INTERVAL  # None: no automatic refresh
    feeds: dict[str, float | None] = field(default_factory=dict)  # address or name -> seconds

    def interval_of(self, feed: Feed) -> float | None:
        for key in (feed.url, feed.name, feed.title):
            if key and key in self.feeds:
                return self.feeds[key]
        return self.interval

    def due(self, feeds: Iterable[Feed], now: datetime) -> list[Feed]:
        """The feeds whose interval has passed since they were last checked."""
        chosen = []
        for feed in feeds:
            every = self.interval_of(feed)
            if every is None:
                continue
            try:
                checked = datetime.fromisoformat(feed.checked) if feed.checked else None
            except ValueError:
                checked = None
            if checked is None or (now - checked).total_seconds() >= every - 1:
                chosen.append(feed)
        return chosen

    @property
    def tick(self) -> float | None:
        """How often to look for due feeds: the shortest interval."""
        every = [v for v in (self.interval, *self.feeds.values()) if v is not None]
        return min(every) if every else None


def refresh_config(config: dict[str, Any]) -> RefreshConfig:
    section = config.get("refresh", {})
    if not isinstance(section, dict):
        raise ConfigError("[refresh] must be a table")
    interval = _interval(section.get("interval"), "[refresh] interval", DEFAULT_INTERVAL)
    feeds_section = section.get("feeds", {})
    if not isinstance(feeds_section, dict):
        raise ConfigError("[refresh.feeds] must be a table of feed = interval")
    feeds = {
        key: _interval(value, f"[refresh.feeds] {key!r}", None)
        for key, value in feeds_section.items()
    }
    return RefreshConfig(interval, feeds)


def _interval(value: Any, where: str, default: float | None) -> float | None:
    if value is None:
        return default
    if value in ("off", "never", False):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = f"{value}s"
    if not isinstance(value, str):
        raise ConfigError(f'{where} must be a duration like "15m" or "off"')
    try:
        return parse_duration(value)
    except ValueError as error:
        raise ConfigError(f"{where}: {error}") from error
