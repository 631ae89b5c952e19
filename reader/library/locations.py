"""Where newsreader keeps things (XDG base directories) and its config file."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

APP = "newsreader"


class ConfigError(Exception):
    """The config file cannot be used; the message says why."""


def _xdg(environ: Mapping[str, str], name: str, fallback: str) -> Path:
    value = environ.get(name, "")
    # The spec says relative paths are invalid and must be ignored.
    return Path(value) if value and os.path.isabs(value) else Path.home() / fallback


def data_dir(environ: Mapping[str, str] = os.environ) -> Path:
    return _xdg(environ, "XDG_DATA_HOME", ".local/share") / APP


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """Derived data kept between runs (the bidi tables): safe to delete."""
    return _xdg(environ, "XDG_CACHE_HOME", ".cache") / APP


def config_file(environ: Mapping[str, str] = os.environ) -> Path:
    return _xdg(environ, "XDG_CONFIG_HOME", ".config") / APP / "config.toml"


def database_dir(option: str | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    """The database directory: --db, else $NEWSREADER_DB, else the XDG data directory."""
    chosen = option or environ.get("NEWSREADER_DB") or ""
    return Path(chosen).expanduser() if chosen else data_dir(environ) / "db"


def load_config(environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    path = config_file(environ)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ConfigError(f"cannot use config file {path}: {error}") from error
    import tomllib  # only with a file to read: most starts have none

    with handle:
        try:
            return tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"cannot use config file {path}: {error}") from error
