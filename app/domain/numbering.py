"""Case numbers, query passwords and document numbers (pure; uniqueness comes from the DB counter)."""

from __future__ import annotations

import random
import secrets
from datetime import date

__all__ = [
    "MAX_DAILY_SERIAL",
    "NumberingError",
    "document_number",
    "new_query_password",
    "provisional_number",
]

MAX_DAILY_SERIAL = 9999
QUERY_PASSWORD_DIGITS = 6


class NumberingError(ValueError):
    """A number cannot be formed: `code` is "area_code", "serial" or "year"."""

    def __init__(self, code: str, value: object) -> None:
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value

    @property
    def message_zh(self) -> str:
        """A Chinese sentence for the clerk or the administrator."""
        if self.code == "area_code":
            return f"站点行政区划代码“{self.value}”不是12位数字，请管理员在设置中核对站点信息"
        if self.code == "serial":
            return f"当日办件流水号{self.value}超出范围（1至{MAX_DAILY_SERIAL}），请联系管理员"
        return f"年份或文号序号“{self.value}”无效，请联系管理员"


def provisional_number(area_code: str, day: date, serial: int) -> str:
    """The station's own case number `{12-digit area code}-{yyyymmdd}-{4-digit serial}`.

    `day` is the station-local date; the serial is the day's counter, 1..9999.
    """
    if not (isinstance(area_code, str) and len(area_code) == 12 and area_code.isascii()
            and area_code.isdigit()):
        raise NumberingError("area_code", area_code)
    if isinstance(serial, bool) or not isinstance(serial, int) or not 1 <= serial <= MAX_DAILY_SERIAL:
        raise NumberingError("serial", serial)
    return f"{area_code}-{day:%Y%m%d}-{serial:04d}"


def new_query_password(rng: random.Random | None = None) -> str:
    """A 6-digit 查询密码 printed for the applicant; cryptographically random unless `rng` is given."""
    limit = 10**QUERY_PASSWORD_DIGITS
    value = rng.randrange(limit) if rng is not None else secrets.randbelow(limit)
    return f"{value:0{QUERY_PASSWORD_DIGITS}d}"


def document_number(year: int, serial: int) -> str:
    """A 文书 number such as `〔2026〕12号` (per-year serial, kept by the DB counter)."""
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 9999:
        raise NumberingError("year", year)
    if isinstance(serial, bool) or not isinstance(serial, int) or serial < 1:
        raise NumberingError("serial", serial)
    return f"〔{year}〕{serial}号"
