"""Command line: the window (default), selfcheck, catalogue, audit, sync and gateway commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__


def build_parser() -> argparse.ArgumentParser:
    """The stable command set of DESIGN §4."""
    p = argparse.ArgumentParser(prog="yichuang", description="一窗 综合受理窗口")
    p.add_argument("--version", action="version", version=f"yichuang {__version__}")
    p.add_argument("--profile", type=Path, help="资料目录（数据库、文书、备份、设置）")
    p.add_argument("--demo", action="store_true", help="新资料目录使用演示数据")
    sub = p.add_subparsers(dest="command")
    sub.add_parser("gui", help="窗口程序（默认）")
    sc = sub.add_parser("selfcheck", help="无界面自检")
    sc.add_argument("--keep", type=Path, help="把自检资料目录保留在此处")
    cat = sub.add_parser("catalogue", help="事项目录导入导出")
    cat_sub = cat.add_subparsers(dest="action", required=True)
    cat_sub.add_parser("import").add_argument("file", type=Path)
    cat_sub.add_parser("export").add_argument("file", type=Path)
    audit = sub.add_parser("audit", help="审计日志")
    audit.add_subparsers(dest="action", required=True).add_parser("verify")
    sync = sub.add_parser("sync", help="与区平台同步")
    sync.add_argument("rest", nargs=argparse.REMAINDER)
    gw = sub.add_parser("gateway", help="区平台参考服务端")
    gw.add_argument("rest", nargs=argparse.REMAINDER)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `yichuang` command."""
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    if command == "gui":
        from app.__main__ import run_gui

        return run_gui(args.profile, demo=args.demo)
    if command == "selfcheck":
        from app.selfcheck import run_selfcheck

        return run_selfcheck(keep=args.keep)
    if command == "gateway":
        from gateway.cli import main as gateway_main

        return gateway_main(list(args.rest))
    from app.commands import run_command

    return run_command(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
