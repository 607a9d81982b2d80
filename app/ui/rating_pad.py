"""The 好差评 pad on the customer-facing screen: five large grades, 差评 reasons, an optional comment.

Nothing is ever pre-selected or filled in (domain.md §1.6: vendor code that auto-submits 非常满意 is
the pitfall); the submit button stays disabled until the applicant has chosen a grade themselves.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.evaluation import GRADES_HIGH_TO_LOW, Indicator, is_bad
from app.services.evaluation import EvaluationInfo
from app.ui.widgets.errors import guarded


def _tr(text: str) -> str:
    return QCoreApplication.translate("rating", text)


GRADE_TEXT = {
    5: QT_TRANSLATE_NOOP("rating", "非常满意"), 4: QT_TRANSLATE_NOOP("rating", "满意"),
    3: QT_TRANSLATE_NOOP("rating", "基本满意"), 2: QT_TRANSLATE_NOOP("rating", "不满意"),
    1: QT_TRANSLATE_NOOP("rating", "非常不满意"),
}
INDICATOR_TEXT = {
    Indicator.SLOW: QT_TRANSLATE_NOOP("rating", "办理慢、等候久"),
    Indicator.UNCLEAR: QT_TRANSLATE_NOOP("rating", "告知不清楚"),
    Indicator.ATTITUDE: QT_TRANSLATE_NOOP("rating", "服务态度差"),
    Indicator.SKILL: QT_TRANSLATE_NOOP("rating", "业务不熟练"),
    Indicator.MATERIALS: QT_TRANSLATE_NOOP("rating", "材料多、重复交"),
    Indicator.ENVIRONMENT: QT_TRANSLATE_NOOP("rating", "场所设施不便"),
    Indicator.OTHER: QT_TRANSLATE_NOOP("rating", "其他"),
}

_STYLE = """
#rating_pad QLabel { color: #ffffff; font-size: 22px; }
#rating_pad QPushButton[grade="true"] { font-size: 24px; min-height: 72px; min-width: 150px; border-radius: 10px;
    background: #ffffff; color: #16365d; border: 2px solid #cfe0f5; }
#rating_pad QPushButton[grade="true"]:checked { background: #ffd66b; border-color: #ffd66b; }
#rating_pad QCheckBox { color: #ffffff; font-size: 18px; spacing: 10px; }
#rating_pad QCheckBox::indicator { width: 24px; height: 24px; background: #ffffff; border: 2px solid #cfe0f5;
    border-radius: 4px; }
#rating_pad QCheckBox::indicator:checked { background: #ffd66b; border-color: #ffd66b; }
#rating_pad QLineEdit { font-size: 18px; min-height: 40px; }
#rating_pad QPushButton#submit { font-size: 22px; min-height: 56px; min-width: 180px; }
"""


class RatingRecorder(Protocol):
    """What the pad needs from the evaluation service."""

    def record(self, evaluation_id: str, level: int, indicators: list[str], comment: str) -> EvaluationInfo: ...


class RatingPad(QWidget):
    """Shows nothing until `ask()`; then the applicant's own choice, submitted once."""

    rated = Signal(str)  # evaluation id; the clerk's screen learns only that the rating is done

    def __init__(self, service: RatingRecorder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._evaluation_id: str | None = None
        self._build_ui()
        self.clear()

    # ---- Public API
    def ask(self, evaluation: EvaluationInfo) -> None:
        """Show the pad, blank, for one pending rating request."""
        self._reset()
        self._evaluation_id = evaluation.id
        self.stack.setCurrentWidget(self.form)
        self.setVisible(True)

    def clear(self) -> None:
        """Hide the pad (no request pending)."""
        self._reset()
        self._evaluation_id = None
        self.stack.setCurrentWidget(self.idle)

    def chosen_level(self) -> int | None:
        """The grade the applicant picked, or None."""
        button = self.grades.checkedButton()
        return None if button is None else self.grades.id(button)

    def chosen_indicators(self) -> list[str]:
        """The 差评 reasons ticked, as codes."""
        return [code for code, box in self.indicator_boxes.items() if box.isChecked()]

    # ---- Private
    def _build_ui(self) -> None:
        self.setObjectName("rating_pad")
        self.setStyleSheet(_STYLE)
        self.stack = QStackedWidget()
        self.idle = QLabel("")
        self.thanks = QLabel(_tr("感谢您的评价！"))
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = QWidget()
        form = QVBoxLayout(self.form)
        prompt = QLabel(_tr("请对本次服务进行评价"))
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form.addWidget(prompt)
        form.addLayout(self._grade_row())
        self.reasons = QWidget()
        self._reason_grid(self.reasons)
        form.addWidget(self.reasons)
        bottom = QHBoxLayout()
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(_tr("意见或建议（选填）"))
        self.comment.setMaxLength(300)
        self.submit = QPushButton(_tr("提交评价"))
        self.submit.setObjectName("submit")
        self.submit.clicked.connect(self._submit)
        bottom.addWidget(self.comment, 1)
        bottom.addWidget(self.submit)
        form.addLayout(bottom)
        for page in (self.idle, self.form, self.thanks):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addWidget(self.stack)

    def _grade_row(self) -> QLayout:
        row = QHBoxLayout()
        self.grades = QButtonGroup(self)
        self.grades.setExclusive(False)  # exclusivity is kept by hand so "none checked" stays possible
        for grade in GRADES_HIGH_TO_LOW:
            button = QPushButton(_tr(GRADE_TEXT[int(grade)]))
            button.setCheckable(True)
            button.setChecked(False)
            button.setProperty("grade", True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.grades.addButton(button, int(grade))
            row.addWidget(button)
        self.grades.buttonClicked.connect(self._on_grade)
        return row

    def _reason_grid(self, host: QWidget) -> None:
        grid = QGridLayout(host)
        grid.addWidget(QLabel(_tr("不满意的原因（可多选）")), 0, 0, 1, 4)
        self.indicator_boxes: dict[str, QCheckBox] = {}
        for i, (code, text) in enumerate(INDICATOR_TEXT.items()):
            box = QCheckBox(_tr(text))
            box.setChecked(False)
            self.indicator_boxes[code.value] = box
            grid.addWidget(box, 1 + i // 4, i % 4)

    def _reset(self) -> None:
        for button in self.grades.buttons():
            button.setChecked(False)
        for box in self.indicator_boxes.values():
            box.setChecked(False)
        self.comment.clear()
        self.reasons.setVisible(False)
        self.submit.setEnabled(False)

    def _on_grade(self, clicked: QAbstractButton) -> None:
        for button in self.grades.buttons():
            if button is not clicked:
                button.setChecked(False)
        level = self.chosen_level()
        bad = level is not None and is_bad(level)
        self.reasons.setVisible(bad)
        if not bad:
            for box in self.indicator_boxes.values():
                box.setChecked(False)
        self.submit.setEnabled(level is not None)

    @guarded
    def _submit(self) -> None:
        level = self.chosen_level()
        if self._evaluation_id is None or level is None:
            return
        self._service.record(self._evaluation_id, level, self.chosen_indicators(), self.comment.text())
        done = self._evaluation_id
        self._reset()
        self._evaluation_id = None
        self.stack.setCurrentWidget(self.thanks)
        self.rated.emit(done)


def install_rating_pad(customer_screen_widget: QWidget, evaluation_service: RatingRecorder) -> RatingPad | None:
    """Put a rating pad into the customer screen's "rating_area" widget; None when the screen has none."""
    area = customer_screen_widget.findChild(QWidget, "rating_area")
    if area is None:
        return None
    layout = area.layout() or QVBoxLayout(area)
    layout.setContentsMargins(0, 0, 0, 0)
    pad = RatingPad(evaluation_service, area)
    layout.addWidget(pad)
    return pad
