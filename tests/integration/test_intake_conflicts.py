"""A bundle whose items clash (an item twice) or a retired item: refused by name, nothing saved."""

from __future__ import annotations

import dataclasses
import json

import pytest

from app.config import resources_dir
from app.services.errors import ServiceError
from tests.integration.test_intake_helpers import bundle_request


def _count_cases(ctx) -> int:  # type: ignore[no-untyped-def]
    return len(ctx.cases.list_cases())


def test_an_item_twice_in_one_intake_is_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    clerk = ctx.auth.login("clerk", "yichuang2026")
    request = bundle_request()
    twice = dataclasses.replace(request, items=(*request.items, request.items[2]))
    with pytest.raises(ServiceError) as err:
        ctx.intake.submit(twice, clerk, documents=False)
    assert err.value.code == "items.duplicate" and "YB01" in err.value.message_zh
    assert _count_cases(ctx) == 0


def test_a_retired_item_cannot_be_taken_in(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads((resources_dir() / "catalogue" / "demo.json").read_text(encoding="utf-8"))
    data["version"] = "2026.12.1"
    for item in data["items"]:
        if item["code"] == "YB01":
            item["status"] = "retired"
    path = tmp_path / "next.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ctx.catalogue.import_file(path, by="admin")
    with pytest.raises(ServiceError) as err:
        ctx.intake.item("YB01")
    assert err.value.code == "retired_item" and "已停用" in err.value.message_zh
