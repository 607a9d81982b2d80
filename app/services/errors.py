"""The error every service raises for a person to read: a Chinese message saying what to do."""

from __future__ import annotations


class ServiceError(Exception):
    """A refused user action; nothing was changed. `message_zh` is shown as is."""

    def __init__(self, message_zh: str, *, code: str = "refused") -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh
        self.code = code


# Storage failures people can act on, recognised from SQLite's and the OS's own words.
_STORAGE_PROBLEMS = (
    (("database or disk is full", "no space left on device"),
     "磁盘已满，本次操作没有保存；屏幕上已录入的内容仍在。请清理磁盘空间（或请管理员处理）后再保存。"),
    (("database is locked",),
     "数据库正被另一个程序占用，本次操作没有保存；已录入的内容仍在。请稍候重试；若反复出现，请关闭其他一窗程序。"),
    (("attempt to write a readonly database", "read-only file system", "permission denied"),
     "资料目录不可写，本次操作没有保存；已录入的内容仍在。请管理员检查资料目录的权限。"),
)


def message_of(exc: BaseException) -> str:
    """The Chinese message of any of our typed errors, or a generic one that keeps the detail."""
    text = getattr(exc, "message_zh", None)
    if isinstance(text, str) and text:
        return text
    lowered = str(exc).lower()
    for needles, message in _STORAGE_PROBLEMS:
        if any(n in lowered for n in needles):
            return message
    return f"操作未完成：{exc}。已录入的内容仍保留，请重试或联系管理员。"
