"""Document templates as data: loading, validation (line and reason), placeholders and `when` conditions."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "resources" / "templates"

PROFILES = ("a4", "roll80", "roll58")

BLOCK_TYPES = frozenset(
    {"heading", "kv_table", "paragraph", "list", "table", "qr", "signature", "seal", "spacer", "footer"}
)

#: Top-level context keys a template may refer to (see docs/documents.md); anything else is a typo.
CONTEXT_ROOTS = frozenset(
    {
        "doc_no",
        "case",
        "applicant",
        "agent",
        "item",
        "station",
        "operator",
        "window_no",
        "received_at",
        "accepted_at",
        "due_date",
        "supplement_due",
        "printed_at",
        "materials",
        "rejection",
        "commitment",
        "deficiency",
        "delivery",
        "ticket",
        "summary",
        "consultation",
        "copies",
        "delivery_method",
        "remarks",
        "rating",
    }
)
#: Extra roots valid inside a `list` or `table` block: the current element and its 1-based number.
LOOP_ROOTS = frozenset({"row", "index"})

FILTERS = frozenset({"mask_id", "mask_phone", "mask_name", "date", "datetime", "time"})

#: Fields that must carry a mask filter on a take-home document.
SENSITIVE_FIELDS = {
    "applicant.id_number": "mask_id",
    "applicant.phone": "mask_phone",
    "agent.id_number": "mask_id",
    "agent.phone": "mask_phone",
    "row.id_number": "mask_id",
    "row.phone": "mask_phone",
}

CONDITION_OPS = frozenset({"exists", "missing", "truthy", "falsy", "equals", "not_equals"})

PLACEHOLDER = re.compile(r"\$\{([^}]*)\}")
_PATH = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z0-9_]+)*$")

#: Keys holding text templates, per block type (lists of pairs are handled for kv_table rows).
_TEXT_KEYS = ("text", "caption", "agency", "date", "payload", "item", "empty", "note", "beside")


class TemplateError(Exception):
    """A template file that cannot be used; carries the line (when known) and the reason."""

    def __init__(self, source: str, reason: str, *, line: int | None = None, block: int | None = None) -> None:
        where = f"{source}" + (f":{line}" if line else "") + (f" block {block}" if block else "")
        super().__init__(f"{where}: {reason}")
        self.source = source
        self.reason = reason
        self.line = line
        self.block = block

    @property
    def message_zh(self) -> str:
        """Admin-facing message: which file, which line/block, what is wrong."""
        where = f"第 {self.line} 行" if self.line else ""
        if self.block:
            where += f"（第 {self.block} 个块）"
        return f"模板“{self.source}”{where}有误：{self.reason}。请修正模板文件后重试。"


class MissingValue(TemplateError):
    """A placeholder whose path is not in the render context."""

    def __init__(self, source: str, path: str, *, block: int | None = None) -> None:
        super().__init__(source, f"缺少数据 ${{{path}}}", block=block)
        self.path = path


@dataclass(frozen=True)
class Placeholder:
    """One `${path|filter}` occurrence."""

    path: str
    filter: str | None


@dataclass(frozen=True)
class Block:
    """One block of a template: its type, raw spec and 1-based position."""

    type: str
    spec: Mapping[str, Any]
    index: int


@dataclass(frozen=True)
class DocumentTemplate:
    """A validated document template."""

    template_id: str
    version: int
    title: str
    profiles: tuple[str, ...]
    take_home: bool
    blocks: tuple[Block, ...]
    source: str


def parse_placeholder(body: str) -> Placeholder:
    """Split the inside of `${…}` into a path and an optional filter; ValueError when malformed."""
    path, _, filt = body.partition("|")
    path, filt = path.strip(), filt.strip()
    if not _PATH.match(path):
        raise ValueError(f"占位符 ${{{body}}} 的路径写法不对")
    if filt and filt not in FILTERS:
        raise ValueError(f"占位符 ${{{body}}} 使用了未知的过滤器 {filt}（可用：{', '.join(sorted(FILTERS))}）")
    return Placeholder(path, filt or None)


def placeholders(text: str) -> list[Placeholder]:
    """All placeholders of a text template, in order."""
    return [parse_placeholder(m.group(1)) for m in PLACEHOLDER.finditer(text)]


def _block_lines(raw: str) -> list[int]:
    """Line numbers of each `"type":` key, in order; blocks are the only objects with that key."""
    return [raw.count("\n", 0, m.start()) + 1 for m in re.finditer(r'"type"\s*:', raw)]


def _texts(block: Mapping[str, Any]) -> list[str]:
    """Every text template held by a block (including table columns and kv rows)."""
    found = [block[k] for k in _TEXT_KEYS if isinstance(block.get(k), str)]
    for row in block.get("rows", []) or []:
        if isinstance(row, Mapping):
            found += [row.get("label", ""), row.get("text", "")]
        elif isinstance(row, list | tuple):
            found += [str(x) for x in row]
    for col in block.get("columns", []) or []:
        if isinstance(col, Mapping):
            found += [col.get("header", ""), col.get("text", "")]
    found += [str(x) for x in block.get("labels", []) or []]
    return [t for t in found if isinstance(t, str)]


def _check_condition(cond: Any) -> None:
    """Validate a `when` condition: one operator with a path (equals takes [path, value])."""
    if not isinstance(cond, Mapping) or len(cond) != 1:
        raise ValueError('when 必须是只含一个条件的对象，如 {"exists": "agent"}')
    ((op, arg),) = cond.items()
    if op not in CONDITION_OPS:
        raise ValueError(f"when 的条件 {op} 不认识（可用：{', '.join(sorted(CONDITION_OPS))}）")
    path = arg[0] if op in ("equals", "not_equals") and isinstance(arg, list) and len(arg) == 2 else arg
    if op in ("equals", "not_equals") and path is arg:
        raise ValueError(f"when 的 {op} 需要 [路径, 值]")
    if not isinstance(path, str) or not _PATH.match(path):
        raise ValueError(f"when 的路径 {path!r} 写法不对")
    _check_root(path, loop=False)


def _check_root(path: str, *, loop: bool) -> None:
    root = path.split(".", 1)[0]
    allowed = CONTEXT_ROOTS | LOOP_ROOTS if loop else CONTEXT_ROOTS
    if root not in allowed:
        raise ValueError(f"占位符根 {root} 不认识（路径 {path}）")


def _check_block(block: Mapping[str, Any], *, take_home: bool) -> None:
    """Validate one block's type, condition, placeholders and masking rules; ValueError with the reason."""
    kind = block.get("type")
    if kind not in BLOCK_TYPES:
        raise ValueError(f"未知的块类型 {kind!r}（可用：{', '.join(sorted(BLOCK_TYPES))}）")
    if "when" in block:
        _check_condition(block["when"])
    for profile in block.get("profiles", []):
        if profile not in PROFILES:
            raise ValueError(f"未知的纸型 {profile}")
    loop = kind in ("list", "table")
    if loop:
        over = block.get("over")
        if not isinstance(over, str) or not _PATH.match(over):
            raise ValueError(f"{kind} 块需要 over（上下文中的列表路径）")
        _check_root(over, loop=False)
    for text in _texts(block):
        for ph in placeholders(text):
            _check_root(ph.path, loop=loop)
            needed = SENSITIVE_FIELDS.get(ph.path)
            if take_home and needed and ph.filter != needed:
                raise ValueError(f"带回家的文书中 ${{{ph.path}}} 必须加 |{needed} 脱敏")


def _header(data: Any, source: str) -> tuple[str, int, str, tuple[str, ...]]:
    """Validate the template's top-level keys."""
    if not isinstance(data, Mapping):
        raise TemplateError(source, "顶层必须是 JSON 对象", line=1)
    for key in ("template_id", "version", "title", "profiles", "blocks"):
        if key not in data:
            raise TemplateError(source, f"缺少键 {key}", line=1)
    profiles = tuple(data["profiles"])
    bad = [p for p in profiles if p not in PROFILES]
    if bad or not profiles:
        raise TemplateError(source, f"profiles 只能是 {', '.join(PROFILES)}，实际为 {profiles}", line=1)
    if not isinstance(data["version"], int) or not isinstance(data["blocks"], list):
        raise TemplateError(source, "version 必须是整数，blocks 必须是数组", line=1)
    return str(data["template_id"]), int(data["version"]), str(data["title"]), profiles


def parse_template(raw: str, source: str = "<string>") -> DocumentTemplate:
    """Parse and validate template JSON text; TemplateError names the line and the reason."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise TemplateError(source, f"JSON 格式错误：{exc.msg}（第 {exc.colno} 列）", line=exc.lineno) from exc
    template_id, version, title, profiles = _header(data, source)
    take_home = bool(data.get("take_home", True))
    lines = _block_lines(raw)
    blocks: list[Block] = []
    for n, spec in enumerate(data["blocks"], start=1):
        line = lines[n - 1] if len(lines) == len(data["blocks"]) else None
        if not isinstance(spec, Mapping):
            raise TemplateError(source, "块必须是 JSON 对象", line=line, block=n)
        try:
            _check_block(spec, take_home=take_home)
        except ValueError as exc:
            raise TemplateError(source, str(exc), line=line, block=n) from exc
        blocks.append(Block(str(spec["type"]), spec, n))
    return DocumentTemplate(template_id, version, title, profiles, take_home, tuple(blocks), source)


def load_template(path: str | Path) -> DocumentTemplate:
    """Load and validate one template file; refuses a broken file with TemplateError(line, reason)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(path.name, f"无法读取文件：{exc}") from exc
    return parse_template(raw, path.name)


def template_path(template_id: str, templates_dir: str | Path | None = None) -> Path:
    """Where the template `template_id` lives."""
    return Path(templates_dir or TEMPLATES_DIR) / f"{template_id}.json"


def available_templates(templates_dir: str | Path | None = None) -> list[str]:
    """Template ids found in the templates folder, sorted."""
    return sorted(p.stem for p in Path(templates_dir or TEMPLATES_DIR).glob("*.json"))


_MISSING = object()


def lookup(context: Mapping[str, Any], path: str) -> Any:
    """Resolve a dotted path in nested mappings (digits index lists); returns a sentinel when absent."""
    value: Any = context
    for part in path.split("."):
        if isinstance(value, Mapping) and part in value:
            value = value[part]
        elif isinstance(value, list | tuple) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return _MISSING
    return _MISSING if value is None else value


def is_missing(value: Any) -> bool:
    """True for the sentinel returned by `lookup` for an absent path."""
    return value is _MISSING


def condition_holds(cond: Mapping[str, Any] | None, context: Mapping[str, Any]) -> bool:
    """Evaluate a validated `when` condition against the context (no code, no expressions)."""
    if cond is None:
        return True
    ((op, arg),) = cond.items()
    if op in ("equals", "not_equals"):
        value = lookup(context, arg[0])
        same = not is_missing(value) and value == arg[1]
        return same if op == "equals" else not same
    value = lookup(context, arg)
    if op == "exists":
        return not is_missing(value)
    if op == "missing":
        return is_missing(value)
    truthy = not is_missing(value) and bool(value)
    return truthy if op == "truthy" else not truthy
