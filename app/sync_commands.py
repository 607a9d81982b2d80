"""`yichuang sync run [--once] | export-bundle FILE | import-bundle FILE | status` (headless)."""

from __future__ import annotations

import argparse
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.context import AppContext

_OUTCOME_ZH = {
    "ok": "同步完成",
    "offline": "区平台暂时连不上，稍后自动重试",
    "credential": "站点凭据被拒绝，请重新设置凭据",
    "refused": "区平台拒绝了请求",
    "not_configured": "尚未设置区平台地址或站点凭据",
}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="yichuang sync", description="与区平台同步")
    sub = p.add_subparsers(dest="action", required=True)
    run = sub.add_parser("run", help="run the sync worker (or one pass with --once)")
    run.add_argument("--once", action="store_true")
    exp = sub.add_parser("export-bundle", help="write pending ops to a signed bundle file")
    exp.add_argument("file", type=Path)
    imp = sub.add_parser("import-bundle", help="import the gateway's reply bundle")
    imp.add_argument("file", type=Path)
    sub.add_parser("status", help="print the sync state")
    return p


def run_sync_command(ctx: AppContext, argv: list[str]) -> int:
    """Run one sync subcommand; 0 on success, 1 when the run did not finish, 2 on a refused command."""
    args = _parser().parse_args(argv)
    if args.action == "status":
        return _status(ctx)
    if args.action == "export-bundle":
        count = ctx.sync.export_bundle(args.file)
        print(f"已导出 {count} 条待上传记录到 {args.file}，请带到乡镇中心导入。")
        return 0
    if args.action == "import-bundle":
        counts = ctx.sync.import_bundle(args.file)
        print(f"已导入回执：{counts}")
        return 0
    return _once(ctx) if args.once else _forever(ctx)


def _status(ctx: AppContext) -> int:
    st = ctx.sync.status()
    print(st.text)
    print(f"待上传 {st.pending}，隔离 {st.quarantined}，冲突 {st.conflicts}")
    print(f"上次上传 {st.last_push or '—'}，上次下载 {st.last_pull or '—'}")
    for w in st.warnings:
        print(w)
    return 0


def _once(ctx: AppContext) -> int:
    from app.sync.worker import DatabaseLock

    lock = DatabaseLock(ctx.db.path)
    if not lock.acquire():  # R5: the window's worker (or another command) is syncing this database
        print("本数据库已有同步进程在运行（例如已打开的窗口），本次未执行；请在同步页查看状态。")
        return 2
    try:
        ctx.sync.engine.recover()
        report = ctx.sync.engine.run_once()
    finally:
        lock.release()
    print(f"{_OUTCOME_ZH.get(report.outcome, report.outcome)}：上传 {report.pushed}，下载 {report.pulled} 条变更。")
    return 0 if report.outcome == "ok" else 1


def _forever(ctx: AppContext) -> int:
    if not ctx.sync.start_worker():
        print("本数据库已有同步进程在运行，未重复启动。")
        return 2
    done = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: done.set())
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    done.wait()
    ctx.sync.stop_worker()
    return 0
