"""Catalogue value types: ServiceItem, Material, Situation, Bundle and Catalogue (frozen, pure)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, IntEnum, StrEnum

from app.domain.units import TimeLimit


class Necessity(StrEnum):
    """材料必要性."""

    REQUIRED = "required"
    OPTIONAL = "optional"
    CONDITIONAL = "conditional"


class AcceptMode(IntEnum):
    """材料验收方式 (vendor codes 1–3)."""

    ORIGINAL = 1
    VERIFY_ORIGINAL_KEEP_COPY = 2
    ORIGINAL_AND_COPY = 3


class MaterialFormat(StrEnum):
    """材料形式."""

    PAPER = "paper"
    ELECTRONIC = "electronic"
    PAPER_AND_ELECTRONIC = "paper+electronic"


class MaterialSource(StrEnum):
    """来源渠道."""

    APPLICANT = "applicant"
    GOVERNMENT = "government"
    OTHER = "other"


class ProjectType(IntEnum):
    """办件类型 (platform codes: 1 即办件, 2 承诺件)."""

    IMMEDIATE = 1
    PROMISE = 2


class DeliveryMode(StrEnum):
    """出件方式."""

    WINDOW = "window"
    MAIL = "mail"


# Chinese names as they appear in 办事指南 and clerk-made spreadsheets; the parser accepts them as
# aliases of the codes, so an XLSX typed by a clerk needs no English. Keyed by (enum class, member)
# because IntEnum members of different classes with the same number compare equal.
ZH_NAMES: dict[tuple[type[Enum], Enum], str] = {
    (Necessity, Necessity.REQUIRED): "必要",
    (Necessity, Necessity.OPTIONAL): "非必要",
    (Necessity, Necessity.CONDITIONAL): "情形必要",
    (AcceptMode, AcceptMode.ORIGINAL): "收原件",
    (AcceptMode, AcceptMode.VERIFY_ORIGINAL_KEEP_COPY): "验原件收复印件",
    (AcceptMode, AcceptMode.ORIGINAL_AND_COPY): "收原件及复印件",
    (MaterialFormat, MaterialFormat.PAPER): "纸质",
    (MaterialFormat, MaterialFormat.ELECTRONIC): "电子",
    (MaterialFormat, MaterialFormat.PAPER_AND_ELECTRONIC): "纸质+电子",
    (MaterialSource, MaterialSource.APPLICANT): "申请人自备",
    (MaterialSource, MaterialSource.GOVERNMENT): "政府部门核发",
    (MaterialSource, MaterialSource.OTHER): "其他",
    (ProjectType, ProjectType.IMMEDIATE): "即办件",
    (ProjectType, ProjectType.PROMISE): "承诺件",
    (DeliveryMode, DeliveryMode.WINDOW): "窗口领取",
    (DeliveryMode, DeliveryMode.MAIL): "邮寄",
}


def zh_name(member: Enum) -> str:
    """The Chinese name of a catalogue enum member (e.g. Necessity.REQUIRED → 必要); "" if none."""
    return ZH_NAMES.get((type(member), member), "")


TASK_TYPES: tuple[str, ...] = (
    "许可", "处罚", "强制", "征收", "给付", "检查", "确认", "奖励", "裁决", "其他行政权力", "公共服务",
)
ITEM_STATUSES: tuple[str, ...] = ("active", "retired")


@dataclass(frozen=True)
class Situation:
    """情形: a branch of an item that changes its material list."""

    code: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Material:
    """材料 of one ServiceItem version."""

    code: str
    name: str
    necessity: Necessity
    originals: int
    copies: int
    accept_mode: AcceptMode
    format: MaterialFormat
    source: MaterialSource
    source_note: str = ""
    accept_standard: str = ""
    rongque_allowed: bool = False
    commitment_replaceable: bool = False
    proof_replaced: str | None = None
    elicense_exempt: bool = False
    elicense_type: str | None = None
    situations: tuple[str, ...] = ()
    blank_form: str | None = None

    def applies_to(self, situation_codes: Iterable[str]) -> bool:
        """True when the material is needed for the chosen situations (no situations = always)."""
        return not self.situations or bool(set(self.situations) & set(situation_codes))


@dataclass(frozen=True)
class ServiceItem:
    """事项实施清单 entry, one version."""

    code: str
    task_code: str
    catalog_code: str
    name: str
    short_name: str
    keywords: tuple[str, ...]
    department: str
    dept_code: str
    task_type: str
    project_type: ProjectType
    legal_limit: TimeLimit
    promise_limit: TimeLimit
    fee_fen: int
    fee_note: str
    legal_basis: str
    conditions: str
    handle_place: str
    consult_phone: str
    supervise_phone: str
    result_name: str
    delivery_modes: tuple[DeliveryMode, ...]
    situations: tuple[Situation, ...]
    materials: tuple[Material, ...]
    form_id: str | None
    commitment_allowed: bool
    rongque_allowed: bool
    limit_scene_num: int
    version: int = 1
    status: str = "active"

    def materials_for(self, situation_codes: Iterable[str] = ()) -> tuple[Material, ...]:
        """Materials needed when the applicant is in the given situations, in catalogue order."""
        chosen = tuple(situation_codes)
        return tuple(m for m in self.materials if m.applies_to(chosen))

    def situation(self, code: str) -> Situation:
        """The situation with this code; KeyError if the item has none such."""
        for s in self.situations:
            if s.code == code:
                return s
        raise KeyError(code)


@dataclass(frozen=True)
class Bundle:
    """一件事: several items taken in one intake with one receipt."""

    code: str
    name: str
    item_codes: tuple[str, ...]
    description: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalogue:
    """A published catalogue: items and bundles under one version label."""

    version: str
    published: date
    items: tuple[ServiceItem, ...]
    bundles: tuple[Bundle, ...] = ()
    _index: dict[str, ServiceItem] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Frozen, so fill the look-up cache through object.__setattr__ once, at construction.
        object.__setattr__(self, "_index", {i.code: i for i in self.items})

    def item(self, code: str) -> ServiceItem:
        """The item with this local code; KeyError if absent."""
        return self._index[code]

    def has_item(self, code: str) -> bool:
        """True if an item with this local code exists."""
        return code in self._index

    def bundle(self, code: str) -> Bundle:
        """The bundle with this code; KeyError if absent."""
        for b in self.bundles:
            if b.code == code:
                return b
        raise KeyError(code)

    def by_department(self) -> dict[str, tuple[ServiceItem, ...]]:
        """Items grouped by department name, departments in first-seen order."""
        groups: dict[str, list[ServiceItem]] = {}
        for it in self.items:
            groups.setdefault(it.department, []).append(it)
        return {k: tuple(v) for k, v in groups.items()}


@dataclass(frozen=True)
class RowError:
    """One problem in a catalogue source: where (source, row, column) and what (code, message)."""

    source: str
    row: int
    column: str
    code: str
    message_zh: str
    section: str = "items"

    @property
    def located_zh(self) -> str:
        """The message prefixed with its place, e.g. "demo.json 第3项 字段 fee_fen：…"."""
        if self.section == "rows":
            where = f"第{self.row}行 列 {self.column}"
        elif self.section == "bundles":
            where = f"第{self.row}个一件事 字段 {self.column}"
        elif self.section == "catalogue":
            where = f"字段 {self.column}"
        else:
            where = f"第{self.row}项 字段 {self.column}"
        return f"{self.source} {where}：{self.message_zh}"


class CatalogueError(ValueError):
    """A catalogue source had problems; `errors` lists every one found, not just the first."""

    def __init__(self, errors: list[RowError] | tuple[RowError, ...]) -> None:
        self.errors: tuple[RowError, ...] = tuple(errors)
        super().__init__(f"{len(self.errors)} catalogue problem(s)")

    @property
    def message_zh(self) -> str:
        """All problems, one per line, headed by a count."""
        head = f"事项目录有 {len(self.errors)} 处问题，请修改后重新导入："
        return "\n".join([head, *(e.located_zh for e in self.errors)])
