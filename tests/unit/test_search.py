"""Search ranking: exact code, code prefix, name/pinyin prefix, substring; usage and favourites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.catalogue import parse_catalogue
from app.domain.catalogue_gen import generate_catalogue
from app.domain.search import SearchIndex, normalise_query, pinyin_keys

DEMO = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "demo.json"


@pytest.fixture(scope="module")
def demo_index() -> SearchIndex:
    cat = parse_catalogue(json.loads(DEMO.read_text(encoding="utf-8")), source="demo.json")
    return SearchIndex.build(cat.items, cat.bundles)


def codes(hits: list) -> list[str]:  # type: ignore[type-arg]
    return [h.code for h in hits]


def test_pinyin_keys() -> None:
    assert pinyin_keys("宅基地") == ("zhaijidi", "zjd")
    assert normalise_query(" Z J d ") == "zjd"


@pytest.mark.parametrize(("query", "expected"), [
    ("zjd", "ZJD01"),  # pinyin initials
    ("zhaiji", "ZJD01"),  # full pinyin
    ("宅基地", "ZJD01"),  # Chinese substring
    ("ZJD01", "ZJD01"),  # exact code
    ("jzz", "JZZ01"),
    ("居住证", "JZZ01"),
])
def test_finds_by_every_key(demo_index: SearchIndex, query: str, expected: str) -> None:
    assert codes(demo_index.search(query))[0] == expected


def test_exact_code_beats_code_prefix_beats_name_prefix(demo_index: SearchIndex) -> None:
    hits = demo_index.search("yb01")
    assert hits[0].code == "YB01" and hits[0].tier == 0
    assert all(h.tier >= 1 for h in hits[1:])
    tiers = [h.tier for h in demo_index.search("yb")]
    assert tiers == sorted(tiers)


def test_keyword_match_and_bundles_beside_items(demo_index: SearchIndex) -> None:
    bundles = demo_index.search_bundles("shanghukou")
    assert codes(bundles) == ["BD-XSE"]
    assert "出生登记" in bundles[0].detail
    assert codes(demo_index.search_bundles("退休")) == ["BD-TX"]


def test_usage_then_favourites_order_within_a_tier() -> None:
    cat = generate_catalogue(200, seed=3)
    index = SearchIndex.build(cat.items, cat.bundles)
    plain = codes(index.search("许可", limit=200))
    assert len(plain) > 3
    last, second_last = plain[-1], plain[-2]
    index.set_usage({last: 5}, [second_last])
    ranked = codes(index.search("许可", limit=200))
    assert ranked[:2] == [last, second_last]
    assert sorted(ranked) == sorted(plain)


def test_typing_on_and_deleting_give_the_same_answers_as_fresh_queries() -> None:
    cat = generate_catalogue(500, seed=1)
    index = SearchIndex.build(cat.items)
    fresh = SearchIndex.build(cat.items)
    for q in ["n", "nc", "ncp", "nc", "n", "农", "农村", "g0001", "g00"]:
        assert codes(index.search(q, 50)) == codes(fresh.search(q, 50)), q
        fresh = SearchIndex.build(cat.items)


def test_nothing_found_and_empty_query(demo_index: SearchIndex) -> None:
    assert demo_index.search("qqqqxx") == []
    assert len(demo_index.search("", limit=5)) == 5
