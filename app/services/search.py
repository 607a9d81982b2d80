"""Item search for the intake: one in-memory index per catalogue version, ranked by this window's use."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import func, select

from app.db.models import Case, Setting
from app.db.session import Database
from app.domain.search import SearchHit, SearchIndex
from app.services.catalogue import CatalogueService

FAVOURITES_KEY = "search.favourites"


@dataclass(frozen=True)
class SearchResult:
    """What the search box shows: items, and bundles (一件事) beside them."""

    query: str
    items: tuple[SearchHit, ...]
    bundles: tuple[SearchHit, ...]


class SearchService:
    """Builds the index once per catalogue version (pinyin is slow) and answers each keystroke from memory."""

    def __init__(self, db: Database, catalogue: CatalogueService) -> None:
        self._db = db
        self._catalogue = catalogue
        self._lock = threading.Lock()
        self._version: str | None = None
        self._index: SearchIndex | None = None

    # ---- Public API
    def prepare(self) -> SearchIndex:
        """The index for the active catalogue; rebuilt only when the active version changed."""
        version = self._catalogue.active_version()
        with self._lock:
            if self._index is None or version != self._version:
                index = SearchIndex.build(self._catalogue.active_items(), self._catalogue.bundles())
                index.set_usage(self._usage(), self.favourites())
                self._index, self._version = index, version
            return self._index

    def search(self, text: str, *, limit: int = 30) -> SearchResult:
        """Items and bundles for what the clerk has typed so far (no database work once prepared)."""
        index = self._index or self.prepare()
        return SearchResult(text, tuple(index.search(text, limit)), tuple(index.search_bundles(text, 10)))

    def refresh_usage(self) -> None:
        """Re-rank after a case was saved or a favourite changed."""
        if self._index is not None:
            self._index.set_usage(self._usage(), self.favourites())

    def favourites(self) -> list[str]:
        """Item codes the window marked as favourites."""
        with self._db.session() as s:
            row = s.get(Setting, FAVOURITES_KEY)
            return list(row.value) if row is not None and isinstance(row.value, list) else []

    def set_favourite(self, code: str, on: bool) -> list[str]:
        """Add or remove a favourite; returns the new list."""
        with self._db.session() as s:
            row = s.get(Setting, FAVOURITES_KEY)
            current = list(row.value) if row is not None and isinstance(row.value, list) else []
            if on and code not in current:
                current.append(code)
            if not on and code in current:
                current.remove(code)
            if row is None:
                s.add(Setting(key=FAVOURITES_KEY, value=current))
            else:
                row.value = current
        self.refresh_usage()
        return current

    def recent(self, limit: int = 8) -> list[str]:
        """Item codes of the latest cases, newest first, without repeats."""
        with self._db.session() as s:
            stmt = select(Case.item_code).order_by(Case.received_at.desc()).limit(limit * 5)
            out: list[str] = []
            for code in s.execute(stmt).scalars():
                if code not in out:
                    out.append(code)
            return out[:limit]

    # ---- Private
    def _usage(self) -> dict[str, int]:
        with self._db.session() as s:
            rows = s.execute(select(Case.item_code, func.count()).group_by(Case.item_code)).all()
            return {code: int(n) for code, n in rows}
