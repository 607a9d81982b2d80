"""`yichuang gateway …` subcommands: serve, create-station, set-status, import-bundle, publish, openapi …"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.sync.protocol import BundleError
from gateway import admin
from gateway.db import Store

DEFAULT_DB = "sqlite:///gateway.db"
_BUNDLE_REASONS_ZH = {
    "malformed": "文件不是有效的同步包",
    "bad_signature": "签名不符，文件可能被改动过或不是该站点签发的",
    "foreign_station": "同步包属于其他站点或站点未登记",
    "wrong_kind": "这是回执包，不是待导入的数据包",
}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="yichuang gateway", description="一窗 reference district gateway")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP gateway")
    serve.add_argument("--db", default=DEFAULT_DB)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    station = sub.add_parser("create-station", help="register a station and print its credential once")
    station.add_argument("--db", default=DEFAULT_DB)
    station.add_argument("--code", required=True, help="12-digit division code")
    station.add_argument("--name", required=True)
    station.add_argument("--district", action="store_true", help="a district account (status, figures)")
    status = sub.add_parser("set-status", help="set a case's district status")
    status.add_argument("--db", default=DEFAULT_DB)
    status.add_argument("case_id")
    status.add_argument("status", choices=["accepted", "in_review", "completed", "denied"])
    status.add_argument("--note")
    bundle = sub.add_parser("import-bundle", help="apply an ops bundle and write the signed reply")
    bundle.add_argument("--db", default=DEFAULT_DB)
    bundle.add_argument("--station", required=True)
    bundle.add_argument("file", type=Path)
    bundle.add_argument("--reply", required=True, type=Path)
    publish = sub.add_parser("publish", help="publish a catalogue or holiday calendar JSON file")
    publish.add_argument("--db", default=DEFAULT_DB)
    publish.add_argument("kind", choices=["catalogue", "holidays"])
    publish.add_argument("file", type=Path)
    openapi = sub.add_parser("openapi", help="write the OpenAPI document (docs/openapi.json)")
    openapi.add_argument("--out", type=Path, help="file to write; standard output if omitted")
    epoch = sub.add_parser("rotate-epoch", help="after restoring from backup: make stations reconcile")
    epoch.add_argument("--db", default=DEFAULT_DB)
    return p


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from gateway.app import create_app

    # date_header off: our middleware sets Date itself and uvicorn would add a second one.
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, date_header=False, log_level="info")
    return 0


def _create_station(args: argparse.Namespace) -> int:
    token = admin.create_station(Store(args.db), args.code, args.name, district=args.district)
    print(f"站点 {args.code}（{args.name}）已登记。凭据只显示这一次，请妥善交给站点管理员：")
    print(token)
    return 0


def _set_status(args: argparse.Namespace) -> int:
    version = admin.set_case_status(Store(args.db), args.case_id, args.status, args.note)
    label = admin.STATUS_LABELS_ZH[admin.DistrictStatus(args.status)]
    print(f"办件 {args.case_id} 已改为“{label}”（版本 {version}），站点下次同步时收到。")
    return 0


def _import_bundle(args: argparse.Namespace) -> int:
    from gateway.bundles import import_bundle

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(f"读不到同步包 {args.file}：{exc.strerror}", file=sys.stderr)
        return 2
    try:
        reply = import_bundle(Store(args.db), args.station, data)
    except BundleError as exc:
        reason = _BUNDLE_REASONS_ZH.get(exc.code, exc.code)
        print(f"拒绝导入 {args.file}：{reason}。", file=sys.stderr)
        return 3
    args.reply.write_bytes(reply)
    print(f"已导入 {args.file}，回执写入 {args.reply}，请带回站点导入。")
    return 0


def _publish(args: argparse.Namespace) -> int:
    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"无法读取 {args.file}：{exc}", file=sys.stderr)
        return 2
    if not isinstance(data, dict):
        print(f"{args.file} 的最外层应为 JSON 对象。", file=sys.stderr)
        return 2
    version = admin.publish_snapshot(Store(args.db), args.kind, data)
    print(f"已发布 {args.kind}，版本 {version}。")
    return 0


def _rotate_epoch(args: argparse.Namespace) -> int:
    print(f"新的服务器纪元：{Store(args.db).rotate_epoch()}；各站点下次同步时将重新核对。")
    return 0


def _openapi(args: argparse.Namespace) -> int:
    from gateway.app import openapi_document

    text = openapi_document()
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    return 0


_COMMANDS = {
    "openapi": _openapi,
    "serve": _serve,
    "create-station": _create_station,
    "set-status": _set_status,
    "import-bundle": _import_bundle,
    "publish": _publish,
    "rotate-epoch": _rotate_epoch,
}


def main(argv: list[str]) -> int:
    """Run one gateway subcommand; returns the process exit code."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except admin.AdminError as exc:
        print(exc.message_zh, file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
