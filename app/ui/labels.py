"""Display text for domain enums: Chinese source strings, translated through Qt."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.catalogue import AcceptMode, MaterialFormat, MaterialSource, Necessity, ProjectType
from app.domain.units import TimeLimit, TimeUnit

_CTX = "labels"
_LABELS: dict[Enum, str] = {
    Necessity.REQUIRED: QT_TRANSLATE_NOOP("labels", "必要"),
    Necessity.OPTIONAL: QT_TRANSLATE_NOOP("labels", "非必要"),
    Necessity.CONDITIONAL: QT_TRANSLATE_NOOP("labels", "情形必要"),
    AcceptMode.ORIGINAL: QT_TRANSLATE_NOOP("labels", "收原件"),
    AcceptMode.VERIFY_ORIGINAL_KEEP_COPY: QT_TRANSLATE_NOOP("labels", "验原件收复印件"),
    AcceptMode.ORIGINAL_AND_COPY: QT_TRANSLATE_NOOP("labels", "收原件及复印件"),
    MaterialFormat.PAPER: QT_TRANSLATE_NOOP("labels", "纸质"),
    MaterialFormat.ELECTRONIC: QT_TRANSLATE_NOOP("labels", "电子"),
    MaterialFormat.PAPER_AND_ELECTRONIC: QT_TRANSLATE_NOOP("labels", "纸质+电子"),
    MaterialSource.APPLICANT: QT_TRANSLATE_NOOP("labels", "申请人自备"),
    MaterialSource.GOVERNMENT: QT_TRANSLATE_NOOP("labels", "政府部门核发"),
    MaterialSource.OTHER: QT_TRANSLATE_NOOP("labels", "其他"),
    ProjectType.IMMEDIATE: QT_TRANSLATE_NOOP("labels", "即办件"),
    ProjectType.PROMISE: QT_TRANSLATE_NOOP("labels", "承诺件"),
    TimeUnit.WORKING_DAY: QT_TRANSLATE_NOOP("labels", "个工作日"),
    TimeUnit.NATURAL_DAY: QT_TRANSLATE_NOOP("labels", "个自然日"),
}


def label(value: Enum) -> str:
    """The person-facing name of an enum member in the current language."""
    source = _LABELS.get(value)
    return QCoreApplication.translate(_CTX, source) if source else str(value.value)


def tr(text: str) -> str:
    """Translate a label-context string (for module-level text)."""
    return QCoreApplication.translate(_CTX, text)


def time_limit(limit: TimeLimit) -> str:
    """“20个工作日”, or “即办” for zero days."""
    if limit.days == 0:
        return tr("即办（当场办结）")
    return f"{limit.days}{label(limit.unit)}"


def fee(fen: int) -> str:
    """Money from integer fen: “不收费” or “¥12.50”."""
    if fen == 0:
        return tr("不收费")
    return f"¥{fen // 100}.{fen % 100:02d}"
