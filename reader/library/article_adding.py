"""Adding articles and headlines: what is new, numbered, linked to its article, bodies
before the index."""

from __future__ import annotations

from reader.library.index_writing import IndexWriting
from reader.library.records import (
    as_record,
    new_meta,
    numbered,
    unique,
)
from reader.models import Article, Headline
from reader.text.folding import fold


class ArticleAdding(IndexWriting):
    def add(self, articles: list[Article], headlines: list[Headline]) -> tuple[int, int, int]:
        """Add what is new; returns (new articles, new headlines, duplicates skipped).

        Bodies are written before the index lists them, so a kill between the two leaves a
        body nobody lists; adding the article again reuses it instead of storing it twice.
        """
        with self.lock.write():
            self.refresh()
            self.load_all()
            seq = max(
                [m.seq for m in self._meta.values()] + [h.seq for h in self._headlines.values()],
                default=0,
            )
            fresh_articles = [a for a in unique(articles) if a.id not in self._meta]
            fresh_lines = [h for h in unique(headlines) if h.id not in self._headlines]
            duplicates = len(articles) + len(headlines) - len(fresh_articles) - len(fresh_lines)
            unlinked = any(not h.article_id for h in fresh_lines)
            by_title = self._title_keys() if unlinked else {}
            waiting = [line for line in self._headlines.values() if line.article_id is None]
            # The new titles folded only for a headline that waits for its article, or the
            # cached keys: a feed's headlines come linked (fold costs ~8 us a title).
            wanted = unlinked or waiting or self._titles is not None
            fresh_titles = {fold(a.title): a.id for a in fresh_articles} if wanted else {}
            listed = max((m.chunk for m in self._meta.values() if len(m.chunk) == 7), default="")
            chunks = self._bodies.add((as_record(a) for a in fresh_articles), since=listed)
            share = self._strings.setdefault  # kept: as when the months are loaded
            metas = []
            for article in fresh_articles:
                seq += 1
                metas.append(new_meta(article, seq, chunks[article.id], share))
            fresh = {meta.id: meta for meta in metas}
            lines = []
            for line in fresh_lines:
                seq += 1
                key = "" if line.article_id else fold(line.headline)
                linked = line.article_id or fresh_titles.get(key) or by_title.get(key)
                meta = fresh.get(linked or "") or self._meta.get(linked or "")
                lines.append(numbered(line, seq, linked, meta, share))
            changes = self._link_old_headlines(fresh_titles, waiting)
            if metas or lines or changes:
                self._write_index(metas, lines, changes)
            if self._titles is not None:
                self._titles.update(fresh_titles)
            return len(metas), len(lines), duplicates

    def _title_keys(self) -> dict[str, str]:
        """fold(title) -> id of every stored article, folded once per load (not per add)."""
        if self._titles is None:
            self._titles = {fold(m.title): m.id for m in self._meta.values()}
        return self._titles

    def _link_old_headlines(
        self, titles: dict[str, str], waiting: list[Headline]
    ) -> dict[str, str]:
        """The stored headlines without an article (`waiting`) whose folded text is one of
        these titles (fold(title) -> id of a new article)."""
        return {
            line.id: found
            for line in waiting
            if titles and (found := titles.get(fold(line.headline)))
        }
