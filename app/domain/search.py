"""Item and bundle search by Chinese, full pinyin, pinyin initials and code (pure, precomputed index)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from pypinyin import lazy_pinyin

from app.domain.catalogue_model import Bundle, ServiceItem

__all__ = ["SearchEntry", "SearchHit", "SearchIndex", "normalise_query", "pinyin_keys"]

# A separator no query can contain: "\x01" + query found in a prefix key means "starts a field".
_SEP = "\x01"


def normalise_query(text: str) -> str:
    """Lower-case, without spaces, so `ZJD`, `zjd ` and `z j d` are the same query."""
    return "".join(text.split()).lower()


@lru_cache(maxsize=65536)
def pinyin_keys(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of a Chinese text, e.g. 宅基地 → ("zhaijidi", "zjd"); other chars kept."""
    syllables = [s.lower() for s in lazy_pinyin(text, errors=lambda chars: list(chars))]
    syllables = [s for s in syllables if s.strip()]
    return "".join(syllables), "".join(s[0] for s in syllables)


@dataclass(frozen=True)
class SearchEntry:
    """One searchable thing (an item or a bundle) with every key computed once.

    Keys are split by script: an ASCII query (pinyin, code) scans only the short ASCII keys, a
    Chinese query only the Chinese ones, which halves the per-keystroke work.
    """

    kind: str  # "item" | "bundle"
    code: str
    name: str
    detail: str  # department for an item, member names for a bundle
    code_key: str  # lower-case code
    ascii_key: str  # _SEP + pinyin, initials of each text + _SEP + code
    cjk_key: str  # _SEP + each Chinese text


@dataclass(frozen=True)
class SearchHit:
    """A result row: what it is and why it ranked where it did (tier 0 exact code … 3 substring)."""

    kind: str
    code: str
    name: str
    detail: str
    tier: int
    uses: int = 0
    favourite: bool = False


def _entry(kind: str, code: str, name: str, detail: str, words: Iterable[str]) -> SearchEntry:
    texts = [normalise_query(name)]
    # a keyword already inside the name adds nothing to substring matching; skip its pinyin work
    texts += [w for w in (normalise_query(w) for w in words) if w and w not in texts[0]]
    pins = [p for t in texts for p in pinyin_keys(t)]
    code_key = code.lower()
    return SearchEntry(kind, code, name, detail, code_key,
                       _SEP + _SEP.join(pins) + _SEP + code_key, _SEP + _SEP.join(texts))


def _item_entry(item: ServiceItem) -> SearchEntry:
    return _entry("item", item.code, item.name, item.department, (item.short_name, *item.keywords))


def _grams(key: str) -> set[str]:
    """Every character and every adjacent pair of characters in a key, separators left out."""
    chars = {c for c in key if c != _SEP}
    pairs = {key[k:k + 2] for k in range(len(key) - 1) if _SEP not in key[k:k + 2]}
    return chars | pairs


class _Table:
    """Parallel lists over entries in ranking order, so a keystroke runs list comprehensions only."""

    def __init__(self, entries: list[SearchEntry]) -> None:
        self.entries = entries
        self.ascii = [e.ascii_key for e in entries]
        self.cjk = [e.cjk_key for e in entries]
        self.codes = [e.code_key for e in entries]
        self._last: tuple[str, list[int]] = ("", [])
        # Posting lists of every character and character pair: the first keystroke is a look-up,
        # later ones filter a short list instead of scanning every entry.
        self.postings: dict[str, list[int]] = {}
        for i, e in enumerate(entries):
            for gram in _grams(e.ascii_key) | _grams(e.cjk_key):
                self.postings.setdefault(gram, []).append(i)

    def matches(self, q: str) -> list[int]:
        """Indices (in ranking order) whose keys contain q; narrows the last result while typing on."""
        keys = self.ascii if q.isascii() else self.cjk
        last_q, last = self._last
        if last_q and q.startswith(last_q) and q.isascii() == last_q.isascii():
            found = [i for i in last if q in keys[i]]
        elif len(q) <= 2:
            found = self.postings.get(q, [])  # exact already: a posting list is a gram's matches
        else:
            found = [i for i in self.postings.get(q[:2], ()) if q in keys[i]]
        self._last = (q, found)
        return found

    def ranked(self, q: str, limit: int) -> list[tuple[int, int]]:
        """(index, tier) best first: 0 exact code, 1 code prefix, 2 field prefix, 3 substring."""
        found = self.matches(q)
        keys = self.ascii if q.isascii() else self.cjk
        codes, starts, ascii_q = self.codes, _SEP + q, q.isascii()

        def is_code_prefix(i: int) -> bool:
            return ascii_q and codes[i].startswith(q)

        # Each tier is a lazy generator cut at `limit`: a one-letter query over 10,000 matches stops early.
        tiers = (
            (i for i in found if ascii_q and codes[i] == q),
            (i for i in found if is_code_prefix(i) and codes[i] != q),
            (i for i in found if not is_code_prefix(i) and starts in keys[i]),
            (i for i in found if not is_code_prefix(i) and starts not in keys[i]),
        )
        out: list[tuple[int, int]] = []
        for tier, gen in enumerate(tiers):
            out += [(i, tier) for _, i in zip(range(limit - len(out)), gen, strict=False)]
            if len(out) >= limit:
                break
        return out


@dataclass
class SearchIndex:
    """Entries in ranking order (most used, favourite, shorter name, code); rebuilt only per catalogue."""

    items: _Table
    bundles: _Table
    uses: dict[str, int] = field(default_factory=dict)
    favourites: frozenset[str] = frozenset()

    @classmethod
    def build(cls, items: Iterable[ServiceItem], bundles: Iterable[Bundle] = ()) -> SearchIndex:
        """Compute every key (pinyin is the slow part: do this once per catalogue version)."""
        item_list = list(items)
        names = {i.code: i.name for i in item_list}
        bundle_entries = [
            _entry("bundle", b.code, b.name, "、".join(names.get(c, c) for c in b.item_codes), b.keywords)
            for b in bundles
        ]
        index = cls(_Table([_item_entry(i) for i in item_list]), _Table(bundle_entries))
        index.set_usage({}, ())
        return index

    def set_usage(self, uses: Mapping[str, int], favourites: Iterable[str]) -> None:
        """Re-order for this window's use counts and favourites (cheap: one sort, no pinyin)."""
        self.uses = dict(uses)
        self.favourites = frozenset(favourites)

        def order(e: SearchEntry) -> tuple[int, int, int, str]:
            return (-self.uses.get(e.code, 0), e.code not in self.favourites, len(e.name), e.code)

        self.items = _Table(sorted(self.items.entries, key=order))
        self.bundles = _Table(sorted(self.bundles.entries, key=order))

    def search(self, text: str, limit: int = 30) -> list[SearchHit]:
        """Items ranked exact code, code prefix, name/pinyin prefix, substring; each tier in usage order."""
        return self._run(self.items, text, limit)

    def search_bundles(self, text: str, limit: int = 10) -> list[SearchHit]:
        """Bundles (一件事) matching the same way."""
        return self._run(self.bundles, text, limit)

    def _run(self, table: _Table, text: str, limit: int) -> list[SearchHit]:
        q = normalise_query(text)
        if not q:
            return [self._hit(e, 3) for e in table.entries[:limit]]
        return [self._hit(table.entries[i], tier) for i, tier in table.ranked(q, limit)]

    def _hit(self, e: SearchEntry, tier: int) -> SearchHit:
        return SearchHit(e.kind, e.code, e.name, e.detail, tier, self.uses.get(e.code, 0), e.code in self.favourites)
