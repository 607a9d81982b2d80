"""Headless profile commands: catalogue import/export, audit verify, sync."""

from __future__ import annotations

import argparse
import sys

from app.config import ProfileProblem, default_profile_dir
from app.db.migrate import DatabaseProblem
from app.security.credentials import NoSecureKeyring
from app.services.audit import verify_audit
from app.services.context import AppContext, open_context
from app.services.demo import fill_demo
from app.services.errors import ServiceError, message_of


def _err(text: str) -> int:
    print(text, file=sys.stderr)
    return 2


def run_command(args: argparse.Namespace) -> int:
    """Open the profile, run one command, print a summary; exit 0 on success, 2 with a message otherwise."""
    try:
        ctx = open_context(args.profile or default_profile_dir(), demo=args.demo)
    except (ProfileProblem, DatabaseProblem, NoSecureKeyring) as exc:
        return _err(message_of(exc))
    try:
        if ctx.settings.demo:
            fill_demo(ctx)  # a demo profile is usable from the command line as from the window
        return _dispatch(ctx, args)
    except ServiceError as exc:
        return _err(exc.message_zh)
    finally:
        ctx.close()


def _dispatch(ctx: AppContext, args: argparse.Namespace) -> int:
    if args.command == "catalogue" and args.action == "import":
        result = ctx.catalogue.import_file(args.file, by="cli")
        print(f"已导入目录版本 {result.version}：{result.items} 个事项，{result.bundles} 个一件事。")
        return 0
    if args.command == "catalogue" and args.action == "export":
        count = ctx.catalogue.export_file(args.file)
        print(f"已导出 {count} 个事项到 {args.file}。")
        return 0
    if args.command == "audit":
        rows, broken = verify_audit(ctx.db)
        if broken is None:
            print(f"审计日志完整：共 {rows} 条，哈希链无断裂。")
            return 0
        print(f"审计日志在第 {broken} 条处断裂（共 {rows} 条）：该条或其前一条被改动、删除或调换。")
        return 1
    if args.command == "sync":
        from app.sync_commands import run_sync_command

        return run_sync_command(ctx, list(args.rest))
    return _err(f"未知命令：{args.command}")
