"""Catalogue versions: import, list, detail, export; a bad file changes nothing and names the row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.config import resources_dir
from app.services.errors import ServiceError

DEMO = resources_dir() / "catalogue" / "demo.json"


def test_demo_catalogue_is_active_with_details(ctx) -> None:
    items = ctx.catalogue.list_items()
    assert len(items) >= 40
    zjd = ctx.catalogue.item("ZJD01")
    assert "宅基地" in zjd.name and zjd.materials and zjd.situations
    items = [ctx.catalogue.item(code) for code in ("ZJD01", "GTH01", "DB01")]
    assert any(m.commitment_replaceable and m.proof_replaced for i in items for m in i.materials)
    assert len(ctx.catalogue.bundles()) >= 3
    civil = ctx.catalogue.list_items(department=zjd.department)
    assert civil and all(i.department == zjd.department for i in civil)


def test_a_new_version_replaces_the_active_one_and_old_rows_remain(ctx, tmp_path: Path) -> None:
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    old_row_count = len(ctx.catalogue.list_items())
    data["version"] = "2026.12.1"
    data["items"] = data["items"][:5]
    data["bundles"] = []
    path = tmp_path / "new.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = ctx.catalogue.import_file(path, by="test")
    assert (result.version, result.items) == ("2026.12.1", 5)
    assert ctx.catalogue.active_version() == "2026.12.1"
    assert len(ctx.catalogue.list_items()) == 5 < old_row_count
    with pytest.raises(ServiceError) as err:
        ctx.catalogue.import_file(path, by="test")
    assert err.value.code == "duplicate_version"


def test_bad_rows_are_named_and_nothing_changes(ctx, tmp_path: Path) -> None:
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    data["version"] = "broken"
    data["items"][2]["promise_limit"] = {"days": "soon", "unit": "working_day"}
    data["items"][4]["materials"] = []
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ServiceError) as err:
        ctx.catalogue.import_file(path, by="test")
    text = err.value.message_zh
    assert "bad.json" in text and "第3项" in text and "第5项" in text
    assert ctx.catalogue.active_version() == json.loads(DEMO.read_text(encoding="utf-8"))["version"]


def test_malformed_json_says_line_and_column(ctx, tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"version": "1",\n "items": [,]}', encoding="utf-8")
    with pytest.raises(ServiceError) as err:
        ctx.catalogue.import_file(path, by="test")
    assert "第2行" in err.value.message_zh


def test_cli_export_then_import_round_trips(ctx, tmp_path: Path, capsys) -> None:
    ctx.close()
    out = tmp_path / "export.json"
    assert main(["--profile", str(ctx.profile.root), "catalogue", "export", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    exported["version"] = "round-trip"
    out.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    assert main(["--profile", str(ctx.profile.root), "catalogue", "import", str(out)]) == 0
    assert "已导入目录版本 round-trip" in capsys.readouterr().out
    assert main(["--profile", str(ctx.profile.root), "catalogue", "import", str(tmp_path / "none.json")]) == 2
    assert "找不到文件" in capsys.readouterr().err
