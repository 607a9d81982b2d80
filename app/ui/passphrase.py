"""Asking an administrator for the encrypted-file-keyring passphrase when the machine has no keyring."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit


def ask_passphrase(reason: str) -> str | None:
    """The passphrase typed, or None when the administrator cancels."""
    text, ok = QInputDialog.getText(
        None,
        QCoreApplication.translate("passphrase", "加密文件密钥环"),
        reason + "\n\n"
        + QCoreApplication.translate("passphrase", "请输入加密文件密钥环的口令（首次使用即设置口令）："),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None
