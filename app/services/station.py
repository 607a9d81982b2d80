"""The station this install serves: first-start set-up and the identity shown everywhere."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from app.config import STATION_LEVEL_ZH, StationLevel
from app.db.models import Station
from app.db.session import Database
from app.services.audit import append_audit
from app.services.clock import Clock
from app.services.errors import ServiceError


@dataclass(frozen=True)
class StationInfo:
    """Who we are: 12-digit area code, name, level, window number."""

    area_code: str
    name: str
    level: StationLevel
    window_no: str
    agency_name: str
    timezone: str
    demo: bool

    @property
    def level_zh(self) -> str:
        return STATION_LEVEL_ZH[self.level]


def _info(row: Station) -> StationInfo:
    return StationInfo(row.area_code, row.name, StationLevel(row.level), row.window_no,
                       row.agency_name, row.timezone, row.demo)


def validate_station(area_code: str, name: str, window_no: str) -> None:
    """Refuse an identity the platform would not accept, with the field and the fix."""
    if not re.fullmatch(r"\d{12}", area_code):
        raise ServiceError("区划代码应为12位数字（例如 511602000000），请核对后重新输入。", code="area_code")
    if not name.strip():
        raise ServiceError("请填写站点名称。", code="name")
    if not re.fullmatch(r"[0-9A-Za-z]{1,10}", window_no):
        raise ServiceError("窗口号应为1到10位数字或字母。", code="window_no")


class StationService:
    """Read and set the station identity."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def get(self) -> StationInfo | None:
        """The station, or None before first set-up."""
        with self._db.session() as s:
            row = s.execute(select(Station).limit(1)).scalar_one_or_none()
            return None if row is None else _info(row)

    def set_up(self, *, area_code: str, name: str, level: StationLevel, window_no: str,
               agency_name: str = "", demo: bool = False, by: str = "setup") -> StationInfo:
        """Create (or correct) the station identity."""
        validate_station(area_code, name, window_no)
        now = self._clock.now()
        with self._db.session() as s:
            row = s.execute(select(Station).limit(1)).scalar_one_or_none()
            if row is None:
                row = Station(created_at=now)
                s.add(row)
            row.area_code, row.name, row.level = area_code, name.strip(), level.value
            row.window_no, row.agency_name, row.demo = window_no, agency_name.strip() or name.strip(), demo
            append_audit(s, at=now, operator=by, action="station.set_up",
                         detail={"area_code": area_code, "name": name, "window_no": window_no})
            return _info(row)
