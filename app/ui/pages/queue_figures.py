"""The live queue figures panel: waiting, longest wait, served, wait and service percentiles, no-shows, pauses."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from app.domain.metrics import DurationSummary, QueueFigures
from app.ui.pages.queue_actions import format_duration


def _summary(d: DurationSummary) -> str:
    return f"{format_duration(d.median)} / {format_duration(d.p90)}"


class FiguresPanel(QGroupBox):
    """Read-only figures for today; `values` maps a key to the text shown (tests read it)."""

    _ROWS = (
        ("waiting", QT_TRANSLATE_NOOP("FiguresPanel", "等候人数")),
        ("by_category", QT_TRANSLATE_NOOP("FiguresPanel", "各类别等候")),
        ("longest_wait", QT_TRANSLATE_NOOP("FiguresPanel", "最长等候")),
        ("served", QT_TRANSLATE_NOOP("FiguresPanel", "今日办结")),
        ("wait", QT_TRANSLATE_NOOP("FiguresPanel", "等候 中位/P90")),
        ("service", QT_TRANSLATE_NOOP("FiguresPanel", "办理 中位/P90")),
        ("no_show", QT_TRANSLATE_NOOP("FiguresPanel", "过号（比例）")),
        ("pause", QT_TRANSLATE_NOOP("FiguresPanel", "暂停时长")),
        ("recalls", QT_TRANSLATE_NOOP("FiguresPanel", "重呼次数")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("今日实时数据"))
        self.setObjectName("queue_figures")
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout(self)
        for key, title in self._ROWS:
            value = QLabel("—")
            value.setObjectName(f"fig_{key}")
            self.labels[key] = value
            form.addRow(self.tr(title), value)

    # ---- Public API
    def set_figures(self, f: QueueFigures) -> None:
        """Show `f`; categories by prefix (their names are on the waiting list)."""
        by_cat = " · ".join(f"{cat} {n}" for cat, n in sorted(f.waiting_by_category.items())) or "—"
        rate = "—" if f.no_show_rate is None else f"{f.no_show_rate * 100:.0f}%"
        texts = {
            "waiting": str(f.waiting),
            "by_category": by_cat,
            "longest_wait": format_duration(f.longest_wait),
            "served": str(f.served),
            "wait": _summary(f.wait),
            "service": _summary(f.service),
            "no_show": f"{f.no_shows}（{rate}）",
            "pause": format_duration(f.pause_total),
            "recalls": str(f.recalls),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)

    def values(self) -> dict[str, str]:
        """Every shown value by key."""
        return {key: label.text() for key, label in self.labels.items()}
