"""The customer-facing screen: the called number and window in large type, the next numbers, the rating area."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

_STYLE = """
#customer_screen { background: #0f2a4a; }
#customer_screen QLabel { color: #ffffff; }
QLabel#station_title { font-size: 28px; color: #cfe0f5; }
QLabel#call_text[idle="true"] { color: #cfe0f5; }
QLabel#next_numbers { font-size: 32px; color: #ffd66b; }
#rating_area { background: #16365d; border-top: 2px solid #2b5a8f; }
"""


class CustomerScreen(QWidget):
    """A second top-level window facing the applicant; full-screen on a second monitor when there is one."""

    def __init__(self, *, station_name: str, window_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.window_no = window_no
        self._build_ui(station_name)

    # ---- Public API
    def show_call(self, ticket_no: str, window_no: str | None = None) -> None:
        """Show "请 A003 号到 3 号窗口办理"."""
        text = self.tr("请 {ticket} 号到 {window} 号窗口办理").format(
            ticket=ticket_no, window=window_no or self.window_no)
        self.call_label.setText(text)
        self._set_call_style(idle=False)

    def show_idle(self, text: str = "") -> None:
        """No one called: a welcome or the pause reason."""
        self.call_label.setText(text or self.tr("欢迎光临，请取号等候"))
        self._set_call_style(idle=True)

    def set_next(self, ticket_nos: Sequence[str]) -> None:
        """The next numbers in line (at most six shown)."""
        shown = "  ".join(ticket_nos[:6])
        self.next_label.setText(self.tr("请以下号码做好准备：") + shown if shown else "")

    def place(self) -> None:
        """Full-screen on the second screen when there is one; otherwise a normal movable window."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            target = screens[1]
            self.setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            self.resize(1024, 600)
            self.showNormal()

    # ---- Private
    def _build_ui(self, station_name: str) -> None:
        self.setObjectName("customer_screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(self.tr("叫号显示") + f" — {station_name}")
        title = QLabel(station_name + "  " + self.tr("{window} 号窗口").format(window=self.window_no))
        title.setObjectName("station_title")
        self.call_label = QLabel()
        self.call_label.setObjectName("call_text")
        self.call_label.setWordWrap(True)
        self.next_label = QLabel()
        self.next_label.setObjectName("next_numbers")
        # Reserved for the evaluation issue's rating pad (好差评); kept empty here.
        self.rating_area = QFrame()
        self.rating_area.setObjectName("rating_area")
        self.rating_area.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 0)
        for label in (title, self.call_label, self.next_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addStretch(1)
        layout.addWidget(self.call_label)
        layout.addSpacing(24)
        layout.addWidget(self.next_label)
        layout.addStretch(1)
        layout.addWidget(self.rating_area)
        self.show_idle()

    def _set_call_style(self, *, idle: bool) -> None:
        """Large type for a call, smaller for the welcome; the layout re-measures the label."""
        font = QFont(self.call_label.font())
        font.setPixelSize(40 if idle else 72)
        font.setBold(not idle)
        self.call_label.setFont(font)
        # Room for two lines of the large type, so a long call never clips whatever the layout timing.
        self.call_label.setMinimumHeight(QFontMetrics(font).lineSpacing() * 2 + 8)
        self.call_label.setProperty("idle", idle)
        self.call_label.style().unpolish(self.call_label)
        self.call_label.style().polish(self.call_label)
        self.call_label.updateGeometry()
