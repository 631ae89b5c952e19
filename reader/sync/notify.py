"""New items announce themselves, as the config's `[notify]` section asks:

    [notify]
    bell = true                     # the terminal bell
    osc = 9                         # a desktop notification: OSC 9 (iTerm2, kitty...) or 777
    command = ["notify-send", "newsreader"]     # run with the new titles as arguments

Titles are feed text, so hostile: each is sanitised to one line of at most 200 characters
with no control characters before it reaches a terminal or a command. The command runs
without a shell; the titles are its last arguments and also its standard input, one a line.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reader.library.locations import ConfigError, load_config
from reader.text.sanitize import clean_line

MAX_TITLES = 50
TITLE_LIMIT = 200
COMMAND_TIMEOUT = 30.0


@dataclass(frozen=True)
class NotifyConfig:
    bell: bool = False
    osc: int | None = None  # 9 or 777
    command: tuple[str, ...] = ()


def notify_config(config: dict[str, Any]) -> NotifyConfig:
    section = config.get("notify", {})
    if not isinstance(section, dict):
        raise ConfigError("[notify] must be a table")
    bell = section.get("bell", False)
    if not isinstance(bell, bool):
        raise ConfigError("[notify] bell must be true or false")
    osc = section.get("osc")
    if osc not in (None, False, 9, 777):
        raise ConfigError("[notify] osc must be 9 or 777 (or false)")
    command = section.get("command", ())
    argv = shlex.split(command) if isinstance(command, str) else command
    if not isinstance(argv, list | tuple) or not all(isinstance(a, str) for a in argv):
        raise ConfigError("[notify] command must be a command (a string or a list)")
    return NotifyConfig(bell, osc or None, tuple(argv))


def safe_titles(titles: list[str]) -> list[str]:
    cleaned = (clean_line(title)[:TITLE_LIMIT] for title in titles[:MAX_TITLES])
    return [title for title in cleaned if title]


def summary(count: int) -> str:
    return f"{count} new item{'s' if count != 1 else ''}"


def terminal_sequence(config: NotifyConfig, titles: list[str]) -> str:
    """What to write to the terminal: the bell and/or a desktop notification."""
    if not titles:
        return ""
    text = summary(len(titles)) + ": " + safe_titles(titles)[0][:100]
    text = text.replace(";", ",")  # ';' separates OSC 777's fields
    out = "\a" if config.bell else ""
    if config.osc == 9:
        out += f"\x1b]9;{text}\x1b\\"
    elif config.osc == 777:
        out += f"\x1b]777;notify;newsreader;{text}\x1b\\"
    return out


def run_command(config: NotifyConfig, titles: list[str]) -> str | None:
    """Run the notify command with the new titles; the reason when it failed, else None."""
    lines = safe_titles(titles)
    if not config.command or not lines:
        return None
    try:
        done = subprocess.run(
            [*config.command, *lines],
            input="\n".join(lines) + "\n",
            text=True,
            capture_output=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return clean_line(f"notify command {config.command[0]!r} failed: {error}")[:300]
    if done.returncode != 0:
        return f"notify command {clean_line(config.command[0])!r} exited with {done.returncode}"
    return None


def announcing(db: str | None, run: Callable[[], int]) -> int:
    """`run()` (a CLI fetch), then announce the articles it added, if [notify] asks to."""
    settings = notify_config(load_config())
    if not (settings.bell or settings.osc or settings.command):
        return run()
    from reader.library.bootstrap import open_library

    def article_ids() -> dict[str, str]:
        library = open_library(db)
        try:
            return {meta.id: meta.title for meta in library.articles()}
        finally:
            library.close()

    before = article_ids()
    status = run()
    titles = [title for key, title in article_ids().items() if key not in before]
    if sys.stdout.isatty():
        sys.stdout.write(terminal_sequence(settings, titles))
        sys.stdout.flush()
    if problem := run_command(settings, titles):
        print(f"newsreader: {problem}", file=sys.stderr)
    return status
