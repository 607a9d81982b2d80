"""`yichuang selfcheck`: migrate a temporary profile, load the catalogue, check IDs, a due date, the audit chain."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.domain.ids import IdError, validate_resident_id, validate_uscc
from app.domain.units import TimeLimit, TimeUnit
from app.security.credentials import MemoryStore
from app.services.audit import verify_audit
from app.services.context import AppContext, open_context
from app.services.demo import fill_demo

Check = Callable[[AppContext], str]


def _ids(_ctx: AppContext) -> str:
    assert validate_resident_id("11010519491231002x") == "11010519491231002X"
    assert validate_uscc("91350100M000100Y43") == "91350100M000100Y43"
    try:
        validate_resident_id("110105194912310021")
    except IdError:
        return "证件校验：正确号码通过，错误校验位被拒绝"
    raise AssertionError("a wrong check digit was accepted")


def _catalogue(ctx: AppContext) -> str:
    items = ctx.catalogue.list_items()
    assert len(items) >= 40, f"only {len(items)} items"
    detail = ctx.catalogue.item(items[0].code)
    assert detail.materials, "an item without materials"
    return f"事项目录：{len(items)} 个事项，{len(ctx.catalogue.bundles())} 个一件事"


def _due_date(ctx: AppContext) -> str:
    due = ctx.calendar.due(date(2026, 9, 30), TimeLimit(3, TimeUnit.WORKING_DAY))
    assert due == date(2026, 10, 10), due
    return "工作日计算：2026-09-30 起 3 个工作日 → 2026-10-10（调休上班日）"


def _login(ctx: AppContext) -> str:
    op = ctx.auth.login("clerk", "yichuang2026")
    return f"登录：{op.display_name}"


def _pii(ctx: AppContext) -> str:
    token = ctx.cipher.encrypt("11010519491231002X")
    assert "1101" not in token and ctx.cipher.decrypt(token) == "11010519491231002X"
    return "个人信息加密：加密后不含明文，可解密"


def _audit(ctx: AppContext) -> str:
    rows, broken = verify_audit(ctx.db)
    assert rows > 0 and broken is None, (rows, broken)
    return f"审计日志：{rows} 条，哈希链完整"


def _receipt(ctx: AppContext) -> str:
    try:
        from app.print.render import render_document
        from app.print.samples import sample_context
    except ImportError:
        return "回执：打印模块未安装，跳过"
    doc = render_document("receipt", sample_context("receipt"))
    assert doc.pdf.startswith(b"%PDF") and doc.page_count >= 1
    return f"回执：PDF {len(doc.pdf) // 1024} KB，{doc.page_count} 页"


CHECKS: tuple[Check, ...] = (_ids, _catalogue, _due_date, _login, _pii, _audit, _receipt)


def run_selfcheck(keep: Path | None = None) -> int:
    """Run every check on a throw-away profile; print each result; 0 only if all pass."""
    root = keep or Path(tempfile.mkdtemp(prefix="yichuang-selfcheck-"))
    failures = 0
    try:
        ctx = open_context(root, demo=True, fast_hash=True)
        store = MemoryStore()
        ctx.open_secrets = lambda: store  # the real keyring is not touched by a self-check
        print(f"迁移：数据库已升级到 {ctx.migration.to_revision if ctx.migration else '?'}")
        fill_demo(ctx)
        for check in CHECKS:
            try:
                print(f"[通过] {check(ctx)}")
            except Exception as exc:  # report every failing check, not just the first
                failures += 1
                print(f"[失败] {check.__name__.strip('_')}: {exc!r}")
        ctx.close()
    finally:
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)
    print("自检通过" if failures == 0 else f"自检失败：{failures} 项")
    return 0 if failures == 0 else 1
