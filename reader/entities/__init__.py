"""Entity extraction for Arabic news: people, places and organisations, offline and fast.

Pure standard-library code over a committed name list (data/names.json, built by
scripts/build_entity_lists.py) plus rules; see docs/entities.md.
"""

from reader.entities.extract import extract
from reader.entities.model import Entity
from reader.entities.normalise import normalise

__all__ = ["Entity", "extract", "normalise"]
