"""The error every service raises for a person to read: a Chinese message saying what to do."""

from __future__ import annotations


class ServiceError(Exception):
    """A refused user action; nothing was changed. `message_zh` is shown as is."""

    def __init__(self, message_zh: str, *, code: str = "refused") -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh
        self.code = code


def message_of(exc: BaseException) -> str:
    """The Chinese message of any of our typed errors, or a generic one that keeps the detail."""
    text = getattr(exc, "message_zh", None)
    if isinstance(text, str) and text:
        return text
    return f"操作未完成：{exc}。已录入的内容仍保留，请重试或联系管理员。"
